/** Semantic tokens: the amounts and percentages inside 情况说明 text (YAML sees only a string there). */
import { Range, Report, Section } from '../model';
import { tokens } from '../narrative/tokens';
import { textRange } from '../text';

export function narrativeNumbers(report: Report): Range[] {
  const out: Range[] = [];
  for (const secs of [report.narrative, report.others, report.overview]) {
    const walk = (list: Section[]) => {
      for (const sec of list) {
        const t = sec.body;
        if (t) {
          for (const tok of tokens(t.value)) {
            const { start, end } = textRange(t, tok.start, tok.end);
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
