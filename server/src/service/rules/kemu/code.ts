/** kemu.code: a row key that starts like a 科目代码 but is not 3, 5 or 7 digits (a row's numbering “1.” is not a code). */
import { gridOf, NO_CODE } from '../../grid';
import { Rule } from '../types';
import { ROW_NUMBERING } from './common';
import { keySubRange } from '../../frontends/common';
import * as l10n from '../../l10n';

export const rule: Rule = {
  meta: {
    id: 'kemu.code', group: 'kemu', severity: 'error',
    description: '科目代码应为 3 位（类）、5 位（款）或 7 位（项）数字（行前的编号“1.”“（一）”不是代码）',
    descriptionEn: 'A 科目 code has 3, 5 or 7 digits (a row\'s numbering is not a code)',
    example: '科目代码应为 3 位（类）、5 位（款）或 7 位（项）数字，“20113O8”含有非数字字符',
    messages: {
      '科目代码应为 3 位（类）、5 位（款）或 7 位（项）数字，“{0}”{1}': 'A 科目 code has 3 (类), 5 (款) or 7 (项) digits; "{0}" {1}',
      '含有非数字字符': 'has characters that are not digits',
      '有 {0} 位': 'has {0} digits',
    },
  },
  run(ctx) {
    for (const t of ctx.model.tables) {
      ctx.cached(t, () => {
        for (const part of t.parts) {
          if (part.rows.length) ctx.examined(part.rows.length);
          // the rows with a code are fine: known from the grid's codes without reading them
          const codes = gridOf(part)?.codes;
          for (let r = 0; r < part.rows.length; r++) {
            if (codes && codes[r] !== NO_CODE) continue;
            const row = part.rows[r];
            if (row.code || ROW_NUMBERING.test(row.key)) continue;
          const m = /^[ \u3000]*([0-9０-９][0-9A-Za-z０-９.]*)(?=[ \u3000]|$)/.exec(row.key);
          if (!m || /^\d{4}年/.test(row.key)) continue;
          const c = m[1];
          const what = /[^0-9]/.test(c) ? l10n.t('含有非数字字符') : l10n.t('有 {0} 位', c.length);
          const at = m.index + (m[0].length - c.length);
          ctx.report({ range: keySubRange(row, at, at + c.length), text: c, message: l10n.t('科目代码应为 3 位（类）、5 位（款）或 7 位（项）数字，“{0}”{1}', c, what) });
          }
        }
      });
    }
  },
};
