/**
 * What the protocol handlers share: settings per document (read from the client, applied by the
 * service), the workspace (its folders, its 科目 override files, its reports for the checks across
 * reports), and a guard that turns a handler's exception into a log line.
 */
import { Connection } from 'vscode-languageserver/node';
import { fileURLToPath } from 'url';
import * as path from 'path';
import { builtinCatalogue, DEFAULT_SETTINGS, readSettings, Report, ReportRef, Settings, unitRowHover, listsUnits, LineIndex, parseReport, syntaxOfDocument } from '../service';
import { editionSetting } from '../service/settings';
import { WorkspaceReports } from '../service/workspace/reports';
import { OVERRIDE_FILE, readOverrideFile } from '../service/workspace/kemu-file';
import { CheckedDocuments } from './documents';

const pathKeys = new Map<string, string>();

/** A file uri as a comparable path (the client and the server may escape uris differently). */
export function pathKey(uri: string): string {
  let p = pathKeys.get(uri);
  if (p !== undefined) return p;
  try {
    p = path.normalize(fileURLToPath(uri));
  } catch {
    p = uri;
  }
  if (pathKeys.size > 20000) pathKeys.clear();
  pathKeys.set(uri, p);
  return p;
}

export class Shell {
  folders: string[] = [];
  configSupport = false;
  reports?: WorkspaceReports;
  private readonly settingsCache = new Map<string, Settings>();
  private current: Settings = DEFAULT_SETTINGS;

  constructor(private readonly connection: Connection, private readonly d: CheckedDocuments) {}

  log(msg: string): void {
    this.connection.console.log(`[jsgk] ${msg}`);
  }

  /** A handler's work; an exception is logged and `empty` answered. (A bound function: handlers take it apart.) */
  readonly safe = <T>(name: string, empty: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      this.connection.console.error(`[jsgk] ${name} 出错：${(e as Error)?.stack ?? e}`);
      return empty;
    }
  };

  /** The settings of the workspace (read with any document's), applied by the service to every check. */
  async loadSettings(scopeUri?: string): Promise<Settings> {
    if (!this.configSupport) return this.current;
    const key = scopeUri ?? '';
    let s = this.settingsCache.get(key);
    if (!s) {
      try {
        const raw = await this.connection.workspace.getConfiguration({ scopeUri, section: 'jsgk' });
        const r = readSettings(raw ?? {});
        for (const p of r.problems) this.connection.console.warn(`[jsgk] 设置 ${p.key}：${p.message}`);
        s = r.settings;
      } catch {
        s = this.current;
      }
      this.settingsCache.set(key, s);
    }
    if (JSON.stringify(s) !== JSON.stringify(this.current)) {
      this.current = s;
      this.d.ls.configure({ settings: s });
      this.d.generation++;
    }
    return s;
  }

  settingsChanged(): void {
    this.settingsCache.clear();
  }

  settingsOf(_uri: string): Settings {
    return this.current;
  }

  edition(): number | undefined {
    return editionSetting(this.current);
  }

  /** The workspace 科目 override files (jsgk-kemu.csv at each folder's root), read safely. */
  loadCatalogue(): void {
    const base = builtinCatalogue();
    const extra = [];
    for (const f of this.folders) {
      const file = path.join(f, OVERRIDE_FILE);
      const r = readOverrideFile(file, base.editions);
      if (r.problem) {
        if (!/ENOENT|不存在|找不到/.test(r.problem)) this.connection.console.warn(`[jsgk] ${file}：${r.problem}`);
        continue;
      }
      extra.push(...r.entries);
      for (const e of r.errors) this.connection.console.warn(`[jsgk] ${file}:${e.line}: ${e.message}`);
      this.log(`读入科目补充文件 ${file}：${r.entries.length} 条`);
    }
    this.d.ls.configure({ catalogue: base.withOverrides(extra) });
    this.d.generation++;
  }

  /** Which files a 部门 report's check takes from the editor rather than the disk: the open documents and itself. */
  private openPaths(uri: string): (file: string) => boolean {
    const open = new Set(this.d.all().map((doc) => pathKey(doc.uri)));
    open.add(pathKey(uri));
    return (p) => open.has(p);
  }

  /**
   * The other reports for a 部门 report's check across reports: the open documents as edited, the
   * workspace's on disk. Before the workspace walk finished and its unit reports were read:
   * undefined (the check waits, it does not run on part of the workspace), and the walk is started.
   */
  others(uri: string, report: Report): ReportRef[] | undefined {
    if (!listsUnits(report)) return [];
    if (!this.reports) return undefined;
    const skip = this.openPaths(uri);
    if (!this.reports.loaded || !this.reports.prepared(report, skip)) {
      void this.ready(uri, report).then(() => this.onWorkspaceLoaded?.());
      return undefined;
    }
    const out: ReportRef[] = [];
    // two open 部门 reports whose checks are both out of date would check each other without end:
    // a report whose check is under way is taken as parsed
    this.resolving.add(uri);
    try {
      for (const doc of this.d.all()) {
        if (doc.uri === uri) continue;
        const last = this.d.current(doc) ?? (this.resolving.has(doc.uri) ? undefined : this.d.result(doc));
        out.push({ uri: doc.uri, report: last?.report ?? parseReport(doc.getText(), syntaxOfDocument(doc.uri, doc.languageId)).report });
      }
    } finally {
      this.resolving.delete(uri);
    }
    out.push(...this.reports.unitReportsOf(report, skip));
    return out;
  }

  /** Reports whose check (and so whose `others`) is under way. */
  private readonly resolving = new Set<string>();

  /**
   * Resolves when the checks of a document can be complete: a 部门 report listing its units waits for
   * the workspace walk and for its unit reports to be read (asynchronously: other requests are
   * answered meanwhile). A cancelled walk resolves too (the check then runs without the units).
   */
  async ready(uri: string, report: Report): Promise<void> {
    const reports = this.reports;
    if (!reports || !listsUnits(report) || reports.cancelled) return;
    const skip = this.openPaths(uri);
    if (reports.loaded && reports.prepared(report, skip)) return;
    try {
      if (!reports.loaded) {
        await reports.load();
        this.log(`工作区中有 ${reports.size} 份报告文件（用于部门与所属单位的汇总检查）`);
        for (const p of reports.problems) this.connection.console.warn(`[jsgk] ${p.path}：${p.message}`);
        this.d.generation++;
      }
      if (await reports.prepare(report, skip)) this.d.generation++;
    } catch (e) {
      if (!reports.cancelled) this.connection.console.error(`[jsgk] 读取工作区报告出错：${(e as Error)?.stack ?? e}`);
    }
  }

  /** The open documents changed: unit reports no open 部门 report lists are forgotten. */
  releaseUnits(): void {
    if (!this.reports?.loaded) return;
    const depts = this.d.all().map((doc) => this.d.current(doc)?.report ?? this.d.ls.lastResult(doc.uri)?.report).filter((r): r is Report => !!r && listsUnits(r));
    this.reports.release(depts);
  }

  /** Called when the workspace walk finished (the 部门 reports are checked again). */
  onWorkspaceLoaded?: () => void;

  unitHover(uri: string, report: Report, offset: number) {
    if (!listsUnits(report)) return undefined;
    const others = this.others(uri, report) ?? [];
    return unitRowHover({ uri, report }, others, offset, (u) => this.nameOf(u));
  }

  /** A report's uri as the user knows it: its path relative to the workspace folder. */
  nameOf(uri: string): string {
    const p = pathKey(uri);
    const f = this.folders.find((x) => p.startsWith(x + path.sep));
    return f ? path.relative(f, p) : p;
  }

  private readonly lineIndexes = new Map<string, LineIndex>();

  /** A position in a document that may not be open (related locations across reports). */
  positionIn(uri: string, offset: number): { line: number; character: number } {
    const doc = this.d.get(uri);
    if (doc) return doc.positionAt(offset);
    const text = this.reports?.text(pathKey(uri));
    if (text === undefined) return { line: 0, character: 0 };
    let li = this.lineIndexes.get(uri);
    if (!li || li.text !== text) this.lineIndexes.set(uri, (li = new LineIndex(text)));
    return li.position(offset);
  }
}
