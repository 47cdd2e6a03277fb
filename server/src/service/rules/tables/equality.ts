/**
 * A stated total against the sum of its parts, the way every table rule checks it: by the interval
 * rule (rounding.ts), recording the computation (hover, inlay hints, 显示计算过程: the parts), an
 * error with a fix writing the computed total, or a 尾数误差 note.
 */
import { Decimal } from '../../decimal';
import { AmountGrid, ASK, EMPTY, gridOf } from '../../grid';
import { Cell, Range, Row, Table, TablePart } from '../../model';
import { compareSum, formatLike, Verdict } from '../rounding';
import { RuleContext, TotalInfo } from '../types';
import * as l10n from '../../l10n';

/** A cell and how to name it; names are built only when a finding or a hover needs them. */
export interface Ref {
  cell: Cell;
  label: () => string;
  /** −1 when the part is subtracted (年末结转和结余 = 年初 + 收入 − 支出). */
  sign?: 1 | -1;
  /** Decimal places to shift the value by to bring it to the total's unit (元 → 万元: −4). */
  shift?: number;
}

export function rowLabel(r: Row): string {
  return r.code ? `${r.code} ${r.name}` : r.name || l10n.t('（无行名）');
}

export function cellLabel(t: Table, part: TablePart, r: Row, col: number, withTable: boolean): string {
  const cname = part.columns[col]?.name ?? '';
  const amountCols = part.columns.filter((c) => c.kind === 'amount').length;
  const colText = amountCols > 1 ? l10n.t('（{0}）', cname) : '';
  const tbl = withTable ? `${t.number?.value ?? t.title}${part.name ? ' ' + part.name : ''} ` : '';
  return `${tbl}${rowLabel(r)}${colText}`;
}

/** A table cell as a total or part; its name is built only when needed. */
class CellRef implements Ref {
  readonly cell: Cell;
  constructor(private readonly t: Table, private readonly p: TablePart, private readonly r: Row, private readonly c: number, private readonly withTable: boolean, readonly sign: 1 | -1) {
    this.cell = r.cells[c];
  }
  label(): string { return cellLabel(this.t, this.p, this.r, this.c, this.withTable); }
}

/** A table cell as a total or part; its name is built only when needed. */
export function cellRef(t: Table, p: TablePart, r: Row, c: number, withTable = false, sign: 1 | -1 = 1): Ref {
  return new CellRef(t, p, r, c, withTable, sign);
}

class RowColRef implements Ref {
  readonly cell: Cell;
  constructor(private readonly p: TablePart, private readonly r: Row, private readonly c: number, readonly sign: 1 | -1) {
    this.cell = r.cells[c];
  }
  label(): string { return l10n.t('{0}（{1}）', rowLabel(this.r), this.p.columns[this.c].name); }
}

/** Decimal places from one table's unit to another's (元 → 万元: −4, 万元 → 元: +4). */
export function unitShift(from: Table['unit'], to: Table['unit']): number {
  return from === to ? 0 : from === '元' ? -4 : 4;
}

/** A cell named by its row and column (the column identities of a row). */
export function rowColRef(p: TablePart, r: Row, c: number, sign: 1 | -1 = 1): Ref {
  return new RowColRef(p, r, c, sign);
}

/** The parts of an equality, without allocating a Ref per part unless one is asked for. */
export interface PartList {
  readonly length: number;
  /** Some part is in another unit than the total (its value is shifted): no fast path. */
  readonly shifted?: boolean;
  cell(k: number): Cell;
  sign(k: number): 1 | -1;
  ref(k: number): Ref;
}

export function refList(refs: Ref[]): PartList {
  return { length: refs.length, cell: (k) => refs[k].cell, sign: (k) => refs[k].sign ?? 1, ref: (k) => refs[k], shifted: refs.some((r) => r.shift) };
}

class RowsAt implements PartList {
  constructor(private readonly t: Table, private readonly p: TablePart, private readonly rows: Row[], private readonly c: number) {}
  get length(): number { return this.rows.length; }
  cell(k: number): Cell { return this.rows[k].cells[this.c]; }
  sign(): 1 | -1 { return 1; }
  ref(k: number): Ref { return cellRef(this.t, this.p, this.rows[k], this.c); }
}

/** The same column of several rows of one table part. */
export function rowsAt(t: Table, p: TablePart, rows: Row[], c: number): PartList {
  return new RowsAt(t, p, rows, c);
}

const refsOf = (ps: PartList): Ref[] => Array.from({ length: ps.length }, (_, k) => ps.ref(k));

/**
 * What a checked equality records (hover, inlay hints, 显示计算过程): its total and parts, the verdict
 * and the computed sum. Labels are computed lazily: most totals are fine and never shown. Small: a
 * report has tens of thousands (the stated value is the cell's; a sum that agrees keeps no value).
 */
abstract class Checked implements TotalInfo {
  rule = '';
  verdict: Verdict = 'ok';
  private value: Decimal | undefined = undefined;
  /** The total's cell and name. */
  abstract readonly totalCell: Cell;
  abstract totalLabel(): string;
  /** The parts. */
  abstract list(): PartList;
  set(rule: string, computed: Decimal | undefined, verdict: Verdict): this {
    this.rule = rule;
    this.value = computed;
    this.verdict = verdict;
    return this;
  }
  get stated(): Decimal { return this.totalCell.value!; }
  /** Without a computed value, the parts add up to the stated total exactly. */
  get computed(): Decimal { return this.value ?? this.stated; }
  get range(): Range { return this.totalCell.range; }
  get label(): string { return this.totalLabel(); }
  get parts(): Array<{ label: string; raw: string; range: Range }> {
    return refsOf(this.list()).map((p) => ({ label: (p.sign === -1 ? '− ' : '') + p.label(), raw: p.cell?.raw ?? '', range: p.cell?.range ?? this.totalCell.range }));
  }
}

/** A total and parts given as a Ref and a PartList. */
class Total extends Checked {
  constructor(private readonly t: Ref, private readonly ps: PartList) { super(); }
  get totalCell(): Cell { return this.t.cell; }
  totalLabel(): string { return this.t.label(); }
  list(): PartList { return this.ps; }
}

/**
 * An equality that is at once its total, its parts (a PartList) and, once checked, its record:
 * one object per equality, for the rules that check tens of thousands (sum.children, sum.columns).
 */
export abstract class Equality extends Checked implements PartList {
  abstract readonly length: number;
  abstract cell(k: number): Cell;
  abstract sign(k: number): 1 | -1;
  abstract ref(k: number): Ref;
  list(): PartList { return this; }
}

/** A 科目 row over the same column of the rows under it (类 = Σ 款 …). */
export class ChildrenSum extends Equality {
  readonly totalCell: Cell;
  constructor(private readonly t: Table, private readonly p: TablePart, private readonly r: Row, private readonly children: Row[], private readonly c: number) {
    super();
    this.totalCell = r.cells[c];
  }
  totalLabel(): string { return cellLabel(this.t, this.p, this.r, this.c, false); }
  get length(): number { return this.children.length; }
  cell(k: number): Cell { return this.children[k].cells[this.c]; }
  sign(): 1 | -1 { return 1; }
  ref(k: number): Ref { return cellRef(this.t, this.p, this.children[k], this.c); }
}

/** A row's total column over some of its other columns, signed (the column identities of a row). */
export class ColumnsSum extends Equality {
  readonly totalCell: Cell;
  constructor(private readonly p: TablePart, private readonly r: Row, private readonly totalCol: number, private readonly cols: ReadonlyArray<{ c: number; sign: 1 | -1 }>) {
    super();
    this.totalCell = r.cells[totalCol];
  }
  totalLabel(): string { return l10n.t('{0}（{1}）', rowLabel(this.r), this.p.columns[this.totalCol].name); }
  get length(): number { return this.cols.length; }
  cell(k: number): Cell { return this.r.cells[this.cols[k].c]; }
  sign(k: number): 1 | -1 { return this.cols[k].sign; }
  ref(k: number): Ref { return rowColRef(this.p, this.r, this.cols[k].c, this.cols[k].sign); }
}

export const usable = (c: Cell | undefined): c is Cell => !!c && (c.kind === 'amount' || c.kind === 'number' || c.kind === 'percent') && !!c.value;
/** An empty cell (written as -, —, /); a missing one (a short row) is not empty: the row is incomplete. */
export const isEmpty = (c: Cell | undefined) => !!c && c.kind === 'empty';

export interface CheckOptions {
  /** The fix may write the computed total (a total derived from its parts). Default true. */
  fix?: boolean;
  /** Coverage: the table whose equality this is. */
  table?: Table;
}

/**
 * Compares a stated total with its parts and records the result. Returns false when the equality
 * could not be evaluated (the total or a part is not a number: reported by the parser already).
 */
export function checkSum(ctx: RuleContext, total: Ref, parts: PartList | Ref[], what: string, opts: CheckOptions = {}): boolean {
  const list: PartList = Array.isArray(parts) ? refList(parts) : parts;
  return judge(ctx, new Total(total, list), list, what, opts);
}

/** Checks an equality object (ChildrenSum, ColumnsSum): it is recorded as its own total. */
export function checkEquality(ctx: RuleContext, eq: Equality, what: string, opts: CheckOptions = {}): boolean {
  return judge(ctx, eq, eq, what, opts);
}

/**
 * The fast path: every part written with the total's decimals (or empty), all safe integers, and
 * their sum the stated total exactly. False says "not certain": judge compares exactly then.
 */
export function agrees(cell: Cell | undefined, list: PartList): boolean {
  if (!usable(cell) || list.length === 0) return false;
  const stated = cell.value!;
  if (Number.isNaN(stated.num) || cell.kind !== 'amount' || list.shifted) return false;
  let sumUnits = 0;
  for (let k = 0; k < list.length; k++) {
    const c = list.cell(k);
    if (c && c.kind === 'amount' && c.value && c.value.scale === stated.scale && !Number.isNaN(c.value.num)) {
      sumUnits += list.sign(k) * c.value.num;
      // past 2^53 a JS sum may round: the exact path decides
      if (sumUnits > Number.MAX_SAFE_INTEGER || sumUnits < -Number.MAX_SAFE_INTEGER) return false;
    } else if (!isEmpty(c)) return false;
  }
  return sumUnits === stated.num;
}

/**
 * What agrees() answers, read from a part's grid: the total at grid position `total` over the parts at
 * idx[k] * stride + offset, each signed by signs[k] (+1 without signs). Undefined where a cell involved
 * is one the grid does not hold (ASK): the equality's own cells decide then.
 */
export function gridAgrees(g: AmountGrid, total: number, idx: ArrayLike<number>, stride: number, offset: number, signs?: ArrayLike<number>): boolean | undefined {
  const ts = g.scales[total];
  if (ts === ASK) return undefined;
  if (ts < 0 || idx.length === 0) return false;
  let sumUnits = 0;
  for (let k = 0; k < idx.length; k++) {
    const at = idx[k] * stride + offset;
    const sc = g.scales[at];
    // 32-bit counts: no sum of them here comes near 2^53
    if (sc === ts) sumUnits += signs ? signs[k] * g.units[at] : g.units[at];
    else if (sc === ASK) return undefined;
    else if (sc !== EMPTY) return false;
  }
  return sumUnits === g.units[total];
}

/** What checkEqualities is given, equality by equality: an equality to check (when the agreed totals are made: every equality, of which those that agree are kept). */
export type EqualityVisitor = (eq: Equality, what: string) => void;
/**
 * While checking only: one the producer found to agree itself (with gridAgrees, the same answer as
 * agrees()), counted without its object being made. Undefined when the agreed totals are made.
 *
 * A second argument, not a property of the visitor: a property added to a function made V8 keep what
 * the function held (the check's report) past the check, so that every young-generation collection of
 * the command line copied the reports checked before it (a third of its collection time).
 */
export type AgreedVisitor = () => void;

/**
 * Checks the equalities of table `t` that `each` lists (ChildrenSum, ColumnsSum: tens of thousands in
 * a large report): those that agree are counted and recorded together (ctx.agreed: their totals are
 * made only when read there), the others are checked one by one. `each` must list the same
 * equalities every time it runs.
 */
export function checkEqualities(ctx: RuleContext, t: Table, each: (visit: EqualityVisitor, agreed?: AgreedVisitor) => void): void {
  let n = 0;
  each(
    (eq, what) => {
      if (agrees(eq.totalCell, eq)) n++;
      else checkEquality(ctx, eq, what, { table: t });
    },
    () => { n++; },
  );
  if (n === 0) return;
  ctx.checked(t, n);
  const rule = ctx.rule.id;
  ctx.agreed(t, n, () => {
    const out: TotalInfo[] = [];
    each((eq) => { if (agrees(eq.totalCell, eq)) out.push(eq.set(rule, undefined, 'ok')); });
    return out;
  });
}

/**
 * Sums of rows over the same column (a 科目 row = Σ the rows under it; 合计 = Σ 类), by row numbers: for
 * each sum and each amount column the grid answers for those that agree (no object made); the others
 * are checked as ChildrenSum.
 */
export function checkRowSums(ctx: RuleContext, t: Table, part: TablePart, sums: ReadonlyArray<{ r: number; children: number[]; what: string }>): void {
  const rows = part.rows;
  const grid = gridOf(part);
  const w = grid?.width ?? 0;
  const amounts: number[] = [];
  for (let i = 0; i < part.columns.length; i++) if (part.columns[i].kind === 'amount') amounts.push(i);
  checkEqualities(ctx, t, (visit, agreed) => {
    for (const { r, children, what } of sums) {
      let kids: Row[] | undefined;
      for (const i of amounts) {
        if (agreed && grid && gridAgrees(grid, r * w + i, children, w, i) === true) agreed();
        else visit(new ChildrenSum(t, part, rows[r], (kids ??= children.map((k) => rows[k])), i), what);
      }
    }
  });
}

function judge(ctx: RuleContext, rec: Checked, list: PartList, what: string, opts: CheckOptions): boolean {
  const cell = rec.totalCell;
  const rule = ctx.rule.id;
  if (!usable(cell)) return false;
  if (list.length === 0) return false;
  if (opts.table) ctx.checked(opts.table);
  const stated = cell.value!;
  if (agrees(cell, list)) {
    ctx.total(rec.set(rule, undefined, 'ok'));
    return true;
  }
  const refs = refsOf(list);
  const values: Array<Decimal | undefined> = [];
  for (const p of refs) {
    if (usable(p.cell)) {
      const v = p.shift ? p.cell.value!.shift(p.shift) : p.cell.value!;
      values.push(p.sign === -1 ? v.neg() : v);
    }
    else if (isEmpty(p.cell)) values.push(undefined);
    else return false; // an unreadable part was reported already
  }
  // 分值/得分 are exact points, not rounded amounts: no rounding tolerance for them.
  const cmp = compareSum(stated, values, cell.kind === 'number');
  ctx.total(rec.set(rule, cmp.computed, cmp.verdict));
  if (cmp.verdict === 'ok') return true;
  let maxScale = stated.scale;
  for (const v of values) if (v && v.scale > maxScale) maxScale = v.scale;
  const computedText = cmp.computed.rescale(maxScale).toString();
  const diff = cmp.diff.abs().rescale(maxScale).toString();
  // No related locations: the editor shows a diagnostic's related locations above every hover, so
  // they stood between the finding and its computation; the computation (hover, 显示计算过程) lists
  // the parts, each linked to its cell.
  const label = rec.totalLabel();
  if (cmp.verdict === 'error') {
    const fixed = formatLike(cmp.computed, cell);
    ctx.report({
      range: cell.range, text: cell.raw,
      message: l10n.t('{0} {1} ≠ {2} {3}（差 {4}）', label, cell.raw, what, computedText, diff),
      fixes: opts.fix === false ? undefined : [{ title: l10n.t('将{0}改为 {1}', label, fixed), edits: [{ range: cell.range, newText: fixed }], safe: false }],
    });
  } else {
    ctx.rounding({
      range: cell.range, text: cell.raw,
      message: l10n.t('{0} {1} ≠ {2} {3}（差 {4}，在舍入误差 ±{5} 以内，可能为尾数误差）', label, cell.raw, what, computedText, diff, cmp.tolerance.toString()),
    });
  }
  return true;
}

/** The messages of this module, with their English (shared by the table rules that use it). */
export const EQUALITY_MESSAGES: Record<string, string> = {
  '{0}：{1}': '{0}: {1}',
  '（空）': '(empty)',
  '（无行名）': '(no row name)',
  '（{0}）': ' ({0})',
  '{0}（{1}）': '{0} ({1})',
  '{0} {1} ≠ {2} {3}（差 {4}）': '{0} {1} ≠ {2} {3} (difference {4})',
  '将{0}改为 {1}': 'Change {0} to {1}',
  '{0} {1} ≠ {2} {3}（差 {4}，在舍入误差 ±{5} 以内，可能为尾数误差）': '{0} {1} ≠ {2} {3} (difference {4}, within the rounding tolerance ±{5}: probably a rounding difference)',
};
