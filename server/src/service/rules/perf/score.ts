/** perf.score: an indicator's 得分 does not exceed its 分值. */
import { Rule } from '../types';
import { usable } from '../tables/equality';
import * as l10n from '../../l10n';

export const rule: Rule = {
  meta: {
    id: 'perf.score', group: 'perf', severity: 'error',
    description: '绩效自评表：得分不超过分值',
    descriptionEn: 'Performance self-evaluation: a score does not exceed its weight',
    example: '指标“接待次数”得分 12 超过其分值 10',
    messages: { '指标“{0}”得分 {1} 超过其分值 {2}': 'Indicator "{0}": score {1} exceeds its weight {2}', '分值：{0}': 'Weight: {0}' },
  },
  run(ctx) {
    for (const p of ctx.model.perf) {
      ctx.cached(p, () => {
        for (const x of p.indicators) {
          ctx.examined();
          if (usable(x.score) && usable(x.weight) && x.score.value!.cmp(x.weight.value!) > 0) {
            ctx.report({
              range: x.score.range, text: x.score.raw,
              message: l10n.t('指标“{0}”得分 {1} 超过其分值 {2}', x.level3, x.score.raw, x.weight.raw),
              related: [{ range: x.weight.range, message: l10n.t('分值：{0}', x.weight.raw) }],
            });
          }
        }
      });
    }
  },
};
