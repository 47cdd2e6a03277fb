/**
 * Change statements of a text:
 *  - a change by an amount: “（本年 C）… 增加 A万元（，增长 R%）” — the current amount C is in the same
 *    sentence, or, when the sentence opens with its base (与上年相比 …), in the sentences before it;
 *  - a change by a rate between two stated figures: “上年执行数 B，本年预算安排 C，比上年执行数增加 R%”
 *    (the budget items of a 部门预算 说明), or “… 与上年执行数持平”;
 *  - a comparison of the 决算 with its 预算: “决算数大于（小于）预算数”, “决算数与预算数持平”.
 */
import { Decimal } from '../decimal';
import { ratioVerdict } from './ratio';
import { Figure, isBudget } from './figures';
import { alt, FIGURE_WORDS, isUp, RE, SP, spacesBefore, WORDS } from './phrases';
import { Numbered } from './items';
import { within } from './search';
import { sentenceEnd, sentenceStart } from './sentences';
import { Tok } from './tokens';

export interface Change {
  dir: 'up' | 'down';
  word: string;
  wordStart: number;
  amount: Tok;
  rate?: Tok;
  rateWord?: string;
  rateWordStart?: number;
  current?: Tok;
  /** The current amount is in the same sentence, or in the one just before a 与上年相比 sentence. */
  currentNear?: boolean;
}

/** The last characters of the change words: one of them stands before the spaces before a token that follows a change word. */
const CHANGE_ENDS = new Set([...WORDS.up, ...WORDS.down].map((w) => w.charCodeAt(w.length - 1)));

/** A change word right before a token (only spaces between), with where it starts. */
export function wordBefore(v: string, tok: Tok): { word: string; start: number } | undefined {
  // most tokens follow no change word: the character one would end with is not there (no slice, no regex)
  const e = spacesBefore(v, tok.start);
  if (e === 0 || !CHANGE_ENDS.has(v.charCodeAt(e - 1))) return undefined;
  const before = v.slice(Math.max(0, tok.start - 8), tok.start);
  const m = RE.changeBefore.exec(before);
  return m ? { word: m[1], start: tok.start - before.length + m.index } : undefined;
}

const NOT_SUBJECT_BUDGET = new RegExp(`(?:${alt([...FIGURE_WORDS.initial, ...FIGURE_WORDS.full, ...FIGURE_WORDS.budget])})(?:为)?${SP}$`);
const SHARE_AFTER = new RegExp(`^[，,]?${SP}(?:${alt(WORDS.shares)})`);

/** An amount that can be the current amount of a change: not a change, a share part or a budget. */
function isSubject(v: string, c: Tok): boolean {
  return c.kind === 'amount' && !wordBefore(v, c) && !SHARE_AFTER.test(v.slice(c.end, c.end + 4)) && !NOT_SUBJECT_BUDGET.test(v.slice(Math.max(0, c.start - 8), c.start));
}

/** The nearest subject amount in the six sentences before `sStart` (a sentence that opens with 与上年相比 …). */
function subjectBefore(v: string, toks: Tok[], j: number, sStart: number): { tok: Tok; near: boolean } | undefined {
  let k = j;
  let pos = sStart;
  for (let boundaries = 0; k >= 0 && boundaries < 6; boundaries++) {
    const prevStart = sentenceStart(v, pos - 1);
    for (; k >= 0 && toks[k].start >= prevStart; k--) if (isSubject(v, toks[k])) return { tok: toks[k], near: boundaries === 0 };
    pos = prevStart;
    if (pos <= 0) break;
  }
  return undefined;
}

/** The current amount of the change at toks[i]: in its sentence, or before a sentence that opens with its base. */
function currentOf(v: string, toks: Tok[], i: number, wordStart: number): { tok: Tok; near: boolean } | undefined {
  const sStart = sentenceStart(v, wordStart);
  for (let j = i - 1; j >= 0; j--) {
    const c = toks[j];
    if (c.start < sStart) return RE.opensWithBase.test(v.slice(sStart, wordStart)) ? subjectBefore(v, toks, j, sStart) : undefined;
    if (isSubject(v, c)) return { tok: c, near: true };
  }
  return undefined;
}

export function changes(v: string, toks: Tok[]): Change[] {
  const out: Change[] = [];
  for (let i = 0; i < toks.length; i++) {
    const a = toks[i];
    if (a.kind !== 'amount') continue;
    const w = wordBefore(v, a);
    if (!w) continue;
    // the rate: the next token, a percentage with its own word, in the same sentence
    const next = toks[i + 1];
    const rw = next && next.kind === 'percent' && !/[。；;\n]/.test(v.slice(a.end, next.start)) ? wordBefore(v, next) : undefined;
    const cur = currentOf(v, toks, i, w.start);
    // every field in one literal (kept with the reading: no properties added afterwards, no store of their own)
    out.push({
      dir: isUp(w.word) ? 'up' : 'down', word: w.word, wordStart: w.start, amount: a,
      rate: rw ? next : undefined, rateWord: rw?.word, rateWordStart: rw?.start, current: cur?.tok, currentNear: cur?.near,
    });
  }
  return out;
}

/** A rate of change between two stated figures: 上年执行数 B，本年预算安排 C，比上年执行数增加 R%（或 持平）. */
export interface RateChange {
  base: Figure;
  current: Figure;
  /** The change word (增加 …) or the flat word (持平). */
  word: string;
  wordStart: number;
  /** Absent when the word is 持平. */
  rate?: Tok;
  dir: 'up' | 'down' | 'flat';
  /** The first amount of the numbered paragraph the statement is in, when it differs from the current figure. */
  heading?: Tok;
}

const FLAT_AFTER_BASE = new RegExp(`(?:${alt(WORDS.bases)})[^，。；]{0,16}?(${alt(WORDS.flat)})`, 'g');

/** The one base and the one current figure of the sentence [s, e). */
function pairIn(figs: Figure[], s: number, e: number): { base: Figure; current: Figure } | undefined {
  const inside = within(figs, s, e);
  const bases = inside.filter((f) => f.kind === 'base');
  const currents = inside.filter((f) => f.kind === 'planned' || f.kind === 'actual');
  return bases.length === 1 && currents.length === 1 ? { base: bases[0], current: currents[0] } : undefined;
}

/** The first amount of the numbered line around pos (公共安全支出（204类）…（01项）1672.67万元): the item's own amount. */
function headingAt(v: string, toks: Tok[], figs: Figure[], numbered: Numbered[], pos: number): Tok | undefined {
  const line = [...numbered].reverse().find((n) => n.start <= pos && pos <= n.lineEnd);
  if (!line) return undefined;
  const end = sentenceEnd(v, line.headStart);
  const t = toks.find((x) => x.start >= line.headStart && x.end <= end);
  return t && t.kind === 'amount' && !wordBefore(v, t) && !figs.some((f) => f.tok === t) ? t : undefined;
}

export function rateChanges(v: string, toks: Tok[], figs: Figure[], numbered: Numbered[] = []): RateChange[] {
  const out: RateChange[] = [];
  for (let i = 0; i < toks.length; i++) {
    const r = toks[i];
    const prev = toks[i - 1];
    if (r.kind !== 'percent' || (prev && prev.kind === 'amount' && wordBefore(v, prev) && !/[。；;\n]/.test(v.slice(prev.end, r.start)))) continue;
    const w = wordBefore(v, r);
    if (!w) continue;
    const pair = pairIn(figs, sentenceStart(v, r.start), r.start);
    if (pair) out.push({ ...pair, word: w.word, wordStart: w.start, rate: r, dir: isUp(w.word) ? 'up' : 'down', heading: headingAt(v, toks, figs, numbered, r.start) });
  }
  for (const m of v.matchAll(FLAT_AFTER_BASE)) {
    const at = m.index! + m[0].length - m[1].length;
    const pair = pairIn(figs, sentenceStart(v, at), at);
    if (pair) out.push({ ...pair, word: m[1], wordStart: at, dir: 'flat', heading: headingAt(v, toks, figs, numbered, at) });
  }
  return out;
}

/** 决算数大于（小于、等于）预算数, 决算数与预算数持平: the word and the two figures it compares. */
export interface Comparison { word: string; start: number; end: number; budget: Figure; actual: Figure }

const ACTUAL = alt(FIGURE_WORDS.actual);
const BUDGET = alt([...FIGURE_WORDS.initial, ...FIGURE_WORDS.full, ...FIGURE_WORDS.budget]);
const COMPARE = new RegExp(`(?:${ACTUAL})(?:与(?:${BUDGET})(${alt(WORDS.equal)})|(${alt([...WORDS.more, ...WORDS.less, ...WORDS.equal])})(?:${BUDGET}))`, 'g');

export function comparisons(v: string, figs: Figure[]): Comparison[] {
  const out: Comparison[] = [];
  for (const m of v.matchAll(COMPARE)) {
    const word = m[1] ?? m[2];
    const start = m.index! + m[0].lastIndexOf(word);
    // the figures it compares: in its paragraph, before it — exactly one budget and one actual
    const para = v.lastIndexOf('\n', m.index! - 1) + 1;
    const before = within(figs, para, m.index!);
    const budgets = before.filter((f) => isBudget(f.kind));
    const actuals = before.filter((f) => f.kind === 'actual');
    if (budgets.length === 1 && actuals.length === 1) out.push({ word, start, end: start + word.length, budget: budgets[0], actual: actuals[0] });
  }
  return out;
}


/** Which way the amount and the rate of a change go, and whether they contradict each other. */
export function directions(ch: Change): { amountUp: boolean; conflict: boolean } {
  const a = ch.amount.value;
  const amountUp = ch.dir === 'up' ? a.sign() >= 0 : a.sign() < 0;
  if (!ch.rate || !ch.rateWord) return { amountUp, conflict: false };
  const r = ch.rate.value;
  const rateIsUp = isUp(ch.rateWord) ? r.sign() >= 0 : r.sign() < 0;
  return { amountUp, conflict: amountUp !== rateIsUp && !a.isZero() && !r.isZero() };
}

/**
 * The base a change's rate is measured against: C − A after a rise, C + A after a fall (C the
 * current amount in the same sentence, A the change), with the half-width of its interval.
 */
export function changeBase(ch: Change): { A: Decimal; C: Decimal; base: Decimal; half: Decimal; R: Decimal; amountUp: boolean } | undefined {
  if (!ch.rate || !ch.current || !ch.currentNear) return undefined;
  const d = directions(ch);
  if (d.conflict) return undefined;
  const A = ch.amount.wan.abs();
  const C = ch.current.wan;
  return { A, C, base: d.amountUp ? C.sub(A) : C.add(A), half: ch.current.half.add(ch.amount.half), R: ch.rate.value.abs(), amountUp: d.amountUp };
}

/** What the two figures of a rate change say: the change c − b with the half-width of its interval, and its rate. */
export interface RateVerdict {
  /** +1 rise, −1 fall, 0 equal within rounding. */
  sign: number;
  diff: Decimal;
  half: Decimal;
  /** The direction contradicts the word. */
  wrongWay: boolean;
  rate?: { verdict: 'ok' | 'rounding' | 'error'; computed: Decimal };
  zeroBase: boolean;
}

export function rateVerdict(rc: RateChange, current: Tok = rc.current.tok): RateVerdict {
  const b = rc.base.tok;
  const diff = current.wan.sub(b.wan);
  const half = current.half.add(b.half);
  const sign = diff.abs().cmp(half) <= 0 && (rc.dir === 'flat' || !diff.isZero()) ? 0 : diff.sign();
  const wrongWay = rc.dir === 'flat' ? sign !== 0 : diff.isZero() ? rc.rate !== undefined && !rc.rate.value.isZero() : (rc.dir === 'up') !== (diff.sign() > 0) && sign !== 0;
  const zeroBase = b.wan.sub(b.half).sign() <= 0;
  if (!rc.rate || wrongWay || zeroBase) return { sign, diff, half, wrongWay, zeroBase };
  const rate = ratioVerdict(diff.abs(), half, b.wan, b.half, rc.rate.value.abs());
  return { sign, diff, half, wrongWay, zeroBase, rate };
}
