/** perf.funds: in a 项目支出绩效自评表, 年度资金总额 = Σ the other 资金 rows, in each amount column. */
import { Rule } from '../types';
import { checkSum, EQUALITY_MESSAGES } from '../tables/equality';
import * as l10n from '../../l10n';

export const rule: Rule = {
  meta: {
    id: 'perf.funds', group: 'perf', severity: 'error', fixable: 'number',
    description: '绩效自评表：资金总额 = 各项资金之和',
    descriptionEn: 'Performance self-evaluation: the total funds = the sum of the funds',
    example: '年度资金总额（全年执行数） 180.00 ≠ 各项资金之和 170.00（差 10.00）',
    messages: { ...EQUALITY_MESSAGES, '各项资金之和': 'the sum of the funds' },
  },
  run(ctx) {
    for (const p of ctx.model.perf) {
      ctx.cached(p, () => {
        const f = p.funds;
        if (!f || f.rows.length < 2) return;
        const [first, ...rest] = f.rows;
        f.columns.forEach((col, i) => {
          if (col.kind !== 'amount') return;
          checkSum(ctx, { cell: first.cells[i], label: () => l10n.t('{0}（{1}）', first.name, col.name) },
            rest.map((r) => ({ cell: r.cells[i], label: () => l10n.t('{0}（{1}）', r.name, col.name) })), l10n.t('各项资金之和'));
        });
      });
    }
  },
};
