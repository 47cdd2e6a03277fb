/**
 * units.sum: a 部门 report against the 单位 reports of its units (部门汇总 = Σ 单位). A 部门决算 (部门预算)
 * whose 单位构成 lists its units is compared with the 单位 reports of the same year whose 单位 is one of
 * those units — only when every listed unit has a report: with one missing, the sum says nothing.
 * Tables are compared by standard kind, only the kinds and cells named in data/rules.json
 * (`unitSums`), and only where every unit report has that table. Rows pair by 科目代码 (a unit that
 * does not list a 科目 row has 0 there), other rows by name (a row that no unit writes is not
 * compared: its name may simply be written differently). Findings sit in the 部门 report; their
 * related locations point into the unit reports (uri).
 */
import { Decimal, inUnit, trimTo } from '../../decimal';
import { Cell, Column, Finding, RelatedInfo, Row, SumPart, SumTable, Table, TablePart } from '../../model';
import { normName } from '../../names';
import { allSections } from '../../query';
import { compareSum, compareUnits, formatLike } from '../rounding';
import { cellLabel } from '../tables/equality';
import { listsUnits, pairingIndex, UNIT_TYPE, unmatchedUnits, ReportRef, SUM_AMOUNT, SUM_EMPTY, SUM_NUMBER, sumCell, sumTablesOf, sumValue, UNIT_SUM_TABLES, UnitGroup, unitGroups } from '../../workspace/units';
import { Rule, RuleContext } from '../types';
import * as l10n from '../../l10n';



const amountOf = (c: Cell | undefined): Decimal | undefined => (c && (c.kind === 'amount' || c.kind === 'number') ? c.value : undefined);

/** Where units.sum says what it compared in a 部门 table and what it could not: the rule's context. */
type Coverage = Pick<RuleContext, 'checked' | 'couldNot'>;

/**
 * The findings of one 部门 report against its unit reports among `others` (nothing when it is not
 * a 部门 report listing its units). When a listed unit has no report nothing is compared, and one
 * units.unchecked note on the 单位构成 says which reports are missing; a table, side or column that
 * some unit's report lacks is said in that table's coverage.
 */
function checkUnitSums(dept: ReportRef, others: ReportRef[], cov: Coverage): Finding[] {
  if (!listsUnits(dept.report)) return [];
  const g = unitGroups([dept, ...others.filter((o) => o.uri !== dept.uri)]).find((x) => x.dept.uri === dept.uri);
  if (!g) return [];
  if (g.complete) return compareGroup(g, cov);
  const m = dept.report.meta!;
  const year = m.year!.year;
  const type = UNIT_TYPE[m.type!.value]!;
  const { missing, several } = unmatchedUnits(g);
  const why = [
    ...(missing.length ? [l10n.t('其中 {0} 个在一同检查的报告中没有找到 {1} 年的{2}报告（{3}）', missing.length, year, type, namesOf(missing))] : []),
    ...(several.length ? [l10n.t('{0} 个找到不止一份 {1} 年的{2}报告，不知以哪一份为准（{3}）', several.length, year, type, namesOf(several))] : []),
  ];
  const listing = [...allSections(dept.report.overview)].find((s) => s.units?.length);
  return [{
    rule: 'units.unchecked', severity: 'information', range: listing?.title.range ?? g.units[0].row.range,
    message: l10n.t('单位构成列出 {0} 个单位，{1}：部门各表未与所属单位之和核对（units.sum）', g.units.length, why.join('；')),
    // each of the reports found for a unit that has several: where it says which unit it is
    related: several.flatMap((u) => u.found.map((r) => ({ uri: r.uri, range: r.report.meta!.unitName!.range, message: l10n.t('{0} 的报告之一', u.name) }))),
  }];
}

/** What units.sum checks in a table (its coverage entries). */
const WHAT = () => l10n.t('部门汇总数 = 所属各单位之和');

/**
 * One wrong 项 makes its 款, its 类 and the 合计 differ by the same amount: those are consequences.
 * A parent's finding is left out when the differences of the rows under it that differ (the lowest
 * ones) add up to its own; the kept findings say which totals above them differ with them.
 */
export function withoutConsequences(found: Found[]): Finding[] {
  const totals = new Map<RowName, boolean>();
  const isTotal = (r: RowName) => {
    let t = totals.get(r);
    if (t === undefined) totals.set(r, (t = !r.code && /^(合计|总计)$/.test(normName(r.name))));
    return t;
  };
  const under = (child: RowName, parent: RowName) => !!child.code && (isTotal(parent) || (!!parent.code && child.code !== parent.code && child.code.startsWith(parent.code)));
  // every code that has a differing 科目 row under it (a proper prefix of a differing row's code)
  const above = new Set<string>();
  for (const d of found) {
    const code = d.row.code;
    if (code) for (let k = 1; k < code.length; k++) above.add(code.slice(0, k));
  }
  // the lowest differing rows (nothing differing under them), their differences added up under every
  // code above them, and all together (what is under a 合计)
  const lowest = new Map<string, { n: number; sum: Decimal }>();
  const all = { n: 0, sum: Decimal.ZERO };
  const count = (x: { n: number; sum: Decimal }, diff: Decimal) => {
    x.n++;
    x.sum = x.sum.add(diff);
  };
  for (const c of found) {
    const code = c.row.code;
    if (!code || above.has(code)) continue;
    count(all, c.diff);
    for (let k = 1; k < code.length; k++) {
      const prefix = code.slice(0, k);
      const x = lowest.get(prefix);
      if (x) count(x, c.diff);
      else lowest.set(prefix, { n: 1, sum: c.diff });
    }
  }
  // a parent (科目 row or 合计) whose lowest differing rows add up to its own difference: a consequence
  const dropped: Found[] = [];
  for (const p of found) {
    const code = p.row.code;
    if (!code && !isTotal(p.row)) continue;
    // a 合计 counts every lowest row but itself (it has no code: it is none of them)
    const low = code ? lowest.get(code) : all;
    if (!low || low.n === 0 || !low.sum.eq(p.diff)) continue;
    dropped.push(p);
  }
  const gone = new Set(dropped.map((p) => p.row));
  return found.filter((f) => !gone.has(f.row)).map((f) => {
    const named = dropped.filter((p) => under(f.row, p.row)).map((p) => p.row.code ?? normName(p.row.name)).reverse();
    const finding = f.finding();
    if (!named.length) return finding;
    return { ...finding, message: l10n.t('{0}；{1} 因此同样不等', finding.message, named.join(l10n.listSep())) };
  });
}

/**
 * A row that differs: its finding is written only if it is kept (withoutConsequences drops those
 * explained by the rows under them; each names every unit's cell, 99 of them for a large 部门). Its
 * row: the 部门's, or a unit's (a 科目 the 部门 does not list), by its code and name.
 */
export type Found = { row: RowName; diff: Decimal; rounding: boolean; finding: () => Finding };
export type RowName = Pick<Row, 'code' | 'name'>;
type UnitPart = { name: string; ref: ReportRef; table: SumTable; part: SumPart };
/** One amount column of a 部门 table part, with the same part of each unit. */
interface ColumnCheck {
  t: Table; part: TablePart; col: Column; ci: number; cname: string; units: UnitPart[]; deptRows: Map<string, Row>;
  /** The column's index in each unit's part (same order as `units`). */
  unitCols: number[];
  /** Each unit's row of a key (its index, -1 where the unit has none; same order as `units`), found once for all the columns of the part. */
  unitRows: (key: string) => Int32Array;
}

/** The units that lack something, for a coverage entry: “甲单位、乙单位”. */
const namesOf = (us: Array<{ name: string }>) => us.map((u) => u.name).join(l10n.listSep());

function compareGroup(g: UnitGroup, cov: Coverage): Finding[] {
  const findings: Finding[] = [];
  const units = g.units.map((u) => ({ name: u.name, ref: u.report! }));
  for (const t of g.dept.report.tables) {
    const rule = t.kind ? UNIT_SUM_TABLES[t.kind] : undefined;
    if (!rule) continue;
    const unitTables = units.map((u) => ({ ...u, table: sumTablesOf(u.ref.report).find((x) => x.kind === t.kind) }));
    // a unit without the table: nothing can be said of its sum
    const without = unitTables.filter((u) => !u.table);
    if (without.length) {
      cov.couldNot(t, WHAT(), l10n.t('{0}的报告中没有这张表（{1}）', namesOf(without), t.kind!));
      continue;
    }
    const exRows = new Set((rule.excludeRows ?? []).map(normName));
    const exCols = new Set((rule.excludeColumns ?? []).map(normName));
    for (const part of t.parts) {
      const uparts = unitTables.map((u) => ({ ...u, table: u.table!, part: u.table!.parts.find((p) => p.name === part.name) ?? u.table!.parts.find((p) => !!p.side && p.side === part.side) }));
      const noPart = uparts.filter((u) => !u.part);
      if (noPart.length) {
        cov.couldNot(t, WHAT(), l10n.t('{0}的这张表没有“{1}”栏', namesOf(noPart), part.name || l10n.t('（不分栏）')));
        continue;
      }
      // the units' parts are indexed when they were kept (keptForOthers), one per turn of the server
      const uIndex = uparts as UnitPart[];
      const deptRows = pairingIndex(part).rows;
      const byKey = new Map<string, Int32Array>();
      const unitRows = (key: string) => {
        let rs = byKey.get(key);
        if (!rs) {
          byKey.set(key, (rs = new Int32Array(uIndex.length)));
          for (let k = 0; k < uIndex.length; k++) rs[k] = uIndex[k].part.rows.get(key) ?? -1;
        }
        return rs;
      };
      const excluded = new Set([...deptRows].filter(([, r]) => exRows.has(normName(r.name))).map(([k]) => k));
      part.columns.forEach((col, ci) => {
        if (col.kind !== 'amount') return;
        const cname = normName(col.name);
        if (exCols.has(cname) || exCols.has(normName(col.path[col.path.length - 1] ?? ''))) return;
        const noColumn = uIndex.filter((u) => !u.part.columns.has(cname));
        if (noColumn.length) {
          cov.couldNot(t, WHAT(), l10n.t('{0}的这张表没有“{1}”列', namesOf(noColumn), col.name));
          return;
        }
        const c: ColumnCheck = { t, part, col, ci, cname, units: uIndex, deptRows, unitCols: uIndex.map((u) => u.part.columns.get(cname)!), unitRows };
        findings.push(...compareColumn(c, excluded, cov));
      });
    }
  }
  return findings;
}

/** One amount column of a 部门 table part against its units: the kept findings and notes (its compared cells counted in the coverage). */
function compareColumn(c: ColumnCheck, excluded: Set<string>, cov: Coverage): Finding[] {
  const found: Found[] = [];
  const notes: Found[] = [];
  let compared = 0;
  for (const [key, row] of c.deptRows) {
    if (excluded.has(key)) continue;
    const f = compareRow(c, key, row);
    if (f !== null) compared++;
    if (f) (f.rounding ? notes : found).push(f);
  }
  cov.checked(c.t, compared);
  found.push(...missingRows(c));
  return [...withoutConsequences(found), ...withoutConsequences(notes)];
}

/**
 * The units' cells of a row summed as safe integers, when every one is a count of the stated
 * amount's decimals in the same money unit (most rows: no Decimal or array is made for them), with
 * how many units write the row and how many of them hold a number. Undefined: compareRow sums as
 * decimals.
 */
function unitsSum(c: ColumnCheck, key: string, stated: Decimal): { units: number; written: number; n: number } | undefined {
  if (Number.isNaN(stated.num)) return undefined;
  let s = 0;
  let written = 0;
  let n = 0;
  const rows = c.unitRows(key);
  for (let k = 0; k < rows.length; k++) {
    const ri = rows[k];
    if (ri < 0) continue;
    written++;
    const u = c.units[k];
    const p = u.part;
    const x = cellIndex(c, k, ri);
    if (x < 0) continue;
    const kind = p.kinds[x];
    if (kind === SUM_EMPTY) continue;
    const num = p.nums[x];
    if ((kind !== SUM_AMOUNT && kind !== SUM_NUMBER) || Number.isNaN(num) || p.scales[x] !== stated.scale || u.table.unit !== c.t.unit) return undefined;
    s += num;
    n++;
  }
  return Number.isSafeInteger(s) ? { units: s, written, n } : undefined;
}

/** A unit's cell of a row in the column checked (its index in the part's arrays), or -1 where the row has none (sumValue and sumCell give nothing for -1). */
const cellIndex = (c: ColumnCheck, k: number, ri: number): number => {
  const p = c.units[k].part;
  return ri < 0 || p.kinds[ri * p.width + c.unitCols[k]] === 0 ? -1 : ri * p.width + c.unitCols[k];
};

/**
 * A row of the 部门 table against the same row of each unit: an error, a 尾数误差 note, undefined when
 * they agree, null when they could not be compared (no amount in the 部门's cell, a unit's cell unreadable,
 * a row without a code that no unit writes).
 */
function compareRow(c: ColumnCheck, key: string, row: Row): Found | undefined | null {
  const { t, part, ci } = c;
  const cell = row.cells[ci];
  const stated = amountOf(cell);
  if (!stated) return null;
  const fast = unitsSum(c, key, stated);
  let written = fast?.written ?? 0;
  let cmp = fast && compareUnits(stated, fast.units, fast.n);
  if (!cmp) {
    const parts: Array<Decimal | undefined> = [];
    written = 0;
    const rows = c.unitRows(key);
    for (let k = 0; k < rows.length; k++) {
      if (rows[k] < 0) { parts.push(undefined); continue; }
      written++;
      const p = c.units[k].part;
      const x = cellIndex(c, k, rows[k]);
      const v = sumValue(p, x);
      if (!v && x >= 0 && p.kinds[x] !== SUM_EMPTY) return null; // an unreadable cell was reported in its own report
      parts.push(v ? inUnit(v, c.units[k].table.unit, t.unit) : undefined);
    }
    cmp = compareSum(stated, parts);
  }
  // A row without a code that no unit writes may be named differently there: say nothing.
  if (written === 0 && !row.code) return null;
  if (cmp.verdict === 'ok') return undefined;
  const finding = (): Finding => {
    // the units' cells, named only for the findings that are kept
    const related: RelatedInfo[] = [];
    const rows = c.unitRows(key);
    for (let k = 0; k < rows.length; k++) {
      const u = c.units[k];
      const uc = sumCell(u.part, cellIndex(c, k, rows[k]));
      if (uc) related.push({ uri: u.ref.uri, range: uc.range, message: l10n.t('{0}：{1}', u.name, (uc.raw || l10n.t('（空）')) + (u.table.unit !== t.unit ? ' ' + u.table.unit : '')) });
    }
    const label = cellLabel(t, part, row, ci, true);
    const computed = trimTo(cmp.computed, stated.scale);
    const diff = trimTo(cmp.diff.abs(), stated.scale);
    const who = l10n.t('所属 {0} 个单位之和', c.units.length);
    if (cmp.verdict === 'rounding') {
      return {
        rule: 'units.sum', severity: 'information', rounding: true, range: cell.range, text: cell.raw, related,
        message: l10n.t('{0} {1} ≠ {2} {3}（差 {4}，在舍入误差 ±{5} 以内，可能为尾数误差）', label, cell.raw, who, computed, diff, cmp.tolerance.toString()),
      };
    }
    const fixed = formatLike(cmp.computed, cell);
    return {
      rule: 'units.sum', severity: 'error', range: cell.range, text: cell.raw, related,
      message: written === 0
        ? l10n.t('{0} {1}，但所属 {2} 个单位的报告中都没有这一行（部门汇总数应为各单位之和 0）', label, cell.raw, c.units.length)
        : l10n.t('{0} {1} ≠ {2} {3}（差 {4}）', label, cell.raw, who, computed, diff),
      fixes: /^[+-]?\d/.test(fixed) ? [{ title: l10n.t('将{0}改为各单位之和 {1}', label, fixed), edits: [{ range: cell.range, newText: fixed }] }] : undefined,
    };
  };
  return { row, diff: cmp.diff, rounding: cmp.verdict === 'rounding', finding };
}

/** 科目 rows that a unit reports with money and the 部门 does not list at all: reported on the table's name. */
function missingRows(c: ColumnCheck): Found[] {
  const { t, part, col } = c;
  const missing = new Map<string, Array<{ name: string; uri: string; cell: Cell; unit: Table['unit'] }>>();
  c.units.forEach((u, k) => {
    const p = u.part;
    for (const [key, ri] of p.rows) {
      if (!p.codes[ri] || c.deptRows.has(key)) continue;
      const x = cellIndex(c, k, ri);
      const v = sumValue(p, x);
      if (!v || v.isZero()) continue;
      const list = missing.get(key) ?? [];
      list.push({ name: u.name, uri: u.ref.uri, cell: sumCell(p, x)!, unit: u.table.unit });
      missing.set(key, list);
    }
  });
  const out: Found[] = [];
  for (const [code, list] of missing) {
    const u = c.units.find((x) => x.part.rows.has(code))!;
    const ri = u.part.rows.get(code)!;
    const ur: RowName = { code: u.part.codes[ri], name: u.part.names[ri] };
    let total = Decimal.ZERO;
    for (const x of list) total = total.add(inUnit(x.cell.value!, x.unit, t.unit));
    const amounts = (x: { cell: Cell; unit: Table['unit'] }) => x.cell.raw + (x.unit !== t.unit ? ' ' + x.unit : '');
    out.push({
      row: ur, diff: total.neg(), rounding: false,
      finding: () => ({
        rule: 'units.sum', severity: 'error', range: t.keyRange, text: t.key,
        related: list.map((x) => ({ uri: x.uri, range: x.cell.range, message: `${x.name}：${amounts(x)}` })),
        message: l10n.t('{0}的{1}有 {2}（{3}）{4}，部门汇总表中没有这一行', list.map((x) => x.name).join(l10n.listSep()), (t.number?.value ?? t.title) + (part.name ? ' ' + part.name : ''), `${ur.code} ${ur.name}`, col.name, list.map(amounts).join(l10n.listSep())),
      }),
    });
  }
  return out;
}


export const rule: Rule = {
  meta: {
    id: 'units.sum', group: 'units', severity: 'error', fixable: 'number', workspace: true,
    description: '部门报告的各表 = 所属各单位报告同一表之和（单位构成中每个单位都有报告时；部门与单位之间往来的列、行除外）',
    descriptionEn: 'A 部门 report\'s tables = the sums of its units\' reports (when every listed unit has a report; money between them excluded)',
    example: '公开05表 2011308 招商引资（本年支出/小计） 120.00 ≠ 所属 2 个单位之和 125.00（差 5.00）',
    messages: {
      '{0}：{1}': '{0}: {1}', '（空）': '(empty)',
      '所属 {0} 个单位之和': 'the sum of its {0} units',
      '{0} {1}，但所属 {2} 个单位的报告中都没有这一行（部门汇总数应为各单位之和 0）': '{0} {1}, but none of the reports of its {2} units has this row (the 部门 total should be their sum, 0)',
      '{0} {1} ≠ {2} {3}（差 {4}）': '{0} {1} ≠ {2} {3} (difference {4})',
      '将{0}改为各单位之和 {1}': 'Change {0} to the units\' sum {1}',
      '{0} {1} ≠ {2} {3}（差 {4}，在舍入误差 ±{5} 以内，可能为尾数误差）': '{0} {1} ≠ {2} {3} (difference {4}, within the rounding tolerance ±{5}: probably a rounding difference)',
      '{0}；{1} 因此同样不等': '{0}; {1} differ as a consequence',
      '{0}的{1}有 {2}（{3}）{4}，部门汇总表中没有这一行': '{0}: {1} has {2} ({3}) {4}, but the 部门 table has no such row',
      '部门汇总数 = 所属各单位之和': 'the 部门 figures = the sums of its units',
      '{0}的报告中没有这张表（{1}）': 'the report of {0} has no such table ({1})',
      '{0}的这张表没有“{1}”栏': 'this table of {0} has no part "{1}"',
      '{0}的这张表没有“{1}”列': 'this table of {0} has no column "{1}"',
    },
  },
  run(ctx) {
    if (!ctx.others || !listsUnits(ctx.model)) return;
    ctx.examined();
    for (const f of checkUnitSums({ uri: ctx.uri, report: ctx.model }, [...ctx.others], ctx)) {
      if (f.rounding) ctx.rounding({ range: f.range, text: f.text, message: f.message, related: f.related });
      else ctx.report({ rule: f.rule, severity: f.severity, range: f.range, text: f.text, message: f.message, related: f.related, fixes: f.fixes });
    }
  },
};

/** units.unchecked: made by units.sum (a rule of its own, so that it can be set apart or turned off). */
export const unchecked: Rule = {
  meta: {
    id: 'units.unchecked', group: 'units', severity: 'information',
    description: '部门报告的单位构成中有单位没有找到报告或找到不止一份，部门各表未与所属单位之和核对（说明是哪些单位）',
    descriptionEn: 'Some units listed by a 部门 report have no report, or more than one, so its tables were not compared with the units\' sums',
    example: '单位构成列出 3 个单位，其中 1 个在一同检查的报告中没有找到 2023 年的单位决算报告（某市招商服务中心）：部门各表未与所属单位之和核对（units.sum）',
    messages: {
      '单位构成列出 {0} 个单位，{1}：部门各表未与所属单位之和核对（units.sum）': 'The 单位构成 lists {0} units; {1}: the 部门 tables were not compared with the units\' sums (units.sum)',
      '其中 {0} 个在一同检查的报告中没有找到 {1} 年的{2}报告（{3}）': 'for {0} of them no {2} report for {1} is among the reports checked ({3})',
      '{0} 个找到不止一份 {1} 年的{2}报告，不知以哪一份为准（{3}）': '{0} have more than one {2} report for {1}, and which one counts is not known ({3})',
      '{0} 的报告之一': 'one of the reports of {0}',
    },
  },
};
