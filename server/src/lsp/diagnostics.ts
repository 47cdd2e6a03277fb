/**
 * Findings → LSP diagnostics; published (push) with a debounce that drops stale versions, or answered
 * (pull) once the edits pause: during a flood of edits, a pull waits until no edit arrived for a
 * moment and is then answered for the version current at that time (a pull the client cancelled
 * meanwhile is not checked at all).
 */
import { Connection, Diagnostic, DiagnosticSeverity, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, LineIndex } from '../service';
import { shownRelated } from '../service/features/hover';
import { CheckedDocuments } from './documents';
import { Pause } from './pause';
import * as l10n from '../service/l10n';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticsOptions {
  /** The position of an offset in another report (related locations across reports). */
  positionIn: (uri: string, offset: number) => { line: number; character: number };
}

function toDiagnostic(d: CheckedDocuments, doc: TextDocument, opts: DiagnosticsOptions, f: Finding): Diagnostic {
  const shown = shownRelated(f);
  const relatedInformation = shown?.map((x) => ({
    location: x.uri && x.uri !== doc.uri
      ? { uri: x.uri, range: { start: opts.positionIn(x.uri, x.range.start), end: opts.positionIn(x.uri, x.range.end) } }
      : { uri: doc.uri, range: d.range(doc, x.range) },
    message: x.message,
  }));
  const more = (f.related?.length ?? 0) - (shown?.length ?? 0);
  if (relatedInformation && more > 0) {
    relatedInformation.push({
      location: { uri: doc.uri, range: d.range(doc, f.range) },
      message: l10n.t('……另有 {0} 处（共 {1} 处），悬停在此处可看全部', more, f.related!.length),
    });
  }
  return {
    range: d.range(doc, f.range), severity: SEVERITY[f.severity], code: f.rule, source: 'jsgk', message: f.message,
    relatedInformation,
    data: { rule: f.rule, start: f.range.start, end: f.range.end, version: doc.version },
  };
}

export function toDiagnostics(d: CheckedDocuments, doc: TextDocument, opts: DiagnosticsOptions): Diagnostic[] {
  return d.result(doc).findings.map((f) => toDiagnostic(d, doc, opts, f));
}

/**
 * The same, in turns of at most `turnMs` with requests answered in between (a 部门 report's findings
 * name cells in each of its units' files, whose lines are counted on first use: that took tens of
 * milliseconds in one turn). Undefined when `stale()` says the result is no longer wanted.
 */
export async function toDiagnosticsInTurns(d: CheckedDocuments, doc: TextDocument, opts: DiagnosticsOptions, stale: () => boolean, turnMs = 8): Promise<Diagnostic[] | undefined> {
  const findings = d.result(doc).findings;
  const out: Diagnostic[] = [];
  let turn = performance.now();
  const pause = async () => {
    await new Promise<void>((r) => setTimeout(r, 0));
    turn = performance.now();
    return stale();
  };
  for (const f of findings) {
    if (performance.now() - turn > turnMs && (await pause())) return undefined;
    // each other file named by the finding, its lines counted in turns of their own (a finding of a
    // 部门 report names a cell in each of its 99 units' files): also those the diagnostic does not
    // carry, which the hover at the finding links to (their lines counted here, not in that request)
    for (const x of f.related ?? []) {
      if (!x.uri || x.uri === doc.uri) continue;
      opts.positionIn(x.uri, x.range.start);
      if (performance.now() - turn > turnMs && (await pause())) return undefined;
    }
    out.push(toDiagnostic(d, doc, opts, f));
  }
  return out;
}

/** Schedules checks of documents and publishes their diagnostics (when the client does not pull them). */
export class Publisher {
  /** Per open document, the pause after which it is checked (dropped when it closes). */
  private readonly pauses = new Map<string, Pause>();

  /**
   * `ready` resolves when a document's check can be complete (a 部门 report that lists its units
   * waits for the workspace walk, so that its first diagnostics already compare it with its units).
   */
  constructor(private readonly connection: Connection, private readonly d: CheckedDocuments, private readonly opts: DiagnosticsOptions, private readonly pull: () => boolean,
    private readonly ready: (doc: TextDocument) => Promise<void> = async () => undefined) {}

  /** A check after a pause in typing (adapted to how long the last check took), for the latest version only. */
  schedule(doc: TextDocument, delay?: number): void {
    if (this.pull()) return;
    const wait = delay ?? Math.min(250, Math.max(50, 2 * this.d.duration(doc.uri)));
    const uri = doc.uri;
    let p = this.pauses.get(uri);
    if (!p) {
      this.pauses.set(uri, (p = new Pause(() => {
        const cur = this.d.get(uri);
        if (cur) this.publish(cur);
      })));
    }
    p.touch(wait);
  }

  /** What was published last per document (version and generation): the same check is not sent twice. */
  private readonly published = new Map<string, string>();

  publish(doc: TextDocument): void {
    void this.ready(doc).then(async () => {
      const cur = this.d.get(doc.uri);
      if (!cur || cur.version !== doc.version) return; // a newer version is scheduled
      const key = `${cur.version}|${this.d.generation}`;
      if (this.published.get(cur.uri) === key) return;
      this.published.set(cur.uri, key);
      // changed meanwhile (its own publish follows): this one is not sent, nor marked as sent
      const stale = () => {
        const gone = this.d.get(cur.uri) !== cur || `${cur.version}|${this.d.generation}` !== key;
        if (gone && this.published.get(cur.uri) === key) this.published.delete(cur.uri);
        return gone;
      };
      // the check, then (after the requests that came meanwhile, such as a hover: a timer runs after the
      // messages already read) its diagnostics, in turns of their own
      this.d.result(cur);
      await new Promise<void>((r) => setTimeout(r, 0));
      if (stale()) return;
      const diagnostics = await toDiagnosticsInTurns(this.d, cur, this.opts, stale);
      if (!diagnostics) return;
      void this.connection.sendDiagnostics({ uri: cur.uri, version: cur.version, diagnostics });
    });
  }

  cancel(uri: string): void {
    this.published.delete(uri);
    this.pauses.get(uri)?.cancel();
    this.pauses.delete(uri);
  }

  /** Every open document again (settings or the catalogue changed). */
  refreshAll(): void {
    // a client that does not implement the refresh answers with an error: not a reason to stop
    if (this.pull()) this.connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const doc of this.d.all()) this.schedule(doc, 0);
  }

  register(safe: <T>(name: string, empty: T, fn: () => T) => T): void {
    const cancelled = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'cancelled', { retriggerRequest: false });
    this.connection.languages.diagnostics.on(async (params, token) => {
      const uri = params.textDocument.uri;
      const first = this.d.get(uri);
      if (first) await this.ready(first);
      // edits still arriving: wait for a pause (the client asks again for each version; only the last is checked)
      for (let wait = this.d.quietFor(uri); wait > 0 && !token.isCancellationRequested; wait = this.d.quietFor(uri)) await new Promise((r) => setTimeout(r, wait));
      if (token.isCancellationRequested) throw cancelled();
      const doc = this.d.get(uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const id = this.d.resultId(doc);
      if (params.previousResultId === id) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: id };
      const items = safe('diagnostics', [] as Diagnostic[], () => toDiagnostics(this.d, doc, this.opts));
      return { kind: DocumentDiagnosticReportKind.Full, resultId: this.d.resultId(doc), items };
    });
  }
}

export { LineIndex };
