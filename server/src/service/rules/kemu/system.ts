/** kemu.system: a 功能分类 code in an 经济分类 table, or an 经济分类 code in a table that lists 功能分类 codes. */
import { codeFirstDigit, gridOf, NO_CODE } from '../../grid';
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
        for (const part of t.parts) {
          // the first digit of each code from the grid's code numbers (no row read unless it is reported)
          const codes = gridOf(part)?.codes;
          const first = (r: number) => (codes ? (codes[r] === NO_CODE ? -1 : codeFirstDigit(codes[r])) : part.rows[r].code ? part.rows[r].code!.charCodeAt(0) - 48 : -1);
          let functional: boolean | undefined;
          let coded = 0;
          for (let r = 0; r < part.rows.length; r++) {
            const d = first(r);
            if (d < 0) continue;
            coded++;
            const isEcon = d === 3 || d === 5;
            if (econ === isEcon) continue;
            if (!econ) {
              if (functional === undefined) {
                functional = false;
                for (let k = 0; k < part.rows.length && !functional; k++) functional = first(k) === 2;
              }
              if (!functional) continue;
            }
            const row = part.rows[r];
            const range = row.codeRange ?? row.keyRange;
            ctx.report({ range, text: row.code, message: econ ? l10n.t('“{0}”按经济分类列示，而 {1} 是功能分类科目', t.title, row.code!) : l10n.t('“{0}”按功能分类列示，而 {1} 是经济分类科目', t.title, row.code!) });
          }
          if (coded) ctx.examined(coded);
        }
      }, t.kind);
    }
  },
};
