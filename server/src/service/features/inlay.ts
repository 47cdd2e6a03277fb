/** Inlay hints after checked totals: Σ computed with ✓ / ≈ / ≠ (the setting says which ones). */
import { CheckResult } from '../index';
import { TotalInfo } from '../rules/types';
import { formatComputation } from './computation';
import { totalsOver } from '../rules/totals';

export interface InlayHint {
  offset: number;
  label: string;
  tooltip: string;
}

/**
 * After checked totals: Σ computed, with ✓ / ≈ / ≠. `which`: 'mismatches' (the default) only where
 * the total differs from its parts (≈ and ≠), 'all' after every checked total, 'off' none.
 */
export function inlayHints(res: CheckResult, from = 0, to = Number.MAX_SAFE_INTEGER, which: 'off' | 'mismatches' | 'all' = 'mismatches'): InlayHint[] {
  if (which === 'off') return [];
  const seen = new Map<number, TotalInfo[]>();
  // only ≈ and ≠: the equalities recorded as agreeing are not made, except at a cell that also differs
  // (its tooltip lists every computation of the cell)
  const shown = totalsOver(res.totalChunks, from, to, which === 'all');
  const at = which === 'all' ? shown : shown.filter((t) => t.verdict !== 'ok').flatMap((t) => totalsOver(res.totalChunks, t.range.end, t.range.end));
  const once = new Set<TotalInfo>();
  for (const t of at) {
    if (once.has(t) || t.range.end < from || t.range.start > to) continue;
    once.add(t);
    const l = seen.get(t.range.end) ?? [];
    l.push(t);
    seen.set(t.range.end, l);
  }
  const out: InlayHint[] = [];
  for (const [offset, list] of seen) {
    const worst = list.find((t) => t.verdict === 'error') ?? list.find((t) => t.verdict === 'rounding') ?? list[0];
    if (which === 'mismatches' && worst.verdict === 'ok') continue;
    const mark = worst.verdict === 'ok' ? '✓' : worst.verdict === 'rounding' ? '≈' : '≠';
    out.push({ offset, label: ` Σ ${worst.computed.toString()} ${mark}`, tooltip: list.map((t) => formatComputation(t)).join('\n\n') });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

