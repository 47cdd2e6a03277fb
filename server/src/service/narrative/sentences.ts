/** Where sentences, clauses and paragraphs of a text begin and end. */

const SENTENCE_END = /[。；;\n]/;

/** Start of the sentence containing pos (after 。；; or a line break). */
export function sentenceStart(v: string, pos: number): number {
  let i = pos;
  while (i > 0 && !SENTENCE_END.test(v[i - 1])) i--;
  return i;
}

/** End of the sentence containing pos (at its 。；; or line break, exclusive of it). */
export function sentenceEnd(v: string, pos: number): number {
  let i = pos;
  while (i < v.length && !SENTENCE_END.test(v[i])) i++;
  return i;
}

/** Start of the clause before pos (after ，。；：、 or a line break), at most `max` characters back. */
export function clauseStart(v: string, pos: number, max = 80): number {
  let i = pos;
  while (i > 0 && !/[，。；：、\n,;]/.test(v[i - 1]) && pos - i < max) i--;
  return i;
}

/** The paragraph (line) around pos: [start, end). */
export function paragraphAt(v: string, pos: number): { start: number; end: number } {
  const start = v.lastIndexOf('\n', pos - 1) + 1;
  let end = v.indexOf('\n', pos);
  if (end < 0) end = v.length;
  return { start, end };
}

/** Every line of a text with its start. */
export function lines(v: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  let start = 0;
  while (start <= v.length) {
    let end = v.indexOf('\n', start);
    if (end < 0) end = v.length;
    out.push({ start, end, text: v.slice(start, end) });
    start = end + 1;
  }
  return out;
}
