/** text.flat: a change of 0 written as one (增加0万元, 增加0辆): the wording for no change is 持平. */
import { alt, WORDS } from '../../narrative/phrases';
import { Rule } from '../types';
import { eachText, rr } from './common';
import * as l10n from '../../l10n';

/** A change word, then 0 and a unit (a count, 万元, %): no change written as a change. */
const ZERO = new RegExp(`(?<=(${alt([...WORDS.up, ...WORDS.down])}))0(个|辆|人|次|万元|%)`, 'g');

export const rule: Rule = {
  meta: {
    id: 'text.flat', group: 'narrative', severity: 'information',
    description: '变化为 0 时宜写“持平”',
    descriptionEn: 'No change is written 持平',
    example: '变化为 0，宜写“持平”，而不是“增加0万元”',
    messages: {
      '变化为 0，宜写“持平”，而不是“{0}”': 'The change is 0: write "持平" (unchanged), not "{0}"',
    },
  },
  run(ctx) {
    eachText(ctx, (t) => {
      for (const m of t.value.matchAll(ZERO)) {
        const at = m.index! - m[1].length;
        ctx.report({ range: rr(t, at, m.index! + m[0].length), message: l10n.t('变化为 0，宜写“持平”，而不是“{0}”', `${m[1]}0${m[2]}`) });
      }
    }, (r, t) => t.value.includes('0'));
  },
};
