/**
 * What both front ends share: the parse of one block (ParsedBlock), the kinds of top-level blocks,
 * and how a row key, a cell and an indicator row are read. The YAML front end (yaml.ts) and the DSL
 * (dsl.ts) are siblings over this module; the incremental ReportParser (report-parser.ts) sits above
 * both. Nothing here knows either syntax.
 */
import { isWhite } from '../chars';
import { Decimal, plainAmount, plainRead, plainScale, printsAs, readNumeral, sliceSharingZero } from '../decimal';
import { AmountUnit, Cell, CellKind, Column, ColumnKind, Finding, GlossaryEntry, IndicatorRow, Meta, PerfEval, PrintedBlock, Range, REPORT_TYPES, ReportType, Row, Section, Str, Table, Text, UnitRow, CodeLevel } from '../model';
import { textRange } from '../text';
import { RawBlock } from './blocks';
import * as l10n from '../l10n';
import { tableKindOf } from '../layouts';

/** Cells written as one of these are empty (a dash or nothing printed). */
const EMPTY_MARKS = new Set(['', '~', '-', '－', '—', '——', '/', '／', '--']);

export type BlockKind = 'meta' | 'overview' | 'table' | 'narrative' | 'glossary' | 'perf' | 'others' | 'cover' | 'contents' | 'heading' | 'prelude' | 'unknown';

/** The parse of one top-level block. Offsets inside are absolute for the block's current start. */
export interface ParsedBlock {
  raw: RawBlock;
  kind: BlockKind;
  meta?: Meta;
  sections?: Section[];
  table?: Table;
  glossary?: GlossaryEntry[];
  perf?: PerfEval;
  printed?: PrintedBlock;
  findings: Finding[];
  /** The plain JS value of the block (scalars as strings), as the schema saw it. */
  data?: unknown;
  /** Ranges of texts whose characters could not be mapped exactly to the source (no fix is offered there). */
  inexact?: Range[];
}

/** How deep sections may nest (= … ====…, 小节 in 小节): deeper ones are a format error, not read. */
export const MAX_SECTION_DEPTH = 20;

export const TOP_KEYS = {
  meta: ['报告'],
  overview: ['部门概况', '单位概况'],
  narrative: ['情况说明'],
  glossary: ['名词解释'],
  others: ['其他'],
} as const;

/** Blocks of sections may carry a name after a space ("情况说明 其他相关情况说明"): a report may have several. */
const NAMED_SECTION_BLOCK = /^(部门概况|单位概况|情况说明|其他)[ \u3000]+\S/;
/** A part heading printed on its own: 第一部分 部门概况, 第二部分 … */
export const PART_HEADING = /^第[一二三四五六七八九十百\d]+部分/;

export function blockKindOf(key: string): BlockKind {
  if (key === '') return 'prelude';
  for (const [kind, keys] of Object.entries(TOP_KEYS)) if ((keys as readonly string[]).includes(key)) return kind as BlockKind;
  const named = NAMED_SECTION_BLOCK.exec(key);
  if (named) return named[1] === '情况说明' ? 'narrative' : named[1] === '其他' ? 'others' : 'overview';
  if (/^表[ \u3000]+\S/.test(key)) return 'table';
  if (/^绩效自评[ \u3000]+\S/.test(key)) return 'perf';
  if (key === '封面') return 'cover';
  if (key === '目录') return 'contents';
  if (PART_HEADING.test(key)) return 'heading';
  return 'unknown';
}

/**
 * The 报告 block: each key, the Meta field it fills, and what a value must be to be taken (the JSON
 * Schema says the same and reports a value that is not). The YAML and DSL front ends and the converter
 * read and write the block through this one list.
 */
export const META_FIELDS = [
  { key: '类型', field: 'type', ok: (v: string) => (REPORT_TYPES as readonly string[]).includes(v) },
  { key: '年度', field: 'year', ok: (v: string) => /^\d{4}$/.test(v.trim()) },
  { key: '单位', field: 'unitName', ok: () => true },
  { key: '金额单位', field: 'amountUnit', ok: (v: string) => v === '元' || v === '万元' },
  { key: '科目版本', field: 'edition', ok: (v: string) => /^\d{4}$/.test(v.trim()) },
  { key: '标题', field: 'title', ok: () => true },
] as const satisfies ReadonlyArray<{ key: string; field: keyof Meta; ok: (v: string) => boolean }>;

/** Sets the Meta field of a 报告 key when the value is one it takes; false when it is not (or the key is unknown). */
export function setMetaField(meta: Meta, key: string, s: Str): boolean {
  const f = META_FIELDS.find((x) => x.key === key);
  if (!f || !f.ok(s.value)) return false;
  if (f.field === 'year' || f.field === 'edition') meta[f.field] = { ...s, year: Number(s.value) };
  else if (f.field === 'type') meta.type = s as Str & { value: ReportType };
  else if (f.field === 'amountUnit') meta.amountUnit = s as Str & { value: AmountUnit };
  else meta[f.field] = s;
  return true;
}

/** Table keys that are fields, not sides (a side is any other key whose name says 收入 or 支出). */
export const TABLE_FIELDS = ['编号', '类型', '单位', '编制部门', '编制单位', '列', '行', '注', '说明'];

/** The columns of 单位构成 when a document does not name them. */
export const DEFAULT_UNIT_COLUMNS = ['序号', '单位名称', '单位性质'];

/** index, name, nature of a 单位构成 row: the cells under the columns that mean them. */
export function unitRow(columns: string[], cells: Str[], range: Range): UnitRow {
  const at = (names: string[]) => {
    const i = columns.findIndex((c) => names.includes(c.replace(/[ \u3000]/g, '')));
    return i >= 0 ? cells[i] : undefined;
  };
  return { index: at(['序号', '编号']), name: at(['单位名称', '名称', '单位']), nature: at(['单位性质', '性质', '单位类型']), cells, range };
}


/** Reports a finding; `text`: the value at the range, as read (Finding.text). */
export type FindFn = (rule: string, severity: Finding['severity'], range: Range, message: string, text?: string) => void;

/**
 * A table with its head read from its fields (`field(key)`: the one-line value of a key, if any): the
 * title from the block key, the kind (类型, else the title), 编号, 单位, 编制部门/编制单位. Its parts and
 * notes are the front end's to add. Both YAML readers (yaml.ts and its fast path) make tables this way.
 */
export function tableHead(key: string, keyRange: Range, end: number, field: (k: string) => Str | undefined, find: FindFn): Table {
  const title = key.replace(/^表[ \u3000]+/, '').trim();
  const t: Table = { key, keyRange, title, unit: '万元', parts: [], notes: [], range: { start: keyRange.start, end: Math.max(keyRange.end, end) } };
  t.kindNode = field('类型');
  setTableKind(t, find);
  t.number = field('编号');
  const unit = field('单位');
  if (unit && (unit.value === '元' || unit.value === '万元')) t.unitNode = unit as Str & { value: AmountUnit };
  for (const f of ['编制部门', '编制单位']) {
    const p = field(f);
    if (p && !t.preparer) t.preparer = { key: f, value: p };
  }
  return t;
}

/** A table's kind from its 类型, else its title; a 类型 that names no kind is a warning (every front end). */
export function setTableKind(t: Table, find: FindFn): void {
  const k = tableKindOf(t.title, t.kindNode?.value);
  if (k === 'unknown') find('table.kind', 'warning', t.kindNode!.range, l10n.t('未知的表类型“{0}”，按自定义表处理（标准表类型见文档）', t.kindNode!.value));
  else t.kind = k;
}

/**
 * A row from its key as written (at keyStart…keyEnd; the row at start…end): 科目代码 and name split
 * when the key starts with a code. `chars` maps the key's characters to the source when they are not
 * simply keyStart + i (a quoted or escaped key); the code and name ranges are then exact too.
 * `cells`: the row's cells, when read before it.
 */
export function rowFromKey(raw: string, keyStart: number, keyEnd: number, start: number, end: number, chars?: Text, cells?: Cell[]): SourceRow {
  const row = new SourceRow(raw, cells ?? [], keyStart, keyEnd, start, end);
  if (chars && !isVerbatim(chars, keyStart, keyEnd, raw)) row.keyText = chars;
  // CODE_KEY, read character by character (rows are most of a large report's lines)
  let d = 0;
  while (d < raw.length && raw.charCodeAt(d) >= 48 && raw.charCodeAt(d) <= 57) d++;
  let a = 0;
  if ((d === 3 || d === 5 || d === 7) && (d === raw.length || raw.charCodeAt(d) === 32 || raw.charCodeAt(d) === 0x3000)) {
    row.code = raw.slice(0, d);
    row.level = d === 3 ? '类' : d === 5 ? '款' : '项';
    a = d;
    while (a < raw.length && (raw.charCodeAt(a) === 32 || raw.charCodeAt(a) === 0x3000)) a++;
  }
  // the name: the rest without the spaces around it (a leading 全角 space is an indentation mark)
  let b = raw.length;
  while (a < b && isSpace(raw.charCodeAt(a))) a++;
  while (b > a && isSpace(raw.charCodeAt(b - 1))) b--;
  if (a > 0 || b < raw.length) row.nameIs(a, b);
  return row;
}

/**
 * The cells of a row that a fast path read as plain amounts only (one per column, every column an
 * amount column, each -?digits with a point and 1–6 decimals): kept as the text they are read from
 * until they are asked for (SourceRow.cells). The sum rules read the amounts from the part's grid,
 * which is made from this text too (SourceRow.plainAmounts): a check that reads no cell of a row makes none.
 */
export interface PlainCells {
  /** A DSL row's line (its first piece is the key), or a YAML row's value (a one-line plain scalar). */
  src: string;
  /** Where src starts, from the row's start. */
  at: number;
  /** 'bar': the pieces between |, trimmed (dsl-fast.ts); 'space': the pieces between white space (yaml-fast.ts). */
  split: 'bar' | 'space';
}

/** Space, tab, 全角 space: what is trimmed from a DSL cell, and what separates the values of a YAML row. */
export const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 0x3000;

/**
 * The pieces of a DSL row's line between |, each trimmed of space, tab and 全角 space, as [a, b) pairs
 * into `out`; how many numbers were written (twice the pieces), or −1 when a piece is empty or there
 * are more than `max` pieces.
 */
export function barPieces(s: string, out: number[], max: number): number {
  let k = 0;
  let from = 0;
  for (;;) {
    const bar = s.indexOf('|', from);
    const to = bar < 0 ? s.length : bar;
    let a = from;
    let b = to;
    while (a < b && isBlank(s.charCodeAt(a))) a++;
    while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
    if (a === b || k >= 2 * max) return -1;
    out[k++] = a;
    out[k++] = b;
    if (bar < 0) return k;
    from = bar + 1;
  }
}

/** The pieces of a one-line YAML value between space, tab and 全角 space, as [a, b) pairs into `out`; how many numbers were written. */
export function spacePieces(s: string, out: number[]): number {
  let n = 0;
  for (let i = 0; i < s.length;) {
    while (i < s.length && isBlank(s.charCodeAt(i))) i++;
    if (i >= s.length) break;
    out[n++] = i;
    while (i < s.length && !isBlank(s.charCodeAt(i))) i++;
    out[n++] = i;
  }
  return n;
}

/** The piece bounds of plain cells (the key's first in a DSL line): into a shared array, read at once. */
const PIECES: number[] = [];
function piecesOf(p: PlainCells): { n: number; first: number } {
  if (p.split === 'bar') return { n: barPieces(p.src, PIECES, Infinity), first: 2 };
  return { n: spacePieces(p.src, PIECES), first: 0 };
}

/**
 * Whether the pieces [a, b) in `bounds` (from index `first` to `n`) are plain amounts, one for each of
 * `columns`, every one an amount column: then the row may keep them as PlainCells.
 */
export function allPlainAmounts(s: string, bounds: number[], first: number, n: number, columns: Column[]): boolean {
  if (columns.length === 0 || (n - first) / 2 !== columns.length) return false;
  for (let i = 0; i < columns.length; i++) if (columns[i].kind !== 'amount' || plainScale(s, bounds[first + 2 * i], bounds[first + 2 * i + 1]) < 0) return false;
  return true;
}

const NO_REPORT: FindFn = () => undefined;

/**
 * A row as the front ends read it (every table row of a parsed report is one). Its ranges are made
 * when first asked for, each once (most rows of a large report are never asked: the sum rules read
 * the parts' grids), from where its key and itself are written; see SourceCell. A row of plain amounts
 * makes its cells when they are first asked for (PlainCells).
 */
export class SourceRow implements Row {
  code?: string = undefined;
  level?: CodeLevel = undefined;
  keyText?: Text = undefined;
  name: string;
  /** name is key[na, nb). */
  private na = 0;
  private nb: number;
  private kr: Range | undefined = undefined;
  private rr: Range | undefined = undefined;
  private cr: Range | undefined = undefined;
  private nr: Range | undefined = undefined;
  /** The cells, as given or once made. */
  private c: Cell[] | undefined;
  /** Cells not made yet: where to read them from. */
  private plain: PlainCells | undefined = undefined;
  /** The cells made from `plain` (moved by move(): the block's walker never saw them). */
  private made: SourceCell[] | undefined = undefined;

  constructor(
    readonly key: string,
    cells: Cell[],
    private ks: number,
    private ke: number,
    private rs: number,
    private re: number,
  ) {
    this.c = cells;
    this.name = key;
    this.nb = key.length;
  }

  get cells(): Cell[] {
    return (this.c ??= this.makeCells());
  }

  set cells(cells: Cell[]) {
    this.c = cells;
    this.plain = undefined;
    this.made = undefined;
  }

  /** Its cells are plain amounts, read from `p` when first asked for. */
  plainCells(p: PlainCells): void {
    this.c = undefined;
    this.plain = p;
  }

  /** The cells given when it was read (the block's walker moves them), not those made or to be made from PlainCells. */
  get given(): Cell[] | undefined {
    return this.plain ? undefined : this.c;
  }

  /**
   * For a row of plain amounts, calls f for the amount in column k without making its cells: its count
   * of units (a safe integer) and decimals, where it is written, and what is written when it is not the
   * value as printed (01.50, -0.00; only `withWritten`: the grid does not need it); says true. False
   * for any other row. `f` must not read any row's cells or amounts: the pieces being read are in one
   * shared array (PIECES).
   */
  plainAmounts(f: (k: number, units: number, scale: number, start: number, end: number, written: string | undefined) => void, withWritten = false): boolean {
    const p = this.plain;
    if (!p) return false;
    const { n, first } = piecesOf(p);
    const base = this.rs + p.at;
    for (let i = first, k = 0; i < n; i += 2, k++) {
      const a = PIECES[i];
      const b = PIECES[i + 1];
      const scale = plainScale(p.src, a, b);
      const units = plainRead.units;
      f(k, units, scale, base + a, base + b, !withWritten || printsAs(p.src, a, b, units, scale) ? undefined : p.src.slice(a, b));
    }
    return true;
  }

  private makeCells(): Cell[] {
    const p = this.plain;
    if (!p) return [];
    const { n, first } = piecesOf(p);
    const base = this.rs + p.at;
    const out: SourceCell[] = [];
    for (let i = first; i < n; i += 2) out.push(cellAt(p.src, PIECES[i], PIECES[i + 1], base, 'amount', NO_REPORT) as SourceCell);
    this.made = out;
    return out;
  }

  /** The name is key[a, b) (spaces and a code around it). */
  nameIs(a: number, b: number): void {
    this.na = a;
    this.nb = b;
    this.name = this.key.slice(a, b);
  }

  get keyRange(): Range {
    return (this.kr ??= { start: this.ks, end: this.ke });
  }

  get range(): Range {
    return (this.rr ??= { start: this.rs, end: this.re });
  }

  get codeRange(): Range | undefined {
    return this.code === undefined ? undefined : (this.cr ??= this.sub(0, this.code.length));
  }

  /** The key's range itself when the name is the whole key. */
  get nameRange(): Range {
    return (this.nr ??= this.na === 0 && this.nb === this.key.length ? this.keyRange : this.sub(this.na, this.nb));
  }

  private sub(a: number, b: number): Range {
    return this.keyText ? textRange(this.keyText, a, b) : { start: this.ks + a, end: this.ks + b };
  }

  /**
   * Moves the row and the ranges it made by `delta` (report-parser's rebase, after the offsets of its
   * keyText: its code and name ranges are read from them again).
   */
  move(delta: number): void {
    this.ks += delta;
    this.ke += delta;
    this.rs += delta;
    this.re += delta;
    if (this.kr) set(this.kr, this.ks, this.ke);
    if (this.rr) set(this.rr, this.rs, this.re);
    if (this.cr) { const r = this.sub(0, this.code!.length); set(this.cr, r.start, r.end); }
    if (this.nr && this.nr !== this.kr) { const r = this.sub(this.na, this.nb); set(this.nr, r.start, r.end); }
    if (this.made) for (const c of this.made) c.move(delta);
  }

  /** What it reads, as a plain row (JSON; a test's comparison): not how it keeps it. */
  toJSON(): Row {
    const { key, keyRange, code, codeRange, name, nameRange, level, keyText, cells, range } = this;
    return { key, keyRange, code, codeRange, name, nameRange, level, keyText, cells, range };
  }
}

/**
 * A cell as the front ends read it (every table cell of a parsed report is one). What a large report
 * holds most of, so it is kept small: its range is made when first asked for (most never are: the sum
 * rules read the parts' grids), and what was written is kept only when it is not the value as printed
 * ("1483.09" is not kept; "1,483.09" and "-0.00" are). Tests and other code may still make cells as
 * plain objects: everything reads a Cell.
 */
export class SourceCell implements Cell {
  private r: Range | undefined = undefined;
  constructor(
    readonly kind: CellKind,
    private readonly written: string | undefined,
    private start: number,
    private end: number,
    readonly value?: Decimal,
  ) {}

  get raw(): string {
    return this.written ?? this.value!.toString();
  }

  /** The same object at every call (a finding, a memo or a hover may keep it): moved with the cell. */
  get range(): Range {
    return (this.r ??= { start: this.start, end: this.end });
  }

  /** Moves the cell (and its range, if made) by `delta` (report-parser's rebase: an edit above moved its block). */
  move(delta: number): void {
    this.start += delta;
    this.end += delta;
    if (this.r) set(this.r, this.start, this.end);
  }

  /** What it reads, as a plain cell (JSON; a test's comparison): not how it keeps it. */
  toJSON(): Cell {
    return { kind: this.kind, raw: this.raw, range: this.range, value: this.value };
  }
}

function set(r: Range, start: number, end: number): void {
  r.start = start;
  r.end = end;
}

/** What /\s/ matches (chars.ts: by code, no string per character). */
const isSpace = isWhite;

/** Is a Text its range's source character for character (nothing decoded, nothing folded)? */
function isVerbatim(t: Text, start: number, end: number, raw: string): boolean {
  if (end - start !== raw.length) return false;
  for (let i = 0; i < t.offsets.length; i++) if (t.offsets[i] !== start + i || (t.ends && t.ends[i] !== start + i + 1)) return false;
  return true;
}

/** The source range of key[s, e) of a row. */
export function keySubRange(row: Row, s: number, e: number): Range {
  if (row.keyText) return textRange(row.keyText, s, e);
  return { start: row.keyRange.start + s, end: row.keyRange.start + e };
}

/**
 * A cell as written, read for its column's kind ('auto': a number if it reads as one, else text).
 * `range` is where it is written (the cell keeps its start and end; a finding about it gets `range`).
 */
export function readCell(raw: string, range: Range, kind: ColumnKind | 'auto', find: FindFn): Cell {
  const cell = (k: CellKind, value?: Decimal) => new SourceCell(k, raw, range.start, range.end, value);
  const t = raw.trim();
  if (kind === 'text') return cell('text');
  if (EMPTY_MARKS.has(t)) return cell('empty');
  const r = readNumeral(t);
  if (kind === 'auto') {
    return r.ok ? cell(r.percent ? 'percent' : 'number', r.value) : cell('text');
  }
  if (!r.ok) {
    find('parse.amount', 'error', range, r.message, raw);
    return cell('text');
  }
  let ck: CellKind = kind === 'percent' || r.percent ? 'percent' : kind === 'amount' ? 'amount' : 'number';
  if (kind === 'amount' && r.percent) {
    find('parse.amount', 'error', range, l10n.t('金额列中出现百分数“{0}”', raw), raw);
    ck = 'percent';
  }
  if (kind === 'index' && (r.value.scale > 0 || r.value.sign() < 0)) {
    find('parse.amount', 'warning', range, l10n.t('行次/序号应为正整数，而这里是“{0}”', raw), raw);
  }
  return cell(ck, r.value);
}

/** Fills 一级/二级指标 of merged cells from the rows above and finds each cell's role. */
export function indicatorRows(cols: Column[], rows: Array<{ cells: Cell[]; range: Range }>): IndicatorRow[] {
  const idx = (names: string[]) => cols.findIndex((c) => names.includes(c.name));
  const i1 = idx(['一级指标']);
  const i2 = idx(['二级指标']);
  const i3 = idx(['三级指标']);
  const it = idx(['指标值', '年度指标值']);
  const ia = idx(['完成值', '实际完成值']);
  const iw = idx(['分值', '权重']);
  const is = idx(['得分']);
  let last1 = '';
  let last2 = '';
  const out: IndicatorRow[] = [];
  for (const r of rows) {
    const list = r.cells;
    const cells: Record<string, Cell> = {};
    list.forEach((c, i) => { if (cols[i]) cells[cols[i].name] = c; });
    const get = (i: number) => (i >= 0 ? list[i] : undefined);
    const l1 = get(i1)?.raw.trim() || last1;
    const l2 = get(i2)?.raw.trim() || (get(i1)?.raw.trim() ? '' : last2);
    last1 = l1;
    last2 = l2;
    out.push({ level1: l1, level2: l2, level3: get(i3)?.raw.trim() ?? '', cells, target: get(it), actual: get(ia), weight: get(iw), score: get(is), range: r.range });
  }
  return out;
}

/** 指标值 and 完成值 may be numbers or text (按计划约定时间进场开工): read each cell for what it is. */
export function indicatorKinds(cols: Column[]): Array<ColumnKind | 'auto'> {
  return cols.map((c) => (c.kind === 'percent' || c.kind === 'number' ? c.kind : 'auto'));
}




/**
 * The cell written at s[a, b) (already trimmed), `base` being the source offset of s: readCell, with the
 * common case (an amount column, a plain ASCII amount) read in place, without cutting it out of the line
 * (the fast paths; a large report has a hundred thousand cells).
 */
export function cellAt(s: string, a: number, b: number, base: number, kind: ColumnKind | 'auto', report: FindFn): Cell {
  if (kind === 'amount') {
    const value = plainAmount(s, a, b);
    if (value) return new SourceCell('amount', printsAs(s, a, b, value.num, value.scale) ? undefined : sliceSharingZero(s, a, b), base + a, base + b, value);
  }
  return readCell(sliceSharingZero(s, a, b), { start: base + a, end: base + b }, kind, report);
}

/** A table block outside a fast path's subset: thrown by the fast path, which then leaves the block to yaml.ts or dsl.ts. */
class Outside extends Error {}
export const outside = (): never => {
  throw new Outside();
};
