/** glossary.duplicate: the same term defined twice in the 名词解释 (fix: delete the second; no number changes). */
import { GlossaryEntry } from '../../model';
import { normName } from '../../names';
import { Rule } from '../types';
import { lineEndOf, lineStartOf, numberOf } from './terms';
import * as l10n from '../../l10n';

export const rule: Rule = {
  meta: {
    id: 'glossary.duplicate', group: 'glossary', severity: 'warning', fixable: 'safe',
    description: '名词解释中同一术语定义了两次',
    descriptionEn: 'A term defined twice in the glossary',
    example: '“基本支出”在名词解释中定义了两次（前面第 9 条已有定义）',
    messages: {
      '“{0}”在名词解释中定义了两次（前面第 {1} 条已有定义）': '"{0}" is defined twice in the glossary (entry {1} above already defines it)',
      '第一次定义：{0}': 'First definition: {0}',
      '删除重复的“{0}”': 'Delete the repeated "{0}"',
    },
  },
  run(ctx) {
    const seen = new Map<string, GlossaryEntry>();
    for (const e of ctx.model.glossary) {
      ctx.examined();
      const k = normName(e.term);
      const first = seen.get(k);
      if (!first) { seen.set(k, e); continue; }
      ctx.report({
        range: e.termRange, text: e.term,
        message: l10n.t('“{0}”在名词解释中定义了两次（前面第 {1} 条已有定义）', e.term, numberOf(first.number) ?? '?'),
        related: [{ range: first.termRange, message: l10n.t('第一次定义：{0}', (first.number ?? '') + first.term) }],
        fixes: [{ title: l10n.t('删除重复的“{0}”', e.term), edits: [{ range: { start: lineStartOf(ctx.text, e.range.start), end: lineEndOf(ctx.text, e.range.end) }, newText: '' }] }],
      });
    }
  },
};
