import { Range, Sentence, Text } from './model';

const isWs = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u3000';

/**
 * Maps every character of a scalar's value back to the source. `src` is the source slice of the
 * scalar (with quotes, block header and indentation), `base` its offset. Characters are matched
 * greedily; whitespace that YAML folded matches any whitespace; a character that cannot be found
 * close by (an escape sequence) is mapped to the current position.
 */
export function alignOffsets(value: string, src: string, base: number): Int32Array {
  const out = new Int32Array(value.length);
  // Fast path: the value is the source (a single-line plain scalar).
  if (value === src) {
    for (let i = 0; i < value.length; i++) out[i] = base + i;
    return out;
  }
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const ws = isWs(c);
    let k = j;
    let found = -1;
    while (k < src.length && k - j <= 96) {
      const s = src[k];
      if (s === c || (ws && isWs(s))) {
        found = k;
        break;
      }
      k++;
    }
    if (found >= 0) {
      out[i] = base + found;
      j = found + 1;
    } else {
      out[i] = base + Math.min(j, Math.max(0, src.length - 1));
    }
  }
  return out;
}

const SENTENCE_END = /[。！？；;!?\n]/;

/** Splits text into sentences (ending with 。！？； or a line break), dropping empty ones. */
export function splitSentences(value: string, offsets: Int32Array): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isWs(value[s])) s++;
    while (e > s && isWs(value[e - 1])) e--;
    if (e > s) {
      out.push({ text: value.slice(s, e), start: s, end: e, range: { start: offsets[s], end: offsets[e - 1] + 1 } });
    }
  };
  for (let i = 0; i < value.length; i++) {
    if (SENTENCE_END.test(value[i])) {
      push(value[i] === '\n' ? i : i + 1);
      start = i + 1;
    }
  }
  push(value.length);
  return out;
}

export function makeText(value: string, src: string, base: number, range: Range): Text {
  const offsets = alignOffsets(value, src, base);
  return { value, range, offsets, sentences: splitSentences(value, offsets) };
}

/** The source range of value[start, end) of a Text. */
export function textRange(t: Text, start: number, end: number): Range {
  if (t.value.length === 0) return { start: t.range.start, end: t.range.start };
  const s = t.offsets[Math.min(start, t.value.length - 1)];
  const e = end > start ? t.offsets[Math.min(end, t.value.length) - 1] + 1 : s;
  return { start: s, end: e };
}

/** Offsets ↔ 0-based line/character (UTF-16), as LSP counts them. */
export class LineIndex {
  private readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }
  get lineCount(): number {
    return this.starts.length;
  }
  position(offset: number): { line: number; character: number } {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const lineEnd = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return Math.min(this.starts[line] + Math.max(0, character), lineEnd);
  }
}
