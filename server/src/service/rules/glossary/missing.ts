/**
 * glossary.missing: a core term (data/glossary.json) that the report uses, in its 情况说明 or its
 * tables, but does not define (fix: insert the standard definition; no number changes).
 */
import { Section, Table } from '../../model';
import { normName } from '../../names';
import { allSections } from '../../query';
import { Rule } from '../types';
import { hashString, HASH_START } from '../../chars';
import { addSeen } from '../context';
import { numberOf, STANDARD_TERMS } from './terms';
import * as l10n from '../../l10n';

/** Visits a table's column and row names in order while `f` says go on; whether it visited them all. */
function everyName(t: Table, f: (name: string, i: number) => boolean): boolean {
  let i = 0;
  for (const p of t.parts) {
    for (const c of p.columns) if (!f(c.name, i++)) return false;
    for (const r of p.rows) if (!f(r.name, i++)) return false;
  }
  return true;
}

/** The column and row names of a table, in order. */
function namesOf(t: Table): string[] {
  const names: string[] = [];
  everyName(t, (n) => names.push(n) > 0);
  return names;
}

/** The hash of a table's names (memoised per table: unchanged tables keep theirs; the names themselves are not kept). */
function namesHash(t: Table): number {
  let h = HASH_START;
  everyName(t, (n) => ((h = hashString(hashString(h, n), '\n')), true));
  return h >>> 0;
}

/** The core terms and their aliases (bit i of termsIn: CORE_NAMES[i]). */
const CORE_NAMES = STANDARD_TERMS.filter((st) => st.core).flatMap((st) => [st.term, ...(st.aliases ?? [])]);
const CORE_BIT = new Map(CORE_NAMES.map((n, i) => [n, 1 << i]));
const ALL_CORE = (1 << CORE_NAMES.length) - 1;

/** Which of CORE_NAMES a table's column and row names hold (a term has no line break: it is inside one name or none). */
function termsIn(t: Table): number {
  let m = 0;
  everyName(t, (n) => {
    for (let i = 0; i < CORE_NAMES.length; i++) if (!(m & (1 << i)) && n.includes(CORE_NAMES[i])) m |= 1 << i;
    return m !== ALL_CORE;
  });
  return m;
}

/** Whether a table's names are `names`, in order (read in place). */
function hasNames(t: Table, names: string[]): boolean {
  let count = 0;
  return everyName(t, (n, i) => ((count = i + 1), names[i] === n)) && count === names.length;
}

/**
 * A top section's titles and texts (its own and its subsections'), and whether a term is in them (each
 * term looked for once). The strings are the section's own: no copy of the narrative is made or kept.
 */
function sectionText(top: Section): { has(term: string): boolean } {
  const texts: string[] = [];
  for (const s of allSections([top])) {
    texts.push(s.title.value);
    if (s.body) texts.push(s.body.value);
  }
  const found = new Map<string, boolean>();
  return {
    has(term) {
      let f = found.get(term);
      if (f === undefined) found.set(term, (f = texts.some((x) => x.includes(term))));
      return f;
    },
  };
}

export const rule: Rule = {
  meta: {
    id: 'glossary.missing', group: 'glossary', severity: 'information', fixable: 'safe',
    description: '报告中用到的核心名词（基本支出、项目支出、“三公”经费、机关运行经费 …）在名词解释中没有定义',
    descriptionEn: 'A core term the report uses is not defined in its glossary',
    example: '报告中用到“机关运行经费”，名词解释中没有它的定义',
    messages: {
      '报告中用到“{0}”，名词解释中没有它的定义': 'The report uses "{0}", but its glossary does not define it',
      '在名词解释末尾加入“{0}”的标准定义': 'Add the standard definition of "{0}" at the end of the glossary',
    },
  },
  run(ctx) {
    const g = ctx.model.glossary;
    if (g.length === 0) return;
    const dsl = ctx.model.syntax === 'dsl';
    const text = ctx.text;
    const defined = new Set(g.map((e) => normName(e.term)));
    // a term has no line break: found in one title, text or table name, or in none. Each top section's
    // titles and texts are one string, kept with the section with what was looked for in it (a check
    // after an edit elsewhere searches no unchanged section again)
    const narrative = ctx.model.narrative.map((top) => ctx.memo(top, 'glossary.missing:text', sectionText));
    let tables: number | undefined;
    const termsInTables = () => {
      // what each table's names hold, kept with the table (a check after an edit reads the 230 tables of
      // a large report from their memos); a table with the names of one before it holds what that one
      // holds (the tables of a large report repeat the same columns and rows: each is read once, not 230 times)
      let all = 0;
      const seen = new Map<number, Table[]>();
      for (const t of ctx.model.tables) {
        const hash = ctx.memo(t, 'glossary.namesHash', namesHash);
        const twin = () => seen.get(hash)?.find((u) => hasNames(t, namesOf(u)));
        all |= ctx.memo(t, 'glossary.termsUsed', () => {
          const u = twin();
          return u ? ctx.memo(u, 'glossary.termsUsed', termsIn) : termsIn(t);
        });
        addSeen(seen, t, hash);
      }
      return all;
    };
    const usedIn = (n: string) => narrative.some((x) => x.has(n)) || ((tables ??= termsInTables()) & CORE_BIT.get(n)!) !== 0;
    const last = g[g.length - 1];
    let lastNumber = 0;
    for (const e of g) lastNumber = Math.max(lastNumber, numberOf(e.number) ?? 0);
    // the indentation of the last entry's “- ” (only its line is read: the expression scanned the whole report before it)
    const lineStart = text.lastIndexOf('\n', last.range.start - 1);
    const indent = lineStart < 0 ? '  ' : /^\n([ \t]*)-[ \t]*$/.exec(text.slice(lineStart, last.range.start))?.[1] ?? '  ';
    for (const st of STANDARD_TERMS) {
      if (!st.core) continue;
      ctx.examined();
      const names = [st.term, ...(st.aliases ?? [])];
      if (names.some((n) => defined.has(normName(n)))) continue;
      const usedName = names.find((n) => usedIn(n));
      if (!usedName) continue;
      const numbering = numberOf(last.number) !== undefined ? (/\d/.test(last.number!) ? `${lastNumber + 1}.` : '') : '';
      const lineEnd = text.indexOf('\n', Math.max(last.definition.range.end, last.termRange.end));
      const at = lineEnd < 0 ? text.length : lineEnd;
      ctx.report({
        range: { start: g[0].range.start, end: g[0].termRange.end },
        message: l10n.t('报告中用到“{0}”，名词解释中没有它的定义', usedName),
        fixes: [{ title: l10n.t('在名词解释末尾加入“{0}”的标准定义', st.term), edits: [{ range: { start: at, end: at }, newText: dsl ? `\n${numbering}${st.term}：${st.definition}` : `\n${indent}- ${numbering}${st.term}: ${st.definition}` }] }],
      });
    }
  },
};
