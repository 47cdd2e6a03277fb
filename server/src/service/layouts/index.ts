/**
 * Layout knowledge (layouts.json) and the one matcher that reads it: which printed table is which
 * standard table, which side of a 收支 table a printed side name is, and which column or row of a
 * table a rule's operand names. Every rule finds its operands here, so a layout the data knows is a
 * layout every rule (and the importer, and completion) knows; a name the data does not know is never
 * guessed.
 */
import { ColumnKind, Row, Table, TablePart } from '../model';
import { NUMBERING, normalizeTitle, normName } from '../names';
import data from './layouts.json';

export interface TableKind {
  id: string;
  reports: string[];
  number?: string;
  titles: string[];
  columns?: string[];
  parts?: Record<string, string[]>;
  source: string;
}

/** The layout data: layouts.json, plus what extendLayouts added (a province's template, in a test or a tool). */
export interface LayoutData {
  titles: { prefixes: string[] };
  kinds: TableKind[];
  sides: Record<'收入' | '支出', string[]>;
  columns: { synonyms: Record<string, string[]>; measures: Record<string, string[]>; single: string[] };
  rows: { synonyms: Record<string, string[]> };
  columnKinds: { index: string[]; percent: string; number: string[]; text: string[] };
}

const BASE = data as unknown as LayoutData;
let current: LayoutData = BASE;

export let TABLE_KINDS: readonly TableKind[] = [];
let KIND_IDS = new Set<string>();
/** Titles compared: normalised, without a parenthesised suffix as a second try. */
let KIND_BY_TITLE = new Map<string, string>();
let PREFIXES: string[] = [];

const titleKey = normalizeTitle;


/** The candidate forms of a printed title: without year, unit name and the 部门/单位 words in front. */
function titleForms(title: string, unitName?: string): string[] {
  let s = titleKey(title);
  const unit = unitName ? titleKey(unitName) : '';
  const forms = [s];
  for (let guard = 0; guard < 8; guard++) {
    const before = s;
    s = s.replace(/^\d{4}年度?/, '');
    if (unit && s.startsWith(unit)) s = s.slice(unit.length);
    for (const p of PREFIXES) if (s.startsWith(p) && s.length > p.length + 2) { s = s.slice(p.length); break; }
    if (s === before) break;
    forms.push(s);
  }
  for (const f of [...forms]) {
    const bare = f.replace(/（[^（）]*）$/, '');
    if (bare !== f && bare.length > 2) forms.push(bare);
  }
  return forms;
}

/** The standard kind of a table from its 类型 (an id or a title) or else its title; 'unknown' when 类型 names none. */
export function tableKindOf(title: string, kind?: string, unitName?: string): string | undefined | 'unknown' {
  if (kind !== undefined) {
    if (KIND_IDS.has(kind)) return kind;
    for (const f of titleForms(kind, unitName)) { const k = KIND_BY_TITLE.get(f); if (k) return k; }
    return 'unknown';
  }
  for (const f of titleForms(title, unitName)) { const k = KIND_BY_TITLE.get(f); if (k) return k; }
  return undefined;
}

export function kindById(id: string | undefined): TableKind | undefined {
  return id ? TABLE_KINDS.find((k) => k.id === id) : undefined;
}

// ------------------------------------------------------------------ sides

let SIDES = new Map<string, '收入' | '支出'>();

/** The side a printed side name stands for (本年收入 → 收入), also by its ending (…收入, …支出). */
export function sideOf(name: string): '收入' | '支出' | undefined {
  const n = normName(name);
  const known = SIDES.get(n);
  if (known) return known;
  if (/收入(预算|决算)?$/.test(n)) return '收入';
  if (/支出(预算|决算)?$/.test(n)) return '支出';
  return undefined;
}

/** The part of a table: '' for the one part of a one-sided table, '收入'/'支出' by side, or by name as written. */
export function partOf(t: Table, name = ''): TablePart | undefined {
  if (!name) return t.parts.find((p) => p.name === '') ?? t.parts[0];
  return t.parts.find((p) => p.name === name) ?? t.parts.find((p) => p.side === name);
}

// ------------------------------------------------------------------ column kinds

let COLUMN_KINDS = BASE.columnKinds;
let PERCENT_COLUMN = new RegExp(COLUMN_KINDS.percent);

/** What a column holds, by the last segment of its name (columnKinds). */
export function columnKind(name: string): ColumnKind {
  const leaf = name.split('/').pop() ?? name;
  if (COLUMN_KINDS.index.includes(leaf)) return 'index';
  if (PERCENT_COLUMN.test(leaf)) return 'percent';
  if (COLUMN_KINDS.number.includes(leaf)) return 'number';
  if (COLUMN_KINDS.text.includes(leaf)) return 'text';
  return 'amount';
}

// ------------------------------------------------------------------ columns

let COLUMN_CANON = new Map<string, string>();
let MEASURE_CANON = new Map<string, string>();
let SINGLE = new Set<string>();
/** The canonical name of a total column (合计 and 小计 are one). */
const TOTAL = normName('小计');

const canonSegment = (s: string) => {
  const n = normName(s);
  return MEASURE_CANON.get(n) ?? COLUMN_CANON.get(n) ?? n;
};
const isMeasure = (seg: string) => MEASURE_CANON.has(seg);
/** Whether a header level names a measure (预算数, 决算数, “三公”经费预算数 …) rather than an item. */
export const isMeasureHeading = (level: string): boolean => isMeasure(canonSegment(level));

/** The canonical header levels of a column name ("“三公”经费预算数/公务用车购置及运行费/运行费" → 预算数, 公务用车购置及运行维护费, 公务用车运行维护费). */
export function columnSegments(name: string): string[] {
  return name.split('/').map((s) => s.trim()).filter(Boolean).map(canonSegment);
}

/** How an operand of a rule is found in a table part: one column, the sum of a group's columns, or not at all (why). */
export type ColumnMatch =
  | { kind: 'column'; index: number }
  | { kind: 'group'; indices: number[] }
  | { kind: 'missing'; why: string };

/**
 * What is read of a part's headers, per layouts generation: the columns found for each operand (every
 * rule asks for its operands in every table; the answer depends only on the columns' names and kinds,
 * so parts headed alike — every report on one template — share it), and the columns' header levels
 * when an operand is looked for anew.
 */
interface PartLookups {
  gen: number;
  columns: Map<string, ColumnMatch>;
  heads?: { segs: string[][]; common: Set<string> };
}
const segCache = new WeakMap<TablePart, PartLookups>();
/** Bumped when the layouts change (extendLayouts): cached segments are read again. */
let generation = 0;
/** The columns found per operand, by the parts' headers (names and kinds); made anew with the layouts (build). */
let shared = new Map<string, Map<string, ColumnMatch>>();

function lookups(part: TablePart): PartLookups {
  let c = segCache.get(part);
  if (!c || c.gen !== generation) {
    if (shared.size >= 5000) shared = new Map();
    let sig = '';
    for (const col of part.columns) sig += col.kind + '\u0001' + col.name + '\u0002';
    let columns = shared.get(sig);
    if (!columns) shared.set(sig, (columns = new Map()));
    segCache.set(part, (c = { gen: generation, columns }));
  }
  return c;
}

function partSegments(part: TablePart): { segs: string[][]; common: Set<string> } {
  const c = lookups(part);
  if (!c.heads) {
    const segs = part.columns.map((col) => columnSegments(col.name));
    const amounts = part.columns.map((col, i) => (col.kind === 'amount' ? segs[i] : undefined)).filter((x): x is string[] => !!x);
    // a heading above every amount column (收入预算/合计, 收入预算/财政拨款收入 …) says nothing about any one of them
    c.heads = { segs, common: new Set<string>(amounts.length > 1 ? amounts[0].filter((s) => amounts.every((a) => a.includes(s) && a.length > 1)) : []) };
  }
  return c.heads;
}

const setEq = (a: string[], b: Set<string>) => a.length === b.size && a.every((x) => b.has(x));

/**
 * The column (or the columns of a group) that a rule's operand names: `spec` is a header path,
 * alternatives separated by “|”. Levels compare as sets (measure-first = item-first); headings over
 * every amount column and measure headings are ignored when the rule does not name them; a name
 * over several columns (基本支出 over 人员经费 and 公用经费) is their group; 金额/决算数/预算数 is the
 * only amount column of a part that has one. Nothing else is guessed.
 */
export function findColumn(part: TablePart, spec: string): ColumnMatch {
  const found = lookups(part).columns;
  let m = found.get(spec);
  if (!m) found.set(spec, (m = findColumnAnew(part, spec)));
  return m;
}

function findColumnAnew(part: TablePart, spec: string): ColumnMatch {
  for (const alt of spec.split('|')) {
    const m = findColumnOne(part, alt);
    if (m.kind !== 'missing') return m;
  }
  const amountNames = part.columns.filter((c) => c.kind === 'amount').map((c) => c.name);
  return { kind: 'missing', why: `找不到列“${spec.split('|')[0]}”；本表的列：${amountNames.join('、') || '（无金额列）'}` };
}

function findColumnOne(part: TablePart, spec: string): ColumnMatch {
  const want = columnSegments(spec);
  const wantSet = new Set(want);
  const { segs, common } = partSegments(part);
  const amount = (i: number) => part.columns[i].kind === 'amount';
  // 1. the same levels
  const exact = segs.map((s, i) => (setEq(s, wantSet) ? i : -1)).filter((i) => i >= 0);
  if (exact.length === 1) return { kind: 'column', index: exact[0] };
  // 2. the same levels once common headings and measures the rule does not name are set aside
  const reduce = (s: string[]) => s.filter((x) => wantSet.has(x) || !(common.has(x) || isMeasure(x)));
  const near = segs.map((s, i) => (setEq(reduce(s), wantSet) ? i : -1)).filter((i) => i >= 0 && amount(i));
  if (near.length === 1) return { kind: 'column', index: near[0] };
  if (near.length > 1) return { kind: 'missing', why: `列“${spec}”不止一个（${near.map((i) => part.columns[i].name).join('、')}），无法确定` };
  // 3. a heading over several columns with its own total under it (预算数 over 预算数/合计, 预算数/人员经费 …): that total
  const withTotal = new Set([...wantSet, TOTAL]);
  const total = segs.map((s, i) => (amount(i) && (setEq(s, withTotal) || setEq(s.filter((x) => withTotal.has(x) || !(common.has(x) || isMeasure(x))), withTotal)) ? i : -1)).filter((i) => i >= 0);
  if (total.length === 1 && !wantSet.has(TOTAL)) return { kind: 'column', index: total[0] };
  // 4. a group: the columns under a heading named by the rule's last level
  const last = want[want.length - 1];
  const under = segs.map((s, i) => (amount(i) && wantSet.size > 0 && [...wantSet].every((w) => s.includes(w)) && s.indexOf(last) < s.length - 1 ? i : -1)).filter((i) => i >= 0);
  if (under.length >= 2) return { kind: 'group', indices: under };
  // 5. the only amount column
  if (want.length === 1 && SINGLE.has(want[0])) {
    const amounts = part.columns.map((c, i) => (c.kind === 'amount' ? i : -1)).filter((i) => i >= 0);
    if (amounts.length === 1) return { kind: 'column', index: amounts[0] };
  }
  return { kind: 'missing', why: '' };
}

/** The index of a column by its operand name, or -1 (a group or nothing). */
export function columnIndex(part: TablePart, spec: string): number {
  const m = findColumn(part, spec);
  return m.kind === 'column' ? m.index : -1;
}

// ------------------------------------------------------------------ rows

let ROW_CANON = new Map<string, string>();

const canonMap = (groups: Record<string, string[]>) => {
  const m = new Map<string, string>();
  for (const [canon, alts] of Object.entries(groups)) {
    m.set(normName(canon), normName(canon));
    for (const a of alts) m.set(normName(a), normName(canon));
  }
  return m;
};

/** (Re)builds every index from the layout data. */
function build(d: LayoutData): void {
  generation++;
  shared = new Map();
  current = d;
  TABLE_KINDS = d.kinds;
  KIND_IDS = new Set(d.kinds.map((k) => k.id));
  KIND_BY_TITLE = new Map();
  for (const k of d.kinds) for (const t of k.titles) KIND_BY_TITLE.set(titleKey(t), k.id);
  PREFIXES = [...d.titles.prefixes].sort((a, b) => b.length - a.length);
  SIDES = new Map();
  for (const side of ['收入', '支出'] as const) for (const n of d.sides[side]) SIDES.set(normName(n), side);
  COLUMN_KINDS = d.columnKinds;
  PERCENT_COLUMN = new RegExp(COLUMN_KINDS.percent);
  COLUMN_CANON = canonMap(d.columns.synonyms);
  MEASURE_CANON = canonMap(d.columns.measures);
  SINGLE = new Set(d.columns.single.map(normName));
  ROW_CANON = canonMap(d.rows.synonyms);
}
build(BASE);

const mergeGroups = (a: Record<string, string[]>, b: Record<string, string[]> = {}) => {
  const out: Record<string, string[]> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = [...(out[k] ?? []), ...v];
  return out;
};

/** What a province's template adds to the layouts: titles of existing kinds, new kinds, synonyms. */
export interface LayoutExtension {
  titles?: Record<string, string[]>;
  prefixes?: string[];
  kinds?: TableKind[];
  sides?: Partial<Record<'收入' | '支出', string[]>>;
  columnSynonyms?: Record<string, string[]>;
  measures?: Record<string, string[]>;
  rowSynonyms?: Record<string, string[]>;
}

/**
 * Adds a layout variant from data alone (a province's template): every rule then finds its
 * operands in documents written on it. `resetLayouts` goes back to layouts.json.
 */
export function extendLayouts(x: LayoutExtension): void {
  const kinds = current.kinds.map((k) => ({ ...k, titles: [...k.titles, ...(x.titles?.[k.id] ?? [])] }));
  build({
    ...current,
    titles: { prefixes: [...current.titles.prefixes, ...(x.prefixes ?? [])] },
    kinds: [...kinds, ...(x.kinds ?? [])],
    sides: { 收入: [...current.sides.收入, ...(x.sides?.收入 ?? [])], 支出: [...current.sides.支出, ...(x.sides?.支出 ?? [])] },
    columns: { ...current.columns, synonyms: mergeGroups(current.columns.synonyms, x.columnSynonyms), measures: mergeGroups(current.columns.measures, x.measures) },
    rows: { synonyms: mergeGroups(current.rows.synonyms, x.rowSynonyms) },
  });
}

export function resetLayouts(): void {
  build(BASE);
}

/** A row name as compared: numbering, spaces, quotes and bracket widths ignored, synonyms mapped. */
export function rowKey(name: string): string {
  const n = normName(name);
  return ROW_CANON.get(n) ?? n;
}

export function hasNumbering(r: Row): boolean {
  return NUMBERING.test(r.name);
}

/** A row by 科目代码 or by name (alternatives separated by “|”), the first match from `from`. */
export function findRow(part: TablePart, spec: string, opts: { numbered?: boolean; from?: number } = {}): Row | undefined {
  const rows = opts.from ? part.rows.slice(opts.from) : part.rows;
  const ok = (r: Row) => (opts.numbered ? hasNumbering(r) : true);
  const byCode = rows.find((r) => ok(r) && r.code === spec);
  if (byCode) return byCode;
  for (const alt of spec.split('|')) {
    const k = rowKey(alt);
    const r = rows.find((x) => ok(x) && !x.code && rowKey(x.name) === k);
    if (r) return r;
  }
  return undefined;
}

/**
 * The outline level of a row's numbering: 一、 (1) > （一） (2) > 1. (3) > （1） (4); 0 without numbering.
 * Tables print sub-items with the next style under an item (一、财政拨款收入 / 1. 一般公共预算 …).
 */
export function numberingLevel(name: string): number {
  const s = name.replace(/^[ \u3000]+/, '');
  if (/^[一二三四五六七八九十百]+[、.．]/.test(s)) return 1;
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(s)) return 2;
  if (/^\d+[.、．](?!\d)/.test(s)) return 3;
  if (/^[（(]\d+[)）]/.test(s)) return 4;
  return 0;
}
