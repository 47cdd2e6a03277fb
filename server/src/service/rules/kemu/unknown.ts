/** kemu.unknown: a code the catalogue does not know, in a table or written in the text (the catalogue may be incomplete). */
import { Row } from '../../model';
import { gridOf, NO_CODE } from '../../grid';
import { Rule } from '../types';
import { catalogueVersion, entryLookup, kemuInText } from './common';
import * as l10n from '../../l10n';

export const rule: Rule = {
  meta: {
    id: 'kemu.unknown', group: 'kemu', severity: 'information',
    description: '科目目录中没有这个代码（目录可能不全，请核对当年的政府收支分类科目）',
    descriptionEn: 'A code the catalogue does not know (it may be incomplete)',
    example: '目录中没有科目 2011399（201 一般公共服务支出 下）；目录可能不全，请核对2024 版政府收支分类科目',
    messages: {
      '{0} 版': 'the {0} edition of the',
      '目录中没有科目 {0}（{1} 下）；目录可能不全，请核对{2}政府收支分类科目': 'The catalogue has no 科目 {0} (under {1}); it may be incomplete: check {2} 政府收支分类科目',
      '目录中没有科目 {0}；目录可能不全，请核对{1}政府收支分类科目': 'The catalogue has no 科目 {0}; it may be incomplete: check {1} 政府收支分类科目',
      '目录中没有科目 {0}；目录可能不全，请核对': 'The catalogue has no 科目 {0}; it may be incomplete: please check',
    },
  },
  run(ctx) {
    const cat = ctx.catalogue;
    const ed = ctx.edition ? l10n.t('{0} 版', ctx.edition) : '';
    // the rows of a large report repeat the same codes: each asked once, rows not read when their codes are known
    const entryOf = entryLookup(ctx);
    for (const t of ctx.model.tables) {
      ctx.cached(t, () => {
        for (const part of t.parts) {
          const codes = gridOf(part)?.codes;
          let coded = 0;
          for (let r = 0; r < part.rows.length; r++) {
            if (codes ? codes[r] === NO_CODE : !part.rows[r].code) continue;
            coded++;
            if (!entryOf(codes, part, r)) report(part.rows[r]);
          }
          if (coded) ctx.examined(coded);
        }
      }, catalogueVersion(ctx));
    }
    function report(row: Row): void {
      const code = row.code!;
      const parent = code.length > 3 ? cat.get(code.slice(0, 3), ctx.edition) : undefined;
      ctx.report({
        range: row.codeRange ?? row.keyRange, text: code,
        message: parent ? l10n.t('目录中没有科目 {0}（{1} 下）；目录可能不全，请核对{2}政府收支分类科目', code, `${parent.code} ${parent.name}`, ed) : l10n.t('目录中没有科目 {0}；目录可能不全，请核对{1}政府收支分类科目', code, ed),
      });
    }
    for (const k of kemuInText(ctx.model)) {
      ctx.examined();
      if (!cat.get(k.code, ctx.edition)) ctx.report({ range: k.range, text: k.name, message: l10n.t('目录中没有科目 {0}；目录可能不全，请核对', k.code) });
    }
  },
};
