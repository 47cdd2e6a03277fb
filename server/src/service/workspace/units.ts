/**
 * A 部门 report and the 单位 reports of its units: which reports belong together (by type, year and
 * unit name), used by the 部门/单位 check (rules/units/sum.ts), hover on a 单位构成 row, the server and
 * the command line.
 */
import { Decimal, printsAs } from '../decimal';
import { Cell, CellKind, Meta, Range, Report, ReportType, Row, Str, SumPart, SumTable, Table, TablePart, UnitRow } from '../model';
import { normName, own } from '../names';
import rules from '../data/rules.json';
import { allSections } from '../query';
import * as l10n from '../l10n';

export interface ReportRef {
  uri: string;
  report: Report;
}

/**
 * What the checks across reports read of another report (its 报告 block; its 单位构成 when it lists
 * units; the tables that units.sum compares, in compact form: `sums`): a unit report kept for its
 * 部门's check — by the command line until that check, by the server while the 部门 is open — is kept
 * as this copy, and the rest goes: its texts, its tables (their rows, cells, ranges of names and
 * codes), what the rules kept with them. The strings kept are copies (V8 makes a slice of 13
 * characters or more a view into the whole text, which a kept name would otherwise keep); the 单位构成
 * of a report that lists units is shared as parsed. A generated unit report of 18,000 characters
 * (217 rows, 622 cells compared) was kept as 188–195 KB with the tables as parsed, and is now kept as
 * 42–62 KB (the typed arrays counted).
 */
export function keptForOthers(report: Report): Report {
  const lists = listsUnits(report);
  return {
    syntax: report.syntax, meta: report.meta && keptMeta(report.meta), overview: lists ? report.overview : [],
    tables: [], sums: report.sums ?? sumTablesOfWhole(report),
    narrative: [], glossary: [], perf: [], others: [], sectionBlocks: [], printed: [], blocks: [],
  };
}

/** What units.sum compares of a table kind, and what of it not (data/rules.json unitSums). */
export interface UnitSumTable {
  excludeRows?: string[];
  excludeColumns?: string[];
}
/** The table kinds units.sum compares (data/rules.json unitSums): what it reads and keptForOthers keeps. */
export const UNIT_SUM_TABLES = (rules as unknown as { unitSums: { tables: Record<string, UnitSumTable> } }).unitSums.tables;

const keptStr = <T extends Str>(s: T | undefined): T | undefined => s && { ...s, value: own(s.value) };

/** The 报告 block with its values copied (every field but its range is a Str). */
function keptMeta(m: Meta): Meta {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) out[k] = k === 'range' ? v : keptStr(v as Str);
  return out as unknown as Meta;
}

/** Made once per report parsed whole (a report kept for others has them made when kept). */
const sumsOfWhole = new WeakMap<Report, SumTable[]>();

/** The tables of a report that units.sum compares, as it reads them (SumTable). */
export function sumTablesOf(report: Report): SumTable[] {
  if (report.sums) return report.sums;
  let s = sumsOfWhole.get(report);
  if (!s) sumsOfWhole.set(report, (s = sumTablesOfWhole(report)));
  return s;
}

function sumTablesOfWhole(report: Report): SumTable[] {
  return report.tables.filter((t) => t.kind && UNIT_SUM_TABLES[t.kind]).map((t) => ({ kind: t.kind!, unit: t.unit, parts: t.parts.map(sumPart) }));
}

/** The kinds of cells as SumPart.kinds holds them (index + 1). */
export const SUM_KINDS: readonly CellKind[] = ['amount', 'percent', 'number', 'text', 'empty'];
const KIND_CODE = new Map(SUM_KINDS.map((k, i) => [k, i + 1]));
/** SumPart.kinds of an amount, a number and an empty cell. */
export const SUM_AMOUNT = KIND_CODE.get('amount')!;
export const SUM_NUMBER = KIND_CODE.get('number')!;
export const SUM_EMPTY = KIND_CODE.get('empty')!;

function sumPart(p: TablePart): SumPart {
  const width = p.columns.length;
  const n = width * p.rows.length;
  // the arrays share one buffer (one allocation outside the heap per part, not five): nums first, 8-byte aligned
  const buf = new ArrayBuffer(n * 18);
  const out: SumPart = {
    name: own(p.name), side: p.side, columns: nameColumns(p), rows: keyIndex(p.rows),
    codes: p.rows.map((r) => r.code), names: p.rows.map((r) => own(r.name)), width,
    nums: new Float64Array(buf, 0, n).fill(NaN), starts: new Int32Array(buf, 8 * n, n), ends: new Int32Array(buf, 12 * n, n),
    kinds: new Uint8Array(buf, 16 * n, n), scales: new Uint8Array(buf, 17 * n, n), bigs: new Map(), raws: new Map(),
  };
  // a row of plain amounts (frontends/common.ts PlainCells) gives them without making its cells
  let at0 = 0;
  const put = (k: number, units: number, scale: number, start: number, end: number, written: string | undefined) => {
    if (k >= width) return;
    const x = at0 + k;
    out.kinds[x] = SUM_AMOUNT;
    out.starts[x] = start;
    out.ends[x] = end;
    out.nums[x] = units;
    out.scales[x] = scale;
    if (written !== undefined) out.raws.set(x, own(written));
  };
  p.rows.forEach((r, i) => {
    at0 = i * width;
    if (r.plainAmounts?.(put, true)) return;
    for (let j = 0; j < width && j < r.cells.length; j++) {
      const c = r.cells[j];
      const x = i * width + j;
      out.kinds[x] = KIND_CODE.get(c.kind) ?? 0;
      out.starts[x] = c.range.start;
      out.ends[x] = c.range.end;
      const v = c.value;
      if (v) {
        if (!Number.isNaN(v.num) && v.scale <= 255) {
          out.nums[x] = v.num;
          out.scales[x] = v.scale;
        } else out.bigs.set(x, v);
      }
      if (c.raw !== '' && !(v && printsAs(c.raw, 0, c.raw.length, v.num, v.scale))) out.raws.set(x, own(c.raw));
    }
  });
  return out;
}

/** The value stored for a SumPart's cell x (any kind), or undefined. */
const storedValue = (p: SumPart, x: number): Decimal | undefined => (Number.isNaN(p.nums[x]) ? p.bigs.get(x) : new Decimal(p.nums[x], p.scales[x]));

/** The value of a SumPart's cell x (amount and number cells; others, and x = −1, have none). */
export function sumValue(p: SumPart, x: number): Decimal | undefined {
  const k = p.kinds[x];
  return k === SUM_AMOUNT || k === SUM_NUMBER ? storedValue(p, x) : undefined;
}

/** A SumPart's cell x as a Cell (for a finding's related locations), or undefined where the row has none (or x = −1). */
export function sumCell(p: SumPart, x: number): Cell | undefined {
  const k = p.kinds[x];
  if (!k) return undefined;
  const value = storedValue(p, x);
  const cell: Cell = { kind: SUM_KINDS[k - 1], raw: p.raws.get(x) ?? (value ? value.toString() : ''), range: { start: p.starts[x], end: p.ends[x] } };
  if (value) cell.value = value;
  return cell;
}

/**
 * How units.sum pairs a part's rows and columns with another report's: rows by 科目代码, else by
 * normalised name (a key written twice is ambiguous and left out); amount columns by normalised name
 * (the first of a name).
 */
export interface PairingIndex {
  rows: Map<string, Row>;
  columns: Map<string, number>;
}

/** Kept with the part (the 部门 report's parts, while it is checked). */
const pairings = new WeakMap<TablePart, PairingIndex>();

/** The pairing index of a 部门 report's part, made once. */
export function pairingIndex(part: TablePart): PairingIndex {
  let x = pairings.get(part);
  if (!x) {
    const rows = new Map<string, Row>();
    for (const [k, i] of keyIndex(part.rows)) rows.set(k, part.rows[i]);
    pairings.set(part, (x = { rows, columns: nameColumns(part) }));
  }
  return x;
}

/** Rows by 科目代码, else normalised name (copied: a name may be a slice of the text) → index; a key written twice is left out. */
function keyIndex(rows: Row[]): Map<string, number> {
  const m = new Map<string, number>();
  const dup = new Set<string>();
  rows.forEach((r, i) => {
    const k = r.code ?? own(normName(r.name));
    if (!k) return;
    if (m.has(k)) dup.add(k);
    else m.set(k, i);
  });
  for (const k of dup) m.delete(k);
  return m;
}

function nameColumns(part: TablePart): Map<string, number> {
  const m = new Map<string, number>();
  for (const [i, c] of part.columns.entries()) {
    const k = normName(c.name);
    if (c.kind === 'amount' && !m.has(k)) m.set(own(k), i);
  }
  return m;
}

/** A 部门 report and the unit reports that make it up. */
export interface UnitGroup {
  dept: ReportRef;
  /**
   * The listed units, each with its report when exactly one was found; `found` holds every report found
   * for it (two or more: which one counts is not known, so none does).
   */
  units: Array<{ name: string; row: UnitRow; report?: ReportRef; found: ReportRef[] }>;
  /** Every listed unit has a report: the sums are compared. */
  complete: boolean;
}

export const UNIT_TYPE: Partial<Record<ReportType, ReportType>> = { 部门决算: '单位决算', 部门预算: '单位预算' };

/** Unit names compare as row names do: spaces, quote styles and bracket widths ignored. */
export const unitKey = normName;

/** The units a report lists in its 单位构成 (部门概况), in order. */
export function listedUnits(report: Report): UnitRow[] {
  const out: UnitRow[] = [];
  for (const s of allSections(report.overview)) for (const u of s.units ?? []) if (u.name?.value.trim()) out.push(u);
  return out;
}

/** Groups the reports: each 部门 report that lists its units, with the unit reports found among `reports`. */
export function unitGroups(reports: ReportRef[]): UnitGroup[] {
  const groups: UnitGroup[] = [];
  const byKey = new Map<string, ReportRef[]>();
  for (const r of reports) {
    const m = r.report.meta;
    if (!m?.type || !m.year || !m.unitName) continue;
    const k = `${m.type.value}|${m.year.year}|${unitKey(m.unitName.value)}`;
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  for (const dept of reports) {
    const m = dept.report.meta;
    const unitType = m?.type ? UNIT_TYPE[m.type.value] : undefined;
    if (!m || !unitType || !m.year) continue;
    const rows = listedUnits(dept.report);
    if (rows.length === 0) continue;
    const units = rows.map((row) => {
      const name = row.name!.value.trim();
      const found = byKey.get(`${unitType}|${m.year!.year}|${unitKey(name)}`)?.filter((r) => r.uri !== dept.uri) ?? [];
      // Two reports for the same unit and year: which one counts is not known, so none does.
      return { name, row, report: found.length === 1 ? found[0] : undefined, found };
    });
    // A 部门 that lists only itself is its own sum: nothing to compare.
    if (units.length === 1 && unitKey(units[0].name) === unitKey(m.unitName?.value ?? '')) continue;
    groups.push({ dept, units, complete: units.every((u) => u.report) });
  }
  return groups;
}

/** The listed units of a group that stand for no report: none found, or several (in order). */
export function unmatchedUnits(g: UnitGroup): { missing: UnitGroup['units']; several: UnitGroup['units'] } {
  return { missing: g.units.filter((u) => u.found.length === 0), several: g.units.filter((u) => u.found.length > 1) };
}

/** Whether a report may have findings across reports: a 部门 report that lists its units. */
export function listsUnits(report: Report): boolean {
  const t = report.meta?.type?.value;
  return !!t && !!UNIT_TYPE[t] && listedUnits(report).length > 0;
}

/**
 * Hover on a 单位构成 row of a 部门 report: which report stands for that unit, and whether the
 * 部门 tables were compared with the units' sums (all units have a report) or not (which are missing).
 * `nameOf` turns a uri into what the user knows it by (a file path).
 */
export function unitRowHover(dept: ReportRef, others: ReportRef[], offset: number, nameOf: (uri: string) => string): { range: Range; contents: string } | undefined {
  if (!listsUnits(dept.report)) return undefined;
  const g = unitGroups([dept, ...others.filter((o) => o.uri !== dept.uri)]).find((x) => x.dept.uri === dept.uri);
  const u = g?.units.find((x) => x.row.range.start <= offset && offset <= x.row.range.end);
  if (!g || !u) return undefined;
  const m = dept.report.meta!;
  const lines = [`**${u.name}**`, ''];
  lines.push(u.report
    ? l10n.t('单位报告：{0}', nameOf(u.report.uri))
    : u.found.length > 1
      ? l10n.t('这个单位 {0} 年的{1}报告找到 {2} 份，不知以哪一份为准：{3}', m.year!.year, UNIT_TYPE[m.type!.value]!, u.found.length, u.found.map((r) => nameOf(r.uri)).join(l10n.listSep()))
      : l10n.t('没有找到这个单位 {0} 年的{1}报告（报告中写“单位：{2}”的文件）', m.year!.year, UNIT_TYPE[m.type!.value]!, u.name));
  const { missing, several } = unmatchedUnits(g);
  const why = [
    ...(missing.length ? [l10n.t('还缺 {0} 个单位的报告（{1}）', missing.length, missing.map((x) => x.name).join(l10n.listSep()))] : []),
    ...(several.length ? [l10n.t('{0} 个单位各有不止一份报告（{1}）', several.length, several.map((x) => x.name).join(l10n.listSep()))] : []),
  ];
  lines.push('', why.length === 0
    ? l10n.t('部门各表已与所属 {0} 个单位报告之和核对（规则 units.sum）', g.units.length)
    : l10n.t('{0}：部门汇总数未与各单位核对', why.join('；')));
  return { range: u.row.range, contents: lines.join('\n') };
}
