/**
 * Numbered paragraphs of a text (1、 1. （一） （1） 一、) and the lists they make: a list opened at the end
 * of a line (…其中：, 具体情况如下：) runs over the numbered paragraphs that follow, one style, numbered
 * 1, 2, 3 …; unnumbered paragraphs and nested lists belong to the item above them.
 */
import { lines } from './sentences';

export type NumberStyle = 'cn' | 'pcn' | 'num' | 'pnum';

export interface Numbered { style: NumberStyle; n: number; start: number; headStart: number; lineEnd: number }

const CN = '一二三四五六七八九十';
function cnValue(s: string): number {
  if (s === '十') return 10;
  if (s.length === 1) return CN.indexOf(s) + 1;
  if (s.startsWith('十')) return 10 + CN.indexOf(s[1]) + 1;
  if (s.length === 2 && s[1] === '十') return (CN.indexOf(s[0]) + 1) * 10;
  return (CN.indexOf(s[0]) + 1) * 10 + CN.indexOf(s[2]) + 1;
}

/** The numbering a line opens with: 1、 1. 1． (not a decimal, except before a 科目 code 1.201（…）), （一）, （1）, 一、. */
const NUMBERING = /^[ \t\u3000]*(?:([一二三四五六七八九十]{1,3})[、.．]|[（(]([一二三四五六七八九十]{1,3})[)）]|[（(](\d{1,2})[)）]|(\d{1,2})(?:[、．]|\.(?!\d)|\.(?=\d{3}[（(]))|(\d{1,2})\.[ \t\u3000]+)[ \t\u3000]*/;

export function numbering(line: string): { style: NumberStyle; n: number; length: number } | undefined {
  const m = NUMBERING.exec(line);
  if (!m) return undefined;
  if (m[1]) return { style: 'cn', n: cnValue(m[1]), length: m[0].length };
  if (m[2]) return { style: 'pcn', n: cnValue(m[2]), length: m[0].length };
  if (m[3]) return { style: 'pnum', n: Number(m[3]), length: m[0].length };
  return { style: 'num', n: Number(m[4] ?? m[5]), length: m[0].length };
}

/** Every numbered line of a text. */
export function numberedLines(v: string): Numbered[] {
  const out: Numbered[] = [];
  for (const l of lines(v)) {
    const n = numbering(l.text);
    if (n) out.push({ style: n.style, n: n.n, start: l.start, headStart: l.start + n.length, lineEnd: l.end });
  }
  return out;
}

/** One item of a list: its numbered line and the lines that belong to it, [start, end). */
export interface Item { numbered: Numbered; start: number; end: number }

/**
 * The items of the list that begins with the first numbered line at or after `from` (only blank or
 * unnumbered lines may come between): same style, 1, 2, 3 …; a line of another style ends the list
 * unless the list's numbering goes on after it (then it is nested in the item above).
 */
export function listItems(v: string, all: Numbered[], from: number, maxGap = 0): Item[] {
  const firstIdx = all.findIndex((x) => x.start >= from);
  if (firstIdx < 0) return [];
  const first = all[firstIdx];
  if (first.n !== 1 || v.slice(from, first.start).split('\n').filter((l) => l.trim()).length > maxGap) return [];
  const heads: Numbered[] = [first];
  for (let i = firstIdx + 1; i < all.length; i++) {
    const x = all[i];
    const last = heads[heads.length - 1];
    if (x.style === first.style) {
      if (x.n !== last.n + 1) break;
      heads.push(x);
    } else if (!all.slice(i + 1).some((y) => y.style === first.style && y.n === last.n + 1)) break;
  }
  const lastHead = heads[heads.length - 1];
  const next = all.find((x) => x.start > lastHead.start && x.style !== first.style && !heads.includes(x) && !nestedIn(x, heads));
  const end = next ? next.start - 1 : v.length;
  return heads.map((h, k) => ({ numbered: h, start: h.start, end: k + 1 < heads.length ? heads[k + 1].start - 1 : end }));
}

/** Is x between two heads of the list (nested in the item above it)? */
function nestedIn(x: Numbered, heads: Numbered[]): boolean {
  return heads.some((h, k) => k + 1 < heads.length && x.start > h.start && x.start < heads[k + 1].start);
}
