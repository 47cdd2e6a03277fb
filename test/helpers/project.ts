/** The values of a report without source positions: two front ends agree when these are equal. */
import { Cell, Report, Section, Text } from '../../server/src/service';

const text = (t: Text | undefined) => (t ? t.value.replace(/\n+$/, '') : undefined);
const cell = (c: Cell | undefined) => (c ? [c.kind, c.raw, c.value?.toString()] : undefined);
const section = (s: Section): unknown => ({
  title: s.title.value, body: text(s.body), units: s.units?.map((u) => [u.index?.value, u.name?.value, u.nature?.value]), children: s.children.map(section),
});

export function project(r: Report): unknown {
  return {
    meta: r.meta && { type: r.meta.type?.value, year: r.meta.year?.value, unit: r.meta.unitName?.value, amountUnit: r.meta.amountUnit?.value, edition: r.meta.edition?.value, title: r.meta.title?.value },
    blocks: r.blocks.map((b) => b.key),
    overview: r.overview.map(section), narrative: r.narrative.map(section), others: r.others.map(section),
    tables: r.tables.map((t) => ({
      key: t.key, kind: t.kind, number: t.number?.value, unit: t.unit, note: text(t.note),
      parts: t.parts.map((p) => ({ name: p.name, columns: p.columns.map((c) => [c.name, c.kind]), rows: p.rows.map((row) => [row.key, row.code, row.name, row.level, row.cells.map(cell)]) })),
    })),
    glossary: r.glossary.map((e) => [e.number, e.term, text(e.definition)]),
    perf: r.perf.map((p) => ({
      key: p.key, project: p.project, fields: Object.fromEntries(Object.entries(p.fields).map(([k, v]) => [k, v.value])),
      funds: p.funds && { columns: p.funds.columns.map((c) => c.name), rows: p.funds.rows.map((row) => [row.key, row.cells.map(cell)]) },
      goals: p.goals && [text(p.goals.expected), text(p.goals.achieved)],
      indicatorColumns: p.indicatorColumns.map((c) => c.name),
      indicators: p.indicators.map((x) => [x.level1, x.level2, x.level3, Object.entries(x.cells).map(([k, c]) => [k, cell(c)])]),
      total: [cell(p.totalWeight), cell(p.totalScore)],
    })),
  };
}
