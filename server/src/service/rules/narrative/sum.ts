/**
 * text.sum: the parts of a list against their total (narrative/lists.ts finds them). A list of amounts
 * may name fewer parts than the whole, never more; a column of item figures (each item's 年初预算 …)
 * adds up to the figure stated before it. By the interval rule: within rounding, a 尾数误差 note.
 */
import { trimTo } from '../../decimal';
import { Text } from '../../model';
import { ListSum } from '../../narrative/lists';
import { compareSum } from '../rounding';
import { Rule, RuleContext } from '../types';
import { eachText, rr } from './common';
import * as l10n from '../../l10n';

/** A list where one part is the whole and others are not 0 (收入 and 支出 of one 总计) does not partition it. */
const duality = (l: ListSum) => l.parts.some((p) => p.wan.eq(l.total.wan)) && l.parts.some((p) => !p.wan.isZero() && !p.wan.eq(l.total.wan));

function check(ctx: RuleContext, t: Text, l: ListSum): void {
  if (duality(l)) return;
  const cmp = compareSum(l.total.wan, l.parts.map((x) => x.wan));
  if (cmp.verdict === 'ok' || (!l.exact && cmp.verdict === 'error' && cmp.diff.sign() > 0)) return; // fewer parts than the whole is allowed
  const scale = Math.max(...l.parts.map((x) => x.value.scale), l.total.value.scale);
  const sum = cmp.computed.rescale(scale).toString();
  const range = rr(t, l.total.start, l.total.end);
  const related = l.parts.map((x) => ({ range: rr(t, x.start, x.end), message: x.raw }));
  // in 万元 with the decimals of the figures as written (an amount in 元 converted has four)
  const diff = trimTo(cmp.diff.abs(), scale);
  if (cmp.verdict === 'rounding') {
    const message = l.exact
      ? l10n.t('“{0}”所列各项的{1}之和 {2}万元 ≠ {3}（差 {4}，在舍入误差以内，可能为尾数误差）', l.kw, l.label ?? '', sum, l.total.raw, diff)
      : l10n.t('“{0}”所列各项之和 {1}万元 ≠ {2}（差 {3}，在舍入误差以内，可能为尾数误差）', l.kw, sum, l.total.raw, diff);
    ctx.rounding({ range, related, message });
  } else if (l.exact) {
    ctx.report({ range, related, message: l10n.t('“{0}”所列各项的{1}之和 {2}万元 ≠ {3}（差 {4}）', l.kw, l.label ?? '', sum, l.total.raw, diff) });
  } else {
    ctx.report({ range, related, message: l10n.t('“{0}”所列各项之和 {1}万元 超过总数 {2}（差 {3}）', l.kw, sum, l.total.raw, diff) });
  }
}

export const rule: Rule = {
  meta: {
    id: 'text.sum', group: 'narrative', severity: 'error',
    description: '“其中/包括”所列各项之和超过总数；逐项列出的年初预算、全年预算、决算之和与所说的合计不等',
    descriptionEn: 'The items of a 其中/包括 list add up to more than the total; a column of item figures does not add up to the total stated',
    example: '“其中”所列各项之和 120.00万元 超过总数 100.00万元（差 20.00）',
    messages: {
      '“{0}”所列各项之和 {1}万元 超过总数 {2}（差 {3}）': 'The items listed after "{0}" add up to {1}万元, more than the total {2} (difference {3})',
      '“{0}”所列各项之和 {1}万元 ≠ {2}（差 {3}，在舍入误差以内，可能为尾数误差）': 'The items listed after "{0}" add up to {1}万元 ≠ {2} (difference {3}, within rounding: probably a rounding difference)',
      '“{0}”所列各项的{1}之和 {2}万元 ≠ {3}（差 {4}）': 'The {1} of the items listed after "{0}" add up to {2}万元 ≠ {3} (difference {4})',
      '“{0}”所列各项的{1}之和 {2}万元 ≠ {3}（差 {4}，在舍入误差以内，可能为尾数误差）': 'The {1} of the items listed after "{0}" add up to {2}万元 ≠ {3} (difference {4}, within rounding: probably a rounding difference)',
    },
  },
  run(ctx) {
    eachText(ctx, (t, r) => {
      for (const l of r.lists) check(ctx, t, l);
    }, (r) => r.lists.length > 0);
  },
};
