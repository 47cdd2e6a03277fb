/**
 * text.table: an amount of the 情况说明 against the table cell it names —
 *  - after a term of data/narrative-links.json (基本支出224.55万元, 本年支出合计 …): the clause before the
 *    amount must be exactly the term once the unit name, the year, numbering, 其中 and a trailing 为/是
 *    are removed, and the report must have exactly one table of that kind;
 *  - of a 科目 path (201（…）13（…）08（…）：支出决算为…; 公共安全支出（204类）司法（06款）行政运行（01项）
 *    1672.67万元 … 2026年预算安排1672.67万元; “…-…-行政运行”科目1,202.95万元): the amount right after the
 *    path and the year's figure of its paragraph (预算安排, 支出决算), against that 项's total in the
 *    function tables, found by its code or by its names (kemu-rows.ts).
 * Tables in 元 and text in 万元 (or the reverse) compare exactly: a cell in 元 is equal to the amount in 万元
 * it rounds to. Within rounding, a 尾数误差 note.
 */
import { Cell, Table, Text } from '../../model';
import { normName } from '../../names';
import { columnIndex, partOf } from '../../layouts';
import links from '../../data/narrative-links.json';
import { sameAmount } from '../../narrative/ratio';
import { clauseStart, paragraphAt } from '../../narrative/sentences';
import { Tok } from '../../narrative/tokens';
import { Reading } from '../../narrative/reader';
import { isWhite } from '../../narrative/phrases';
import { Rule, RuleContext } from '../types';
import { perCheck } from '../context';
import { tablesOfKind } from '../tables/spec';
import { read, rr, texts, version } from './common';
import { functionRows, resolvePath, totalCell } from './kemu-rows';
import * as l10n from '../../l10n';

interface LinkSpec { terms: string[]; table: string; part?: string; row: string; column: string }
export const LINK_BY_TERM = new Map<string, LinkSpec>();
for (const l of links.links as LinkSpec[]) for (const term of l.terms) LINK_BY_TERM.set(term, l);
/** The terms by their last character: a term before an amount ends with one of them. */
const TERMS_BY_END = new Map<number, string[]>();
for (const k of LINK_BY_TERM.keys()) {
  const c = k.charCodeAt(k.length - 1);
  TERMS_BY_END.set(c, [...(TERMS_BY_END.get(c) ?? []), k]);
}

/**
 * Whether the clause before an amount can end with a term (a quick test before termBefore): what
 * termBefore would keep — past white space and one trailing 为/是 — ends with some term. When the
 * unit's name stands near (termBefore takes it out, wherever it is), it cannot tell: true.
 */
export function mayEndWithTerm(v: string, tok: Tok, unitName: string): boolean {
  // the clause is at most 80 characters (clauseStart): the name within them (looked for there only, not
  // back to the text's start: a text of a consolidated report has thousands of amounts)
  if (unitName) {
    const first = unitName.charCodeAt(0);
    for (let at = tok.start - unitName.length; at >= 0 && at >= tok.start - 80; at--) if (v.charCodeAt(at) === first && v.startsWith(unitName, at)) return true;
  }
  let e = tok.start;
  while (e > 0 && isWhite(v.charCodeAt(e - 1))) e--;
  const c = e > 0 ? v.charCodeAt(e - 1) : 0;
  if (c === 0x4e3a /* 为 */ || c === 0x662f /* 是 */) {
    e--;
    while (e > 0 && isWhite(v.charCodeAt(e - 1))) e--;
  }
  const terms = e > 0 ? TERMS_BY_END.get(v.charCodeAt(e - 1)) : undefined;
  return !!terms && terms.some((k) => v.startsWith(k, e - k.length));
}

/** A number of the text and the cell it names. */
interface Target { tok: Tok; prefix: string; table: Table; cell: Cell; where: string }

/** The term before an amount, as compared: without unit name, numbering, year, 其中 and a trailing 为/是. */
export function termBefore(v: string, tok: Tok, unitName: string): string {
  let prefix = v.slice(clauseStart(v, tok.start), tok.start).trim();
  if (prefix.length > 60) return '';
  const cut = unitName || '\u0000';
  if (prefix.includes(cut)) prefix = prefix.split(cut).join('');
  prefix = prefix.replace(/^[ \t\u3000]*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[一二三四五六七八九十]+、)?/, '');
  return prefix.replace(/^\d{4}年度?[，,]?/, '').replace(/^其中[：:]?/, '').replace(/(为|是)$/, '').trim();
}


/** The cell a link names in this report (the same for every amount after its terms), or null. */
function linkedCell(ctx: RuleContext, link: LinkSpec): Omit<Target, 'tok' | 'prefix'> | null {
  const kind = link.table.split('|').find((k) => tablesOfKind(ctx, k).length > 0);
  const ofKind = kind ? tablesOfKind(ctx, kind) : [];
  if (ofKind.length !== 1) return null; // none, or several (部门 and 单位 tables): which one is meant is not certain
  const table = ofKind[0];
  const part = link.part ? partOf(table, link.part) : table.parts[0];
  if (!part) return null;
  const want = normName(link.row);
  const row = link.row === '*' ? (part.rows.length === 1 ? part.rows[0] : undefined) : part.rows.find((r) => normName(r.name) === want);
  const ci = link.column.split('|').map((c) => part.columns.findIndex((x) => x.name === c || x.path[x.path.length - 1] === c)).find((i) => i >= 0) ?? columnIndex(part, link.column);
  const cell = row && ci >= 0 ? row.cells[ci] : undefined;
  if (!row || !cell || cell.kind !== 'amount' || !cell.value) return null;
  return { table, cell, where: l10n.t('{0} {1}（{2}）', table.number?.value ?? table.title, row.name, part.columns[ci].name) };
}


/** The amounts of a text that follow a linkable term (text only: kept with the text). */
function termCandidates(ctx: RuleContext, t: Text, r: Reading): Array<{ tok: Tok; prefix: string; link: LinkSpec }> {
  const unitName = ctx.model.meta?.unitName?.value ?? '';
  // the candidates hold tokens of one reading: kept with it
  return ctx.memo(t, `narrative:terms:${version(ctx)}`, () => {
    const out: Array<{ tok: Tok; prefix: string; link: LinkSpec }> = [];
    for (const tok of r.toks) {
      const prefix = tok.kind === 'amount' && mayEndWithTerm(t.value, tok, unitName) ? termBefore(t.value, tok, unitName) : '';
      const link = prefix ? LINK_BY_TERM.get(prefix) : undefined;
      if (link) out.push({ tok, prefix, link });
    }
    return out;
  });
}

/** The cell each link names in this report, once per check (a report's text names the same few totals many times). */
function linkedCells(ctx: RuleContext): { cells: Map<LinkSpec, Omit<Target, 'tok' | 'prefix'> | null>; any: boolean } {
  return perCheck(ctx, 'narrative:linkedCells', () => {
    // a link can name a cell only when the report has exactly one table of its kind (linkedCell); the
    // cells themselves are found when a term of the text asks for them
    const one = (l: LinkSpec) => {
      const kind = l.table.split('|').find((k) => tablesOfKind(ctx, k).length > 0);
      return kind !== undefined && tablesOfKind(ctx, kind).length === 1;
    };
    return { cells: new Map<LinkSpec, Omit<Target, 'tok' | 'prefix'> | null>(), any: (links.links as LinkSpec[]).some(one) };
  });
}

function termTargets(ctx: RuleContext, t: Text, r: Reading): Target[] {
  const { cells, any } = linkedCells(ctx);
  // no term names a cell of this report (none of its tables, or several of one kind): the terms need not be read
  if (!any) return [];
  const out: Target[] = [];
  for (const { tok, prefix, link } of termCandidates(ctx, t, r)) {
    let c = cells.get(link);
    if (c === undefined) cells.set(link, (c = linkedCell(ctx, link)));
    if (c) out.push({ tok, prefix, ...c });
  }
  return out;
}

/** Between a path and its amount: a closing quote, 科目, a colon, 支出决算/决算数, 为 (nothing else). */
const AFTER_PATH = /^[”"\s\u3000]*(?:科目)?[\s\u3000]*[:：]?[\s\u3000]*(?:支出决算|决算数|支出)?(?:为|是)?[\s\u3000]*$/;

function pathTargets(ctx: RuleContext, t: Text, r: Reading): Target[] {
  const rows = functionRows(ctx);
  if (rows.byCode.size === 0) return [];
  const budget = ctx.model.meta?.type?.value.endsWith('预算') ?? false;
  const out: Target[] = [];
  for (const p of r.paths) {
    const res = resolvePath(rows, p);
    const kr = res ? totalCell(rows, res.code) : undefined;
    if (!res || !kr) continue;
    const para = paragraphAt(t.value, p.end);
    const next = r.toks.find((x) => x.start >= p.end);
    const toks = new Set<Tok>();
    if (next && next.kind === 'amount' && AFTER_PATH.test(t.value.slice(p.end, next.start))) toks.add(next);
    const year = r.figures.filter((f) => f.tok.start >= p.end && f.tok.end <= para.end && f.kind === (budget ? 'planned' : 'actual'));
    if (year.length === 1) toks.add(year[0].tok);
    const prefix = p.form === 'codes' ? res.code : p.segments[p.segments.length - 1].name;
    const where = l10n.t('{0} {1}（{2}）', kr.table.number?.value ?? kr.table.title, kr.row.name, kr.part.columns[kr.column].name);
    for (const tok of toks) out.push({ tok, prefix, table: kr.table, cell: kr.cell, where });
  }
  return out;
}

function compare(ctx: RuleContext, t: Text, x: Target): void {
  const { tok, table, cell } = x;
  const inYuan = table.unit === '元';
  const cellWan = inYuan ? cell.value!.shift(-4) : cell.value!;
  const verdict = sameAmount(tok, { wan: cellWan, half: inYuan ? cell.value!.halfUlp().shift(-4) : cell.value!.halfUlp() });
  const range = rr(t, tok.start, tok.end);
  ctx.link({ range, text: tok.raw, cell, where: x.where, verdict, unit: inYuan ? '元' : undefined });
  const written = cell.raw + (inYuan ? '元' : '万元');
  if (verdict === 'error') {
    const fixed = `${cellWan.rescale(Math.max(tok.value.scale, inYuan ? 2 : cellWan.scale)).toString()}万元`;
    ctx.report({
      range, related: [{ range: cell.range, message: `${x.where}：${cell.raw}` }],
      message: l10n.t('“{0}”文中写 {1}，而{2}为 {3}', x.prefix, tok.raw, x.where, written),
      fixes: tok.unit === '万元' ? [{ title: l10n.t('改为表中的 {0}', fixed), edits: [{ range, newText: fixed }] }] : undefined,
    });
  } else if (verdict === 'rounding') {
    ctx.rounding({ range, related: [{ range: cell.range, message: l10n.t('{0}：{1}', x.where, cell.raw) }], message: l10n.t('“{0}”文中写 {1}，{2}为 {3}（在舍入误差以内）', x.prefix, tok.raw, x.where, cell.raw) });
  }
}

export const rule: Rule = {
  meta: {
    id: 'text.table', group: 'narrative', severity: 'error', fixable: 'number',
    description: '情况说明中的金额与表中对应的数不符（名词后的金额、科目各项的金额；元与万元精确换算）',
    descriptionEn: 'An amount in the narrative differs from the table cell it names',
    example: '“本年支出合计”文中写 702.98万元，而公开01表 本年支出合计（金额）为 703.98万元',
    messages: {
      '{0} {1}（{2}）': '{0} {1} ({2})',
      '“{0}”文中写 {1}，而{2}为 {3}': '"{0}": the text says {1}, but {2} is {3}',
      '改为表中的 {0}': 'Change to the table\'s {0}',
      '{0}：{1}': '{0}: {1}',
      '“{0}”文中写 {1}，{2}为 {3}（在舍入误差以内）': '"{0}" is {1} in the text; {2} is {3} (within rounding)',
    },
  },
  run(ctx) {
    if (ctx.model.tables.length === 0) return;
    for (const { text } of texts(ctx)) {
      const r = read(ctx, text);
      const seen = new Set<Tok>();
      for (const x of [...termTargets(ctx, text, r), ...pathTargets(ctx, text, r)]) {
        if (seen.has(x.tok)) continue;
        ctx.examined();
        seen.add(x.tok);
        compare(ctx, text, x);
      }
    }
  },
};
