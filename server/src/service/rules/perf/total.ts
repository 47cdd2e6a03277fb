/** perf.total: 合计 分值/得分 = the 资金 row's 分值/得分 + Σ the indicators' (points: no rounding tolerance). */
import { Rule } from '../types';
import { checkSum, EQUALITY_MESSAGES, Ref, usable } from '../tables/equality';
import * as l10n from '../../l10n';

export const rule: Rule = {
  meta: {
    id: 'perf.total', group: 'perf', severity: 'error', fixable: 'number',
    description: '绩效自评表：合计分值/得分 = 资金 + 各指标之和',
    descriptionEn: 'Performance self-evaluation: the total weight/score = funds + Σ indicators',
    example: '合计（得分） 99 ≠ 资金与各指标得分之和 98（差 1）',
    messages: { ...EQUALITY_MESSAGES, '分值': 'weight', '得分': 'score', '合计（{0}）': 'Total ({0})', '资金与各指标{0}之和': 'the sum of the {0}s of the funds and the indicators' },
  },
  run(ctx) {
    for (const p of ctx.model.perf) {
      ctx.cached(p, () => {
        const f = p.funds;
        const wi = f ? f.columns.findIndex((c) => /^(分值|权重)$/.test(c.name)) : -1;
        const si = f ? f.columns.findIndex((c) => c.name === '得分') : -1;
        const fundsRow = f?.rows[0];
        for (const [total, idx, pick, name] of [[p.totalWeight, wi, 'weight', l10n.t('分值')], [p.totalScore, si, 'score', l10n.t('得分')]] as const) {
          if (!total || !usable(total) || p.indicators.length === 0) continue;
          const parts: Ref[] = p.indicators.map((x) => ({ cell: x[pick] ?? { kind: 'empty', raw: '', range: x.range }, label: () => `${x.level3}（${name}）` }));
          if (fundsRow && idx >= 0) parts.unshift({ cell: fundsRow.cells[idx], label: () => `${fundsRow.name}（${name}）` });
          checkSum(ctx, { cell: total, label: () => l10n.t('合计（{0}）', name) }, parts, l10n.t('资金与各指标{0}之和', name));
        }
      });
    }
  },
};
