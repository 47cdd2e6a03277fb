/**
 * Consistency checks of the tables (表内 and 表间 勾稽关系). Each equality is a small named rule;
 * the equalities between standard tables are data (data/rules.json), the hierarchy of 科目 codes
 * (类 = Σ 款, 款 = Σ 项; 301 = Σ 301xx) and 合计 = Σ 类 are generic.
 *
 * Every check compares a stated total with the sum of its parts by the interval rule
 * (rounding.ts): a real discrepancy is an error under the rule's id; a difference that rounding
 * can explain is an information under the id `rounding`.
 */
import { Decimal } from '../decimal';
import { Cell, Finding, PerfEval, Range, Report, Row, Table, TablePart } from '../model';
import { compareSum, formatLike, Verdict } from './rounding';
import rules from '../data/rules.json';
import { normName, NUMBERING } from '../names';
import * as l10n from '../l10n';

export { normName };

/** A total that was checked: what the editor shows next to it (Σ 335.57 ✓) and how it was computed. */
export interface TotalInfo {
  rule: string;
  range: Range;
  label: string;
  stated: Decimal;
  computed: Decimal;
  verdict: Verdict;
  parts: Array<{ label: string; raw: string; range: Range }>;
}

export interface TableCheckResult {
  findings: Finding[];
  totals: TotalInfo[];
}

/** A cell and how to name it; names are built only when a finding or a hover needs them. */
interface Ref {
  cell: Cell;
  label: () => string;
}

/** A table cell as a part or total of an equality; its name is built only when needed. */
class CellRef implements Ref {
  readonly cell: Cell;
  constructor(private readonly t: Table, private readonly p: TablePart, private readonly r: Row, private readonly c: number, private readonly withTable = false) {
    this.cell = r.cells[c];
  }
  label(): string {
    return cellLabel(this.t, this.p, this.r, this.c, this.withTable);
  }
}

/** A cell named by its row and column, as in the column identities of a row. */
class RowColRef implements Ref {
  readonly cell: Cell;
  constructor(private readonly p: TablePart, private readonly r: Row, private readonly c: number) {
    this.cell = r.cells[c];
  }
  label(): string {
    return l10n.t('{0}（{1}）', rowLabel(this.r), this.p.columns[this.c].name);
  }
}

/** The parts of an equality, without allocating a Ref per part unless one is asked for. */
interface PartList {
  readonly length: number;
  cell(k: number): Cell;
  ref(k: number): Ref;
}

class RefList implements PartList {
  constructor(private readonly refs: Ref[]) {}
  get length() { return this.refs.length; }
  cell(k: number) { return this.refs[k].cell; }
  ref(k: number) { return this.refs[k]; }
}

/** The same column of several rows of one table part. */
class RowsAt implements PartList {
  constructor(private readonly t: Table, private readonly p: TablePart, private readonly rows: Row[], private readonly c: number) {}
  get length() { return this.rows.length; }
  cell(k: number) { return this.rows[k].cells[this.c]; }
  ref(k: number) { return new CellRef(this.t, this.p, this.rows[k], this.c); }
}

/** Several columns of one row. */
class ColsAt implements PartList {
  constructor(private readonly p: TablePart, private readonly r: Row, private readonly cols: number[]) {}
  get length() { return this.cols.length; }
  cell(k: number) { return this.r.cells[this.cols[k]]; }
  ref(k: number) { return new RowColRef(this.p, this.r, this.cols[k]); }
}

const refsOf = (ps: PartList): Ref[] => Array.from({ length: ps.length }, (_, k) => ps.ref(k));

/** A checked total. Labels are computed lazily: most totals are fine and never shown. */
class Total implements TotalInfo {
  private value?: Decimal;
  constructor(readonly rule: string, private readonly t: Ref, private readonly ps: PartList, readonly stated: Decimal, computed: Decimal | { units: number; scale: number }, readonly verdict: Verdict) {
    if (computed instanceof Decimal) this.value = computed;
    else this.fast = computed;
  }
  private fast?: { units: number; scale: number };
  get computed(): Decimal {
    if (!this.value) this.value = new Decimal(BigInt(this.fast!.units), this.fast!.scale);
    return this.value;
  }
  get range(): Range { return this.t.cell.range; }
  get label(): string { return this.t.label(); }
  get parts(): Array<{ label: string; raw: string; range: Range }> { return refsOf(this.ps).map((p) => ({ label: p.label(), raw: p.cell.raw, range: p.cell.range })); }
}



function hasNumbering(r: Row): boolean {
  return NUMBERING.test(r.name);
}

function alternatives(spec: string): string[] {
  return spec.split('|').map(normName);
}

function findRowIn(part: TablePart, spec: string, opts: { numbered?: boolean; from?: number } = {}): Row | undefined {
  const names = alternatives(spec);
  const rows = part.rows.slice(opts.from ?? 0);
  const ok = (r: Row) => (opts.numbered ? hasNumbering(r) : true);
  return rows.find((r) => ok(r) && r.code === spec) ?? rows.find((r) => ok(r) && names.includes(normName(r.name)));
}

function colIndex(part: TablePart, spec: string): number {
  for (const alt of spec.split('|')) {
    const i = part.columns.findIndex((c) => c.name === alt);
    if (i >= 0) return i;
    const j = part.columns.findIndex((c) => c.path[c.path.length - 1] === alt);
    if (j >= 0) return j;
  }
  return -1;
}

function getPart(t: Table, name?: string): TablePart | undefined {
  return name ? t.parts.find((p) => p.name === name) ?? t.parts.find((p) => p.side === name) : t.parts.find((p) => p.name === '') ?? t.parts[0];
}

function tablesOfKind(report: Report, kinds: string[]): Table[] {
  return report.tables.filter((t) => t.kind && kinds.includes(t.kind));
}

const usable = (c: Cell | undefined): c is Cell => !!c && (c.kind === 'amount' || c.kind === 'number' || c.kind === 'percent') && !!c.value;
/** An empty cell (written as -, —, /); a missing one (a short row) is not empty: the row is incomplete. */
const isEmpty = (c: Cell | undefined) => !!c && c.kind === 'empty';

function rowLabel(r: Row): string {
  return r.code ? `${r.code} ${r.name}` : r.name;
}

export function cellLabel(t: Table, part: TablePart, r: Row, col: number, withTable: boolean): string {
  const cname = part.columns[col]?.name ?? '';
  const amountCols = part.columns.filter((c) => c.kind === 'amount').length;
  const colText = amountCols > 1 ? l10n.t('（{0}）', cname) : '';
  const tbl = withTable ? `${t.number?.value ?? t.title}${part.name ? ' ' + part.name : ''} ` : '';
  return `${tbl}${rowLabel(r)}${colText}`;
}

/**
 * Results of the checks that read one table (or one 绩效自评表) only, by that object. A block
 * that did not change keeps its Table object (parser.ts), and every range in these results is a
 * range object of that table (moved in place when the block moves), so they can be reused as is.
 */
export type CheckCache = WeakMap<object, TableCheckResult>;

export class TableChecker {
  findings: Finding[] = [];
  totals: TotalInfo[] = [];

  constructor(private readonly report: Report, private readonly cache?: CheckCache) {}

  run(): TableCheckResult {
    for (const t of this.report.tables) {
      this.cached(t, () => {
        for (const part of t.parts) {
          this.hierarchy(t, part);
          this.grandTotal(t, part);
        }
        this.rowRules(t);
        this.columnRules(t);
      });
    }
    this.crossRules();
    for (const p of this.report.perf) this.cached(p, () => this.perf(p));
    return { findings: this.findings, totals: this.totals };
  }

  private cached(key: object, fn: () => void): void {
    let r = this.cache?.get(key);
    if (!r) {
      const [f, t] = [this.findings, this.totals];
      this.findings = [];
      this.totals = [];
      fn();
      r = { findings: this.findings, totals: this.totals };
      [this.findings, this.totals] = [f, t];
      this.cache?.set(key, r);
    }
    for (const x of r.findings) this.findings.push(x);
    for (const x of r.totals) this.totals.push(x);
  }

  /** Compares a stated total with its parts and records the finding and the computation. */
  check(rule: string, total: Ref, partsIn: Ref[] | PartList, what: string): void {
    if (!usable(total.cell)) return;
    const list: PartList = Array.isArray(partsIn) ? new RefList(partsIn) : partsIn;
    if (list.length === 0) return;
    const stated = total.cell.value!;
    // Fast path for the common case (every part written with the same decimals as the total, and
    // equal to it): exact integer arithmetic, nothing allocated but the record of the total.
    if (!Number.isNaN(stated.num) && total.cell.kind === 'amount') {
      let sumUnits = 0;
      let ok = true;
      for (let k = 0; k < list.length; k++) {
        const c = list.cell(k);
        if (c && c.kind === 'amount' && c.value && c.value.scale === stated.scale && !Number.isNaN(c.value.num)) sumUnits += c.value.num;
        else if (isEmpty(c)) continue;
        else { ok = false; break; }
      }
      if (ok && sumUnits === stated.num) {
        this.totals.push(new Total(rule, total, list, stated, { units: sumUnits, scale: stated.scale }, 'ok'));
        return;
      }
    }
    const parts = refsOf(list);
    const values: Array<Decimal | undefined> = [];
    for (const p of parts) {
      if (usable(p.cell)) values.push(p.cell.value);
      else if (isEmpty(p.cell)) values.push(undefined);
      else return; // an unreadable part was reported already
    }
    // 分值/得分 are exact points, not rounded amounts: no rounding tolerance for them.
    const cmp = compareSum(total.cell.value!, values, total.cell.kind === 'number');
    this.totals.push(new Total(rule, total, list, total.cell.value!, cmp.computed, cmp.verdict));
    if (cmp.verdict === 'ok') return;
    let maxScale = total.cell.value!.scale;
    for (const v of values) if (v && v.scale > maxScale) maxScale = v.scale;
    const computedText = cmp.computed.rescale(maxScale).toString();
    const diff = cmp.diff.abs().rescale(maxScale).toString();
    // Lead to the parts that carry a value; a long list of zeros helps nobody in the Problems panel.
    const relevant = parts.length > 6 ? parts.filter((p) => !usable(p.cell) || !p.cell.value!.isZero()) : parts;
    const related = relevant.slice(0, 30).map((p) => ({ range: p.cell.range, message: l10n.t('{0}：{1}', p.label(), p.cell.raw || l10n.t('（空）')) }));
    const label = total.label();
    if (cmp.verdict === 'error') {
      const fixed = formatLike(cmp.computed, total.cell);
      this.findings.push({
        rule, severity: 'error', range: total.cell.range, related,
        message: l10n.t('{0} {1} ≠ {2} {3}（差 {4}）', label, total.cell.raw, what, computedText, diff),
        fixes: [{ title: l10n.t('将{0}改为 {1}', label, fixed), edits: [{ range: total.cell.range, newText: fixed }] }],
      });
    } else {
      this.findings.push({
        rule: 'rounding', severity: 'information', range: total.cell.range, related,
        message: l10n.t('{0} {1} ≠ {2} {3}（差 {4}，在舍入误差 ±{5} 以内，可能为尾数误差）［{6}］', label, total.cell.raw, what, computedText, diff, cmp.tolerance.toString(), rule),
      });
    }
  }

  /** 类 = Σ 款, 款 = Σ 项 (and 301 = Σ 301xx): wherever the children are listed. */
  hierarchy(t: Table, part: TablePart): void {
    const coded = part.rows.filter((r) => r.code);
    if (coded.length < 2) return;
    const byCode = new Map<string, Row>();
    for (const r of coded) if (!byCode.has(r.code!)) byCode.set(r.code!, r);
    // descendants of each listed code, found through the code's prefixes (3 and 5 digits)
    const below = new Map<Row, Row[]>();
    for (const x of coded) {
      const c = x.code!;
      for (let l = 3; l < c.length; l += 2) {
        const parent = byCode.get(c.slice(0, l));
        if (!parent || parent === x) continue;
        const list = below.get(parent);
        if (list) list.push(x);
        else below.set(parent, [x]);
      }
    }
    for (const [r, desc] of below) {
      let len = Infinity;
      for (const x of desc) if (x.code!.length < len) len = x.code!.length;
      const children = desc.filter((x) => x.code!.length === len);
      const what = r.level === '类' && len === 5 ? l10n.t('其下各款之和') : r.level === '款' && len === 7 ? l10n.t('其下各项之和') : l10n.t('其下各科目之和');
      for (let i = 0; i < part.columns.length; i++) {
        if (part.columns[i].kind !== 'amount') continue;
        this.check('sum.children', new CellRef(t, part, r, i), new RowsAt(t, part, children, i), what);
      }
    }
  }

  /** 合计 / 总计 = Σ of the top-level 科目 rows, in a table keyed by codes. */
  grandTotal(t: Table, part: TablePart): void {
    const coded = part.rows.filter((r) => r.code);
    if (coded.length === 0) return;
    const top = Math.min(...coded.map((r) => r.code!.length));
    const tops = coded.filter((r) => r.code!.length === top);
    for (const r of part.rows) {
      if (r.code || !/^(合计|总计)$/.test(normName(r.name))) continue;
      part.columns.forEach((col, i) => {
        if (col.kind !== 'amount') return;
        this.check('sum.total', new CellRef(t, part, r, i),
          new RowsAt(t, part, tops, i), l10n.t('各类之和'));
      });
    }
  }

  rowRules(t: Table): void {
    for (const rr of rules.rowRules as Array<{ id: string; tables: string[]; part?: string; total: string; parts: string[] | { numbered: boolean }; optional?: boolean; after?: boolean }>) {
      if (!t.kind || !rr.tables.includes(t.kind)) continue;
      {
        const part = getPart(t, rr.part);
        if (!part) continue;
        const total = findRowIn(part, rr.total);
        if (!total) continue;
        const ti = part.rows.indexOf(total);
        let partRows: Row[] = [];
        if (Array.isArray(rr.parts)) {
          let missing = false;
          for (const spec of rr.parts) {
            const r = findRowIn(part, spec, { from: rr.after ? ti + 1 : 0 });
            if (r && r !== total) partRows.push(r);
            else missing = true;
          }
          if (missing && !rr.optional) continue;
        } else {
          partRows = part.rows.slice(0, ti).filter((r) => hasNumbering(r) && !r.code);
        }
        if (partRows.length === 0) continue;
        part.columns.forEach((col, i) => {
          if (col.kind !== 'amount') return;
          this.check(rr.id, new CellRef(t, part, total, i),
            new RowsAt(t, part, partRows, i), l10n.t('各项之和'));
        });
      }
    }
  }

  columnRules(t: Table): void {
    for (const cr of rules.columnRules as Array<{ id: string; tables: string[]; part?: string; total: string; parts: string[]; optional?: boolean }>) {
      if (!t.kind || !cr.tables.includes(t.kind)) continue;
      {
        const part = getPart(t, cr.part);
        if (!part) continue;
        const ti = colIndex(part, cr.total);
        if (ti < 0) continue;
        const pis = cr.parts.map((p) => colIndex(part, p));
        if (pis.some((i) => i < 0) && !cr.optional) continue;
        const present = pis.filter((i) => i >= 0);
        if (present.length === 0) continue;
        const short = (i: number) => {
          const path = part.columns[i].path;
          const leaf = path[path.length - 1];
          return /^(小计|合计)$/.test(leaf) && path.length > 1 ? path[path.length - 2] : leaf;
        };
        const names = present.map(short).join(' + ');
        for (const r of part.rows) {
          this.check(cr.id, new RowColRef(part, r, ti), new ColsAt(part, r, present), names);
        }
      }
    }
  }

  crossRules(): void {
    type Side = { table: string; part?: string; row?: string; rows?: string[]; column: string; numbered?: boolean };
    type When = { table: string; part?: string; zero: string[] };
    for (const xr of rules.crossRules as Array<{ id: string; a: Side; b: Side; when?: When }>) {
      const ta = tablesOfKind(this.report, [xr.a.table])[0];
      const tb = tablesOfKind(this.report, [xr.b.table])[0];
      if (!ta || !tb) continue;
      if (xr.when && !this.allZero(xr.when)) continue;
      const pa = getPart(ta, xr.a.part);
      const pb = getPart(tb, xr.b.part);
      if (!pa || !pb) continue;
      const ca = colIndex(pa, xr.a.column);
      const cb = colIndex(pb, xr.b.column);
      if (ca < 0 || cb < 0) continue;
      const ref = (t: Table, p: TablePart, r: Row, c: number): Ref => new CellRef(t, p, r, c, true);
      const what = `${ta.number?.value ?? ta.title}`;
      if (xr.a.row === '*科目') {
        for (const br of pb.rows) {
          if (!br.code) continue;
          const ar = pa.rows.find((x) => x.code === br.code);
          if (ar) this.check(xr.id, ref(tb, pb, br, cb), [ref(ta, pa, ar, ca)], l10n.t('{0}中同一科目的数', what));
        }
        continue;
      }
      if (xr.a.row === '*类') {
        // every expenditure 类 of table a against the same 类 (by name) in table b
        const classes = pa.rows.filter((r) => r.level === '类');
        if (classes.length === 0) continue;
        const bRows = pb.rows.filter((r) => (r.code ? r.level === '类' : hasNumbering(r)));
        for (const br of bRows) {
          const ar = classes.find((x) => normName(x.name) === normName(br.name));
          const bc = br.cells[cb];
          if (ar) this.check(xr.id, ref(tb, pb, br, cb), [ref(ta, pa, ar, ca)], l10n.t('{0}中同类的数', what));
          else if (usable(bc) && !bc.value!.isZero()) {
            this.findings.push({
              rule: xr.id, severity: 'error', range: bc.range,
              message: l10n.t('{0} 为 {1}，但{2}中没有“{3}”这一类（应为 0 或在{2}中列出）', cellLabel(tb, pb, br, cb, true), bc.raw, what, normName(br.name)),
            });
          }
        }
        continue;
      }
      const br = findRowIn(pb, xr.b.row ?? '', { numbered: xr.b.numbered });
      if (!br) continue;
      const aRows = (xr.a.rows ?? [xr.a.row ?? '']).map((s) => findRowIn(pa, s, { numbered: xr.a.numbered }));
      if (aRows.some((r) => !r)) continue;
      this.check(xr.id, ref(tb, pb, br, cb), (aRows as Row[]).map((r) => ref(ta, pa, r, ca)), aRows.length > 1 ? l10n.t('{0}中{1}', what, aRows.map((r) => r!.name).join(' + ')) : l10n.t('{0}中的数', what));
    }
  }

  /** Every listed row of a table is 0 (or empty, or absent). */
  private allZero(w: { table: string; part?: string; zero: string[] }): boolean {
    const t = tablesOfKind(this.report, [w.table])[0];
    if (!t) return false;
    const p = getPart(t, w.part);
    if (!p) return false;
    for (const spec of w.zero) {
      const r = findRowIn(p, spec);
      if (!r) continue;
      for (let i = 0; i < p.columns.length; i++) {
        if (p.columns[i].kind !== 'amount') continue;
        const c = r.cells[i];
        if (c && c.kind !== 'empty' && (!c.value || !c.value.isZero())) return false;
      }
    }
    return true;
  }

  /** 项目支出绩效自评表: 资金 总额 = Σ 其余各行; 合计 = 资金分值/得分 + Σ 指标分值/得分; 得分 ≤ 分值. */
  perf(p: PerfEval): void {
    const f = p.funds;
    if (f && f.rows.length > 1) {
      const [first, ...rest] = f.rows;
      f.columns.forEach((col, i) => {
        if (col.kind !== 'amount') return;
        this.check('perf.funds', { cell: first.cells[i], label: () => l10n.t('{0}（{1}）', first.name, col.name) }, rest.map((r) => ({ cell: r.cells[i], label: () => l10n.t('{0}（{1}）', r.name, col.name) })), l10n.t('各项资金之和'));
      });
    }
    const wi = f ? f.columns.findIndex((c) => /^(分值|权重)$/.test(c.name)) : -1;
    const si = f ? f.columns.findIndex((c) => c.name === '得分') : -1;
    const fundsRow = f?.rows[0];
    for (const [total, idx, pick, name] of [[p.totalWeight, wi, 'weight', l10n.t('分值')], [p.totalScore, si, 'score', l10n.t('得分')]] as const) {
      if (!total || !usable(total) || p.indicators.length === 0) continue;
      const parts: Ref[] = p.indicators.map((x) => ({ cell: x[pick] ?? { kind: 'empty', raw: '', range: x.range }, label: () => `${x.level3}（${name}）` }));
      if (fundsRow && idx >= 0) parts.unshift({ cell: fundsRow.cells[idx], label: () => `${fundsRow.name}（${name}）` });
      this.check('perf.total', { cell: total, label: () => l10n.t('合计（{0}）', name) }, parts, l10n.t('资金与各指标{0}之和', name));
    }
    for (const x of p.indicators) {
      if (usable(x.score) && usable(x.weight) && x.score.value!.cmp(x.weight.value!) > 0) {
        this.findings.push({
          rule: 'perf.score', severity: 'error', range: x.score.range,
          message: l10n.t('指标“{0}”得分 {1} 超过其分值 {2}', x.level3, x.score.raw, x.weight.raw),
          related: [{ range: x.weight.range, message: l10n.t('分值：{0}', x.weight.raw) }],
        });
      }
    }
  }
}

export function checkTables(report: Report, cache?: CheckCache): TableCheckResult {
  return new TableChecker(report, cache).run();
}
