/** Findings → LSP diagnostics; published (push) with a debounce that drops stale versions, or answered (pull). */
import { Connection, Diagnostic, DiagnosticSeverity, DocumentDiagnosticReportKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, LineIndex } from '../service';
import { CheckedDocuments } from './documents';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticsOptions {
  /** The position of an offset in another report (related locations across reports). */
  positionIn: (uri: string, offset: number) => { line: number; character: number };
}

export function toDiagnostics(d: CheckedDocuments, doc: TextDocument, opts: DiagnosticsOptions): Diagnostic[] {
  const r = d.result(doc);
  return r.findings.map((f) => ({
    range: d.range(doc, f.range), severity: SEVERITY[f.severity], code: f.rule, source: 'jsgk', message: f.message,
    relatedInformation: f.related?.map((x) => ({
      location: x.uri && x.uri !== doc.uri
        ? { uri: x.uri, range: { start: opts.positionIn(x.uri, x.range.start), end: opts.positionIn(x.uri, x.range.end) } }
        : { uri: doc.uri, range: d.range(doc, x.range) },
      message: x.message,
    })),
    data: { rule: f.rule, start: f.range.start, end: f.range.end, version: doc.version },
  }));
}

/** Schedules checks of documents and publishes their diagnostics (when the client does not pull them). */
export class Publisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /**
   * `ready` resolves when a document's check can be complete (a 部门 report that lists its units
   * waits for the workspace walk, so that its first diagnostics already compare it with its units).
   */
  constructor(private readonly connection: Connection, private readonly d: CheckedDocuments, private readonly opts: DiagnosticsOptions, private readonly pull: () => boolean,
    private readonly ready: (doc: TextDocument) => Promise<void> = async () => undefined) {}

  /** A check after a pause in typing (adapted to how long the last check took), for the latest version only. */
  schedule(doc: TextDocument, delay?: number): void {
    if (this.pull()) return;
    const prev = this.timers.get(doc.uri);
    if (prev) clearTimeout(prev);
    const wait = delay ?? Math.min(250, Math.max(50, 2 * this.d.duration(doc.uri)));
    this.timers.set(doc.uri, setTimeout(() => {
      this.timers.delete(doc.uri);
      const cur = this.d.get(doc.uri);
      if (cur) this.publish(cur);
    }, wait));
  }

  /** What was published last per document (version and generation): the same check is not sent twice. */
  private readonly published = new Map<string, string>();

  publish(doc: TextDocument): void {
    void this.ready(doc).then(() => {
      const cur = this.d.get(doc.uri);
      if (!cur || cur.version !== doc.version) return; // a newer version is scheduled
      const key = `${cur.version}|${this.d.generation}`;
      if (this.published.get(cur.uri) === key) return;
      this.published.set(cur.uri, key);
      const diagnostics = toDiagnostics(this.d, cur, this.opts);
      void this.connection.sendDiagnostics({ uri: cur.uri, version: cur.version, diagnostics });
    });
  }

  cancel(uri: string): void {
    this.published.delete(uri);
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  /** Every open document again (settings or the catalogue changed). */
  refreshAll(): void {
    if (this.pull()) this.connection.languages.diagnostics.refresh();
    else for (const doc of this.d.all()) this.schedule(doc, 0);
  }

  register(safe: <T>(name: string, empty: T, fn: () => T) => T): void {
    this.connection.languages.diagnostics.on(async (params, token) => {
      const first = this.d.get(params.textDocument.uri);
      if (first) await this.ready(first);
      const doc = this.d.get(params.textDocument.uri);
      if (!doc || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      return { kind: DocumentDiagnosticReportKind.Full, items: safe('diagnostics', [] as Diagnostic[], () => toDiagnostics(this.d, doc, this.opts)) };
    });
  }
}

export { LineIndex };
