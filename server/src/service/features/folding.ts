/** Folding: every block, section and table side. */
import { Range, Report, Section } from '../model';

/** Folding: every block, section, table part and multi-line text. Returned as offset ranges. */
export function foldingRanges(report: Report): Range[] {
  const out: Range[] = report.blocks.map((b) => b.range);
  const walk = (secs: Section[]) => {
    for (const s of secs) {
      out.push(s.range);
      walk(s.children);
    }
  };
  walk(report.overview);
  walk(report.narrative);
  walk(report.others);
  for (const t of report.tables) for (const p of t.parts) if (p.name) out.push(p.range);
  return out;
}

