/** kemu.system: a 功能分类 code in an 经济分类 table, or an 经济分类 code in a table that lists 功能分类 codes. */
import { Rule } from '../types';
import { isEconomicTable } from './common';
import * as l10n from '../../l10n';

export const rule: Rule = {
  meta: {
    id: 'kemu.system', group: 'kemu', severity: 'warning',
    description: '功能分类科目写进了经济分类表，或反过来',
    descriptionEn: 'A 功能分类 code in an 经济分类 table, or the other way round',
    example: '“一般公共预算财政拨款基本支出决算表”按经济分类列示，而 2011350 是功能分类科目',
    messages: {
      '“{0}”按经济分类列示，而 {1} 是功能分类科目': '"{0}" lists 经济分类 codes, but {1} is a 功能分类 code',
      '“{0}”按功能分类列示，而 {1} 是经济分类科目': '"{0}" lists 功能分类 codes, but {1} is an 经济分类 code',
    },
  },
  run(ctx) {
    for (const t of ctx.model.tables) {
      ctx.cached(t, () => {
        const econ = isEconomicTable(t);
        for (const part of t.parts) for (const row of part.rows) {
          if (!row.code) continue;
          ctx.examined();
          const range = row.codeRange ?? row.keyRange;
          const isEcon = row.code.startsWith('3') || row.code.startsWith('5');
          if (econ && !isEcon) ctx.report({ range, text: row.code, message: l10n.t('“{0}”按经济分类列示，而 {1} 是功能分类科目', t.title, row.code) });
          else if (!econ && isEcon && part.rows.some((r) => r.code?.startsWith('2'))) ctx.report({ range, text: row.code, message: l10n.t('“{0}”按功能分类列示，而 {1} 是经济分类科目', t.title, row.code) });
        }
      }, t.kind);
    }
  },
};
