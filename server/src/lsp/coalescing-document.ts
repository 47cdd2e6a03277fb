/**
 * An open document whose content changes are coalesced: a didChange notification only queues its
 * changes (no string is built); the first read of the text applies every queued change in one
 * pass over the document's lines. A flood of 2,000 edits then costs one split and one join of the
 * text instead of 2,000 copies of it (TextDocument.update copies the whole text per change).
 * The text after the changes is exactly TextDocument.update's (test/coalescing.test.ts).
 */
import { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

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

/**
 * A TextDocument (uri, languageId, version, getText, positionAt, offsetAt, lineCount) that takes
 * changes without applying them until it is read. Used as the TextDocuments configuration.
 */
export class CoalescingDocument implements TextDocument {
  private doc: TextDocument;
  private pending: TextDocumentContentChangeEvent[] = [];
  private ver: number;

  constructor(readonly uri: string, readonly languageId: string, version: number, content: string) {
    this.doc = TextDocument.create(uri, languageId, version, content);
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

  /** How many changes are queued (not applied yet). */
  get queued(): number {
    return this.pending.length;
  }

  private current(): TextDocument {
    if (this.pending.length > 0) {
      const text = applyChanges(this.doc.getText(), this.pending);
      this.pending = [];
      this.doc = TextDocument.create(this.uri, this.languageId, this.ver, text);
    }
    return this.doc;
  }

  getText(range?: Range): string {
    return this.current().getText(range);
  }

  positionAt(offset: number): Position {
    return this.current().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.current().offsetAt(position);
  }

  get lineCount(): number {
    return this.current().lineCount;
  }

  getLineRange(line: number): Range {
    return this.current().getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.current().getEOLCharacters(line);
  }
}
