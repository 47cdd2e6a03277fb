/**
 * 名词解释 lints, and the standard glossary that hover falls back on.
 *  - glossary.duplicate: the same term defined twice;
 *  - glossary.numbering: a number repeated, out of order, or skipped;
 *  - glossary.missing: a core term the report uses but does not define (fix: insert the standard definition);
 *  - table.emptyNote: an empty 政府性基金 / 国有资本经营 table with no note saying why (fix: insert the standard note).
 */
import { Finding, GlossaryEntry, Report, Table } from '../model';
import { allSections } from '../query';
import { normName } from './tables';
import glossaryData from '../data/glossary.json';
import * as l10n from '../l10n';

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

function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** The end of the line holding pos, including its line break. */
function lineEndOf(text: string, pos: number): number {
  const i = text.indexOf('\n', Math.max(pos - 1, 0));
  return i < 0 ? text.length : i + 1;
}

export function standardTerm(term: string): StandardTerm | undefined {
  const n = normName(term);
  return STANDARD_TERMS.find((t) => normName(t.term) === n || (t.aliases ?? []).some((a) => normName(a) === n));
}

/** The column and row names of a table as one string, by table (unchanged tables keep theirs). */
const NAMES = new WeakMap<Table, string>();
function namesOf(t: Table): string {
  let s = NAMES.get(t);
  if (s === undefined) {
    s = t.parts.flatMap((p) => [...p.columns.map((c) => c.name), ...p.rows.map((r) => r.name)]).join('\n');
    NAMES.set(t, s);
  }
  return s;
}

export function checkGlossary(report: Report, text: string): Finding[] {
  const dsl = report.syntax === 'dsl';
  const out: Finding[] = [];
  const g = report.glossary;
  // the same term twice
  const seen = new Map<string, GlossaryEntry>();
  for (const e of g) {
    const k = normName(e.term);
    const first = seen.get(k);
    if (first) {
      out.push({
        rule: 'glossary.duplicate', severity: 'warning', range: e.termRange,
        message: l10n.t('“{0}”在名词解释中定义了两次（前面第 {1} 条已有定义）', e.term, numberOf(first.number) ?? '?'),
        related: [{ range: first.termRange, message: l10n.t('第一次定义：{0}', (first.number ?? '') + first.term) }],
        fixes: [{ title: l10n.t('删除重复的“{0}”', e.term), edits: [{ range: { start: lineStartOf(text, e.range.start), end: lineEndOf(text, e.range.end) }, newText: '' }] }],
      });
    } else seen.set(k, e);
  }
  // numbering: repeated, out of order, skipped
  let max = 0;
  const used = new Map<number, GlossaryEntry>();
  const numbered = g.filter((e) => numberOf(e.number) !== undefined);
  for (const e of numbered) max = Math.max(max, numberOf(e.number)!);
  const lastNumber = max;
  max = 0;
  if (numbered.length >= 2) {
    for (const e of numbered) {
      const n = numberOf(e.number)!;
      const where = { start: e.range.start, end: e.termRange.start > e.range.start ? e.termRange.start : e.termRange.end };
      if (used.has(n)) {
        out.push({ rule: 'glossary.numbering', severity: 'warning', range: where, message: l10n.t('编号 {0} 重复（前面已有第 {0} 条“{1}”）', n, used.get(n)!.term), related: [{ range: used.get(n)!.termRange, message: l10n.t('第 {0} 条', n) }] });
      } else if (n < max) {
        out.push({ rule: 'glossary.numbering', severity: 'warning', range: where, message: l10n.t('编号顺序不对：上一条是第 {0} 条，这一条是第 {1} 条', max, n) });
      } else if (n > max + 1) {
        out.push({ rule: 'glossary.numbering', severity: 'warning', range: where, message: l10n.t('编号跳过了：上一条是第 {0} 条，这一条是第 {1} 条（缺第 {2} 条）', max, n, max + 1) });
      }
      if (!used.has(n)) used.set(n, e);
      if (n > max) max = n;
    }
  }
  // a core term that the report uses but does not define
  if (g.length > 0) {
    const defined = new Set(g.map((e) => normName(e.term)));
    const narrativeTexts = [...allSections(report.narrative)].map((s) => `${s.title.value}\n${s.body?.value ?? ''}`);
    const usedIn = (n: string) => narrativeTexts.some((x) => x.includes(n)) || report.tables.some((t) => namesOf(t).includes(n));
    const last = g[g.length - 1];
    const nextNumber = lastNumber + 1;
    const indent = /\n([ \t]*)-[ \t]*$/.exec(text.slice(0, last.range.start))?.[1] ?? '  ';
    for (const st of STANDARD_TERMS) {
      if (!st.core) continue;
      const names = [st.term, ...(st.aliases ?? [])];
      if (names.some((n) => defined.has(normName(n)))) continue;
      const usedName = names.find((n) => usedIn(n));
      if (!usedName) continue;
      const numbering = numberOf(last.number) !== undefined ? (/\d/.test(last.number!) ? `${nextNumber}.` : '') : '';
      const lineEnd = text.indexOf('\n', Math.max(last.definition.range.end, last.termRange.end));
      const at = lineEnd < 0 ? text.length : lineEnd;
      out.push({
        rule: 'glossary.missing', severity: 'information', range: { start: g[0].range.start, end: g[0].termRange.end },
        message: l10n.t('报告中用到“{0}”，名词解释中没有它的定义', usedName),
        fixes: [{ title: l10n.t('在名词解释末尾加入“{0}”的标准定义', st.term), edits: [{ range: { start: at, end: at }, newText: dsl ? `\n${numbering}${st.term}：${st.definition}` : `\n${indent}- ${numbering}${st.term}: ${st.definition}` }] }],
      });
    }
  }
  // an empty 政府性基金 / 国有资本经营 table with no note saying why
  for (const t of report.tables) {
    const note = (glossaryData.emptyTableNotes as Record<string, string>)[t.kind ?? ''];
    if (!note) continue;
    const cells = t.parts.flatMap((p) => p.rows.flatMap((r) => r.cells));
    const empty = cells.every((c) => c.kind === 'empty' || (c.value?.isZero() ?? false));
    if (!empty) continue;
    if (t.note && /没有|无|空表|无数据/.test(t.note.value)) continue;
    const fix = t.note
      ? { title: l10n.t('在注中加入说明'), edits: [{ range: { start: t.note.range.end, end: t.note.range.end }, newText: '' }] }
      : { title: l10n.t('加入标准的空表说明'), edits: [{ range: { start: t.keyRange.end + 1, end: t.keyRange.end + 1 }, newText: dsl ? `\n注：${note}` : `\n  注: ${note}` }] };
    out.push({
      rule: 'table.emptyNote', severity: 'warning', range: t.keyRange,
      message: l10n.t('“{0}”是空表，但没有注明原因（如“{1}”）', t.title, note),
      fixes: t.note ? undefined : [fix],
    });
  }
  return out;
}
