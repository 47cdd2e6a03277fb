/**
 * 检查工作区全部报告 (jsgk.server.checkWorkspace): every report of the workspace folders, open or
 * not, checked in this server's language service — found by the one walk (workspace/discovery.ts),
 * the closed ones read safely from disk (workspace/read.ts), an open one as it is being edited.
 * Progress goes through the request's work-done token (or a progress the server creates); the
 * answer is the count per file. The findings of closed files are pushed (publishDiagnostics with
 * their file uris) so that the Problems panel lists them; they are withdrawn when the file is
 * opened (its own diagnostics take over), checked again when it changes on disk or the settings or
 * the catalogue change, and pushed again from disk when it is closed.
 */
import { CancellationToken, Connection, Diagnostic, WorkDoneProgressReporter, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as l10n from '../service/l10n';
import { Finding, listsUnits, syntaxOf } from '../service';
import { findReports, WalkProblem } from '../service/workspace/discovery';
import { readTextFile } from '../service/workspace/read';
import { metaValues, unitListing } from '../service/workspace/reports';
import { UNIT_TYPE } from '../service/workspace/units';
import { CheckedDocuments } from './documents';
import { toDiagnostics } from './diagnostics';
import { pathKey, Shell } from './shell';

/** One report's counts in the answer. */
export interface FileCount {
  uri: string;
  /** The path relative to its workspace folder. */
  name: string;
  errors: number;
  warnings: number;
  /** information and hints (尾数误差 notes among them) */
  infos: number;
  /** Open in the editor: counted as edited, not as saved. */
  open: boolean;
  /** Why the file could not be checked (it was not read). */
  problem?: string;
}

export interface WorkspaceCheckResult {
  files: FileCount[];
  errors: number;
  warnings: number;
  infos: number;
  /** What the walk could not enter or read (links, loops, devices, large files …). */
  problems: Array<{ path: string; message: string }>;
  /** The check was cancelled: `files` holds the reports checked until then. */
  cancelled: boolean;
}

const count = (fs: Finding[] | Diagnostic[], sev: 'error' | 'warning') => {
  const want = sev === 'error' ? 1 : 2;
  return fs.filter((f) => (typeof f.severity === 'number' ? f.severity === want : f.severity === sev)).length;
};

export class WorkspaceCheck {
  /** Closed files whose findings were pushed: their path key → the uri they were pushed under. */
  private readonly pushed = new Map<string, string>();
  private running?: Promise<WorkspaceCheckResult>;

  constructor(private readonly connection: Connection, private readonly d: CheckedDocuments, private readonly sh: Shell) {
    // opened: its own diagnostics (pulled or published for the document) take over
    d.docs.onDidOpen((e) => this.withdraw(pathKey(e.document.uri)));
    // closed: the file on disk is what counts again
    d.docs.onDidClose((e) => {
      const key = pathKey(e.document.uri);
      if (this.wasChecked.has(key)) void this.recheckClosed(key);
    });
  }

  /** Files a workspace check has looked at (closed later, they are shown from disk again). */
  private readonly wasChecked = new Set<string>();

  /** Closed 部门 reports shown that list their units: a unit's file changing changes their findings. */
  private readonly depts = new Set<string>();

  /** A report changed or was deleted on disk (a file event). */
  fileChanged(uri: string, deleted: boolean): void {
    const key = pathKey(uri);
    if (deleted) {
      this.withdraw(key);
      this.wasChecked.delete(key);
      this.depts.delete(key);
    } else if (this.pushed.has(key)) void this.recheckClosed(key);
    // the closed 部门 reports shown are compared with their units' files again (the file may be one of them)
    for (const dept of this.depts) if (dept !== key && this.pushed.has(dept)) void this.recheckClosed(dept);
  }

  private refreshing = 0;

  /** Settings or the catalogue changed: the closed reports shown are checked again (one at a time, the latest refresh only). */
  refreshPushed(): void {
    const run = ++this.refreshing;
    const keys = [...this.pushed.keys()];
    void (async () => {
      for (const key of keys) {
        if (run !== this.refreshing) return;
        if (this.pushed.has(key)) await this.recheckClosed(key);
        await new Promise<void>((r) => setImmediate(r));
      }
    })();
  }

  private withdraw(key: string): void {
    const uri = this.pushed.get(key);
    if (uri === undefined) return;
    this.pushed.delete(key);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private isOpen(key: string): boolean {
    return this.d.all().some((doc) => pathKey(doc.uri) === key);
  }

  private async recheckClosed(key: string): Promise<void> {
    if (this.isOpen(key)) return;
    const r = await this.checkClosed(key, pathToFileURL(key).toString());
    if (!this.isOpen(key)) this.push(key, r.uri, r.diagnostics);
  }

  private push(key: string, uri: string, diagnostics: Diagnostic[]): void {
    this.pushed.set(key, uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** A closed report read from disk and checked in the service (then forgotten: it is not kept in memory). */
  private async checkClosed(file: string, uri: string): Promise<{ uri: string; diagnostics: Diagnostic[]; problem?: string }> {
    const r = await readTextFile(file);
    if (!r.ok) {
      return { uri, problem: r.message, diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, code: 'file', source: 'jsgk', message: r.message }] };
    }
    // the 部门 reports compare with their units' files: the workspace index follows the disk
    if (this.sh.reports?.loaded && !this.sh.reports.has(file)) await this.sh.reports.update(file, false);
    // a 部门 report listing its units: its units' reports are read first (asynchronously), as for an opened one
    const meta = metaValues(r.text, syntaxOf(file));
    if (meta.type && UNIT_TYPE[meta.type]) {
      // only its 报告 and 概况 blocks are read here: the check below parses the whole report
      const report = unitListing(r.text, syntaxOf(file));
      if (listsUnits(report)) {
        this.depts.add(file);
        await this.sh.ready(uri, report);
      } else this.depts.delete(file);
    } else this.depts.delete(file);
    const doc = TextDocument.create(uri, syntaxOf(file) === 'dsl' ? 'jsgk' : 'jsgk-yaml', 0, r.text);
    try {
      const diagnostics = this.sh.safe('workspaceCheck', [] as Diagnostic[], () => toDiagnostics(this.d, doc, { positionIn: (u, o) => this.sh.positionIn(u, o) }));
      for (const note of r.notes) diagnostics.unshift({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 2, code: 'file', source: 'jsgk', message: note });
      return { uri, diagnostics };
    } finally {
      this.d.forget(uri);
    }
  }

  /**
   * Runs the check (a second request while one runs waits for the same check). Progress goes to
   * the request's work-done token; without one, to a progress the server creates when the client
   * supports it (cancellable there).
   */
  async run(token: CancellationToken, progress: WorkDoneProgressReporter): Promise<WorkspaceCheckResult> {
    if (this.running) return this.running;
    let reporter: WorkDoneProgressReporter | WorkDoneProgressServerReporter = progress;
    if (WorkDoneProgressReporter.isNullInstance(progress)) {
      try {
        reporter = await this.connection.window.createWorkDoneProgress();
      } catch {
        reporter = progress;
      }
    }
    this.running ??= this.check(token, reporter).finally(() => { this.running = undefined; });
    return this.running;
  }

  private async check(token: CancellationToken, progress: WorkDoneProgressReporter | WorkDoneProgressServerReporter): Promise<WorkspaceCheckResult> {
    const title = l10n.t('检查工作区全部报告');
    progress.begin(title, 0, l10n.t('正在查找报告文件…'), true);
    const out: WorkspaceCheckResult = { files: [], errors: 0, warnings: 0, infos: 0, problems: [], cancelled: false };
    const own = 'token' in progress ? progress.token : undefined;
    const cancelled = () => token.isCancellationRequested || !!own?.isCancellationRequested;
    try {
      const reports = this.sh.reports;
      if (reports && !reports.loaded) {
        // the index the 部门 reports are compared through: built once, as for an opened 部门 report
        await reports.load();
        this.d.generation++;
        this.sh.onWorkspaceLoaded?.();
      }
      const walk = await findReports(this.sh.folders);
      out.problems = walk.problems.map((p: WalkProblem) => ({ path: p.path, message: p.message }));
      const files = walk.files;
      const open = new Map(this.d.all().map((doc) => [pathKey(doc.uri), doc] as const));
      for (let i = 0; i < files.length; i++) {
        if (cancelled()) { out.cancelled = true; break; }
        const f = files[i];
        const key = path.normalize(f.path);
        const name = this.sh.nameOf(pathToFileURL(key).toString());
        progress.report(Math.round((100 * i) / files.length), l10n.t('{0}/{1}：{2}', i + 1, files.length, name));
        const doc = open.get(key) ?? open.get(path.normalize(f.realPath));
        let entry: FileCount;
        if (doc) {
          const findings = this.sh.safe('workspaceCheck', [] as Finding[], () => this.d.result(doc).findings);
          entry = { uri: doc.uri, name, errors: count(findings, 'error'), warnings: count(findings, 'warning'), infos: 0, open: true };
          entry.infos = findings.length - entry.errors - entry.warnings;
        } else {
          const uri = pathToFileURL(key).toString();
          const r = await this.checkClosed(key, uri);
          // opened while it was being read: the document's own diagnostics count
          if (this.isOpen(key)) continue;
          this.push(key, uri, r.diagnostics);
          entry = { uri, name, errors: count(r.diagnostics, 'error'), warnings: count(r.diagnostics, 'warning'), infos: 0, open: false, problem: r.problem };
          entry.infos = r.diagnostics.length - entry.errors - entry.warnings;
        }
        this.wasChecked.add(key);
        out.files.push(entry);
        out.errors += entry.errors;
        out.warnings += entry.warnings;
        out.infos += entry.infos;
        await new Promise<void>((r) => setImmediate(r)); // other requests are answered in between
      }
    } finally {
      progress.done();
    }
    this.sh.log(`检查工作区全部报告：${out.files.length} 份，${out.errors} 个错误，${out.warnings} 个警告${out.cancelled ? '（已取消）' : ''}`);
    return out;
  }
}
