/** The amounts and percentages of a text, each with the interval it stands for (万元 for amounts). */
import { Decimal, plainAmount, readNumeral, inUnit } from '../decimal';
import { isSp } from './phrases';
import { isDigit } from '../chars';

/**
 * An amount or a percentage found in a text, and its value: a Decimal itself (`value` is the token), so
 * that a long 情况说明's thousands of tokens, kept with its reading while the text is unchanged, are one
 * object each. The written form is read from the text when asked for; `wan` is the token itself for
 * amounts in 万元 and for percentages.
 */
export class Tok extends Decimal {
  /** Amounts in 万元 (元 and 亿元 converted exactly); percentages as written. */
  readonly wan: Decimal;

  constructor(
    readonly kind: 'amount' | 'percent',
    value: Decimal,
    wan: Decimal,
    /** Half-width of the interval the written number stands for, in the same unit as `wan`. */
    readonly half: Decimal,
    readonly unit: string,
    readonly start: number,
    readonly end: number,
    /** The text the token was read from. */
    private readonly source: string,
  ) {
    super(value.num === value.num ? value.num : value.units, value.scale);
    this.wan = wan === value ? this : wan;
  }

  /** The number as written, exactly (the token itself). */
  get value(): Decimal {
    return this;
  }

  /** As written (“1,687.40万元”). */
  get raw(): string {
    return this.source.slice(this.start, this.end);
  }

  /** The same token read from a piece of `source` that starts at `offset`. */
  inText(source: string, offset: number): Tok {
    return new Tok(this.kind, this, this.wan, this.half, this.unit, this.start + offset, this.end + offset, source);
  }
}

/** What a token is, as a regular expression (the scanner below reads exactly what it matches, globally). */
export const TOKEN = /(-?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \t\u3000]*(万元|亿元|元|万(?=[，。；、,;）)\r\n]|$)|%|％)/g;

function toTok(value: string, start: number, end: number, numEnd: number, unitRaw: string): Tok | undefined {
  // most amounts are plain (digits and a point): read in place; the rest (1,687.40) by readNumeral
  let v = plainAmount(value, start, numEnd);
  if (!v) {
    const r = readNumeral(value.slice(start, numEnd));
    if (!r.ok) return undefined;
    v = r.value;
  }
  const unit = unitRaw === '％' ? '%' : unitRaw === '万' ? '万元' : unitRaw;
  const money = unit === '元' || unit === '亿元' ? unit : '万元';
  const wan = inUnit(v, money, '万元');
  const half = inUnit(v.halfUlp(), money, '万元');
  return new Tok(unit === '%' ? 'percent' : 'amount', v, wan, half, unit, start, end, value);
}

/** What may follow a bare 万 (TOKEN's lookahead), besides the end of the text. */
const AFTER_WAN = new Set([...'，。；、,;）)\r\n'].map((c) => c.charCodeAt(0)));

/** The unit TOKEN reads at u (after the spaces), or undefined. */
function unitAt(v: string, u: number): string | undefined {
  const c = v.charCodeAt(u);
  if (c === 0x4e07 /* 万 */) {
    if (v.charCodeAt(u + 1) === 0x5143 /* 元 */) return '万元';
    return u + 1 === v.length || AFTER_WAN.has(v.charCodeAt(u + 1)) ? '万' : undefined;
  }
  if (c === 0x4ebf /* 亿 */) return v.charCodeAt(u + 1) === 0x5143 ? '亿元' : undefined;
  if (c === 0x5143) return '元';
  if (c === 37) return '%';
  if (c === 0xff05) return '％';
  return undefined;
}

/** The end of a fraction (a point and digits) at e, or e. */
function fraction(v: string, e: number): number {
  if (v.charCodeAt(e) === 46 /* . */ && isDigit(v.charCodeAt(e + 1))) {
    e += 2;
    while (isDigit(v.charCodeAt(e))) e++;
  }
  return e;
}

/** TOKEN's match found by matchAt (one at a time: the scanner reads it before it looks for the next). */
const found = { numEnd: 0, unitStart: 0, unit: '' };

/** Whether the unit (after spaces) follows a number that ends at numEnd; if so, `found` says where. */
function withUnit(v: string, numEnd: number): boolean {
  let u = numEnd;
  while (isSp(v.charCodeAt(u))) u++;
  const unit = unitAt(v, u);
  if (!unit) return false;
  found.numEnd = numEnd;
  found.unitStart = u;
  found.unit = unit;
  return true;
}

/**
 * Whether TOKEN matches at p (then `found` says where its number and unit end). TOKEN never gains by
 * backtracking here (a shorter number, fewer groups or spaces leave a digit, a comma, a point or a
 * space where the unit must be), so its greedy reading is its only one: the comma form when the
 * digits before the first comma are at most three and a “,ddd” group follows, else the plain form.
 */
function matchAt(v: string, p: number): boolean {
  let q = p;
  if (v.charCodeAt(q) === 45 /* - */) q++;
  if (!isDigit(v.charCodeAt(q))) return false;
  let r = q;
  while (isDigit(v.charCodeAt(r))) r++;
  if (r - q <= 3) {
    let e = r;
    let groups = 0;
    while (v.charCodeAt(e) === 44 /* , */ && isDigit(v.charCodeAt(e + 1)) && isDigit(v.charCodeAt(e + 2)) && isDigit(v.charCodeAt(e + 3))) {
      e += 4;
      groups++;
    }
    if (groups > 0 && withUnit(v, fraction(v, e))) return true;
  }
  return withUnit(v, fraction(v, r));
}

export function tokens(value: string): Tok[] {
  const out: Tok[] = [];
  const n = value.length;
  for (let p = 0; p < n;) {
    const c = value.charCodeAt(p);
    if (!(c === 45 || isDigit(c)) || !matchAt(value, p)) {
      p++;
      continue;
    }
    const end = found.unitStart + found.unit.length;
    const before = p > 0 ? value.charCodeAt(p - 1) : -1;
    // part of a longer number, or 万5.00元 (garbled): skipped, and the scan goes on after it (as TOKEN's)
    if (!(isDigit(before) || before === 46 || before === 44 || before === 0x4e07)) {
      const t = toTok(value, p, end, found.numEnd, found.unit);
      if (t) out.push(t);
    }
    p = end;
  }
  return out;
}

/** The unit word of an amount as written (“万元” of “5.00万元”, “万” of “180.00万”). */
export const unitWord = (t: Tok): string => t.raw.replace(/^[-\d.,\s\u3000]+/, '');
