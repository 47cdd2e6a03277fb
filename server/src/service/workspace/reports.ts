/**
 * The reports of a workspace for the checks across reports (a 部门 report against its 单位
 * reports), for the language server: found by the one walk (discovery.ts, asynchronously, with its
 * limits), read safely, and indexed by their 报告 block only (type, year, unit): for most files only
 * that key is kept, not their text, so a workspace of thousands of reports costs little memory. A
 * report is read and parsed whole only when a 部门 report lists its unit — asynchronously, one file
 * at a time (`prepare`), so that requests are answered in between. The walk can be cancelled.
 * Kept up to date from file events; open documents win over the disk.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Meta, Report, REPORT_TYPES, ReportType, Syntax } from '../model';
import { parseReport } from '../frontends/report-parser';
import { splitYamlBlocks } from '../frontends/yaml';
import { splitDslBlocks } from '../frontends/dsl';
import { blockKindOf } from '../frontends/common';
import { syntaxOf } from './files';
import { findReports, WalkOptions, WalkProblem } from './discovery';
import { readTextFile, readTextFileSync } from './read';
import { keptForOthers, listedUnits, ReportRef, UNIT_TYPE, unitKey } from './units';

interface DiskReport {
  path: string;
  uri: string;
  /** type|year|unit of its 报告 block ('' when it has none). */
  key: string;
  /** Kept only while the report is parsed (a 部门 report lists its unit). */
  text?: string;
  report?: Report;
}

/** Where a report's 报告 block starts (its header line), -1 when it has none. */
const metaStart = (text: string, syntax: Syntax): number => (syntax === 'dsl' ? text.search(/^【报告】/m) : text.search(/^报告[ \t]*:/m));

/** Where the next top-level block starts in `rest` (a line from its start), -1 when none does. */
const nextBlock = (rest: string, syntax: Syntax): number => (syntax === 'dsl' ? rest.search(/^【/m) : rest.search(/^[^\s#\-][^\n]*:[ \t]*(\r?\n|$)/m));

/** The 报告 block of a report: only the text up to the next top-level block is parsed. */
export function metaOf(text: string, syntax: Syntax): Meta | undefined {
  const start = metaStart(text, syntax);
  if (start < 0) return undefined;
  const lineEnd = text.indexOf('\n', start);
  const from = lineEnd < 0 ? text.length : lineEnd + 1;
  const rest = text.slice(from, from + 64 * 1024);
  const next = nextBlock(rest, syntax);
  const block = text.slice(0, next < 0 ? Math.min(text.length, from + rest.length) : from + next);
  return parseReport(block, syntax).report.meta;
}

/** What a report's 报告 block says of its type, year and unit (the values the grouping needs). */
export interface MetaValues {
  type?: ReportType;
  year?: number;
  unit?: string;
}

const META_LINE_YAML = /^ {2}([^\s\-?:,[\]{}#&*!|>'"%@`][^:#'"]*?[^\s:#'"]|[^\s\-?:,[\]{}#&*!|>'"%@`]): ([^\s\-?:,#'"&*!|>[\]{}%@`][^#'"]*?)\s*$/;
const META_LINE_DSL = /^([^\s：:#【=\\|][^：:#|\\\t]*?)[ \u3000]*[：:][ \u3000]*([^#|\\\t]*?)[ \u3000]*$/;

/**
 * The type, year and unit of a report: read from simple “类型: 部门决算” lines without a parser
 * (thousands of files are indexed this way); anything less plain is parsed (metaOf).
 */
export function metaValues(text: string, syntax: Syntax): MetaValues {
  const start = metaStart(text, syntax);
  if (start < 0) return {};
  const out: Record<string, string> = {};
  let pos = text.indexOf('\n', start) + 1;
  // the header alone on its line
  let plain = pos > 0 && (syntax === 'dsl' ? /^【报告】[ \u3000]*\n/ : /^报告:[ ]*\n/).test(text.slice(start, pos));
  while (plain && pos > 0 && pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol);
    pos = eol + 1;
    if (line.trim() === '') continue;
    if (line.trimStart().startsWith('#')) { plain = false; break; } // comments: the parser knows where they are
    if (syntax === 'dsl' ? line.startsWith('【') : !/^\s/.test(line)) break; // the next block
    const m = line.includes('\t') || line.includes('\r') ? null : (syntax === 'dsl' ? META_LINE_DSL : META_LINE_YAML).exec(line);
    if (!m || m[1] in out || (syntax === 'yaml' && (/: /.test(m[2]) || m[2].endsWith(':')))) plain = false;
    else out[m[1]] = m[2];
  }
  if (!plain) {
    const m = metaOf(text, syntax);
    return { type: m?.type?.value, year: m?.year?.year, unit: m?.unitName?.value };
  }
  const type = out['类型'];
  const year = out['年度']?.trim();
  return {
    type: (REPORT_TYPES as readonly string[]).includes(type) ? (type as ReportType) : undefined,
    year: year && /^\d{4}$/.test(year) ? Number(year) : undefined,
    unit: out['单位'],
  };
}

/**
 * metaValues of a file from its head when its 报告 block ends there (another block follows it, or the
 * head is the whole file); undefined when the file must be read whole to say.
 */
export function headMetaValues(head: { text: string; whole: boolean }, syntax: Syntax): MetaValues | undefined {
  const text = head.text;
  if (!head.whole) {
    const start = metaStart(text, syntax);
    if (start < 0) return undefined;
    const after = text.indexOf('\n', start) + 1;
    // the next block, as metaOf finds it (every line of the head is whole, so its header is too)
    if (after <= 0 || nextBlock(text.slice(after), syntax) < 0) return undefined;
  }
  return metaValues(text, syntax);
}

/** type|year|unit of a report's 报告 block ('' when one of them is missing). */
export function metaKey(text: string, syntax: Syntax): string {
  const m = metaValues(text, syntax);
  return m.type && m.year && m.unit !== undefined ? keyOf(m.type, m.year, m.unit) : '';
}

const keyOf = (type: string, year: number, unit: string) => `${type}|${year}|${unitKey(unit)}`;

/**
 * A report with only what says which units it sums: its 报告 block and its 概况 blocks (the type,
 * year and 单位构成), parsed from its text; the tables and texts of a large 部门 report are not read.
 */
export function unitListing(text: string, syntax: Syntax): Report {
  const blocks = (syntax === 'dsl' ? splitDslBlocks(text) : splitYamlBlocks(text)).filter((b) => { const k = blockKindOf(b.key); return k === 'meta' || k === 'overview'; });
  return parseReport(blocks.map((b) => text.slice(b.start, b.end)).join(''), syntax).report;
}

/** wantedKeys of a report's text (unitListing). */
export function wantedKeysOf(text: string, syntax: Syntax): Set<string> {
  return wantedKeys(unitListing(text, syntax));
}

/** The keys of the unit reports a 部门 report may be summed from (empty when it is none). */
export function wantedKeys(report: Report): Set<string> {
  const m = report.meta;
  const unitType = m?.type ? UNIT_TYPE[m.type.value] : undefined;
  if (!m?.year || !unitType) return new Set();
  return new Set(listedUnits(report).map((u) => keyOf(unitType, m.year!.year, u.name!.value)));
}

const tick = () => new Promise<void>((r) => setImmediate(r));

export class WorkspaceReports {
  private readonly disk = new Map<string, DiskReport>();
  private loading?: Promise<void>;
  private readonly abort = new AbortController();
  /** What the walk could not read (reported to the user once). */
  problems: WalkProblem[] = [];
  loaded = false;

  constructor(private readonly roots: string[], private readonly opts: WalkOptions = {}) {}

  /** Walks the workspace once (later calls wait for the same walk). Rejects when cancelled. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      const signal = this.abort.signal;
      const walk = await findReports(this.roots, { ...this.opts, signal });
      this.problems = walk.problems;
      for (const f of walk.files) {
        await tick(); // one file at a time: requests are answered in between
        signal.throwIfAborted();
        await this.read(f.realPath);
      }
      this.loaded = true;
    })();
    return this.loading;
  }

  /** Stops the walk and any preparation (the server is going away). */
  cancel(): void {
    this.abort.abort(new Error('cancelled'));
  }

  get cancelled(): boolean {
    return this.abort.signal.aborted;
  }

  get size(): number {
    return this.disk.size;
  }

  private async read(file: string): Promise<void> {
    const r = await readTextFile(file);
    const p = path.normalize(file);
    if (!r.ok) { this.disk.delete(p); return; }
    this.set(p, r.text);
  }

  private set(p: string, text: string): void {
    const prev = this.disk.get(p);
    const d: DiskReport = { path: p, uri: pathToFileURL(p).toString(), key: metaKey(text, syntaxOf(p)) };
    // a report that was in use stays in memory (parsed again when next asked for)
    if (prev?.text !== undefined) d.text = text;
    this.disk.set(p, d);
  }

  /** A file changed or was deleted on disk (a file event), or an open document was closed. */
  async update(file: string, deleted: boolean): Promise<void> {
    if (deleted) this.disk.delete(path.normalize(file));
    else await this.read(file);
  }

  has(file: string): boolean {
    return this.disk.has(path.normalize(file));
  }

  /** The text of a report in use on disk (for positions of related locations in closed files). */
  text(file: string): string | undefined {
    return this.disk.get(path.normalize(file))?.text;
  }

  /** How many reports are held parsed (the units of 部门 reports). */
  get parsed(): number {
    let n = 0;
    for (const d of this.disk.values()) if (d.report) n++;
    return n;
  }

  private wanted(report: Report, skip: (file: string) => boolean): DiskReport[] {
    const keys = wantedKeys(report);
    if (keys.size === 0) return [];
    const out: DiskReport[] = [];
    for (const d of this.disk.values()) if (d.key && keys.has(d.key) && !skip(d.path)) out.push(d);
    return out;
  }

  /**
   * Reads and parses, one file at a time with requests answered in between, the unit reports a 部门
   * report may be summed from. Resolves with whether anything new was parsed.
   */
  async prepare(report: Report, skip: (file: string) => boolean = () => false): Promise<boolean> {
    let any = false;
    for (const d of this.wanted(report, skip)) {
      if (d.report) continue;
      await tick();
      this.abort.signal.throwIfAborted();
      if (d.text === undefined) {
        const r = await readTextFile(d.path);
        if (!r.ok) continue;
        d.text = r.text;
      }
      if (this.disk.get(d.path) !== d) continue; // changed meanwhile
      d.report = keptForOthers(parseReport(d.text, syntaxOf(d.path)).report);
      any = true;
    }
    return any;
  }

  /** Whether every unit report a 部门 report may be summed from is parsed (prepare has nothing to do). */
  prepared(report: Report, skip: (file: string) => boolean = () => false): boolean {
    return this.wanted(report, skip).every((d) => d.report);
  }

  /**
   * The unit reports a 部门 report may be summed from: on disk, those whose 报告 block names one of
   * its units (same year); `skip` says which paths are open (the editor's version counts). Those not
   * prepared yet are read and parsed now.
   */
  unitReportsOf(report: Report, skip: (file: string) => boolean): ReportRef[] {
    const out: ReportRef[] = [];
    for (const d of this.wanted(report, skip)) {
      if (!d.report) {
        if (d.text === undefined) {
          const r = readTextFileSync(d.path);
          if (!r.ok) continue;
          d.text = r.text;
        }
        d.report = keptForOthers(parseReport(d.text, syntaxOf(d.path)).report);
      }
      out.push({ uri: d.uri, report: d.report });
    }
    return out;
  }

  /** Forgets the parsed unit reports (and their texts) that none of `depts` lists: memory stays bounded by what is open. */
  release(depts: Report[]): void {
    const keep = new Set<string>();
    for (const r of depts) for (const k of wantedKeys(r)) keep.add(k);
    for (const d of this.disk.values()) {
      if ((d.report || d.text !== undefined) && !keep.has(d.key)) {
        d.report = undefined;
        d.text = undefined;
      }
    }
  }
}
