/**
 * Lists of parts and the totals they make up:
 *  - in one sentence: “公用经费 25.59万元。主要包括：办公费0.32万元、水费0.06万元 …” — the parts may be
 *    fewer than the whole, never more;
 *  - over numbered paragraphs after a list word that ends its line (“…867.50万元。其中：\n（一）因公出国
 *    （境）费839万元 …\n（二）…”): each item's first amount is a part;
 *  - a column of item figures: “年初预算为7208.47万元，支出决算为7141.30万元 … 其中：\n1、… 年初预算为
 *    1905.30万元，支出决算为1862.45万元 …” — the 年初预算 (全年预算, 决算, 执行数) of the items add up
 *    exactly to the one stated before (by the interval rule), in numbered paragraphs or in clauses
 *    separated by ；.
 */
import { Figure, sameColumn } from './figures';
import { wordBefore } from './changes';
import { FIGURE_KINDS, FIGURE_WORDS, FigureKind, RE, WORDS, alt } from './phrases';
import { Item, listItems, Numbered } from './items';
import { paragraphAt, sentenceEnd } from './sentences';
import { Tok } from './tokens';
import { firstFrom, within } from './search';

export interface ListSum {
  /** The list word as written (其中, 主要包括 …) and where. */
  kw: string;
  kwStart: number;
  total: Tok;
  parts: Tok[];
  /** A column of figures: the parts must add up to the total (else fewer parts are allowed). */
  exact: boolean;
  /** The figure label of the column (年初预算, 决算 …). */
  label?: string;
}

const NESTED = new RegExp(`(?:${alt(WORDS.listIntro.filter((w) => w !== '安排为'))})[：:]`);
const NOT_PARTS = new RegExp(alt([
  ...WORDS.notParts, ...WORDS.up, ...WORDS.down, ...FIGURE_KINDS.filter((k) => k !== 'planned').flatMap((k) => FIGURE_WORDS[k]),
  ...[...WORDS.completionAny, ...WORDS.completionInitial].map((w) => w.replace(/的$/, '')),
]));

/** An amount restated as the total at the end of a list (…，合计1170.00万). */
const restates = (v: string, t: Tok) => RE.totalBefore.test(v.slice(Math.max(0, t.start - 6), t.start));

/** The total of a one-sentence list: the nearest amount before the list word in its paragraph (changes skipped). */
function inlineTotal(v: string, toks: Tok[], at: number, kw: string): Tok | undefined {
  const paraStart = v.lastIndexOf('\n', at - 1) + 1;
  for (let j = firstFrom(toks, at) - 1; j >= 0; j--) {
    const c = toks[j];
    if (c.end > at) continue;
    if (c.start < paraStart || c.kind !== 'amount') return undefined;
    if (wordBefore(v, c)) continue;
    if (/[。；;]/.test(v.slice(c.end, at)) && kw === '其中') return undefined;
    return c;
  }
  return undefined;
}

/** The parts of a one-sentence list, unless its words say they are not parts of the total. */
function inlineParts(v: string, toks: Tok[], from: number, end: number): Tok[] | undefined {
  const span = v.slice(from, end);
  if (NESTED.test(span) || NOT_PARTS.test(span)) return undefined;
  const parts = within(toks, from, end).filter((x) => x.kind === 'amount' && !restates(v, x));
  return parts.length ? parts : undefined;
}

/** What introduces a list word: its paragraph up to it, or the paragraph before when the word opens its own. */
function introOf(v: string, at: number): { start: number; end: number } {
  const para = paragraphAt(v, at);
  return v.slice(para.start, at).trim() === '' && para.start > 0 ? { start: paragraphAt(v, para.start - 1).start, end: at } : { start: para.start, end: at };
}

/** The total of a list over paragraphs: the last amount before the list word that is not a change or its rate. */
function itemsTotal(v: string, toks: Tok[], at: number): Tok | undefined {
  const para = introOf(v, at);
  for (let j = firstFrom(toks, at) - 1; j >= 0; j--) {
    const c = toks[j];
    if (c.end > at) continue;
    if (c.start < para.start) return undefined;
    if (wordBefore(v, c)) continue;
    return c.kind === 'amount' ? c : undefined;
  }
  return undefined;
}

/** An item's first amount, in its first sentence, when it is neither a change nor a labelled figure. */
function headline(v: string, toks: Tok[], figs: Figure[], it: Item): Tok | undefined {
  const end = sentenceEnd(v, it.numbered.headStart);
  const t = toks.find((x) => x.start >= it.numbered.headStart && x.end <= end);
  if (!t || t.kind !== 'amount' || wordBefore(v, t) || figs.some((f) => f.tok === t)) return undefined;
  return t;
}

/** The columns of figures: for each kind stated once in the introduction, one figure of it in every part. */
function columns(intro: Figure[], groups: Figure[][]): Array<{ total: Figure; parts: Figure[] }> {
  const out: Array<{ total: Figure; parts: Figure[] }> = [];
  const kinds = [...new Set(intro.map((f) => f.kind))].filter((k) => k !== 'base' && k !== 'planned');
  for (const k of kinds) {
    const totals = intro.filter((f) => f.kind === k);
    if (totals.length !== 1) continue;
    const parts = groups.map((g) => g.filter((f) => sameColumn(f.kind, k as FigureKind)));
    if (groups.length >= 2 && parts.every((p) => p.length === 1)) out.push({ total: totals[0], parts: parts.map((p) => p[0]) });
  }
  return out;
}

function columnSums(kw: string, kwStart: number, intro: Figure[], groups: Figure[][]): ListSum[] {
  return columns(intro, groups).map((c) => ({ kw, kwStart, total: c.total.tok, parts: c.parts.map((p) => p.tok), exact: true, label: c.total.label }));
}

/** A list over the numbered paragraphs after a list word that ends its line. */
function itemsList(v: string, toks: Tok[], figs: Figure[], items: Item[], kw: string, at: number, intro: Figure[]): ListSum[] {
  const out: ListSum[] = [];
  const total = itemsTotal(v, toks, at);
  const heads = items.map((it) => headline(v, toks, figs, it));
  if (total && heads.every((h): h is Tok => !!h)) out.push({ kw, kwStart: at, total, parts: heads, exact: false });
  out.push(...columnSums(kw, at, intro, items.map((it) => within(figs, it.start, it.end))));
  return out;
}

/** A list in one sentence (up to its 。): its amounts, and its columns of figures in clauses separated by ；. */
function inlineList(v: string, toks: Tok[], figs: Figure[], kw: string, at: number, from: number, intro: Figure[]): ListSum[] {
  const out: ListSum[] = [];
  const end = v.indexOf('。', at) < 0 ? v.length : v.indexOf('。', at);
  const total = inlineTotal(v, toks, at, kw);
  const parts = total ? inlineParts(v, toks, from, end) : undefined;
  if (total && parts) out.push({ kw, kwStart: at, total, parts, exact: false });
  // the columns of figures need a figure before the list word; the clauses are cut at ；and ; (no pieces of the text made)
  if (intro.length === 0) return out;
  const groups: Figure[][] = [];
  let off = from;
  for (let i = from; i <= end; i++) {
    if (i < end && v.charCodeAt(i) !== 0xff1b /* ； */ && v.charCodeAt(i) !== 0x3b /* ; */) continue;
    groups.push(within(figs, off, i));
    off = i + 1;
  }
  out.push(...columnSums(kw, at, intro, groups));
  return out;
}

export function listSums(v: string, toks: Tok[], figs: Figure[], numbered: Numbered[]): ListSum[] {
  const out: ListSum[] = [];
  for (const m of v.matchAll(new RegExp(RE.listIntro.source, 'g'))) {
    const at = m.index!;
    const from = at + m[0].length;
    const para = paragraphAt(v, at);
    const range = introOf(v, at);
    const intro = within(figs, range.start, at);
    // a list word that ends its line opens a list of the numbered paragraphs after it, if there are such
    const items = v.slice(from, para.end).trim() === '' ? listItems(v, numbered, para.end + 1) : [];
    out.push(...(items.length >= 2 ? itemsList(v, toks, figs, items, m[1], at, intro) : inlineList(v, toks, figs, m[1], at, from, intro)));
  }
  return out;
}
