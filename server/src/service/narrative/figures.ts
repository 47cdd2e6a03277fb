/**
 * Labelled figures: an amount right after a label that says what it is (年初预算为 100.00万元, 支出决算
 * 96.00万元, 2025年当年预算执行数为 1690.69万元, 2026年预算安排 1672.67万元). The labels and their
 * kinds are phrases.json's; a label with an earlier year than the report's (or 上年) is last year's: a base.
 */
import { alt, FIGURE_KINDS, FIGURE_WORDS, figureKindOf, FigureKind, SP, spacesBefore, WORDS } from './phrases';
import { Tok } from './tokens';

export interface Figure {
  tok: Tok;
  /** The token's place (for searching figures by position). */
  start: number;
  end: number;
  kind: FigureKind;
  label: string;
  /** Where the label (with its year) begins. */
  labelStart: number;
}

/** What a text is read against: the report's year and whether it is a budget (预算) or an account (决算). */
export interface ReadingContext {
  year: number;
  budget: boolean;
  unitName: string;
}

export const LABEL = new RegExp(
  `(?:(\\d{4})年度?)?(当年|本年|上年)?(${alt(FIGURE_KINDS.flatMap((k) => FIGURE_WORDS[k]))})(?:${alt(WORDS.figureTails)})?${SP}[：:]?${SP}$`,
);

function kindOf(label: string, year: number | undefined, prefix: string | undefined, rc: ReadingContext): FigureKind | undefined {
  const k = figureKindOf(label);
  if (!k) return undefined;
  const earlier = prefix === '上年' || (year !== undefined && rc.year > 0 && year < rc.year);
  if (k === 'base') return earlier || rc.budget ? 'base' : 'actual';
  if (k === 'planned') return rc.budget ? (earlier ? 'base' : 'planned') : 'budget';
  if (earlier && (k === 'actual' || k === 'budget')) return 'base';
  return k;
}

/**
 * The characters a label can end with (the last of each figure word and tail): LABEL needs one of
 * them right before the amount, after spaces, at most one colon and spaces.
 */
const LABEL_ENDS = new Set([...FIGURE_KINDS.flatMap((k) => FIGURE_WORDS[k]), ...WORDS.figureTails].map((w) => w.charCodeAt(w.length - 1)));

/** ，。；、 , ; or a line break: where the clause of a label begins (by code, without a string per character). */
const endsLabelClause = (c: number): boolean => c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0x3001 || c === 0x0a || c === 0x2c || c === 0x3b;

/** LABEL's match on the clause right before an amount (and where that clause starts), if a label stands there. */
export function labelBefore(v: string, at: number): { m: RegExpExecArray; from: number } | undefined {
  // most amounts have no label: the character a label would end with is not there (no slice, no regex)
  let e = spacesBefore(v, at);
  if (e > 0 && (v.charCodeAt(e - 1) === 0xff1a || v.charCodeAt(e - 1) === 58)) e = spacesBefore(v, e - 1);
  if (e === 0 || !LABEL_ENDS.has(v.charCodeAt(e - 1))) return undefined;
  let from = at;
  while (from > 0 && !endsLabelClause(v.charCodeAt(from - 1)) && at - from < 30) from--;
  const m = LABEL.exec(v.slice(from, at));
  return m ? { m, from } : undefined;
}

/** The figure a token is, if a label stands right before it in its clause. */
export function figureOf(v: string, tok: Tok, rc: ReadingContext): Figure | undefined {
  if (tok.kind !== 'amount') return undefined;
  const l = labelBefore(v, tok.start);
  if (!l) return undefined;
  const { m, from } = l;
  const kind = kindOf(m[3], m[1] ? Number(m[1]) : undefined, m[2], rc);
  return kind ? { tok, start: tok.start, end: tok.end, kind, label: m[3], labelStart: from + m.index } : undefined;
}

export function figures(v: string, toks: Tok[], rc: ReadingContext): Figure[] {
  const out: Figure[] = [];
  for (const t of toks) {
    const f = figureOf(v, t, rc);
    if (f) out.push(f);
  }
  return out;
}

/** Budget kinds: a completion rate or a 决算/预算 comparison is measured against one of these. */
export const isBudget = (k: FigureKind): boolean => k === 'initial' || k === 'full' || k === 'budget';

/** Two kinds that sum in one column of a list (年初预算 with 年初预算, 决算 with 执行数 …). */
export function sameColumn(a: FigureKind, b: FigureKind): boolean {
  return a === b || (isBudget(a) && isBudget(b) && (a === 'budget' || b === 'budget'));
}
