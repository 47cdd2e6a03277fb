/**
 * text.zeroBase: a rate on a zero base means nothing — a growth rate where last year was 0 (本年 C,
 * 增加 A = C, 增长 100%; 上年执行数 0万元 …增加 R%), a completion rate where the budget it names is 0,
 * or a rate next to words that say the base did not exist (年初无…).
 */
import { Text } from '../../model';
import { Change, changeBase, RateChange } from '../../narrative/changes';
import { RE } from '../../narrative/phrases';
import { sentenceEnd, sentenceStart } from '../../narrative/sentences';
import { Rule, RuleContext } from '../types';
import { completionRates } from './completion';
import { eachText, fmt, Reading, rr } from './common';
import * as l10n from '../../l10n';

function amountChange(ctx: RuleContext, t: Text, ch: Change): void {
  const b = changeBase(ch);
  if (!b || b.base.sub(b.half).sign() > 0) return;
  // a real rise from nothing has C = A; C < A means the current amount was not the subject
  if (b.R.isZero() || !b.amountUp || b.C.sub(b.A).abs().cmp(b.half) > 0) return;
  ctx.report({
    range: rr(t, ch.rateWordStart!, ch.rate!.end),
    message: l10n.t('上年数为 0（{0} − {1}），增长率“{2}”没有意义，宜只写增加额', fmt(ch.current!.value), fmt(ch.amount.value.abs()), ch.rate!.raw),
  });
}

function figureChange(ctx: RuleContext, t: Text, rc: RateChange): void {
  const b = rc.base.tok;
  if (!rc.rate || rc.rate.value.isZero() || b.wan.sub(b.half).sign() > 0) return;
  ctx.report({
    range: rr(t, rc.wordStart, rc.rate.end),
    message: l10n.t('{0}为 {1}，“{2}”没有意义，宜只写增减额', rc.base.label, b.raw, rc.word + rc.rate.raw),
  });
}

/** A rate in a sentence that says its base did not exist (年初无…). */
function saidZero(ctx: RuleContext, t: Text, r: Reading): void {
  for (const p of r.toks) {
    if (p.kind !== 'percent' || p.value.isZero()) continue;
    const s = t.value.slice(sentenceStart(t.value, p.start), sentenceEnd(t.value, p.start));
    const m = RE.zeroBase.exec(s);
    if (m && (RE.changeBefore.test(t.value.slice(Math.max(0, p.start - 8), p.start)) || RE.completionBefore.test(t.value.slice(Math.max(0, p.start - 12), p.start)))) {
      ctx.report({ range: rr(t, p.start, p.end), message: l10n.t('文中说“{0}”（基数为 0），比率“{1}”没有意义', m[0], p.raw) });
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'text.zeroBase', group: 'narrative', severity: 'warning',
    description: '上年数（或预算数）为 0 时的增长率、完成率没有意义',
    descriptionEn: 'A rate on a zero base means nothing',
    example: '上年数为 0（5.00 − 5.00），增长率“100%”没有意义，宜只写增加额',
    messages: {
      '上年数为 0（{0} − {1}），增长率“{2}”没有意义，宜只写增加额': 'Last year\'s amount is 0 ({0} − {1}): the growth rate "{2}" is meaningless; state only the increase',
      '{0}为 {1}，“{2}”没有意义，宜只写增减额': '{0} is {1}: "{2}" is meaningless; give only the change',
      '预算数为 {0}，完成率“{1}”没有意义': 'The budget is {0}: the completion rate "{1}" is meaningless',
      '文中说“{0}”（基数为 0），比率“{1}”没有意义': 'The text says "{0}" (a zero base): the rate "{1}" is meaningless',
    },
  },
  run(ctx) {
    eachText(ctx, (t, r) => {
      for (const ch of r.changes) amountChange(ctx, t, ch);
      for (const rc of r.rateChanges) figureChange(ctx, t, rc);
      for (const c of completionRates(t.value, r)) {
        if (c.zero) ctx.report({ range: rr(t, c.pct.start, c.pct.end), message: l10n.t('预算数为 {0}，完成率“{1}”没有意义', c.zero.tok.raw, c.pct.raw) });
      }
      saidZero(ctx, t, r);
    }, (r) => r.toks.some((x) => x.kind === 'percent'));
  },
};
