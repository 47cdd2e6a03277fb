/** Semantic tokens: the amounts and percentages inside 情况说明 text (YAML sees only a string there). */
import { Range, Report, Section } from '../model';
import { tokens } from '../narrative/tokens';

export function narrativeNumbers(report: Report): Range[] {
  const out: Range[] = [];
  for (const secs of [report.narrative, report.others, report.overview]) {
    const walk = (list: Section[]) => {
      for (const sec of list) {
        const t = sec.body;
        if (t) {
          for (const tok of tokens(t.value)) {
            const start = t.offsets[tok.start];
            const end = t.offsets[tok.end - 1] + 1;
            if (end > start && end - start <= tok.end - tok.start + 4) out.push({ start, end });
          }
        }
        walk(sec.children);
      }
    };
    walk(secs);
  }
  return out.sort((a, b) => a.start - b.start);
}
