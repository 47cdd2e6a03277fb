/**
 * The rounding-aware comparison of a stated total with the sum of its parts (the interval rule of
 * XBRL Calculations 1.1, round-to-nearest): a stated amount v with d decimals stands for
 * [v − ½·10^−d, v + ½·10^−d]. The sum of parts stands for the sum of their intervals.
 *  - the intervals do not meet        → 'error'  (a real discrepancy)
 *  - they meet but the numbers differ → 'rounding' (possible 尾数误差)
 *  - the numbers are equal            → 'ok'
 */
import { Decimal, groupThousands, sum } from '../decimal';

export type Verdict = 'ok' | 'rounding' | 'error';

export interface Comparison {
  verdict: Verdict;
  /** Σ parts, exactly. */
  computed: Decimal;
  /** stated − computed */
  diff: Decimal;
  /** The largest |stated − computed| that rounding can explain. */
  tolerance: Decimal;
}

/**
 * The same comparison when the parts were summed as safe integers of the stated amount's decimals:
 * `units` their sum, `n` how many were written. Undefined when the sum is not a safe integer (the
 * caller compares as decimals then).
 */
export function compareUnits(stated: Decimal, units: number, n: number, exact = false): Comparison | undefined {
  if (!Number.isSafeInteger(units) || Number.isNaN(stated.num)) return undefined;
  const scale = stated.scale;
  const d = stated.num - units;
  const tolUnits = exact ? 0 : 5 * (n + 1); // in units of 10^-(scale+1)
  const verdict: Verdict = d === 0 ? 'ok' : Math.abs(d) * 10 <= tolUnits ? 'rounding' : 'error';
  return {
    verdict, computed: Decimal.ofUnits(units, scale), diff: Decimal.ofUnits(d, scale),
    tolerance: exact ? Decimal.ZERO : Decimal.ofUnits(tolUnits, scale + 1),
  };
}

/**
 * Parts may be undefined (an empty cell): it counts as an exact 0. `exact` compares without
 * tolerance: for numbers that are not rounded amounts (分值, 得分).
 */
export function compareSum(stated: Decimal, parts: Array<Decimal | undefined>, exact = false): Comparison {
  // Fast path, still exact: every amount has the same number of decimals and fits a safe integer.
  const scale = stated.scale;
  if (parts.length < 4096 && !Number.isNaN(stated.num)) {
    let s = 0;
    let n = 0;
    let fast = true;
    for (const p of parts) {
      if (p === undefined) continue;
      if (p.scale !== scale || Number.isNaN(p.num)) { fast = false; break; }
      s += p.num;
      n++;
    }
    if (fast) {
      const c = compareUnits(stated, s, n, exact);
      if (c) return c;
    }
  }
  const present = parts.filter((p): p is Decimal => p !== undefined);
  const computed = sum(present);
  const diff = stated.sub(computed);
  const tolerance = exact ? Decimal.ZERO : sum([stated.halfUlp(), ...present.map((p) => p.halfUlp())]);
  let verdict: Verdict = 'ok';
  if (!diff.isZero()) verdict = diff.abs().cmp(tolerance) <= 0 ? 'rounding' : 'error';
  return { verdict, computed, diff, tolerance };
}

/** Writes an amount the way the stated cell was written: same decimals, thousands separators if it had them. */
export function formatLike(value: Decimal, like: { raw: string; value?: Decimal }): string {
  const scale = like.value ? like.value.scale : value.scale;
  const s = value.rescale(scale).toString();
  return like.raw.includes(',') ? groupThousands(s) : s;
}
