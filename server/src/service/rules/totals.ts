/**
 * The checked totals of a check, in chunks: a list of totals as recorded, or the equalities of one
 * table part that all agreed, recorded as a count and made only when read (a large report has tens
 * of thousands; kept as objects they were 6 MB of the language server and a sixth of the rules' time).
 * What reads them asks for the totals at an offset or over a range: only the chunks there are made.
 */
import { Range } from '../model';
import { TotalInfo } from './types';

/** Totals that all agreed (verdict ok), made on demand; `within.range` holds every one of them (read live: it moves with its block). */
export interface LazyTotals {
  within: { range: Range };
  count: number;
  make: () => TotalInfo[];
  made?: TotalInfo[];
}

export type TotalChunk = TotalInfo[] | LazyTotals;

const madeOf = (c: LazyTotals): TotalInfo[] => (c.made ??= c.make());

/** Every total, in the order checked (makes every lazy chunk). */
export function allTotals(chunks: readonly TotalChunk[]): TotalInfo[] {
  const out: TotalInfo[] = [];
  for (const c of chunks) for (const t of Array.isArray(c) ? c : madeOf(c)) out.push(t);
  return out;
}

const overlaps = (r: Range, from: number, to: number) => r.start <= to && r.end >= from;

/**
 * The totals whose range meets [from, to], in the order checked. `okToo` false: the chunks that only
 * hold agreeing totals are left out (not made).
 */
export function totalsOver(chunks: readonly TotalChunk[], from: number, to: number, okToo = true): TotalInfo[] {
  const out: TotalInfo[] = [];
  for (const c of chunks) {
    if (Array.isArray(c)) {
      for (const t of c) if (overlaps(t.range, from, to)) out.push(t);
    } else if (okToo && overlaps(c.within.range, from, to)) {
      for (const t of madeOf(c)) if (overlaps(t.range, from, to)) out.push(t);
    }
  }
  return out;
}
