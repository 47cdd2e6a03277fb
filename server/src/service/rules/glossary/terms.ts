/**
 * The standard glossary (data/glossary.json) and how 名词解释 entries are numbered and named: shared
 * by the glossary rules, hover and completion.
 */
import { normName } from '../../names';
import glossaryData from '../../data/glossary.json';

export interface StandardTerm {
  term: string;
  definition: string;
  source: string;
  core?: boolean;
  aliases?: string[];
}

export const STANDARD_TERMS: StandardTerm[] = glossaryData.terms as StandardTerm[];

const CN: Record<string, number> = { 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "12." → 12, "十二、" → 12, "二十一、" → 21, "（3）" → 3. */
export function numberOf(numbering: string | undefined): number | undefined {
  if (!numbering) return undefined;
  const d = /\d+/.exec(numbering);
  if (d) return Number(d[0]);
  const s = numbering.replace(/[^零一二三四五六七八九十百]/g, '');
  if (!s) return undefined;
  let n = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch === '百') { n += (cur || 1) * 100; cur = 0; }
    else if (ch === '十') { n += (cur || 1) * 10; cur = 0; }
    else cur = CN[ch] ?? 0;
  }
  return n + cur;
}

/** The 科目 code a glossary entry explains: "一般公共服务（201）商贸事务（13）招商引资（08）" → 2011308. */
export function codeOfTerm(term: string): string | undefined {
  const parts = [...term.matchAll(/[（(]\s*(\d{2,3})\s*[）)]/g)].map((m) => m[1]);
  if (parts.length === 0 || parts[0].length !== 3) return undefined;
  const code = parts.join('');
  return /^(\d{3}|\d{5}|\d{7})$/.test(code) ? code : undefined;
}

export function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** The end of the line holding pos, including its line break. */
export function lineEndOf(text: string, pos: number): number {
  const i = text.indexOf('\n', Math.max(pos - 1, 0));
  return i < 0 ? text.length : i + 1;
}

export function standardTerm(term: string): StandardTerm | undefined {
  const n = normName(term);
  return STANDARD_TERMS.find((t) => normName(t.term) === n || (t.aliases ?? []).some((a) => normName(a) === n));
}

