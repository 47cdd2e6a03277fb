/**
 * text.change: a rate of change that does not follow from its amounts —
 *  - “（本年 C）… 增加 A，增长 R%”: R = A ÷ (C − A) after a rise, A ÷ (C + A) after a fall;
 *  - “上年执行数 B，本年预算安排 C，比上年执行数增加 R%”: R = (C − B) ÷ B (the budget items of a 部门预算
 *    说明). When the item opens with another amount for the year than the one the sentence states, and
 *    the rate follows from that one, the amount is what is wrong (text.table says so), not the rate.
 * By the interval rule: within rounding, a 尾数误差 note.
 */
import { Decimal, inUnit } from '../../decimal';
import { Text } from '../../model';
import { Tok } from '../../narrative/tokens';
import { changeBase, RateChange, rateVerdict } from '../../narrative/changes';
import { ratioVerdict } from '../../narrative/ratio';
import { Change } from '../../narrative/changes';
import { Rule, RuleContext } from '../types';
import { eachText, rr } from './common';
import * as l10n from '../../l10n';

/** An amount in 万元 written in the unit of `like` (元, 万元, 亿元), exactly, with no more decimals than it needs beyond those of `like`. */
function inUnitOf(wan: Decimal, like: Tok): string {
  const unit = like.unit === '元' || like.unit === '亿元' ? like.unit : '万元';
  let v = inUnit(wan, '万元', unit);
  while (v.scale > like.value.scale && v.units % 10n === 0n) v = v.rescale(v.scale - 1);
  return v.toString() + unit;
}

function amountChange(ctx: RuleContext, t: Text, ch: Change): void {
  const b = changeBase(ch);
  if (!b || b.base.sub(b.half).sign() <= 0) return; // a zero base: text.zeroBase
  const v = ratioVerdict(b.A, ch.amount.half, b.base, b.half, b.R);
  if (!v || v.verdict === 'ok') return;
  const rate = ch.rate!;
  const cur = ch.current!;
  const prev = inUnitOf(b.base, cur);
  const msg = l10n.t('按本年 {0}、{1} {2} 推算上年为 {3}，{4}率应为 {5}%', cur.raw, ch.word, ch.amount.raw, prev, ch.rateWord ?? '', v.computed.toString());
  const range = rr(t, rate.start, rate.end);
  const newText = `${rate.value.sign() < 0 ? '-' : ''}${v.computed.toString()}%`;
  if (v.verdict === 'rounding') {
    ctx.rounding({ range, message: l10n.t('{0}，文中写 {1}（在舍入误差以内，可能为尾数误差）', msg, rate.raw) });
    return;
  }
  ctx.report({
    range, message: l10n.t('{0}，文中写的是 {1}', msg, rate.raw),
    related: [{ range: rr(t, cur.start, cur.end), message: l10n.t('本年数：{0}', cur.raw) }, { range: rr(t, ch.amount.start, ch.amount.end), message: l10n.t('变化额：{0}', ch.amount.raw) }],
    fixes: [{ title: l10n.t('将比率改为 {0}', newText), edits: [{ range, newText }] }],
  });
}

/** Does the rate hold with the item's own amount where the sentence states another? Then the amount is wrong, not the rate. */
export function holdsWithHeading(rc: RateChange): boolean {
  if (!rc.heading || rc.heading.wan.eq(rc.current.tok.wan)) return false;
  const h = rateVerdict(rc, rc.heading);
  return !h.wrongWay && !h.zeroBase && (!h.rate || h.rate.verdict !== 'error');
}

function figureChange(ctx: RuleContext, t: Text, rc: RateChange): void {
  const v = rateVerdict(rc);
  if (!v.rate || v.rate.verdict === 'ok' || holdsWithHeading(rc)) return;
  const rate = rc.rate!;
  const { base, current } = rc;
  const msg = l10n.t('按{0} {1}、{2} {3} 计算，{4}率应为 {5}%', base.label, base.tok.raw, current.label, current.tok.raw, rc.word, v.rate.computed.toString());
  const range = rr(t, rate.start, rate.end);
  if (v.rate.verdict === 'rounding') {
    ctx.rounding({ range, message: l10n.t('{0}，文中写 {1}（在舍入误差以内，可能为尾数误差）', msg, rate.raw) });
    return;
  }
  ctx.report({
    range, message: l10n.t('{0}，文中写的是 {1}', msg, rate.raw),
    related: [{ range: rr(t, base.tok.start, base.tok.end), message: l10n.t('{0}：{1}', base.label, base.tok.raw) }, { range: rr(t, current.tok.start, current.tok.end), message: l10n.t('{0}：{1}', current.label, current.tok.raw) }],
    fixes: [{ title: l10n.t('将比率改为 {0}', `${v.rate.computed.toString()}%`), edits: [{ range, newText: `${v.rate.computed.toString()}%` }] }],
  });
}

export const rule: Rule = {
  meta: {
    id: 'text.change', group: 'narrative', severity: 'error', fixable: 'number',
    description: '增减率与本年数、增减额（或上年数、本年数）不符',
    descriptionEn: 'A rate of change does not follow from the amounts',
    example: '按本年 702.98万元、增加 95.83万元 推算上年为 607.15万元，增长率应为 15.78%，文中写的是 15.87%',
    messages: {
      '按本年 {0}、{1} {2} 推算上年为 {3}，{4}率应为 {5}%': 'With this year\'s {0} and "{1} {2}", last year was {3}, so the rate of "{4}" should be {5}%',
      '按{0} {1}、{2} {3} 计算，{4}率应为 {5}%': 'From {0} {1} and {2} {3}, the rate ({4}) should be {5}%',
      '{0}，文中写的是 {1}': '{0}; the text says {1}',
      '{0}，文中写 {1}（在舍入误差以内，可能为尾数误差）': '{0}; the text says {1} (within rounding: probably a rounding difference)',
      '本年数：{0}': 'This year: {0}',
      '变化额：{0}': 'Change: {0}',
      '将比率改为 {0}': 'Change the rate to {0}',
      '{0}：{1}': '{0}: {1}',
    },
  },
  run(ctx) {
    eachText(ctx, (t, r) => {
      for (const ch of r.changes) amountChange(ctx, t, ch);
      for (const rc of r.rateChanges) figureChange(ctx, t, rc);
    }, (r) => r.rateChanges.length > 0 || r.changes.some((c) => c.rate));
  },
};
