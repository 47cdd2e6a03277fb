/** The amounts and percentages of a text, each with the interval it stands for (万元 for amounts). */
import { Decimal, readNumeral, inUnit } from '../decimal';

/** An amount or a percentage found in a text. */
export interface Tok {
  kind: 'amount' | 'percent';
  value: Decimal;
  /** Amounts in 万元 (元 and 亿元 converted exactly); percentages as written. */
  wan: Decimal;
  /** Half-width of the interval the written number stands for, in the same unit as `wan`. */
  half: Decimal;
  unit: string;
  start: number;
  end: number;
  raw: string;
}

const TOKEN = /(-?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \t\u3000]*(万元|亿元|元|万(?=[，。；、,;）)\r\n]|$)|%|％)/g;

function toTok(m: RegExpExecArray): Tok | undefined {
  const r = readNumeral(m[1] + m[2]);
  if (!r.ok) return undefined;
  const unit = m[3] === '％' ? '%' : m[3] === '万' ? '万元' : m[3];
  const v = r.value;
  const money = unit === '元' || unit === '亿元' ? unit : '万元';
  const wan = inUnit(v, money, '万元');
  const half = inUnit(v.halfUlp(), money, '万元');
  return { kind: unit === '%' ? 'percent' : 'amount', value: v, wan, half, unit, start: m.index, end: m.index + m[0].length, raw: m[0] };
}

export function tokens(value: string): Tok[] {
  const out: Tok[] = [];
  const re = new RegExp(TOKEN.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(value))) {
    const before = value[m.index - 1];
    if (before && /[\d.,万]/.test(before)) continue; // part of a longer number, or 万5.00元 (garbled)
    const t = toTok(m);
    if (t) out.push(t);
  }
  return out;
}

/** The unit word of an amount as written (“万元” of “5.00万元”, “万” of “180.00万”). */
export const unitWord = (t: Tok): string => t.raw.replace(/^[-\d.,\s\u3000]+/, '');
