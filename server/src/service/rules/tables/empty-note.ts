/**
 * table.emptyNote: an empty 政府性基金 / 国有资本经营 table with no note saying why (fix: insert the
 * standard note; it changes no number).
 */
import { Rule } from '../types';
import glossaryData from '../../data/glossary.json';
import * as l10n from '../../l10n';

const NOTES = glossaryData.emptyTableNotes as Record<string, string>;
/** Words of a note that says the table is empty (templates: “故本表无数据”, “故本表为空表”). */
export const EMPTY_WORDS = /没有|无|空表|无数据/;

export const rule: Rule = {
  meta: {
    id: 'table.emptyNote', group: 'tables', severity: 'warning', fixable: 'safe',
    description: '空的政府性基金、国有资本经营预算表要注明原因（如“本部门没有……，故本表为空表”）',
    descriptionEn: 'An empty 政府性基金 / 国有资本经营 table says why it is empty',
    example: '“政府性基金预算财政拨款收入支出决算表”是空表，但没有注明原因',
    messages: {
      '“{0}”是空表，但没有注明原因（如“{1}”）': '"{0}" is empty, but no note says why (e.g. "{1}")',
      '加入标准的空表说明': 'Insert the standard note for an empty table',
    },
  },
  run(ctx) {
    const dsl = ctx.model.syntax === 'dsl';
    for (const t of ctx.model.tables) {
      const note = NOTES[t.kind ?? ''];
      if (!note) continue;
      ctx.examined();
      const cells = t.parts.flatMap((p) => p.rows.flatMap((r) => r.cells));
      const empty = cells.every((c) => c.kind === 'empty' || (c.value?.isZero() ?? false));
      if (!empty || t.notes.some((n) => EMPTY_WORDS.test(n.text.value))) continue;
      const at = t.keyRange.end + 1;
      ctx.report({
        range: t.keyRange, text: t.key,
        message: l10n.t('“{0}”是空表，但没有注明原因（如“{1}”）', t.title, note),
        fixes: t.notes.length ? undefined : [{ title: l10n.t('加入标准的空表说明'), edits: [{ range: { start: at, end: at }, newText: dsl ? `\n注：${note}` : `\n  注: ${note}` }] }],
      });
    }
  },
};
