/** The outline (document symbols): blocks, sections, tables and their sides, glossary terms, 绩效自评表. */
import { Range, Report, Section } from '../model';
import * as l10n from '../l10n';

export type SymbolKind = 'report' | 'section' | 'table' | 'part' | 'glossary' | 'term' | 'perf';

export interface OutlineItem {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: OutlineItem[];
}

function sectionItems(secs: Section[]): OutlineItem[] {
  return secs.map((s) => ({
    name: s.title.value || l10n.t('（无标题）'), kind: 'section' as const, range: s.range, selectionRange: s.title.range, children: sectionItems(s.children),
  }));
}

export function outline(report: Report): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const b of report.blocks) {
    const at = b.range.start + (report.syntax === 'dsl' ? 1 : 0); // after 【
    const kr = { start: at, end: at + b.key.length };
    if (b.key === '报告' && report.meta) {
      items.push({ name: '报告', detail: [report.meta.type?.value, report.meta.year?.value, report.meta.unitName?.value].filter(Boolean).join(' · '), kind: 'report', range: b.range, selectionRange: kr, children: [] });
    } else if (report.sectionBlocks.some((s) => s.keyRange.start === at)) {
      const sb = report.sectionBlocks.find((s) => s.keyRange.start === at)!;
      items.push({ name: b.key, kind: 'section', range: b.range, selectionRange: kr, children: sectionItems(sb.sections) });
    } else if (report.printed.some((p) => p.keyRange.start === at)) {
      items.push({ name: b.key, kind: 'section', range: b.range, selectionRange: kr, children: [] });
    } else if (b.key === '名词解释') {
      items.push({
        name: b.key, detail: l10n.t('{0} 条', report.glossary.length), kind: 'glossary', range: b.range, selectionRange: kr,
        children: report.glossary.map((g) => ({ name: g.term, detail: g.number, kind: 'term' as const, range: g.range, selectionRange: g.termRange, children: [] })),
      });
    } else {
      const t = report.tables.find((x) => x.keyRange.start === at);
      if (t) {
        items.push({
          name: t.title, detail: [t.number?.value, t.kind].filter(Boolean).join(' · '), kind: 'table', range: b.range, selectionRange: t.keyRange,
          children: t.parts.filter((p) => p.name).map((p) => ({ name: p.name, detail: l10n.t('{0} 行', p.rows.length), kind: 'part' as const, range: p.range, selectionRange: p.range, children: [] })),
        });
        continue;
      }
      const p = report.perf.find((x) => x.keyRange.start === at);
      if (p) items.push({ name: `绩效自评 ${p.project}`, kind: 'perf', range: b.range, selectionRange: p.keyRange, children: [] });
    }
  }
  return items;
}

