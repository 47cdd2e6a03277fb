/**
 * text.flat: no change written as a change (增加0万元, 增加0辆: the wording is 持平), or 持平 after 比
 * (比2024年预算持平: the wording is 与2024年预算持平).
 */
import { alt, WORDS } from '../../narrative/phrases';
import { Rule } from '../types';
import { eachText, rr } from './common';
import * as l10n from '../../l10n';

/** A change word, then 0 and a unit (a count, 万元, %), spaces between as in 增加 0个: no change written as a change. */
const ZERO = new RegExp(`(${alt([...WORDS.up, ...WORDS.down])})[ \\t\\u3000]*0(个|辆|人|次|万元|%)`, 'g');

/** 比 … 持平 in one clause (not 相比/对比, and no 与 between). */
const BI_FLAT = new RegExp(`(?<![相对])比([^，。；与\\n]{1,16}?)(${alt(WORDS.flat)})`, 'g');

export const rule: Rule = {
  meta: {
    id: 'text.flat', group: 'narrative', severity: 'information', fixable: 'safe',
    description: '变化为 0 时宜写“持平”；持平前用“与”（与上年持平），不用“比”',
    descriptionEn: 'No change is written 持平',
    example: '变化为 0，宜写“持平”，而不是“增加0万元”',
    messages: {
      '变化为 0，宜写“持平”，而不是“{0}”': 'The change is 0: write "持平" (unchanged), not "{0}"',
      '“{0}”：说持平应写“与…持平”，不用“比”': '"{0}": 持平 goes with 与 (与…持平), not with 比',
      '改为“与{0}{1}”': 'Change to "与{0}{1}"',
    },
  },
  run(ctx) {
    eachText(ctx, (t) => {
      for (const m of t.value.matchAll(ZERO)) {
        ctx.report({ range: rr(t, m.index!, m.index! + m[0].length), message: l10n.t('变化为 0，宜写“持平”，而不是“{0}”', `${m[1]}0${m[2]}`) });
      }
      for (const m of t.value.matchAll(BI_FLAT)) {
        const range = rr(t, m.index!, m.index! + 1);
        ctx.report({ range, message: l10n.t('“{0}”：说持平应写“与…持平”，不用“比”', m[0]), fixes: [{ title: l10n.t('改为“与{0}{1}”', m[1], m[2]), edits: [{ range, newText: '与' }] }] });
      }
    }, (_r, t) => t.value.includes('0') || t.value.includes('比'));
  },
};
