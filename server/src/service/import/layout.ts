/**
 * Every piece of layout knowledge the importer uses, in one place: table kinds, title variants and
 * standard columns come from layouts/layouts.json (the same data as the checks: a layout the checks
 * know is a layout the importer knows), what only printed documents need from data/import-layout.json.
 * Nothing else in import/ names a table or a column.
 */
import layout from '../data/import-layout.json';
import layouts from '../layouts/layouts.json';
import { TABLE_KINDS, kindById, tableKindOf } from '../layouts';
import { normalizeTitle } from '../names';

export interface TitleMatch {
  /** The title as printed (spaces inside dropped). */
  title: string;
  kind?: string;
  twoSided: boolean;
}

const TABLES_HEADING = new RegExp(layout.tablesHeading.pattern);

/** A line that is a table's title: the whole line is a known title, maybe with the year and 部门/单位 before it. */
export function matchTableTitle(line: string): TitleMatch | undefined {
  const s = line.replace(/[ \u3000]/g, '');
  if (s.length < 4 || s.length > 60 || /…|\.{4}/.test(s) || TABLES_HEADING.test(s)) return undefined;
  const kind = tableKindOf(s);
  if (!kind || kind === 'unknown') return undefined;
  return { title: s, kind, twoSided: !!kindById(kind)?.parts };
}

/** A heading over all the tables of a document ("上海市 XX 局 2024 年度部门决算表"), not a table. */
export function isTablesHeading(line: string): boolean {
  return TABLES_HEADING.test(line.replace(/[ \u3000]/g, ''));
}

export function defaultSides(): [string, string] {
  return ['收入', '支出'];
}

const norm = (s: string) => normalizeTitle(s).replace(/[（(]/g, '（').replace(/[)）]/g, '）');
const LABELS = new Set(layout.labelHeaders.cells.map((c) => norm(c)));
/** A header cell over the row labels (项目, 功能分类科目编码, 类/款/项 …): not a column. */
export function isLabelHeader(text: string): boolean {
  const t = norm(text);
  if (LABELS.has(t)) return true;
  // wrapped or merged header cells: every piece a label header
  const parts = [...LABELS].filter((l) => l.length > 1).sort((a, b) => b.length - a.length);
  let rest = t;
  for (let again = true; again && rest; ) {
    again = false;
    for (const p of parts)
      if (rest.startsWith(p)) {
        rest = rest.slice(p.length);
        again = true;
        break;
      }
  }
  return rest === '' || /^[类款项]+$/.test(rest) && rest !== t;
}

const ROW_STARTS = new Set(layout.rowStarts.labels.map((c) => norm(c)));
/** A row label that can only be a row of the table's body (合计, 收入总计, 无 …). */
export function isRowStart(text: string): boolean {
  return ROW_STARTS.has(norm(text));
}

const PREPARED = new RegExp(layout.tableFields.preparedBy);
const UNIT = new RegExp(layout.tableFields.unit);
const NOTE = new RegExp(layout.tableFields.note);
/** “编制部门：上海市普陀区司法局” → [label, name]. */
export function matchPreparedBy(text: string): [string, string] | undefined {
  const m = PREPARED.exec(text.replace(/^[ \u3000]+/, ''));
  return m ? [m[1], m[2].trim()] : undefined;
}
/** “单位：元” → 元. */
export function matchUnit(text: string): '元' | '万元' | undefined {
  const m = UNIT.exec(text.replace(/[ \u3000]/g, ''));
  return m ? (m[1] as '元' | '万元') : undefined;
}
export function isNoteStart(text: string): boolean {
  return NOTE.test(text.replace(/^[ \u3000]+/, ''));
}

/** The block a page heading starts (“上海市普陀区司法局主要职能” → 部门概况), if it names one. */
export function blockOfHeading(text: string): string | undefined {
  const t = text.replace(/[ \u3000]/g, '');
  for (const h of layout.blocks.headings) if (new RegExp(h.match).test(t)) return h.block;
  return undefined;
}
export function isPartHeading(text: string): boolean {
  return new RegExp(layout.blocks.parts).test(text.replace(/^[ \u3000]+/, ''));
}
export function isContentsHeading(text: string): boolean {
  return new RegExp(layout.cover.contents).test(text.replace(/[ \u3000]/g, '').replace(/^目录$/, '目录'));
}

/** The standard columns of a kind (for a two-sided kind: of its sides), for a table whose header could not be read. */
export function standardColumns(kind: string): { columns?: string[]; parts?: Record<string, string[]> } {
  const k = kindById(kind);
  return { columns: k?.columns, parts: k?.parts };
}

/** Every name a header level has in the layout data: the levels of the standard columns, their synonyms, the measures, the side names. */
const KNOWN_HEADERS = (() => {
  const out = new Set<string>();
  const add = (name: string) => {
    for (const level of name.split('/')) if (level) out.add(norm(level));
  };
  for (const k of TABLE_KINDS) {
    for (const c of k.columns ?? []) add(c);
    for (const cols of Object.values(k.parts ?? {})) for (const c of cols) add(c);
  }
  const cols = layouts.columns as { synonyms: Record<string, string[]>; measures: Record<string, string[]> };
  for (const [k, v] of [...Object.entries(cols.synonyms), ...Object.entries(cols.measures)]) {
    add(k);
    for (const x of v) add(x);
  }
  for (const [k, v] of Object.entries(layouts.sides)) if (Array.isArray(v)) for (const x of [k, ...v]) add(x);
  return out;
})();

/** A header cell the layout data knows by this name (事业收入, 基本支出, 事业单位经营收入 …). */
export function isKnownHeader(text: string): boolean {
  return KNOWN_HEADERS.has(norm(text));
}
