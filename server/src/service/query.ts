/** Small lookups over the report model, shared by the checks, the features and the tests. */
import { Cell, Report, Row, Section, Table, TablePart } from './model';
import { normalizeTitle } from './parser';

/** A table by its standard kind id ("决算02"), its title, or its 编号 ("公开02表"). */
export function findTable(report: Report, q: string): Table | undefined {
  const n = normalizeTitle(q);
  return report.tables.find((t) => t.kind === q) ?? report.tables.find((t) => normalizeTitle(t.title) === n) ?? report.tables.find((t) => t.number?.value === q);
}

/** The part of a table: '' (or omitted) for a one-sided table, "收入" / "支出" otherwise. */
export function partOf(t: Table, name = ''): TablePart | undefined {
  return t.parts.find((p) => p.name === name) ?? t.parts.find((p) => name !== '' && p.side === name) ?? (name === '' ? t.parts[0] : undefined);
}

/** A row by 科目代码, by full key, or by name/label (first match). */
export function findRow(part: TablePart, key: string): Row | undefined {
  return part.rows.find((r) => r.code === key) ?? part.rows.find((r) => r.key === key) ?? part.rows.find((r) => r.name === key);
}

/** Index of a column by full name ("本年支出/基本支出") or by its last segment ("基本支出"), first match. */
export function columnIndex(part: TablePart, name: string): number {
  const i = part.columns.findIndex((c) => c.name === name);
  return i >= 0 ? i : part.columns.findIndex((c) => c.path[c.path.length - 1] === name);
}

export function cellAt(part: TablePart, rowKey: string, column: string): Cell | undefined {
  const r = findRow(part, rowKey);
  const i = columnIndex(part, column);
  return r && i >= 0 ? r.cells[i] : undefined;
}

/** Every section, depth first. */
export function* allSections(sections: Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* allSections(s.children);
  }
}
