/**
 * Rates and amounts compared by the interval rule: a written number stands for every value that rounds
 * to it, so a rate is wrong only when no values in the intervals of its operands give it.
 */
import { Decimal, POW10, TWO52 } from '../decimal';
import { Verdict } from '../rules/rounding';

const ZERO = Decimal.ZERO;
export const HUNDRED = Decimal.fromInt(100);
const max0 = (d: Decimal) => (d.sign() < 0 ? ZERO : d);

type RatioVerdict = { verdict: 'ok' | 'rounding' | 'error'; computed: Decimal } | undefined;

/**
 * Is the stated percentage `pct` (± its half unit) reachable as 100·n/d with n and d anywhere in
 * their intervals? Exact, by cross-multiplication. Returns undefined when d may be zero.
 */
export function ratioVerdict(n: Decimal, nh: Decimal, d: Decimal, dh: Decimal, pct: Decimal): RatioVerdict {
  const fast = ratioOnIntegers(n, nh, d, dh, pct);
  return fast === null ? ratioByDecimals(n, nh, d, dh, pct) : fast;
}

const safe = Number.isSafeInteger;

/**
 * ratioVerdict on the counts as JS numbers (a text has thousands of rates: no Decimal is made for one
 * that is right), or null when a count or a product is not a safe integer (then ratioByDecimals). A
 * product of integers that is safe is exact, and so is every factor on the way to it.
 */
export function ratioOnIntegers(n: Decimal, nh: Decimal, d: Decimal, dh: Decimal, pct: Decimal): RatioVerdict | null {
  // n and its half at one scale, d and its half at another, the rate and its half (5) at one decimal more
  const sn = Math.max(n.scale, nh.scale);
  const sd = Math.max(d.scale, dh.scale);
  const N = n.num * POW10[sn - n.scale];
  const NH = nh.num * POW10[sn - nh.scale];
  const D = d.num * POW10[sd - d.scale];
  const DH = dh.num * POW10[sd - dh.scale];
  const P = pct.num * 10;
  if (!(safe(N) && safe(NH) && safe(D) && safe(DH) && safe(P))) return null;
  const dMin = D - DH;
  if (dMin <= 0) return undefined;
  const dMax = D + DH;
  const nMin = Math.max(0, N - NH);
  const nMax = N + NH;
  // [nMin/dMax, nMax/dMin]·100 meets [P − 5, P + 5] (each side brought to the scale sn + sd + pct.scale + 1)
  const kn = POW10[pct.scale + 1 + sd];
  const kd = POW10[sn];
  const a1 = nMin * 100 * kn;
  const b1 = (P + 5) * dMax * kd;
  const a2 = (P - 5) * dMin * kd;
  const b2 = nMax * 100 * kn;
  if (!(safe(a1) && safe(b1) && safe(a2) && safe(b2))) return null;
  const meets = a1 <= b1 && a2 <= b2;
  // 100·n/d with the rate's decimals, rounded half away from zero (as Decimal.div, on integers of at most 2^52)
  const num = N * 100 * POW10[sd + pct.scale];
  const den = D * kd;
  if (!(Math.abs(num) <= TWO52 && den <= TWO52)) return null;
  const q = Math.trunc(num / den);
  const r = num - q * den;
  const c = Math.abs(r) * 2 >= den ? q + (num < 0 ? -1 : 1) : q;
  if (meets && c === pct.num) return { verdict: 'ok', computed: pct };
  return { verdict: meets ? 'rounding' : 'error', computed: Decimal.ofUnits(c, pct.scale) };
}

/** ratioVerdict on Decimals (any size). */
export function ratioByDecimals(n: Decimal, nh: Decimal, d: Decimal, dh: Decimal, pct: Decimal): RatioVerdict {
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
