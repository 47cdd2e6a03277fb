/**
 * text.direction: a change said to go one way while its numbers go the other —
 *  - the amount and the rate of one change: “减少42.32万元，增长11.20%”;
 *  - a rate between two stated figures: “上年执行数 43269.3万元，本年预算安排 3845.49万元，比上年执行数
 *    增加17.62%” (a fall), or “持平” between figures that differ;
 *  - 决算数大于（小于）预算数, 决算数与预算数持平 against the two figures stated before it.
 */
import { Text } from '../../model';
import { Change, Comparison, directions, RateChange, rateVerdict } from '../../narrative/changes';
import { compareSign, opposite, WORDS } from '../../narrative/phrases';
import { HUNDRED } from '../../narrative/ratio';
import { Rule, RuleContext } from '../types';
import { holdsWithHeading } from './change';
import { eachText, fmt, rr } from './common';
import * as l10n from '../../l10n';

function amountAndRate(ctx: RuleContext, t: Text, ch: Change): void {
  if (!ch.rate || !directions(ch).conflict) return;
  ctx.report({
    range: rr(t, ch.rateWordStart!, ch.rate.end),
    message: l10n.t('前面说“{0}”，这里却说“{1}”：增减方向前后矛盾', ch.word + ch.amount.raw, ch.rateWord + ch.rate.raw),
  });
}

/** The word the figures call for: 持平, or the change word of their direction in the form written. */
function realWord(rc: RateChange, sign: number): string {
  if (sign === 0) return WORDS.flat[0];
  if (rc.dir === 'flat') return sign > 0 ? WORDS.up[0] : WORDS.down[0];
  return (sign > 0) === (rc.dir === 'up') ? rc.word : opposite(rc.word);
}

function figures(ctx: RuleContext, t: Text, rc: RateChange): void {
  if (holdsWithHeading(rc)) return;
  const useHeading = rc.heading && !rc.heading.wan.eq(rc.current.tok.wan);
  const current = useHeading ? rc.heading! : rc.current.tok;
  const v = rateVerdict(rc, current);
  if (!v.wrongWay) return;
  const end = rc.rate ? rc.rate.end : rc.wordStart + rc.word.length;
  const said = rc.word + (rc.rate?.raw ?? '');
  const real = realWord(rc, v.sign);
  const pct = v.sign !== 0 && rc.base.tok.wan.sign() > 0 ? v.diff.abs().mul(HUNDRED).div(rc.base.tok.wan, rc.rate?.value.scale ?? 2) : undefined;
  const what = v.sign === 0 ? real : pct ? `${real} ${fmt(v.diff.abs())}万元（${pct.toString()}%）` : `${real} ${fmt(v.diff.abs())}万元`;
  ctx.report({
    range: rr(t, rc.wordStart, end),
    message: useHeading
      ? l10n.t('文中说“{0}”，而本项的 {1}（本项开头所写）与{2} {3} 相比是{4}', said, current.raw, rc.base.label, rc.base.tok.raw, what)
      : l10n.t('文中说“{0}”，而{1} {2} 与{3} {4} 相比是{5}', said, rc.current.label, current.raw, rc.base.label, rc.base.tok.raw, what),
    related: [{ range: rr(t, rc.base.tok.start, rc.base.tok.end), message: l10n.t('{0}：{1}', rc.base.label, rc.base.tok.raw) }, { range: rr(t, current.start, current.end), message: l10n.t('{0}：{1}', rc.current.label, current.raw) }],
  });
}

function comparison(ctx: RuleContext, t: Text, c: Comparison): void {
  const s = compareSign(c.word);
  if (s === undefined) return;
  const diff = c.actual.tok.wan.sub(c.budget.tok.wan);
  const within = diff.abs().cmp(c.actual.tok.half.add(c.budget.tok.half)) <= 0;
  const wrong = s === 0 ? !within : diff.isZero() || (!within && diff.sign() !== s);
  if (!wrong) return;
  const real = diff.isZero() ? WORDS.equal[0] : diff.sign() > 0 ? WORDS.more[0] : WORDS.less[0];
  ctx.report({
    range: rr(t, c.start, c.end),
    message: l10n.t('文中说决算数“{0}”预算数，而{1} {2}、{3} {4}：应为“{5}”', c.word, c.actual.label, c.actual.tok.raw, c.budget.label, c.budget.tok.raw, real),
    related: [{ range: rr(t, c.budget.tok.start, c.budget.tok.end), message: l10n.t('{0}：{1}', c.budget.label, c.budget.tok.raw) }, { range: rr(t, c.actual.tok.start, c.actual.tok.end), message: l10n.t('{0}：{1}', c.actual.label, c.actual.tok.raw) }],
  });
}

export const rule: Rule = {
  meta: {
    id: 'text.direction', group: 'narrative', severity: 'error',
    description: '增减方向与数字相反：同一句中增减额与增减率方向相反，比率与上年数、本年数的增减相反，“决算数大于（小于）预算数”与两个数不符',
    descriptionEn: 'A change said to go one way while its numbers go the other',
    example: '前面说“增加95.83万元”，这里却说“下降15.78%”：增减方向前后矛盾',
    messages: {
      '前面说“{0}”，这里却说“{1}”：增减方向前后矛盾': 'Earlier it says "{0}", here "{1}": the direction of the change contradicts itself',
      '文中说“{0}”，而{1} {2} 与{3} {4} 相比是{5}': 'The text says "{0}", but {1} {2} against {3} {4} is {5}',
      '文中说“{0}”，而本项的 {1}（本项开头所写）与{2} {3} 相比是{4}': 'The text says "{0}", but the item\'s {1} (as its heading writes) against {2} {3} is {4}',
      '文中说决算数“{0}”预算数，而{1} {2}、{3} {4}：应为“{5}”': 'The text says the actual is "{0}" the budget, but {1} is {2} and {3} is {4}: it should be "{5}"',
      '{0}：{1}': '{0}: {1}',
    },
  },
  run(ctx) {
    eachText(ctx, (t, r) => {
      for (const ch of r.changes) amountAndRate(ctx, t, ch);
      for (const rc of r.rateChanges) figures(ctx, t, rc);
      for (const c of r.comparisons) comparison(ctx, t, c);
    }, (r) => r.rateChanges.length > 0 || r.comparisons.length > 0 || r.changes.some((c) => c.rate));
  },
};
