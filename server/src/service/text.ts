import { Range, Sentence, Text } from './model';

const isWs = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u3000';

/**
 * Maps every character of a scalar's value back to the source by guessing: characters are matched
 * greedily; whitespace that YAML folded matches any whitespace; a character that cannot be found
 * close by is mapped to the current position. Only a fallback for a scalar that decodeYamlScalar
 * could not read as the YAML library did (the Text is then marked inexact and no fix is offered on it).
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

/** A decoded scalar: its value and, per UTF-16 unit of the value, the source range [starts[i], ends[i]) it comes from. */
export interface Decoded {
  value: string;
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * Collects decoded characters with their source spans. Characters that folding or an escape makes
 * (a space for a line break, the line feeds of empty lines, the line feed a block scalar keeps) are
 * "gap" characters: they are given the source between the last character written and the next one,
 * cut at the line breaks in between, so that every source character belongs to some value character
 * or to none, and the spans never overlap.
 */
class Spans {
  value = '';
  /**
   * Where each character was read from, as entries of three numbers: [s, e, 1] one character read from
   * src[s, e); [s, e, 0] the characters of src[s, e), each from itself (run). Made into arrays once, in
   * done(): no array per character grows as a text is read.
   */
  private marks: number[] = [];
  private count = 0;
  private gap = '';
  private cuts: number[] = [];
  private breaks = 0;
  private last: number;
  constructor(start: number) {
    this.last = start;
  }
  /** A character read from src[s, e). */
  char(c: string, s: number, e: number): void {
    this.flush(s);
    this.value += c;
    this.marks.push(s, e, 1);
    this.count++;
    this.last = e;
  }
  /** The characters of src[s, e), each read from itself (what char() does one by one). */
  run(src: string, s: number, e: number): void {
    if (s >= e) return;
    this.flush(s);
    this.value += src.slice(s, e);
    this.marks.push(s, e, 0);
    this.count += e - s;
    this.last = e;
  }
  /** Characters that stand for the gap before the next character. */
  gapChars(c: string): void {
    this.gap += c;
  }
  /** A line break at `at` while nothing was written since the last character: where gap characters may be cut. */
  lineBreak(at: number): void {
    if (this.breaks++ > 0) this.cuts.push(at);
  }
  /** The last character, pending gap characters included. */
  tail(): string | undefined {
    return this.gap ? this.gap[this.gap.length - 1] : this.value[this.value.length - 1];
  }
  /** Writes the pending gap characters over [last, to). */
  flush(to: number): void {
    const k = this.gap.length;
    if (k) {
      const bounds = [this.last, ...this.cuts.filter((c) => c > this.last && c < to).slice(0, k - 1)];
      while (bounds.length < k) bounds.push(to);
      bounds.push(to);
      for (let i = 0; i < k; i++) {
        this.value += this.gap[i];
        this.marks.push(bounds[i], bounds[i + 1], 1);
        this.count++;
      }
      this.last = to;
      this.gap = '';
    }
    if (this.cuts.length) this.cuts = [];
    this.breaks = 0;
  }
  done(to: number): Decoded {
    this.flush(Math.max(to, this.last));
    const starts = new Int32Array(this.count);
    const ends = new Int32Array(this.count);
    const m = this.marks;
    let i = 0;
    for (let j = 0; j < m.length; j += 3) {
      if (m[j + 2] === 1) {
        starts[i] = m[j];
        ends[i++] = m[j + 1];
      } else for (let k = m[j]; k < m[j + 1]; k++) {
        starts[i] = k;
        ends[i++] = k + 1;
      }
    }
    return { value: this.value, starts, ends };
  }
}

const DQ_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0',
  L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

/** The length of the line break at src[i] (\n or \r\n), or 0. */
const breakAt = (src: string, i: number) => (src[i] === '\n' ? 1 : src[i] === '\r' && src[i + 1] === '\n' ? 2 : 0);

/** A double-quoted scalar (src with its quotes): every escape, trailing white space and folded line. */
function doubleQuoted(src: string): Decoded {
  const out = new Spans(1);
  // unterminated (a syntax error): the library takes the final line break, \r\n included, for the missing quote
  const last = src.endsWith('\r\n') ? src.length - 2 : src.length - 1;
  let i = 1;
  while (i < last) {
    const ch = src[i];
    const br = breakAt(src, i);
    if (br) {
      // a line break folds: to a space, or to the line feeds of the empty lines after it
      out.lineBreak(i);
      let j = i + br;
      let n = 0;
      for (;;) {
        const c = src[j];
        if (c === ' ' || c === '\t') j++;
        else if (breakAt(src, j)) { out.lineBreak(j); n++; j += breakAt(src, j); } else break;
      }
      out.gapChars(n ? '\n'.repeat(n) : ' ');
      i = j;
    } else if (ch === '\\') {
      const next = src[i + 1];
      if (next !== undefined && Object.prototype.hasOwnProperty.call(DQ_ESCAPES, next)) {
        out.char(DQ_ESCAPES[next], i, i + 2);
        i += 2;
      } else if (breakAt(src, i + 1)) {
        // an escaped line break: nothing, and the next line's leading white space is dropped
        let j = i + 1 + breakAt(src, i + 1);
        while (src[j] === ' ' || src[j] === '\t') j++;
        i = j;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const len = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = src.substr(i + 2, len);
        let cp = Number.NaN;
        if (hex.length === len && /^[0-9a-fA-F]+$/.test(hex)) cp = parseInt(hex, 16);
        let s: string | undefined;
        try { s = String.fromCodePoint(cp); } catch { s = undefined; }
        if (s !== undefined) for (const u of s.split('')) out.char(u, i, i + 2 + len);
        else {
          const raw = src.substr(i, len + 2);
          for (let k = 0; k < raw.length; k++) out.char(raw[k], i + k, i + k + 1);
        }
        i += 2 + len;
      } else {
        // an invalid escape (a syntax error): kept as written
        out.char('\\', i, i + 1);
        if (next !== undefined) out.char(next, i + 1, i + 2);
        i += 2;
      }
    } else if (ch === ' ' || ch === '\t') {
      // white space before a line break is dropped
      let j = i;
      while (src[j + 1] === ' ' || src[j + 1] === '\t') j++;
      if (!breakAt(src, j + 1)) for (let k = i; k <= j; k++) out.char(src[k], k, k + 1);
      i = j + 1;
    } else {
      out.char(ch, i, i + 1);
      i++;
    }
  }
  return out.done(Math.max(1, last));
}

/**
 * Folded lines of a plain or single-quoted scalar, as the YAML library unfolds them: the first line
 * without its trailing white space, the others without leading and trailing white space, the last
 * without its leading white space; a line break is a space, each empty line a line feed. `quote`:
 * '' in a single-quoted scalar is one '.
 */
function unfold(src: string, from: number, to: number, quote: boolean): Decoded {
  const out = new Spans(from);
  const lines: Array<{ s: number; e: number; br: number }> = [];
  let s = from;
  for (let i = from; i < to; i++) {
    const br = breakAt(src, i);
    if (br) {
      lines.push({ s, e: i, br });
      i += br - 1;
      s = i + 1;
    }
  }
  lines.push({ s, e: to, br: 0 });
  const put = (a: number, b: number) => {
    for (let k = a; k < b; k++) {
      if (quote && src[k] === "'" && src[k + 1] === "'" && k + 1 < b) {
        out.char("'", k, k + 2);
        k++;
      } else out.char(src[k], k, k + 1);
    }
  };
  const isSp = (c: string) => c === ' ' || c === '\t';
  if (lines.length === 1) {
    put(from, to);
    return out.done(to);
  }
  let sep = ' ';
  lines.forEach((l, n) => {
    let a = l.s;
    let b = l.e;
    if (n > 0) while (a < b && isSp(src[a])) a++;
    if (n < lines.length - 1) while (b > a && isSp(src[b - 1])) b--;
    if (n === 0) put(a, b);
    else if (n < lines.length - 1 && a === b) {
      if (sep === '\n') out.gapChars('\n');
      else sep = '\n';
    } else {
      out.gapChars(sep);
      put(a, b);
      sep = ' ';
    }
    if (l.br) out.lineBreak(l.e);
  });
  return out.done(to);
}

/**
 * A block scalar (| or >, with its header line): the lines without the content indentation (the
 * first content line's, or `trim` for a header with an indentation indicator), chomped and, for >,
 * folded as the YAML library does.
 */
function blockScalar(src: string, trim?: number): Decoded {
  const hdr = /^([|>])([1-9+-]{0,2})/.exec(src);
  const mode = hdr?.[1] ?? '|';
  const chomp = hdr?.[2].includes('-') ? '-' : hdr?.[2].includes('+') ? '+' : '';
  const explicit = Number(/[1-9]/.exec(hdr?.[2] ?? '')?.[0] ?? 0);
  const nl = src.indexOf('\n');
  const from = nl < 0 ? src.length : nl + 1;
  const out = new Spans(from);
  // lines: [start, indent end, content end (before \r), break length]
  const lines: Array<{ s: number; c: number; e: number; br: number }> = [];
  if (from < src.length) {
    let s = from;
    for (;;) {
      let c = s;
      while (src[c] === ' ') c++;
      let e = src.indexOf('\n', c);
      const br = e < 0 ? 0 : 1;
      if (e < 0) e = src.length;
      let ce = e;
      let brLen = br;
      if (br && src[e - 1] === '\r') { ce = e - 1; brLen = 2; }
      else if (!br && src[e - 1] === '\r') ce = e - 1;
      lines.push({ s, c, e: ce, br: brLen });
      if (!br) break;
      s = e + 1;
    }
  }
  const indentOf = (l: { s: number; c: number }) => l.c - l.s;
  const empty = (l: { c: number; e: number }) => l.e === l.c;
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (empty(lines[i])) chompStart = i;
    else break;
  }
  if (chompStart === 0) {
    if (chomp === '+' && lines.length > 0) {
      const n = Math.max(1, lines.length - 1);
      for (let i = 0; i < n; i++) out.char('\n', lines[i].e, lines[i].e + lines[i].br);
    }
    return out.done(src.length);
  }
  let trimIndent = trim ?? explicit;
  let contentStart = 0;
  for (let i = 0; i < chompStart; i++) {
    const l = lines[i];
    if (empty(l)) {
      if (!explicit && indentOf(l) > trimIndent) trimIndent = indentOf(l);
    } else {
      if (!explicit) trimIndent = indentOf(l);
      contentStart = i;
      break;
    }
  }
  for (let i = lines.length - 1; i >= chompStart; i--) {
    if (indentOf(lines[i]) > trimIndent) chompStart = i + 1;
  }
  const spaces = (l: { s: number; c: number }, to = l.c) => {
    for (let k = l.s + trimIndent; k < to; k++) out.char(' ', k, k + 1);
  };
  const content = (l: { c: number; e: number }) => out.run(src, l.c, l.e);
  for (let i = 0; i < contentStart; i++) {
    spaces(lines[i]);
    out.gapChars('\n');
    out.lineBreak(lines[i].e);
  }
  let sep = '';
  let prevMore = false;
  for (let i = contentStart; i < chompStart; i++) {
    const l = lines[i];
    let c = l.c;
    if (!empty(l) && indentOf(l) < trimIndent) c = l.s; // a syntax error: the line is taken whole
    const line = { s: l.s, c, e: l.e };
    if (mode === '|') {
      out.gapChars(sep);
      spaces(line);
      content(line);
      sep = '\n';
    } else if (c - l.s > trimIndent || src[c] === '\t') {
      if (sep === ' ') sep = '\n';
      else if (!prevMore && sep === '\n') sep = '\n\n';
      out.gapChars(sep);
      spaces(line);
      content(line);
      sep = '\n';
      prevMore = true;
    } else if (empty(l)) {
      if (sep === '\n') out.gapChars('\n');
      else sep = '\n';
    } else {
      out.gapChars(sep);
      content(line);
      sep = ' ';
      prevMore = false;
    }
    if (l.br) out.lineBreak(l.e);
  }
  const lastContent = lines[chompStart - 1];
  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; i++) {
      out.gapChars('\n');
      spaces(lines[i], lines[i].e);
      if (lines[i].br) out.lineBreak(lines[i].e);
    }
    if (out.tail() !== '\n') out.gapChars('\n');
    return out.done(src.length);
  }
  if (chomp === '') {
    out.gapChars('\n');
    return out.done(Math.min(src.length, lastContent.e + lastContent.br));
  }
  return out.done(lastContent.e);
}

/**
 * The value of a YAML scalar decoded from its source, with the source span of every character:
 * `src` is the scalar's source (quotes, block header and indentation included), `type` the yaml
 * library's Scalar.type. Undefined when the decoded value is not `expected` (what the library read).
 */
export function decodeYamlScalar(src: string, type: string | undefined, expected: string): Decoded | undefined {
  if ((type === 'PLAIN' || type === undefined) && src === expected) {
    // the value is its source (a plain scalar on one line): each character is itself
    const starts = new Int32Array(src.length);
    const ends = new Int32Array(src.length);
    for (let i = 0; i < src.length; i++) { starts[i] = i; ends[i] = i + 1; }
    return { value: src, starts, ends };
  }
  let d: Decoded | undefined;
  switch (type) {
    case 'QUOTE_DOUBLE': d = doubleQuoted(src); break;
    case 'QUOTE_SINGLE': d = unfold(src, 1, Math.max(1, src.length - 1), true); break;
    case 'BLOCK_LITERAL': case 'BLOCK_FOLDED': {
      d = blockScalar(src);
      if (d.value !== expected && /^[|>][-+]?[1-9]/.test(src)) {
        // an indentation indicator counts from the parent's indentation, which the scalar's source does not show
        for (let t = 1; t <= 200 && d.value !== expected; t++) d = blockScalar(src, t);
      }
      break;
    }
    default: d = unfold(src, 0, src.length, false);
  }
  return d.value === expected ? d : undefined;
}


/** Splits text into sentences (ending with 。！？； or a line break), dropping empty ones. */
export function splitSentences(value: string, offsets: Int32Array, ends?: Int32Array): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isWs(value[s])) s++;
    while (e > s && isWs(value[e - 1])) e--;
    if (e > s) {
      out.push({ text: value.slice(s, e), start: s, end: e, range: { start: offsets[s], end: ends ? ends[e - 1] : offsets[e - 1] + 1 } });
    }
  };
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // 。！？；;!? and the line feed (SENTENCE_END)
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 59 || c === 33 || c === 63 || c === 10) {
      push(c === 10 ? i : i + 1);
      start = i + 1;
    }
  }
  push(value.length);
  return out;
}

/**
 * A Text from a YAML scalar: `src` is its source (quotes, block header and indentation included),
 * `base` where src starts, `type` the yaml library's Scalar.type. The characters are mapped exactly
 * (decodeYamlScalar); when the decoding disagrees with the library's value the offsets are guessed
 * and the Text is inexact (no fix is offered inside it).
 */
export function makeText(value: string, src: string, base: number, range: Range, type?: string): Text {
  const d = decodeYamlScalar(src, type, value);
  if (d) {
    const offsets = d.starts;
    const ends = d.ends;
    for (let i = 0; i < offsets.length; i++) {
      offsets[i] += base;
      ends[i] += base;
    }
    return { value, range, offsets, ends, sentences: splitSentences(value, offsets, ends) };
  }
  const offsets = alignOffsets(value, src, base);
  const ends = offsets.map((o) => o + 1);
  return { value, range, offsets, ends, sentences: splitSentences(value, offsets, ends), inexact: true };
}

/** The source range of value[start, end) of a Text. */
export function textRange(t: Text, start: number, end: number): Range {
  if (t.value.length === 0) return { start: t.range.start, end: t.range.start };
  const s = t.offsets[Math.min(start, t.value.length - 1)];
  if (end <= start) return { start: s, end: s };
  const last = Math.min(end, t.value.length) - 1;
  const e = t.ends ? t.ends[last] : t.offsets[last] + 1;
  return { start: s, end: Math.max(s, e) };
}

const rangeTexts = new WeakMap<Range, string>();

/** textRange, remembering what the range reads in the text: a finding reported at it names that text (rangeText). */
export function namedRange(t: Text, start: number, end: number): Range {
  const r = textRange(t, start, end);
  rangeTexts.set(r, t.value.slice(start, end));
  return r;
}

/** What a range made by namedRange reads, or undefined for any other range. */
export function rangeText(r: Range): string | undefined {
  return rangeTexts.get(r);
}

const STEPS = [4096, 256, 16, 1];

/**
 * What differs between two texts: the first `prefix` characters of both are the same, and so are
 * their last `suffix` (which do not reach into the prefix of either). Compared in chunks: string
 * equality is a memory compare.
 */
export function changedSpan(a: string, b: string): { prefix: number; suffix: number } {
  const n = Math.min(a.length, b.length);
  if (a === b) return { prefix: n, suffix: 0 };
  let prefix = 0;
  for (const step of STEPS) while (prefix + step <= n && a.slice(prefix, prefix + step) === b.slice(prefix, prefix + step)) prefix += step;
  let suffix = 0;
  const m = n - prefix;
  for (const step of STEPS) while (suffix + step <= m && a.slice(a.length - suffix - step, a.length - suffix) === b.slice(b.length - suffix - step, b.length - suffix)) suffix += step;
  return { prefix, suffix };
}

/**
 * Each lone CR (not followed by LF) as an LF: one character for one, so offsets and line/character
 * positions (LineIndex counts a lone CR as a line break) stay those of the original text. For any
 * text that may hold old Mac line breaks before it reaches the YAML library or the block splitters.
 */
export function loneCrAsLf(text: string): string {
  // no CR at all (most files): found by indexOf, many times faster than the expression on a large text
  if (text.indexOf('\r') < 0) return text;
  return /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Offsets ↔ 0-based line/character (UTF-16), as LSP counts them. */
/** Where each line starts: after each LF, CRLF or lone CR (as LSP and TextDocument count lines). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    // no CR (most files): the line feeds found by indexOf, many times faster than a loop over every character
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export class LineIndex {
  private readonly starts: number[];
  constructor(readonly text: string) {
    this.starts = lineStarts(text);
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
