/** Where sentences, clauses and paragraphs of a text begin and end. */

/** 。；; or a line break (by character code: a CJK character read as a string is a new string each time). */
const endsSentence = (c: number): boolean => c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0x0a;
/** ，。；：、 , ; or a line break. */
const endsClause = (c: number): boolean => endsSentence(c) || c === 0xff0c || c === 0xff1a || c === 0x3001 || c === 0x2c;

/** Start of the sentence containing pos (after 。；; or a line break). */
export function sentenceStart(v: string, pos: number): number {
  let i = pos;
  while (i > 0 && !endsSentence(v.charCodeAt(i - 1))) i--;
  return i;
}

/** End of the sentence containing pos (at its 。；; or line break, exclusive of it). */
export function sentenceEnd(v: string, pos: number): number {
  let i = pos;
  while (i < v.length && !endsSentence(v.charCodeAt(i))) i++;
  return i;
}

/** Start of the clause before pos (after ，。；：、 or a line break), at most `max` characters back. */
export function clauseStart(v: string, pos: number, max = 80): number {
  let i = pos;
  while (i > 0 && !endsClause(v.charCodeAt(i - 1)) && pos - i < max) i--;
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
