/** text.sign: “增加 -4.79万元”: a change word with a negative amount (fix: the opposite word, the amount without its sign). */
import { Text } from '../../model';
import { Change } from '../../narrative/changes';
import { opposite } from '../../narrative/phrases';
import { Rule, RuleContext } from '../types';
import { eachText, rr } from './common';
import * as l10n from '../../l10n';

function check(ctx: RuleContext, t: Text, ch: Change): void {
  const a = ch.amount;
  if (a.value.sign() >= 0) return;
  const word = opposite(ch.word);
  // the word replaced and the minus sign removed; what is between them is left as written (it may hold escapes)
  const edits = [
    { range: rr(t, ch.wordStart, ch.wordStart + ch.word.length), newText: word },
    { range: rr(t, a.start, a.start + 1), newText: '' },
  ];
  // a negative rate with its own word is turned round with it
  if (ch.rate && ch.rate.value.sign() < 0 && ch.rateWord && ch.rateWordStart !== undefined) {
    edits.push(
      { range: rr(t, ch.rateWordStart, ch.rateWordStart + ch.rateWord.length), newText: opposite(ch.rateWord) },
      { range: rr(t, ch.rate.start, ch.rate.start + 1), newText: '' },
    );
  }
  const fixed = `${word} ${a.raw.replace(/^-/, '')}`;
  ctx.report({
    range: rr(t, ch.wordStart, a.end),
    message: l10n.t('“{0} {1}”：负数与“{0}”矛盾，应写作“{2} {3}”', ch.word, a.raw, word, a.raw.replace(/^-/, '')),
    fixes: [{ title: edits.length > 2 ? l10n.t('改为“{0}”并相应改写比率', fixed) : l10n.t('改为“{0}”', fixed), edits }],
  });
}

export const rule: Rule = {
  meta: {
    id: 'text.sign', group: 'narrative', severity: 'warning', fixable: 'safe',
    description: '增减词与负数矛盾（增加 -4.79万元）',
    descriptionEn: 'A change word contradicts a negative amount',
    example: '“增加 -4.79万元”：负数与“增加”矛盾，应写作“减少 4.79万元”',
    messages: {
      '“{0} {1}”：负数与“{0}”矛盾，应写作“{2} {3}”': '"{0} {1}": a negative amount contradicts "{0}"; write "{2} {3}"',
      '改为“{0}”并相应改写比率': 'Change to "{0}" and rewrite the rate accordingly',
      '改为“{0}”': 'Change to "{0}"',
    },
  },
  run(ctx) {
    eachText(ctx, (t, r) => {
      for (const ch of r.changes) check(ctx, t, ch);
    }, (r) => r.changes.some((c) => c.amount.value.sign() < 0));
  },
};
