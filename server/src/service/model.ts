/**
 * The report model: the one structure that every feature reads (checks, completion, hover,
 * preview). It is built from a source file by a front end (today the YAML one, see parser.ts) and
 * knows nothing of the syntax it came from, except the source range of every value.
 *
 * All ranges are absolute UTF-16 offsets into the source text, end exclusive. Shells (LSP, CLI)
 * turn them into lines and columns with a LineIndex.
 */
import { Decimal } from './decimal';

export interface Range {
  start: number;
  end: number;
}

/** 报告类型 */
export type ReportType = '部门决算' | '单位决算' | '部门预算' | '单位预算';
export const REPORT_TYPES: readonly ReportType[] = ['部门决算', '单位决算', '部门预算', '单位预算'];

/** 金额单位 */
export type AmountUnit = '元' | '万元';

/** A string value with its range (of the scalar's content in the source). */
export interface Str {
  value: string;
  range: Range;
}

/** 报告 block: the metadata. */
export interface Meta {
  range: Range;
  type?: Str & { value: ReportType };
  year?: Str & { year: number };
  unitName?: Str;
  amountUnit?: Str & { value: AmountUnit };
  /** 科目版本: the edition year of the 政府收支分类科目 (defaults to 年度). */
  edition?: Str & { year: number };
  title?: Str;
}

/**
 * Free text (a paragraph or several) with an exact map back to the source, so that a check can
 * point at one number inside a sentence: `offsets[i]` is the source offset of `value[i]`.
 */
export interface Text {
  value: string;
  range: Range;
  offsets: Int32Array;
  /**
   * `ends[i]` is the source offset just after what `value[i]` was read from: an escape (\t, \u00e9,
   * \| in the DSL) or a folded line break covers several source characters. Absent: offsets[i] + 1.
   */
  ends?: Int32Array;
  /**
   * The offsets are guessed, not read (the decoded scalar differed from what the YAML library read):
   * ranges inside may be off, so no fix is offered on them.
   */
  inexact?: boolean;
  sentences: Sentence[];
}

/** A sentence of a Text: value.slice(start, end), ending with 。；！？ or the end of a line. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  range: Range;
}

/**
 * One 单位构成 row. Its cells are the document's columns (Section.unitColumns, by default 序号 /
 * 单位名称 / 单位性质); index, name and nature are the cells of the columns that mean those.
 */
export interface UnitRow {
  index?: Str;
  name?: Str;
  nature?: Str;
  /** Every cell as written, one per column. */
  cells: Str[];
  range: Range;
}

/** A titled section of free text (部门概况, 情况说明, 其他), possibly with sub-sections. */
export interface Section {
  title: Str;
  body?: Text;
  children: Section[];
  /** 决算单位构成 rows when the section holds that table. */
  units?: UnitRow[];
  /** The columns of 单位构成 as the document writes them (absent: the default 序号/单位名称/单位性质). */
  unitColumns?: Column[];
  range: Range;
}

/** A block of titled sections (部门概况, 情况说明 …); a report may have several, named after a space. */
export interface SectionBlock {
  /** The block key as written: "情况说明", "情况说明 其他相关情况说明". */
  key: string;
  keyRange: Range;
  kind: 'overview' | 'narrative' | 'others';
  sections: Section[];
  range: Range;
}

/**
 * What a document prints that is kept but not checked: the cover (封面), the contents (目录) and
 * part headings (第一部分 部门概况 …), with the text printed under them, in document order.
 */
export interface PrintedBlock {
  kind: 'cover' | 'contents' | 'heading';
  key: string;
  keyRange: Range;
  body?: Text;
  range: Range;
}

/** What a column holds. */
export type ColumnKind = 'amount' | 'index' | 'text' | 'percent' | 'number';

export interface Column {
  /** The column's full name as written, e.g. "决算数/公务用车购置及运行维护费/小计". */
  name: string;
  /** The name split at "/" (the header rows above it). */
  path: string[];
  /** The name as written, when it is not `name` (spaces around a "/", an empty level). */
  written?: string;
  kind: ColumnKind;
  range: Range;
}

export type CellKind = 'amount' | 'percent' | 'number' | 'text' | 'empty';

export interface Cell {
  kind: CellKind;
  /** The cell as written. */
  raw: string;
  range: Range;
  /** For amount, percent and number cells. */
  value?: Decimal;
}

/** The level of a 科目 code: 类 (3 digits), 款 (5), 项 (7). */
export type CodeLevel = '类' | '款' | '项';

export interface Row {
  /** The row key as written: "2011308 招商引资", "合计", "一、一般公共预算财政拨款收入". */
  key: string;
  keyRange: Range;
  /** 科目代码 when the key starts with one (3, 5 or 7 digits). */
  code?: string;
  codeRange?: Range;
  /** 科目名称 (the rest of the key after the code), or the label when there is no code. */
  name: string;
  nameRange: Range;
  level?: CodeLevel;
  /** Indentation marks of the printed form (a leading 全角 space) are dropped from name. */
  /**
   * The key's characters mapped to the source, when they are not keyRange.start + i (a quoted or
   * escaped key): see keySubRange.
   */
  keyText?: Text;
  cells: Cell[];
  range: Range;
  /**
   * A row that a fast path read as plain amounts only (frontends/common.ts SourceRow) gives them without
   * making its cells: f(k, units, scale, start, end, written) for the amount in column k (its count of
   * units, a safe integer, its decimals, where it is written, and, with `withWritten`, what is written
   * when it is not the value as printed); says true. False, or absent, for any other row: read `cells`.
   */
  plainAmounts?(f: (k: number, units: number, scale: number, start: number, end: number, written: string | undefined) => void, withWritten?: boolean): boolean;
}

/** A table, or one side of a two-sided table (收入 / 支出 of 收入支出决算总表). */
export interface TablePart {
  /** '' for a one-sided table, otherwise the side's name as written ("收入", "本年支出", "财政拨款收入"). */
  name: string;
  /** Which side of a 收支 table this is, from its name ('收入' for 本年收入, 财政拨款收入 …). */
  side?: '收入' | '支出';
  /** Where the side's name is written. */
  nameRange?: Range;
  columns: Column[];
  rows: Row[];
  range: Range;
}

export interface Table {
  /** The top-level key, e.g. "表 收入决算表". */
  key: string;
  keyRange: Range;
  /** The title: the key without its "表 " prefix. */
  title: string;
  /** The standard table kind (see data/table-kinds.json), when the title or 类型 names one. */
  kind?: string;
  /** 编号, e.g. 公开02表. */
  number?: Str;
  /** 类型 as written, when the table names its kind (else the kind comes from the title). */
  kindNode?: Str;
  /** 金额单位 of this table: its own 单位 if given, else the report's, else 万元. */
  unit: AmountUnit;
  /** The table's own 单位, when it states one. */
  unitNode?: Str & { value: AmountUnit };
  parts: TablePart[];
  /** 注 / 说明 under the table, in the order written (a table may have both). */
  notes: TableNote[];
  /** The first of `notes` (what most checks read). */
  note?: Text;
  /** 编制部门 / 编制单位 as printed above the table. */
  preparer?: { key: string; value: Str };
  range: Range;
}

export interface TableNote {
  /** "注" or "说明". */
  key: string;
  text: Text;
}

/** A 绩效指标 row of a 项目支出绩效自评表. */
export interface IndicatorRow {
  /** 一级/二级/三级指标, with merged cells filled from the rows above. */
  level1: string;
  level2: string;
  level3: string;
  /** Every cell by column name, as written. */
  cells: Record<string, Cell>;
  /** Cells by role, whatever the column was called: 指标值/年度指标值, 完成值/实际完成值, 分值/权重, 得分. */
  target?: Cell;
  actual?: Cell;
  weight?: Cell;
  score?: Cell;
  range: Range;
}

/** 项目支出绩效自评表. */
export interface PerfEval {
  key: string;
  keyRange: Range;
  /** 项目名称 */
  project: string;
  /** Other labelled fields: 主管部门, 实施单位, 评价结论 … */
  fields: Record<string, Str>;
  /** 项目资金: 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分 by 资金 row. */
  funds?: TablePart;
  goals?: { expected?: Text; achieved?: Text; range: Range };
  indicatorColumns: Column[];
  indicators: IndicatorRow[];
  /** 合计 / 总分 row: 分值 and 得分. */
  totalWeight?: Cell;
  totalScore?: Cell;
  range: Range;
}

/** One 名词解释 entry. */
export interface GlossaryEntry {
  /** The key as written: numbering and term ("1. 基本支出"). */
  key?: string;
  /** The numbering as written ("1.", "十二、", "8、"), if any. */
  number?: string;
  /** Where the numbering is written. */
  numberRange?: Range;
  term: string;
  termRange: Range;
  definition: Text;
  range: Range;
}

/** One top-level block of the source: the unit of incremental re-parsing. */
export interface BlockInfo {
  key: string;
  range: Range;
}

/** The front end a report was written in: the YAML format (*.jsgk.yaml) or the line DSL (*.jsgk). */
export type Syntax = 'yaml' | 'dsl';

export interface Report {
  /** Which front end produced it (fixes that insert text write that syntax). */
  syntax?: Syntax;
  meta?: Meta;
  /** 部门概况 / 单位概况 */
  overview: Section[];
  tables: Table[];
  /** 情况说明 */
  narrative: Section[];
  glossary: GlossaryEntry[];
  perf: PerfEval[];
  /** 其他 (联系方式, 附件 …) */
  others: Section[];
  /** Every block of sections in document order (overview, narrative and others are their flattened views). */
  sectionBlocks: SectionBlock[];
  /** 封面, 目录 and part headings, kept as printed. */
  printed: PrintedBlock[];
  blocks: BlockInfo[];
  /**
   * Ranges of texts whose characters could not be mapped exactly to the source (the decoded YAML
   * scalar differed from the library's value): findings there are shown, their fixes are not offered.
   */
  inexact?: Range[];
  /**
   * Of a report kept for the check of its 部门 (workspace/units.ts keptForOthers): the tables the
   * 部门/单位 check compares, in compact form; `tables` is then empty. A report parsed whole has none
   * (units.sum makes them from its tables when it needs them).
   */
  sums?: SumTable[];
}

/** A table the 部门/单位 check (units.sum) compares, as it reads a unit report's table. */
export interface SumTable {
  kind: string;
  unit: Table['unit'];
  parts: SumPart[];
}

/**
 * A table part as units.sum reads it: its rows and amount columns by the keys it pairs them by, each
 * row's 科目代码 and name, and the cells in arrays (row by row, `width` cells a row) instead of an
 * object, a range, a decimal and a string each (a unit report of 217 rows was kept as 190 KB).
 */
export interface SumPart {
  name: string;
  side?: TablePart['side'];
  /** Amount columns by normalised name (the first of a name) → column index. */
  columns: Map<string, number>;
  /** Rows by 科目代码, else by normalised name (a key written twice is left out) → row index. */
  rows: Map<string, number>;
  codes: Array<string | undefined>;
  names: string[];
  width: number;
  /** Per cell (row × width + column): its kind (SUM_KINDS index + 1; 0: the row has no such cell). */
  kinds: Uint8Array;
  /** The value's units when it is a safe integer and the scale fits a byte (NaN: no value, or in `bigs`). */
  nums: Float64Array;
  scales: Uint8Array;
  /** The cell's source range. */
  starts: Int32Array;
  ends: Int32Array;
  /** Values that do not fit `nums` and `scales`. */
  bigs: Map<number, Decimal>;
  /** The cell as written, when it is not its value as printed (1,687.40; 万元 cells of text), nor empty. */
  raws: Map<number, string>;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedInfo {
  /** The document the range is in, when it is another one (checks across reports). */
  uri?: string;
  range: Range;
  message: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * The fix changes no number the user typed (it removes a repeated word, quotes a cell, adds a
   * definition, writes a computed value in place of a placeholder …): it may be preferred and go
   * into 修正全部. A fix that replaces a typed number (a total, a rate, an amount in the text) is
   * offered on its own finding only.
   */
  safe?: boolean;
}

/** A finding of a rule: what every check produces and every shell shows. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** A 尾数误差 note of the rule: a difference that rounding can explain (shown as the rounding setting says). */
  rounding?: boolean;
  /** The text the finding is about, as the report reads it (the range's value, escapes decoded). */
  text?: string;
  related?: RelatedInfo[];
  fixes?: Fix[];
}
