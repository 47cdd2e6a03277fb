/**
 * An open document whose content changes are coalesced: a didChange notification only queues its
 * changes (no string is built); the first read of the text applies every queued change in one
 * pass over the document's lines. A flood of 2,000 edits then costs one split and one join of the
 * text instead of 2,000 copies of it (TextDocument.update copies the whole text per change).
 * The text after the changes is exactly TextDocument.update's (test/coalescing.test.ts).
 */
import { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lineStarts } from '../service';

const isEol = (c: number) => c === 10 || c === 13;

/** The lines of a text, each with its line break ("\n", "\r\n" or "\r"); the last without one (maybe ''). */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** Where a position falls, as TextDocument.offsetAt places it: line index and character within it. */
function locate(lines: string[], p: Position): { line: number; ch: number } {
  if (p.line >= lines.length) return { line: lines.length - 1, ch: lines[lines.length - 1].length };
  if (p.line < 0) return { line: 0, ch: 0 };
  if (p.character <= 0) return { line: p.line, ch: 0 };
  const s = lines[p.line];
  let ch = Math.min(p.character, s.length);
  while (ch > 0 && isEol(s.charCodeAt(ch - 1))) ch--;
  return { line: p.line, ch };
}

function wellFormed(r: Range): Range {
  const { start, end } = r;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : r;
}

/** Applies content changes to a text, in order, as TextDocument.update does. */
export function applyChanges(text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  // a full-content change makes everything before it irrelevant
  let from = 0;
  for (let i = changes.length - 1; i >= 0; i--) {
    if (!('range' in changes[i]) || (changes[i] as { range?: Range }).range === undefined) {
      text = changes[i].text;
      from = i + 1;
      break;
    }
  }
  if (from === changes.length) return text;
  if (changes.length - from === 1) {
    // one change: no need to split the text into lines
    const c = changes[from] as { range: Range; text: string };
    const doc = TextDocument.create('', '', 0, text);
    const r = wellFormed(c.range);
    return text.slice(0, doc.offsetAt(r.start)) + c.text + text.slice(doc.offsetAt(r.end));
  }
  if (text.indexOf('\r') < 0 && changes.every((c, i) => i < from || c.text.indexOf('\r') < 0)) return applyLf(text, changes, from);
  const lines = splitLines(text);
  for (let i = from; i < changes.length; i++) {
    const c = changes[i] as { range: Range; text: string };
    const r = wellFormed(c.range);
    const s = locate(lines, r.start);
    const e = locate(lines, r.end);
    let first = s.line;
    let joined = lines[s.line].slice(0, s.ch) + c.text + lines[e.line].slice(e.ch);
    // a "\n" now right after a line that ends with a lone "\r": the two are one line break
    if (joined.charCodeAt(0) === 10 && first > 0 && s.ch === 0 && lines[first - 1].endsWith('\r')) {
      first--;
      joined = lines[first] + joined;
    }
    const pieces = splitLines(joined);
    // the last piece is '' when `joined` ends with a line break: the next line continues it
    if (e.line < lines.length - 1 && pieces.length > 1 && pieces[pieces.length - 1] === '') pieces.pop();
    if (pieces.length < 4096) lines.splice(first, e.line - first + 1, ...pieces);
    else {
      const rest = lines.splice(e.line + 1);
      lines.length = first;
      for (const p of pieces) lines.push(p);
      for (const p of rest) lines.push(p);
    }
  }
  return lines.join('');
}

/** applyChanges for a text with "\n" line breaks only (and changes without "\r"): lines without their breaks, native split and join. */
function applyLf(text: string, changes: readonly TextDocumentContentChangeEvent[], from: number): string {
  const lines = text.split('\n');
  const at = (p: Position) => {
    if (p.line >= lines.length) return { line: lines.length - 1, ch: lines[lines.length - 1].length };
    if (p.line < 0) return { line: 0, ch: 0 };
    return { line: p.line, ch: Math.max(0, Math.min(p.character, lines[p.line].length)) };
  };
  for (let i = from; i < changes.length; i++) {
    const c = changes[i] as { range: Range; text: string };
    const r = wellFormed(c.range);
    const s = at(r.start);
    const e = at(r.end);
    const pieces = (lines[s.line].slice(0, s.ch) + c.text + lines[e.line].slice(e.ch)).split('\n');
    if (pieces.length < 4096) lines.splice(s.line, e.line - s.line + 1, ...pieces);
    else {
      const rest = lines.splice(e.line + 1);
      lines.length = s.line;
      for (const x of pieces) lines.push(x);
      for (const x of rest) lines.push(x);
    }
  }
  return lines.join('\n');
}

/** Where line `line` ends, before its "\n" (a text without "\r", by its line offsets and length). */
const lineEnd = (lo: number[], line: number, length: number) => (line + 1 < lo.length ? lo[line + 1] - 1 : length);

/**
 * A text with its line offsets, read as TextDocument reads one (offsetAt, positionAt, getText, lineCount,
 * getLineRange, getEOLCharacters: the same code as vscode-languageserver-textdocument's FullTextDocument).
 * The offsets are computed when first asked for, or handed over already moved by an edit.
 *
 * Edits within lines (applyInLines) are kept as the lines they changed over the text they were made
 * on (`base`): the whole text is built once, when first read whole; positions and offsets are answered
 * without it, and what changed since `base` is known without comparing texts (spanSince).
 */
class LineText {
  private offsets: number[] | undefined;
  /** Whether the text has a "\r" (then every edit takes the general path). */
  private cr: boolean | undefined;
  /** Lines of `base` changed since (line number → its text without the "\n"), with `base`'s line offsets. */
  private edited: Map<number, string> | undefined;
  private baseOffsets: number[] | undefined;
  private length: number;

  constructor(private base: string, offsets?: number[]) {
    this.offsets = offsets;
    this.length = base.length;
  }

  /** Whether the whole text is built (no changed lines kept over `base`). */
  get whole(): boolean {
    return !this.edited;
  }

  /** The whole text (built from `base` and the changed lines when first asked for). */
  get content(): string {
    if (this.edited) {
      const lo = this.baseOffsets!;
      const t = this.base;
      const pieces: string[] = [];
      let prev = 0;
      for (const line of [...this.edited.keys()].sort((x, y) => x - y)) {
        pieces.push(t.slice(prev, lo[line]), this.edited.get(line)!);
        prev = lineEnd(lo, line, t.length);
      }
      pieces.push(t.slice(prev));
      this.base = pieces.join('');
      this.edited = undefined;
      this.baseOffsets = undefined;
    }
    return this.base;
  }

  lineOffsets(): number[] {
    return (this.offsets ??= lineStarts(this.content));
  }

  hasCr(): boolean {
    if (this.cr === undefined) this.cr = this.base.indexOf('\r') >= 0;
    return this.cr;
  }

  /** The text of a line, without its line break (a text without "\r" only). */
  lineText(line: number): string {
    const e = this.edited?.get(line);
    if (e !== undefined) return e;
    const lo = this.baseOffsets ?? this.lineOffsets();
    return this.base.slice(lo[line], lineEnd(lo, line, this.base.length));
  }

  /**
   * Edits within lines (each on one line, bringing no line break) of a text without "\r", applied as
   * TextDocument.update applies them; false (nothing changed) when some edit is not of that kind.
   */
  applyInLines(changes: readonly TextDocumentContentChangeEvent[]): boolean {
    if (this.hasCr()) return false;
    const lo = this.lineOffsets();
    for (const c of changes) {
      const range = (c as { range?: Range }).range;
      if (!range || c.text.indexOf('\n') >= 0 || c.text.indexOf('\r') >= 0) return false;
      const r = wellFormed(range);
      if (r.end.line !== r.start.line || r.start.line < 0 || r.start.line >= lo.length) return false;
    }
    if (!this.edited) {
      // the base keeps its offsets; the current ones are a copy, moved in place from now on
      this.edited = new Map();
      this.baseOffsets = lo;
      this.offsets = lo.slice();
    }
    const offsets = this.offsets!;
    const now = new Map<number, string>();
    for (const c of changes) {
      const r = wellFormed((c as { range: Range }).range);
      const line = r.start.line;
      const s = now.get(line) ?? this.lineText(line);
      const a = Math.max(0, Math.min(r.start.character, s.length));
      const b = Math.max(0, Math.min(r.end.character, s.length));
      now.set(line, s.slice(0, a) + c.text + s.slice(b));
    }
    // what each changed line gained or lost (read before any offset moves), then the lines after each
    // move by what the changed lines before them gained: nothing moves when the widths stay (typing over a cell)
    const n = offsets.length;
    const lines = [...now.keys()].sort((x, y) => x - y);
    const gained = lines.map((line) => now.get(line)!.length - (lineEnd(offsets, line, this.length) - offsets[line]));
    let shift = 0;
    for (let j = 0; j < lines.length; j++) {
      shift += gained[j];
      const to = j + 1 < lines.length ? lines[j + 1] : n - 1;
      if (shift !== 0) for (let k = lines[j] + 1; k <= to; k++) offsets[k] += shift;
      this.edited.set(lines[j], now.get(lines[j])!);
    }
    this.length += shift;
    return true;
  }

  /**
   * What changed since `text`, when this text is `text` with edits within lines (no text compared):
   * the first `prefix` characters and the last `suffix` are `text`'s. Undefined otherwise.
   */
  spanSince(text: string): { prefix: number; suffix: number; length: number } | undefined {
    if (this.base !== text) return undefined;
    if (!this.edited) return { prefix: text.length, suffix: 0, length: text.length };
    const lo = this.baseOffsets!;
    const lines = [...this.edited.keys()];
    return { prefix: lo[Math.min(...lines)], suffix: text.length - lineEnd(lo, Math.max(...lines), text.length), length: this.length };
  }

  private codeAt(offset: number): number {
    if (!this.edited) return this.base.charCodeAt(offset);
    // edited: no "\r"; each line ends with "\n" but the last
    const line = this.lineAt(offset);
    const lo = this.offsets!;
    const s = this.lineText(line);
    const i = offset - lo[line];
    return i < s.length ? s.charCodeAt(i) : i === s.length && line + 1 < lo.length ? 10 : NaN;
  }

  private lineAt(offset: number): number {
    const lo = this.lineOffsets();
    let low = 0;
    let high = lo.length;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lo[mid] > offset) high = mid;
      else low = mid + 1;
    }
    return low - 1;
  }

  private beforeEol(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEol(this.codeAt(offset - 1))) offset--;
    return offset;
  }

  offsetAt(position: Position): number {
    const lo = this.lineOffsets();
    if (position.line >= lo.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lo[position.line];
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < lo.length ? lo[position.line + 1] : this.length;
    return this.beforeEol(Math.min(lineOffset + position.character, next), lineOffset);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lo = this.lineOffsets();
    const line = this.lineAt(offset);
    return { line, character: this.beforeEol(offset, lo[line]) - lo[line] };
  }

  getText(range?: Range): string {
    return range ? this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.content;
  }

  getLineRange(line: number): Range {
    const lo = this.lineOffsets();
    if (line >= lo.length) {
      const last = lo.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lo[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const next = line + 1 < lo.length ? lo[line + 1] : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, lo[line]) - lo[line] } };
  }

  getEOLCharacters(line: number): string {
    const lo = this.lineOffsets();
    if (line >= lo.length || line < 0) return '';
    const next = line + 1 < lo.length ? lo[line + 1] : this.length;
    return this.content.substring(this.beforeEol(next, lo[line]), next);
  }
}

/**
 * A TextDocument (uri, languageId, version, getText, positionAt, offsetAt, lineCount) that takes
 * changes without applying them until it is read. Used as the TextDocuments configuration.
 */
export class CoalescingDocument implements TextDocument {
  private doc: LineText;
  private pending: TextDocumentContentChangeEvent[] = [];
  private ver: number;

  constructor(readonly uri: string, readonly languageId: string, version: number, content: string) {
    this.doc = new LineText(content);
    this.ver = version;
  }

  static create(uri: string, languageId: string, version: number, content: string): CoalescingDocument {
    return new CoalescingDocument(uri, languageId, version, content);
  }

  /** Queues the changes (applied at the next read); the document keeps its identity. */
  static update(document: CoalescingDocument, changes: TextDocumentContentChangeEvent[], version: number): CoalescingDocument {
    for (const c of changes) document.pending.push(c);
    document.ver = version;
    return document;
  }

  get version(): number {
    return this.ver;
  }

  /** Whether the whole text is built (edits within lines keep the changed lines until it is read whole). */
  get whole(): boolean {
    return this.pending.length === 0 && this.doc.whole;
  }

  /** How many changes are queued (not applied yet). */
  get queued(): number {
    return this.pending.length;
  }

  private current(): LineText {
    if (this.pending.length > 0) {
      if (!this.doc.applyInLines(this.pending)) this.doc = new LineText(applyChanges(this.doc.content, this.pending));
      this.pending = [];
    }
    return this.doc;
  }

  getText(range?: Range): string {
    return this.current().getText(range);
  }

  /**
   * What changed since `text` (a text this document had, as getText gave it), found without building
   * or comparing texts when only edits within lines came since: the first `prefix` characters and
   * the last `suffix` of the current text are `text`'s; `length` is the current text's. Undefined
   * when not known that way (compare the texts then).
   */
  changedSince(text: string): { prefix: number; suffix: number; length: number } | undefined {
    return this.current().spanSince(text);
  }

  positionAt(offset: number): Position {
    return this.current().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.current().offsetAt(position);
  }

  get lineCount(): number {
    return this.current().lineOffsets().length;
  }

  getLineRange(line: number): Range {
    return this.current().getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.current().getEOLCharacters(line);
  }
}
