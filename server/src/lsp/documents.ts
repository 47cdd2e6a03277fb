/**
 * The open documents and their checks, for the protocol handlers: each document is checked at most
 * once per version (and per settings/catalogue/workspace generation); edits arriving in a flood are
 * coalesced (a check runs for the latest version only; a stale scheduled check is dropped).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocuments } from 'vscode-languageserver/node';
import { CheckResult, LanguageService, Range, syntaxOfDocument } from '../service';

export class CheckedDocuments {
  readonly docs = new TextDocuments(TextDocument);
  private readonly checkedAt = new Map<string, { version: number; generation: number }>();
  private readonly durations = new Map<string, number>();
  /** Bumped when something every check reads changed (settings, catalogue, a unit report). */
  generation = 0;

  constructor(readonly ls: LanguageService) {}

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  all(): TextDocument[] {
    return this.docs.all();
  }

  /** The check of a document for its current version and generation (cached). */
  result(doc: TextDocument): CheckResult {
    const key = this.checkedAt.get(doc.uri);
    const last = this.ls.lastResult(doc.uri);
    if (last && key && key.version === doc.version && key.generation === this.generation) return last;
    const t0 = Date.now();
    const r = this.ls.check(doc.uri, doc.getText(), syntaxOfDocument(doc.uri, doc.languageId));
    this.checkedAt.set(doc.uri, { version: doc.version, generation: this.generation });
    this.durations.set(doc.uri, Date.now() - t0);
    return r;
  }

  /** The current result when it is up to date, without checking. */
  current(doc: TextDocument): CheckResult | undefined {
    const key = this.checkedAt.get(doc.uri);
    return key && key.version === doc.version && key.generation === this.generation ? this.ls.lastResult(doc.uri) : undefined;
  }

  /** How long the last check of a document took (for the debounce). */
  duration(uri: string): number {
    return this.durations.get(uri) ?? 25;
  }

  forget(uri: string): void {
    this.checkedAt.delete(uri);
    this.durations.delete(uri);
    this.ls.close(uri);
  }

  range(doc: TextDocument, r: Range) {
    return { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
  }
}
