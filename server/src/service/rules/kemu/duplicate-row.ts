/**
 * kemu.duplicateRow: one 科目 written as two rows of the same table (or side of a table). Its
 * amounts would be counted twice in every sum; the sums' findings then point at totals, this one at
 * the row. A second row that repeats the first exactly may be deleted (offered on the finding only:
 * it removes typed numbers).
 */
import { Row } from '../../model';
import { lineEndOf, lineStartOf } from '../glossary/terms';
import { Rule } from '../types';
import { perCodes } from '../context';
import * as l10n from '../../l10n';

/** How many rows have a code, and each row whose code an earlier row has: [its row number, the earlier one's]. */
function repeatsOf(rows: Row[]): { coded: number; repeats: Array<[number, number]> } {
  const seen = new Map<string, number>();
  const repeats: Array<[number, number]> = [];
  let coded = 0;
  for (let k = 0; k < rows.length; k++) {
    const code = rows[k].code;
    if (!code) continue;
    coded++;
    const f = seen.get(code);
    if (f === undefined) seen.set(code, k);
    else repeats.push([k, f]);
  }
  return { coded, repeats };
}

export const rule: Rule = {
  meta: {
    id: 'kemu.duplicateRow', group: 'kemu', severity: 'error',
    description: '同一科目在一张表中写了两行（金额会被重复计入合计）',
    descriptionEn: 'One 科目 written as two rows of one table (its amounts counted twice)',
    example: '科目 2011308 在“支出决算表”中写了两行：这一行与前面的“2011308 招商引资”是同一科目，金额会重复计入合计',
    messages: {
      '科目 {0} 在“{1}”中写了两行：这一行与前面的“{2}”是同一科目，金额会重复计入合计': '科目 {0} is written twice in "{1}": this row and "{2}" above are the same 科目, and its amounts would be counted twice',
      '第一次写在这里：{0}': 'First written here: {0}',
      '删除重复的这一行': 'Delete this repeated row',
    },
  },
  run(ctx) {
    for (const t of ctx.model.tables) {
      ctx.cached(t, () => {
        for (const p of t.parts) {
          // which rows repeat an earlier one follows from the codes alone: once for the parts written alike
          const { coded, repeats } = perCodes(ctx, 'kemu.duplicateRow:repeats', p, () => repeatsOf(p.rows));
          if (coded) ctx.examined(coded);
          for (const [k, f] of repeats) {
            const r = p.rows[k];
            const first = p.rows[f];
            const same = ctx.text.slice(r.range.start, r.range.end).trim() === ctx.text.slice(first.range.start, first.range.end).trim();
            const title = p.name ? `${t.title} ${p.name}` : t.title;
            ctx.report({
              range: r.keyRange, text: r.key,
              message: l10n.t('科目 {0} 在“{1}”中写了两行：这一行与前面的“{2}”是同一科目，金额会重复计入合计', r.code!, title, first.key),
              related: [{ range: first.keyRange, message: l10n.t('第一次写在这里：{0}', first.key) }],
              fixes: same ? [{ title: l10n.t('删除重复的这一行'), edits: [{ range: { start: lineStartOf(ctx.text, r.range.start), end: lineEndOf(ctx.text, r.range.end) }, newText: '' }], safe: false }] : undefined,
            });
          }
        }
      });
    }
  },
};
