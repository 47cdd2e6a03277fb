/** kemu.conflict: one code with two names in the same report. */
import { Range } from '../../model';
import { Rule } from '../types';
import { norm } from './common';
import * as l10n from '../../l10n';

export const rule: Rule = {
  meta: {
    id: 'kemu.conflict', group: 'kemu', severity: 'warning',
    description: '同一科目代码在本报告中有两个名称',
    descriptionEn: 'One 科目 code with two names in the same report',
    example: '科目 2011350 在本报告中有两个名称：“事业运行”和“事业运行支出”',
    messages: { '科目 {0} 在本报告中有两个名称：“{1}”和“{2}”': '科目 {0} has two names in this report: "{1}" and "{2}"', '这里写作“{0}”': 'Written "{0}" here' },
  },
  run(ctx) {
    const seen = new Map<string, { name: string; norm: string; range: Range }>();
    for (const t of ctx.model.tables) for (const p of t.parts) for (const r of p.rows) {
      if (!r.code || !r.name) continue;
      ctx.examined();
      const first = seen.get(r.code);
      const n = norm(r.name);
      if (!first) { seen.set(r.code, { name: r.name, norm: n, range: r.nameRange }); continue; }
      if (n === first.norm) continue;
      ctx.report({
        range: r.nameRange, text: r.name,
        message: l10n.t('科目 {0} 在本报告中有两个名称：“{1}”和“{2}”', r.code, first.name, r.name),
        related: [{ range: first.range, message: l10n.t('这里写作“{0}”', first.name) }],
      });
    }
  },
};
