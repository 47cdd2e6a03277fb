/**
 * The open documents and their checks, for the protocol handlers: each document is checked at most
 * once per version (and per settings/catalogue/workspace generation); edits arriving in a flood are
 * coalesced (content changes are queued and applied in one pass when the text is read; a check
 * runs for the latest version only; a stale scheduled check is dropped). A read that must answer
 * quickly (hover) may use the last check when a new one would take too long (`view`).
 */
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckResult, LanguageService, Range, syntaxOfDocument } from '../service';
import { changedSpan } from '../service/text';
import { CoalescingDocument } from './coalescing-document';

type Doc = CoalescingDocument;

/** A hover waits at most about this long: when the last check took longer, the last check answers. */
export const QUICK_BUDGET_MS = 100;

/**
 * A check result read at the current text's offsets: either the current check (identity), or the
 * last one, with offsets mapped through what changed since (outside the changed span only).
 */
export interface View {
  result: CheckResult;
  /** The text the result was checked on. */
  text: string;
  /** Whether this is the check of the current version. */
  fresh: boolean;
  /** An offset of the current text in the result's text (undefined: inside what changed). */
  toResult(offset: number): number | undefined;
  /** A range of the result's text in the current text (undefined: it touches what changed). */
  toDoc(range: Range): Range | undefined;
}

export class CheckedDocuments {
  /** Content changes are queued and applied in one pass when the text is next read (a flood of edits costs one pass). */
  readonly docs = new TextDocuments(CoalescingDocument);
  private readonly checkedAt = new Map<string, { version: number; generation: number; text: string }>();
  private readonly durations = new Map<string, number>();
  /** Bumped when something every check reads changed (settings, catalogue, a unit report). */
  generation = 0;

  constructor(readonly ls: LanguageService) {}

  get(uri: string): Doc | undefined {
    return this.docs.get(uri);
  }

  all(): Doc[] {
    return this.docs.all();
  }

  /** The check of a document for its current version and generation (cached). */
  result(doc: TextDocument): CheckResult {
    const key = this.checkedAt.get(doc.uri);
    const last = this.ls.lastResult(doc.uri);
    if (last && key && key.version === doc.version && key.generation === this.generation) return last;
    const t0 = performance.now();
    const text = doc.getText();
    const r = this.ls.check(doc.uri, text, syntaxOfDocument(doc.uri, doc.languageId));
    this.checkedAt.set(doc.uri, { version: doc.version, generation: this.generation, text });
    this.durations.set(doc.uri, performance.now() - t0);
    return r;
  }

  /** The current result when it is up to date, without checking. */
  current(doc: TextDocument): CheckResult | undefined {
    const key = this.checkedAt.get(doc.uri);
    return key && key.version === doc.version && key.generation === this.generation ? this.ls.lastResult(doc.uri) : undefined;
  }

  /**
   * The check to read at `offset` of the current text: the current one when it is up to date, or when a
   * new check is expected within `budget` ms (the last check's duration) and the edits have paused;
   * otherwise (a slow check, or edits still arriving: the check that follows them is on its way) the
   * last check, when `offset` lies outside what changed since. Never a check of an older version when
   * none is needed: the mapping is the identity for a fresh result.
   */
  view(doc: TextDocument, offset: number, budget = QUICK_BUDGET_MS): View {
    const fresh = (): View => {
      const result = this.result(doc);
      return { result, text: this.checkedAt.get(doc.uri)!.text, fresh: true, toResult: (o) => o, toDoc: (r) => r };
    };
    const key = this.checkedAt.get(doc.uri);
    const last = this.ls.lastResult(doc.uri);
    if (!key || !last || this.current(doc) || (this.duration(doc.uri) <= budget && this.quietFor(doc.uri) === 0)) return fresh();
    const old = key.text;
    // edits within lines since the check (typing in cells): what changed is known without building the text
    let span = (doc as Partial<CoalescingDocument>).changedSince?.(old);
    if (!span) {
      const now = doc.getText();
      span = { ...changedSpan(old, now), length: now.length };
    }
    const { prefix: p, suffix: s, length } = span;
    const delta = length - old.length;
    // the changed span: [p, length - s) in the current text, [p, old.length - s) in the last checked one
    const toResult = (o: number) => (o < p ? o : o >= length - s ? o - delta : undefined);
    const toDoc = (r: Range): Range | undefined => (r.end <= p ? r : r.start >= old.length - s ? { start: r.start + delta, end: r.end + delta } : undefined);
    if (toResult(offset) === undefined) return fresh();
    return { result: last, text: old, fresh: false, toResult, toDoc };
  }

  /** When each document last changed (performance.now()). */
  private readonly changedAt = new Map<string, number>();

  /** A document changed (didChange): for the pause that pulls wait for. */
  changed(uri: string): void {
    this.changedAt.set(uri, performance.now());
  }

  /** How long to wait still before edits can be taken as paused (0: they are). */
  quietFor(uri: string): number {
    const at = this.changedAt.get(uri);
    if (at === undefined) return 0;
    const pause = Math.min(300, Math.max(30, this.duration(uri)));
    return Math.max(0, Math.ceil(at + pause - performance.now()));
  }

  /** Identifies what a pull answer was computed from (version and generation). */
  resultId(doc: TextDocument): string {
    return `${doc.version}:${this.generation}`;
  }

  /** How long the last check of a document took (for the debounce). */
  duration(uri: string): number {
    return this.durations.get(uri) ?? 25;
  }

  forget(uri: string): void {
    this.checkedAt.delete(uri);
    this.changedAt.delete(uri);
    this.durations.delete(uri);
    this.ls.close(uri);
  }

  range(doc: TextDocument, r: Range) {
    return { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
  }
}
