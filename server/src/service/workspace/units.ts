/**
 * A 部门 report and the 单位 reports of its units: which reports belong together (by type, year and
 * unit name), used by the 部门/单位 check (rules/units/sum.ts), hover on a 单位构成 row, the server and
 * the command line.
 */
import { Meta, Range, Report, ReportType, Row, Str, Table, TablePart, UnitRow } from '../model';
import { mayBeSlice, normName, own } from '../names';
import rules from '../data/rules.json';
import { allSections } from '../query';
import * as l10n from '../l10n';

export interface ReportRef {
  uri: string;
  report: Report;
}

/**
 * What the checks across reports read of another report (its 报告 block; its 单位构成 when it lists
 * units; the tables that units.sum compares, with their rows' codes, names and cells): a unit report
 * kept for its 部门's check — by the command line until that check, by the server while the 部门 is
 * open — is kept as this copy, and the rest goes: its texts, the ranges of names and codes, the
 * tables units.sum does not compare, the amount grids and what the rules kept with the tables. The
 * strings of its 报告 block and tables are copies (V8 makes a slice of 13 characters or more a view
 * into the whole text, which a kept name or amount would otherwise keep); the 单位构成 of a report
 * that lists units is shared as parsed. A generated unit report of 21,000 characters was kept as
 * 256–262 KB until its 部门 was checked, now 190–194 KB, and none of its text.
 */
export function keptForOthers(report: Report): Report {
  const lists = listsUnits(report);
  return {
    syntax: report.syntax, meta: report.meta && keptMeta(report.meta), overview: lists ? report.overview : [],
    tables: report.tables.filter((t) => t.kind && UNIT_SUM_TABLES[t.kind]).map(keptTable),
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

function keptTable(t: Table): Table {
  return { key: own(t.key), keyRange: t.keyRange, title: own(t.title), kind: t.kind, number: keptStr(t.number), unit: t.unit, parts: t.parts.map(keptPart), notes: [], range: t.range };
}

function keptPart(p: TablePart): TablePart {
  const part: TablePart = {
    name: own(p.name), side: p.side, range: p.range,
    columns: p.columns.map((c) => ({ name: own(c.name), path: c.path.map(own), kind: c.kind, range: c.range })),
    rows: p.rows.map((r) => ({
      key: own(r.key), keyRange: r.keyRange, code: r.code, name: own(r.name), nameRange: r.nameRange, level: r.level, range: r.range,
      // a cell is copied only when its text may be a slice
      cells: r.cells.some((c) => mayBeSlice(c.raw)) ? r.cells.map((c) => (mayBeSlice(c.raw) ? { ...c, raw: own(c.raw) } : c)) : r.cells,
    })),
  };
  // the pairing index is made now, while the report is read (the server reads one unit report per
  // turn): not all at once in the 部门's check
  pairingIndex(part);
  return part;
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

/** Kept with the part (a unit report's parts live as long as its kept view). */
const pairings = new WeakMap<TablePart, PairingIndex>();

/** The pairing index of a part, made once. */
export function pairingIndex(part: TablePart): PairingIndex {
  let x = pairings.get(part);
  if (!x) pairings.set(part, (x = { rows: keyRows(part), columns: nameColumns(part) }));
  return x;
}

function keyRows(part: TablePart): Map<string, Row> {
  const m = new Map<string, Row>();
  const dup = new Set<string>();
  for (const r of part.rows) {
    const k = r.code ?? normName(r.name);
    if (!k) continue;
    if (m.has(k)) dup.add(k);
    else m.set(k, r);
  }
  for (const k of dup) m.delete(k);
  return m;
}

function nameColumns(part: TablePart): Map<string, number> {
  const m = new Map<string, number>();
  for (const [i, c] of part.columns.entries()) if (c.kind === 'amount' && !m.has(normName(c.name))) m.set(normName(c.name), i);
  return m;
}

/** A 部门 report and the unit reports that make it up. */
export interface UnitGroup {
  dept: ReportRef;
  /** The listed units, each with its report (when found). */
  units: Array<{ name: string; row: UnitRow; report?: ReportRef }>;
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
      const found = byKey.get(`${unitType}|${m.year!.year}|${unitKey(name)}`)?.filter((r) => r.uri !== dept.uri);
      // Two reports for the same unit and year: which one counts is not known, so none does.
      return { name, row, report: found && found.length === 1 ? found[0] : undefined };
    });
    // A 部门 that lists only itself is its own sum: nothing to compare.
    if (units.length === 1 && unitKey(units[0].name) === unitKey(m.unitName?.value ?? '')) continue;
    groups.push({ dept, units, complete: units.every((u) => u.report) });
  }
  return groups;
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
    : l10n.t('没有找到这个单位 {0} 年的{1}报告（报告中写“单位：{2}”的文件）', m.year!.year, UNIT_TYPE[m.type!.value]!, u.name));
  const missing = g.units.filter((x) => !x.report).map((x) => x.name);
  lines.push('', missing.length === 0
    ? l10n.t('部门各表已与所属 {0} 个单位报告之和核对（规则 units.sum）', g.units.length)
    : l10n.t('还缺 {0} 个单位的报告（{1}）：部门汇总数未与各单位核对', missing.length, missing.join(l10n.listSep())));
  return { range: u.row.range, contents: lines.join('\n') };
}
