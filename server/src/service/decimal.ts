/**
 * Exact decimal amounts. A `Decimal` is an integer count of the smallest unit that was written
 * (`units`) and the number of decimals that were written (`scale`): "335.56" is {units: 33556n,
 * scale: 2}, "0" is {units: 0n, scale: 0}. Money is never a JavaScript float.
 */
import * as l10n from './l10n';
export class Decimal {
  /** `units` as a JS number when it is a safe integer (for fast exact sums), else NaN. */
  readonly num: number;
  /** The exact units, made when first asked for (most amounts are safe integers: no bigint is kept for them). */
  private big: bigint | undefined;
  readonly scale: number;
  /** `units` a bigint, or a number that is a safe integer. */
  constructor(units: bigint | number, scale: number) {
    const n = Number(units);
    this.scale = scale;
    if (Number.isSafeInteger(n)) {
      this.num = n === 0 ? 0 : n; // never −0
      this.big = undefined;
    } else {
      this.num = NaN;
      this.big = BigInt(units);
    }
  }

  /** The count of the smallest written unit: "335.56" → 33556n. */
  get units(): bigint {
    return (this.big ??= BigInt(this.num));
  }

  /** From a safe integer count of units (no bigint made). */
  static ofUnits(num: number, scale: number): Decimal {
    return new Decimal(num, scale);
  }

  static readonly ZERO = new Decimal(0n, 0);

  /** Parses a normalised ASCII numeral ("-1687.40", "0", "12"). Returns undefined if it is not one. */
  static parse(s: string): Decimal | undefined {
    const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(s);
    if (!m) return undefined;
    const frac = m[3] ?? '';
    let units = BigInt(m[2] + frac);
    if (m[1] === '-') units = -units;
    return new Decimal(units, frac.length);
  }

  static fromInt(n: number | bigint): Decimal {
    return new Decimal(BigInt(n), 0);
  }

  /**
   * The count of units at a scale not below this one, as a JS number: exact when it is a safe integer
   * (a safe integer times a power of ten is exact in a JS number while the product stays safe; past
   * 2^53 − 1 it rounds to at least 2^53, which is not safe). NaN or unsafe otherwise: use the bigints.
   */
  private numAt(scale: number): number {
    return scale === this.scale ? this.num : this.num * (POW10[scale - this.scale] ?? NaN);
  }

  /** The same value written with `scale` decimals (only widening is exact; narrowing rounds half away from zero). */
  rescale(scale: number): Decimal {
    if (scale === this.scale) return this;
    if (scale > this.scale) {
      const w = this.numAt(scale);
      if (Number.isSafeInteger(w)) return new Decimal(w, scale);
      return new Decimal(this.units * 10n ** BigInt(scale - this.scale), scale);
    }
    const f = 10n ** BigInt(this.scale - scale);
    const q = this.units / f;
    const r = this.units % f;
    const twice = (r < 0n ? -r : r) * 2n;
    let rounded = q;
    if (twice >= f) rounded += this.units < 0n ? -1n : 1n;
    return new Decimal(rounded, scale);
  }

  add(o: Decimal): Decimal {
    const s = Math.max(this.scale, o.scale);
    // both safe integers at the wider scale: their sum is exact whenever it is safe (beyond, the bigint path)
    const a = this.numAt(s);
    const b = o.numAt(s);
    const c = a + b;
    if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(c)) return new Decimal(c, s);
    return new Decimal(this.rescale(s).units + o.rescale(s).units, s);
  }

  sub(o: Decimal): Decimal {
    return this.add(o.neg());
  }

  neg(): Decimal {
    if (this.num === 0) return this;
    return this.num === this.num ? new Decimal(-this.num, this.scale) : new Decimal(-this.units, this.scale);
  }

  abs(): Decimal {
    return this.sign() < 0 ? this.neg() : this;
  }

  mul(o: Decimal): Decimal {
    // two safe integers: their product is exact whenever it is safe (a product past 2^53 − 1 is not)
    const p = this.num * o.num;
    if (Number.isSafeInteger(p)) return new Decimal(p, this.scale + o.scale);
    return new Decimal(this.units * o.units, this.scale + o.scale);
  }

  /** this / o, rounded half away from zero to `scale` decimals. o must not be zero. */
  div(o: Decimal, scale: number): Decimal {
    // (u1/10^s1) / (u2/10^s2) * 10^scale = u1 * 10^(s2 + scale) / (u2 * 10^s1)
    let a = this.num * (POW10[o.scale + scale] ?? NaN);
    let b = o.num * (POW10[this.scale] ?? NaN);
    // both at most 2^52 (exact: a product past it is a float above it): the float quotient truncates to
    // the integer one. A quotient that is not an integer lies at least 1/b from the integers around it,
    // and its float is off by at most half an ulp, under |a/b|·2^−53 ≤ 1/(2b). q·b and a − q·b are then
    // exact integers (at most 2^53). Beyond, the bigint path.
    if (Math.abs(a) <= TWO52 && Math.abs(b) <= TWO52 && b !== 0) {
      if (b < 0) { a = -a; b = -b; }
      const q = Math.trunc(a / b);
      const r = a - q * b;
      return new Decimal(Math.abs(r) * 2 >= b ? q + (a < 0 ? -1 : 1) : q, scale);
    }
    let num = this.units * 10n ** BigInt(o.scale + scale);
    let den = o.units * 10n ** BigInt(this.scale);
    if (den < 0n) { num = -num; den = -den; }
    const q = num / den;
    const r = num % den;
    const twice = (r < 0n ? -r : r) * 2n;
    return new Decimal(twice >= den ? q + (num < 0n ? -1n : 1n) : q, scale);
  }

  /** Multiplies by 10^k exactly (k may be negative: divides, keeping every digit). */
  shift(k: number): Decimal {
    // the same count at another scale: no bigint for a safe count
    const units = this.num === this.num ? this.num : this.units;
    if (k >= 0) {
      if (k <= this.scale) return new Decimal(units, this.scale - k);
      const w = this.num * (POW10[k - this.scale] ?? NaN);
      return new Decimal(Number.isSafeInteger(w) ? w : this.units * 10n ** BigInt(k - this.scale), 0);
    }
    return new Decimal(units, this.scale - k);
  }

  cmp(o: Decimal): number {
    const s = Math.max(this.scale, o.scale);
    const x = this.numAt(s);
    const y = o.numAt(s);
    if (Number.isSafeInteger(x) && Number.isSafeInteger(y)) return x < y ? -1 : x > y ? 1 : 0;
    const a = this.rescale(s).units;
    const b = o.rescale(s).units;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  eq(o: Decimal): boolean {
    return this.cmp(o) === 0;
  }

  isZero(): boolean {
    return this.num === this.num ? this.num === 0 : this.units === 0n;
  }

  sign(): number {
    if (this.num === this.num) return this.num < 0 ? -1 : this.num > 0 ? 1 : 0;
    return this.units < 0n ? -1 : this.units > 0n ? 1 : 0;
  }

  /**
   * Half of one unit in the last written place, as a Decimal: 335.56 → 0.005, 12 → 0.5.
   * A stated amount v with d decimals stands for [v − ½·10^−d, v + ½·10^−d].
   */
  halfUlp(): Decimal {
    return (HALF_ULP[this.scale] ??= new Decimal(5, this.scale + 1));
  }

  /** Writes the value with exactly `scale` decimals (default: as written). */
  toString(scale: number = this.scale): string {
    const d = this.rescale(scale);
    // a safe count prints exactly as a JS number (no bigint made for it)
    const safe = d.num === d.num;
    const neg = safe ? d.num < 0 : d.units < 0n;
    let digits = safe ? String(neg ? -d.num : d.num) : (neg ? -d.units : d.units).toString();
    if (d.scale > 0) {
      digits = digits.padStart(d.scale + 1, '0');
      digits = digits.slice(0, digits.length - d.scale) + '.' + digits.slice(digits.length - d.scale);
    }
    return (neg ? '-' : '') + digits;
  }

  /** For display only (charts, sorting); never for comparisons of money. */
  toNumber(): number {
    return Number(this.toString());
  }
}

/** 10^0 … 10^15, exact as JS numbers. */
export const POW10: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);
/** 2^52: counts up to it divide exactly as floats (Decimal.div). */
export const TWO52 = 2 ** 52;
/** halfUlp by scale (a Decimal is immutable: one for each scale). */
const HALF_ULP: Decimal[] = [];

/** "1687.40" → "1,687.40": groups the integer digits of a written decimal by three. */
export function groupThousands(s: string): string {
  const neg = s.startsWith('-');
  const [i, f] = (neg ? s.slice(1) : s).split('.');
  return (neg ? '-' : '') + i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? '.' + f : '');
}

/** Sums exactly; the result has the largest scale of the parts. */
export function sum(values: Decimal[]): Decimal {
  let acc = Decimal.ZERO;
  for (const v of values) acc = acc.add(v);
  return acc;
}

const FULLWIDTH_DIGITS = /[０-９]/g;

/** Result of reading a numeral as written by a person: "1,687.40", "３３５．５６", "-4.79", "12.5%". */
export type NumeralResult =
  | { ok: true; value: Decimal; percent: boolean }
  | { ok: false; message: string };

/**
 * Reads a numeral as finance staff write it: thousands separators (1,687.40), full-width digits
 * and point (３３５．５６), a leading minus (ASCII or full-width), an optional trailing % (marks a
 * percentage). Anything else is an error with a Chinese message that says what is wrong.
 */

/** Zeros written with 0–6 decimals, shared (Decimals are immutable; a report has tens of thousands of 0.00). */
const ZERO_DECIMALS = Array.from({ length: 7 }, (_, scale) => Decimal.ofUnits(0, scale));
const ZEROS: NumeralResult[] = ZERO_DECIMALS.map((value) => ({ ok: true, value, percent: false }));

/**
 * An ASCII amount as most cells are written (-?digits, a point and decimals), read without
 * regexes or bigints; undefined for anything else (readNumeral reads that).
 */
export function plainAmount(raw: string, from = 0, to = raw.length): Decimal | undefined {
  const scale = plainScale(raw, from, to);
  if (scale < 0) return undefined;
  return plainRead.units === 0 ? ZERO_DECIMALS[scale] : Decimal.ofUnits(plainRead.units, scale);
}

/**
 * Whether s[from, to) is how an amount of `units` units and `scale` decimals prints (Decimal.toString):
 * an optional minus (not for 0), digits without a leading 0 before others, exactly `scale` decimals,
 * and these digits; read without making the printed string. False when `units` is not a number.
 */
export function printsAs(s: string, from: number, to: number, units: number, scale: number): boolean {
  if (Number.isNaN(units)) return false;
  const digit = (i: number) => i < to && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57;
  let i = from;
  if (i < to && s.charCodeAt(i) === 45 /* - */) {
    if (units >= 0) return false;
    i++;
  } else if (units < 0) return false;
  const intStart = i;
  while (digit(i)) i++;
  if (i === intStart || (s.charCodeAt(intStart) === 48 && i - intStart > 1)) return false;
  let decimals = 0;
  if (i < to && s.charCodeAt(i) === 46 /* . */) {
    i++;
    while (digit(i)) {
      i++;
      decimals++;
    }
    if (decimals === 0) return false;
  }
  if (i !== to || decimals !== scale) return false;
  // the digits are those of the units (checked, not assumed)
  let n = 0;
  for (let k = intStart; k < to; k++) if (s.charCodeAt(k) !== 46) n = n * 10 + (s.charCodeAt(k) - 48);
  return Number.isSafeInteger(n) && n === Math.abs(units);
}

/** The count of units plainScale read last (a safe integer, never −0). */
export const plainRead = { units: 0 };

/**
 * plainAmount without making the Decimal: the number of decimals of the plain amount written at
 * raw[from, to), its count of units in plainRead.units; −1 when it is not one.
 */
export function plainScale(raw: string, from = 0, to = raw.length): number {
  // raw[from, to): -?digits (1–15), a point and decimals (1–6), read digit by digit (a count too large for a
  // safe integer is refused below); no slice of a longer text is made for it
  const len = to;
  let i = raw.charCodeAt(from) === 45 /* - */ ? from + 1 : from;
  const neg = i > from;
  let n = 0;
  let int = 0;
  for (; i < len; i++) {
    const c = raw.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) break;
    n = n * 10 + c;
    int++;
  }
  if (int < 1 || int > 15) return -1;
  let scale = 0;
  if (i < len) {
    if (raw.charCodeAt(i) !== 46 /* . */) return -1;
    for (i++; i < len; i++) {
      const c = raw.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return -1;
      n = n * 10 + c;
      scale++;
    }
    if (scale < 1 || scale > 6) return -1;
  }
  if (!Number.isSafeInteger(n)) return -1;
  plainRead.units = n === 0 ? 0 : neg ? -n : n;
  return scale;
}

const ZERO_TEXTS = ['0', '0.0', '0.00', '0.000', '0.0000'];

/** The same string, shared when it is a plain zero ("0.00"): the cells of a large report hold tens of thousands. */
export function shareZero(raw: string): string {
  if (raw.charCodeAt(0) !== 48 || raw.length > 6) return raw;
  for (const z of ZERO_TEXTS) if (z === raw) return z;
  return raw;
}

/** s[a, b) as shareZero gives it, without cutting the piece out first when it is a plain zero. */
export function sliceSharingZero(s: string, a: number, b: number): string {
  const n = b - a;
  if (n >= 1 && n <= 6 && s.charCodeAt(a) === 48) {
    if (n === 1) return ZERO_TEXTS[0];
    if (n >= 3 && s.charCodeAt(a + 1) === 46) {
      let i = a + 2;
      while (i < b && s.charCodeAt(i) === 48) i++;
      if (i === b && n - 2 <= 4) return ZERO_TEXTS[n - 2];
    }
  }
  return s.slice(a, b);
}

export function readNumeral(raw: string): NumeralResult {
  const plain = plainAmount(raw);
  if (plain) return plain.num === 0 ? ZEROS[plain.scale] : { ok: true, value: plain, percent: false };
  let s = raw.trim();
  s = s.replace(FULLWIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
  s = s.replace(/．/g, '.').replace(/，/g, ',').replace(/^[－−]/, '-').replace(/％$/, '%');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (s === '' || s === '-') return { ok: false, message: l10n.t('“{0}”不是数字', raw) };
  const bad = /[^0-9.,+-]/.exec(s);
  if (bad) return { ok: false, message: l10n.t('金额“{0}”含有非数字字符“{1}”', raw, bad[0]) };
  if ((s.match(/\./g) ?? []).length > 1) return { ok: false, message: l10n.t('金额“{0}”有多个小数点', raw) };
  if (/[+-]/.test(s.slice(1))) return { ok: false, message: l10n.t('金额“{0}”中正负号位置不对', raw) };
  if (s.includes(',')) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
      return { ok: false, message: l10n.t('金额“{0}”的千位分隔符位置不对（应每三位一个，如 1,687.40）', raw) };
    }
    s = s.replace(/,/g, '');
  }
  if (s.endsWith('.') || s.startsWith('.') || /^[+-]\./.test(s)) {
    return { ok: false, message: l10n.t('金额“{0}”的小数点前后应有数字', raw) };
  }
  const value = Decimal.parse(s);
  if (!value) return { ok: false, message: l10n.t('“{0}”不是有效的数字', raw) };
  return { ok: true, value, percent };
}

/** Money units and their power of ten in 万元 (1 元 = 10⁻⁴ 万元, 1 亿元 = 10⁴ 万元). */
const WAN_EXPONENT = { 元: -4, 万元: 0, 亿元: 4 } as const;
export type MoneyUnit = keyof typeof WAN_EXPONENT;

/** An amount in `from` written in `to`, exactly (元 → 万元 moves the decimal point four places). */
export function inUnit(v: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  const k = WAN_EXPONENT[from] - WAN_EXPONENT[to];
  return k === 0 ? v : v.shift(k);
}

/** A decimal written with `scale` decimals, or more when it needs them ("425.000000" → "425.00", "0.5712" → "0.5712"). */
export function trimTo(v: Decimal, scale: number): string {
  let d = v;
  if (d.num === d.num) {
    // a safe count: its trailing zeros dropped as a number (exact: each quotient is an integer)
    let n = d.num;
    let s = d.scale;
    while (s > scale && n % 10 === 0) {
      n /= 10;
      s--;
    }
    d = s === d.scale ? d : new Decimal(n, s);
  } else while (d.scale > scale && d.units % 10n === 0n) d = new Decimal(d.units / 10n, d.scale - 1);
  return d.rescale(Math.max(d.scale, scale)).toString();
}
