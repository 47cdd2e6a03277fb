/** glossary.numbering: the 名词解释 numbering repeated, out of order or skipped. */
import { GlossaryEntry } from '../../model';
import { Rule } from '../types';
import { numberOf } from './terms';
import * as l10n from '../../l10n';

export const rule: Rule = {
  meta: {
    id: 'glossary.numbering', group: 'glossary', severity: 'warning',
    description: '名词解释的编号重复、顺序不对或跳号',
    descriptionEn: 'Glossary numbering repeated, out of order or skipped',
    example: '编号跳过了：上一条是第 7 条，这一条是第 9 条（缺第 8 条）',
    messages: {
      '编号 {0} 重复（前面已有第 {0} 条“{1}”）': 'Number {0} is repeated (entry {0} "{1}" comes before)',
      '第 {0} 条': 'Entry {0}',
      '编号顺序不对：上一条是第 {0} 条，这一条是第 {1} 条': 'Numbering out of order: the previous entry is {0}, this one is {1}',
      '编号跳过了：上一条是第 {0} 条，这一条是第 {1} 条（缺第 {2} 条）': 'Numbering skips: the previous entry is {0}, this one is {1} ({2} is missing)',
    },
  },
  run(ctx) {
    const numbered = ctx.model.glossary.filter((e) => numberOf(e.number) !== undefined);
    if (numbered.length < 2) return;
    let max = 0;
    const used = new Map<number, GlossaryEntry>();
    for (const e of numbered) {
      ctx.examined();
      const n = numberOf(e.number)!;
      const range = { start: e.range.start, end: e.termRange.start > e.range.start ? e.termRange.start : e.termRange.end };
      const text = e.number;
      if (used.has(n)) {
        ctx.report({ range, text, message: l10n.t('编号 {0} 重复（前面已有第 {0} 条“{1}”）', n, used.get(n)!.term), related: [{ range: used.get(n)!.termRange, message: l10n.t('第 {0} 条', n) }] });
      } else if (n < max) {
        ctx.report({ range, text, message: l10n.t('编号顺序不对：上一条是第 {0} 条，这一条是第 {1} 条', max, n) });
      } else if (n > max + 1) {
        ctx.report({ range, text, message: l10n.t('编号跳过了：上一条是第 {0} 条，这一条是第 {1} 条（缺第 {2} 条）', max, n, max + 1) });
      }
      if (!used.has(n)) used.set(n, e);
      if (n > max) max = n;
    }
  },
};
