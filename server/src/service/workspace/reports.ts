/**
 * The reports of a workspace for the checks across reports (a 部门 report against its 单位
 * reports), for the language server: found by the one walk (discovery.ts, asynchronously, with its
 * limits), read safely, and indexed by their 报告 block only (type, year, unit) so that a workspace
 * of thousands of reports costs a parse of their first block; a report is parsed whole only when a
 * 部门 report lists its unit. Kept up to date from file events; open documents win over the disk.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Report, Syntax } from '../model';
import { parseReport } from '../frontends/report-parser';
import { syntaxOf } from './files';
import { findReports, WalkOptions, WalkProblem } from './discovery';
import { readTextFile } from './read';
import { listedUnits, ReportRef, UNIT_TYPE, unitKey } from './units';

interface DiskReport {
  path: string;
  uri: string;
  text: string;
  /** type|year|unit of its 报告 block ('' when it has none). */
  key: string;
  report?: Report;
}

/** The 报告 block of a report: only the text up to the next top-level block is parsed. */
function metaKey(text: string, syntax: Syntax): string {
  const start = syntax === 'dsl' ? text.search(/^【报告】/m) : text.search(/^报告[ \t]*:/m);
  if (start < 0) return '';
  const lineEnd = text.indexOf('\n', start);
  const from = lineEnd < 0 ? text.length : lineEnd + 1;
  const rest = text.slice(from);
  const next = syntax === 'dsl' ? rest.search(/^【/m) : rest.search(/^[^\s#\-][^\n]*:[ \t]*(\r?\n|$)/m);
  const block = text.slice(0, next < 0 ? text.length : from + next);
  const m = parseReport(block, syntax).report.meta;
  return m?.type && m.year && m.unitName ? keyOf(m.type.value, m.year.year, m.unitName.value) : '';
}

const keyOf = (type: string, year: number, unit: string) => `${type}|${year}|${unitKey(unit)}`;

export class WorkspaceReports {
  private readonly disk = new Map<string, DiskReport>();
  private loading?: Promise<void>;
  /** What the walk could not read (reported to the user once). */
  problems: WalkProblem[] = [];
  loaded = false;

  constructor(private readonly roots: string[], private readonly opts: WalkOptions = {}) {}

  /** Walks the workspace once (later calls wait for the same walk). */
  load(signal?: AbortSignal): Promise<void> {
    this.loading ??= (async () => {
      const walk = await findReports(this.roots, { ...this.opts, signal });
      this.problems = walk.problems;
      for (const f of walk.files) {
        await new Promise<void>((r) => setImmediate(r)); // one file at a time: requests are answered in between
        await this.read(f.realPath);
      }
      this.loaded = true;
    })();
    return this.loading;
  }

  get size(): number {
    return this.disk.size;
  }

  private async read(file: string): Promise<void> {
    const r = await readTextFile(file);
    if (!r.ok) { this.disk.delete(path.normalize(file)); return; }
    this.set(file, r.text);
  }

  private set(file: string, text: string): void {
    const p = path.normalize(file);
    this.disk.set(p, { path: p, uri: pathToFileURL(p).toString(), text, key: metaKey(text, syntaxOf(p)) });
  }

  /** A file changed or was deleted on disk (a file event), or an open document was closed. */
  async update(file: string, deleted: boolean): Promise<void> {
    if (deleted) this.disk.delete(path.normalize(file));
    else await this.read(file);
  }

  has(file: string): boolean {
    return this.disk.has(path.normalize(file));
  }

  /** The text of a report on disk (for positions of related locations in closed files). */
  text(file: string): string | undefined {
    return this.disk.get(path.normalize(file))?.text;
  }

  /**
   * The unit reports a 部门 report may be summed from: on disk, those whose 报告 block names one of
   * its units (same year), parsed whole once; `skip` says which paths are open (the editor's version counts).
   */
  unitReportsOf(report: Report, skip: (file: string) => boolean): ReportRef[] {
    const m = report.meta;
    const unitType = m?.type ? UNIT_TYPE[m.type.value] : undefined;
    if (!m?.year || !unitType) return [];
    const wanted = new Set(listedUnits(report).map((u) => keyOf(unitType, m.year!.year, u.name!.value)));
    const out: ReportRef[] = [];
    for (const d of this.disk.values()) {
      if (!d.key || !wanted.has(d.key) || skip(d.path)) continue;
      d.report ??= parseReport(d.text, syntaxOf(d.path)).report;
      out.push({ uri: d.uri, report: d.report });
    }
    return out;
  }
}
