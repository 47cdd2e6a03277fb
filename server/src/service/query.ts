/** Small lookups over the report model, shared by the checks, the features and the tests. */
import { Cell, Report, Section, Table } from './model';
import { normalizeTitle } from './names';
import { columnIndex, findRow, partOf } from './layouts';

export { partOf, findRow, columnIndex };

/** A table by its standard kind id ("决算02"), its title, or its 编号 ("公开02表"). */
export function findTable(report: Report, q: string): Table | undefined {
  const n = normalizeTitle(q);
  return report.tables.find((t) => t.kind === q) ?? report.tables.find((t) => normalizeTitle(t.title) === n) ?? report.tables.find((t) => t.number?.value === q);
}

/** A cell by its table part, row (code or name) and column (header path). */
export function cellAt(part: import('./model').TablePart, rowKey: string, column: string): Cell | undefined {
  const r = findRow(part, rowKey) ?? part.rows.find((x) => x.key === rowKey || x.name === rowKey);
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
