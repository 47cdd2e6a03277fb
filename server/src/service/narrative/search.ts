/** Tokens and figures are in text order: the ones in a range, by binary search. */

/** The index of the first token that begins at or after pos (tokens are in text order). */
export function firstFrom(toks: Array<{ start: number }>, pos: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tokens (or figures) inside [from, to). */
export function within<T extends { start: number; end: number }>(xs: T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (let i = firstFrom(xs, from); i < xs.length && xs[i].start < to; i++) if (xs[i].end <= to) out.push(xs[i]);
  return out;
}

