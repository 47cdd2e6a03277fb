/** text.duplicate: a word written twice in a row (增长增长, 支出支出), from data/narrative-links.json doubledWords. */
import links from '../../data/narrative-links.json';
import { alt } from '../../narrative/phrases';
import { Rule } from '../types';
import { eachText, rr } from './common';
import * as l10n from '../../l10n';

const DOUBLED = new RegExp(`(${alt(links.doubledWords.words)})\\1`, 'g');

export const rule: Rule = {
  meta: {
    id: 'text.duplicate', group: 'narrative', severity: 'warning', fixable: 'safe',
    description: '同一个词连写两次（支出支出）',
    descriptionEn: 'A word written twice in a row',
    example: '“支出”连写了两次',
    messages: {
      '“{0}”连写了两次': '"{0}" is written twice in a row',
      '删去重复的“{0}”': 'Delete the repeated "{0}"',
    },
  },
  run(ctx) {
    eachText(ctx, (t) => {
      for (const m of t.value.matchAll(DOUBLED)) {
        const at = m.index!;
        ctx.report({
          range: rr(t, at, at + m[0].length), message: l10n.t('“{0}”连写了两次', m[1]),
          fixes: [{ title: l10n.t('删去重复的“{0}”', m[1]), edits: [{ range: rr(t, at + m[1].length, at + m[0].length), newText: '' }] }],
        });
      }
    });
  },
};
