/** text.contradiction: the same total said to rise in one sentence and to fall in another (by the same amount). */
import { trimTo } from '../../decimal';
import { Text } from '../../model';
import { Change } from '../../narrative/changes';
import { Rule } from '../types';
import { read, rr, texts } from './common';
import * as l10n from '../../l10n';

/**
 * The changes said with a current total and an amount not zero, each with its key: the same amounts
 * however written (1,687.40万元 and 1687.4万元; 4.79万元 and 47,900.00元).
 */
function keyed(changes: readonly Change[]): Array<{ key: string; ch: Change }> {
  const out: Array<{ key: string; ch: Change }> = [];
  for (const ch of changes) if (ch.current && !ch.amount.wan.isZero()) out.push({ key: `${trimTo(ch.current.wan, 0)}|${trimTo(ch.amount.wan.abs(), 0)}`, ch });
  return out;
}

const goesUp = (c: Change) => (c.dir === 'up') === (c.amount.value.sign() >= 0);

export const rule: Rule = {
  meta: {
    id: 'text.contradiction', group: 'narrative', severity: 'error',
    description: '同一数额前面说增加、后面说减少',
    descriptionEn: 'The same change said to rise in one sentence and to fall in another',
    example: '同一数额（702.98万元）前面说“增加95.83万元”，这里说“减少95.83万元”，增减说法相反',
    messages: {
      '同一数额（{0}）前面说“{1}”，这里说“{2}”，增减说法相反': 'For the same amount ({0}) the text says "{1}" earlier and "{2}" here: opposite directions',
      '前面的说法：{0}': 'Earlier: {0}',
    },
  },
  run(ctx) {
    const seen = new Map<string, { ch: Change; text: Text }>();
    for (const { text } of texts(ctx)) {
      // each text's changes by their keys, kept with its reading (a check after an edit elsewhere makes none again)
      for (const { key, ch: b } of ctx.memo(read(ctx, text), 'text.contradiction:keys', (r) => keyed(r.changes))) {
        ctx.examined();
        const a = seen.get(key);
        if (!a) {
          seen.set(key, { ch: b, text });
          continue;
        }
        if (goesUp(a.ch) === goesUp(b)) continue;
        ctx.report({
          range: rr(text, b.wordStart, b.amount.end),
          message: l10n.t('同一数额（{0}）前面说“{1}”，这里说“{2}”，增减说法相反', b.current!.raw, a.ch.word + a.ch.amount.raw, b.word + b.amount.raw),
          related: [{ range: rr(a.text, a.ch.wordStart, a.ch.amount.end), message: l10n.t('前面的说法：{0}', a.ch.word + a.ch.amount.raw) }],
        });
      }
    }
  },
};
