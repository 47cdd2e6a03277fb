/**
 * Rates and amounts compared by the interval rule: a written number stands for every value that rounds
 * to it, so a rate is wrong only when no values in the intervals of its operands give it.
 */
import { Decimal } from '../decimal';
import { Verdict } from '../rules/rounding';

const ZERO = Decimal.ZERO;
export const HUNDRED = Decimal.fromInt(100);
const max0 = (d: Decimal) => (d.sign() < 0 ? ZERO : d);

/**
 * Is the stated percentage `pct` (± its half unit) reachable as 100·n/d with n and d anywhere in
 * their intervals? Exact, by cross-multiplication. Returns undefined when d may be zero.
 */
export function ratioVerdict(n: Decimal, nh: Decimal, d: Decimal, dh: Decimal, pct: Decimal): { verdict: 'ok' | 'rounding' | 'error'; computed: Decimal } | undefined {
  const dMin = d.sub(dh);
  if (dMin.sign() <= 0) return undefined;
  const dMax = d.add(dh);
  const nMin = max0(n.sub(nh));
  const nMax = n.add(nh);
  const ph = pct.halfUlp();
  const pMin = pct.sub(ph);
  const pMax = pct.add(ph);
  // overlap of [nMin/dMax, nMax/dMin]·100 with [pMin, pMax]
  const meets = nMin.mul(HUNDRED).cmp(pMax.mul(dMax)) <= 0 && pMin.mul(dMin).cmp(nMax.mul(HUNDRED)) <= 0;
  const computed = n.mul(HUNDRED).div(d, pct.scale);
  if (!meets) return { verdict: 'error', computed };
  return { verdict: computed.eq(pct) ? 'ok' : 'rounding', computed };
}

/** An amount as compared: its value in 万元 and the half-width of the interval it stands for. */
export interface Amount { wan: Decimal; half: Decimal }

/**
 * Two amounts that should be one (a number of the text and a table cell, in 万元): equal when the finer
 * one rounds to the coarser as written (a table in 元, a text in 万元: 2,087,959.00元 is 208.80万元 and
 * 208.8万元 exactly); within rounding when their intervals meet; else an error.
 */
export function sameAmount(a: Amount & { value?: Decimal }, b: Amount): Verdict {
  const [coarse, fine] = a.half.cmp(b.half) >= 0 ? [a, b] : [b, a];
  const scale = coarse.wan.scale;
  if (fine.wan.rescale(Math.max(scale, fine.wan.scale)).rescale(scale).eq(coarse.wan) && coarse.half.cmp(fine.half) > 0) return 'ok';
  const diff = a.wan.sub(b.wan).abs();
  if (diff.isZero()) return 'ok';
  return diff.cmp(a.half.add(b.half)) <= 0 ? 'rounding' : 'error';
}
