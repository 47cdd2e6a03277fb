/**
 * text.completion: “完成（年初）预算的 z%” against 决算 ÷ 预算. The figures are the labelled ones of its
 * sentence (or, when that sentence lacks them, with the sentence before): exactly one 决算 (执行数), and
 * the budget the rate names — 年初预算 for 完成年初预算的; for 完成预算的 the one budget stated, or, with
 * several, the one the rate follows from. A rate that follows from another budget than the one it names
 * is reported as such. A budget of 0: text.zeroBase.
 */
import { Text } from '../../model';
import { Figure, isBudget } from '../../narrative/figures';
import { RE, WORDS } from '../../narrative/phrases';
import { ratioVerdict } from '../../narrative/ratio';
import { sentenceStart } from '../../narrative/sentences';
import { within } from '../../narrative/search';
import { Tok } from '../../narrative/tokens';
import { Rule, RuleContext } from '../types';
import { eachText, Reading, reportRate, rr } from './common';
import * as l10n from '../../l10n';

export interface CompletionRate {
  pct: Tok;
  word: string;
  actual: Figure;
  /** The budget the rate is measured against, and the other budgets stated with it. */
  budget: Figure;
  others: Figure[];
  /** The budget named is 0 (no rate can be checked). */
  zero?: Figure;
}

const PREFER: Record<string, number> = { full: 0, budget: 1, initial: 2 };

/** The 决算 and the budgets a rate at `at` speaks of. */
export function completionPair(v: string, r: Reading, at: number, word: string): Omit<CompletionRate, 'pct'> | undefined {
  const pick = (from: number) => within(r.figures, from, at);
  const s = sentenceStart(v, at);
  let figs = pick(s);
  if (figs.filter((f) => isBudget(f.kind) || f.kind === 'actual').length < 2 && s > 0) figs = pick(sentenceStart(v, s - 1));
  const actuals = figs.filter((f) => f.kind === 'actual');
  const budgets = figs.filter((f) => isBudget(f.kind));
  if (actuals.length !== 1 || budgets.length === 0) return undefined;
  const named = WORDS.completionInitial.includes(word) ? budgets.filter((f) => f.kind === 'initial') : [];
  const ordered = [...budgets].sort((a, b) => PREFER[a.kind] - PREFER[b.kind]);
  const budget = named.length === 1 ? named[0] : WORDS.completionInitial.includes(word) && budgets.length > 1 ? undefined : ordered[0];
  if (!budget) return undefined;
  const zero = budget.tok.wan.sub(budget.tok.half).sign() <= 0 ? budget : undefined;
  return { word, actual: actuals[0], budget, others: budgets.filter((b) => b !== budget), zero };
}

export function completionRates(v: string, r: Reading): CompletionRate[] {
  const out: CompletionRate[] = [];
  for (const z of r.toks) {
    if (z.kind !== 'percent') continue;
    const m = RE.completionBefore.exec(v.slice(Math.max(0, z.start - 12), z.start));
    const pair = m ? completionPair(v, r, z.start, m[1]) : undefined;
    if (pair) out.push({ pct: z, ...pair });
  }
  return out;
}

const verdictOf = (c: CompletionRate, b: Figure) => ratioVerdict(c.actual.tok.wan, c.actual.tok.half, b.tok.wan, b.tok.half, c.pct.value);

function check(ctx: RuleContext, t: Text, c: CompletionRate): void {
  const own = c.zero ? undefined : verdictOf(c, c.budget);
  if (!own) return;
  const { pct, actual } = c;
  const range = rr(t, pct.start, pct.end);
  const fits = own.verdict === 'error' ? c.others.find((b) => (verdictOf(c, b)?.verdict ?? 'error') !== 'error') : undefined;
  if (fits && WORDS.completionInitial.includes(c.word)) {
    ctx.report({
      range, related: [{ range: rr(t, fits.tok.start, fits.tok.end), message: l10n.t('{0}：{1}', fits.label, fits.tok.raw) }],
      message: l10n.t('“{0}{1}”是按{2} {3} 算的（{4} ÷ {3} = {5}%）；按所说的{6} {7}，完成率应为 {8}%', c.word, pct.raw, fits.label, fits.tok.raw, actual.tok.raw, verdictOf(c, fits)!.computed.toString(), c.budget.label, c.budget.tok.raw, own.computed.toString()),
      fixes: [{ title: l10n.t('将完成率改为 {0}%', own.computed.toString()), edits: [{ range, newText: `${own.computed.toString()}%` }] }],
    });
    return;
  }
  // 完成预算的 with several budgets stated: the one it follows from
  const [budget, res] = fits ? [fits, verdictOf(c, fits)!] : [c.budget, own];
  if (res.verdict === 'ok') return;
  reportRate(ctx, {
    range, verdict: res.verdict, computed: res.computed.toString(), how: `${actual.tok.raw} ÷ ${budget.tok.raw} = ${res.computed.toString()}%`, written: pct.raw,
    related: () => [{ range: rr(t, budget.tok.start, budget.tok.end), message: l10n.t('预算数：{0}', budget.tok.raw) }, { range: rr(t, actual.tok.start, actual.tok.end), message: l10n.t('决算（执行）数：{0}', actual.tok.raw) }],
    error: (x, m, w) => l10n.t('完成率应为 {0}%（{1}），文中写的是 {2}', x, m, w),
    fix: (x) => l10n.t('将完成率改为 {0}%', x),
    rounding: (m, w) => l10n.t('完成率按 {0}，文中写 {1}（在舍入误差以内，可能为尾数误差）', m, w),
  });
}

export const rule: Rule = {
  meta: {
    id: 'text.completion', group: 'narrative', severity: 'error', fixable: 'number',
    description: '完成预算的百分比与预算数、决算数不符（或与所说的那个预算数不符）',
    descriptionEn: 'A completion rate does not follow from the budget and the actual',
    example: '完成率应为 96.00%（96.00万元 ÷ 100.00万元 = 96.00%），文中写的是 95.00%',
    messages: {
      '预算数：{0}': 'Budget: {0}',
      '决算（执行）数：{0}': 'Actual: {0}',
      '完成率应为 {0}%（{1}），文中写的是 {2}': 'The completion rate should be {0}% ({1}); the text says {2}',
      '将完成率改为 {0}%': 'Change the completion rate to {0}%',
      '完成率按 {0}，文中写 {1}（在舍入误差以内，可能为尾数误差）': 'Completion rate by {0}; the text says {1} (within rounding: probably a rounding difference)',
      '“{0}{1}”是按{2} {3} 算的（{4} ÷ {3} = {5}%）；按所说的{6} {7}，完成率应为 {8}%': '"{0}{1}" was computed from {2} {3} ({4} ÷ {3} = {5}%); from the {6} it names, {7}, the completion rate should be {8}%',
      '{0}：{1}': '{0}: {1}',
    },
  },
  run(ctx) {
    eachText(ctx, (t, r) => {
      for (const c of completionRates(t.value, r)) check(ctx, t, c);
    }, (r) => r.toks.some((x) => x.kind === 'percent') && r.figures.length >= 2);
  },
};
