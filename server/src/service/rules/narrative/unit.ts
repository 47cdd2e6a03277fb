/**
 * text.unit: a garbled amount unit (支出决算万5.00元 → 5.00万元; not 1万5000元, an amount written with 万), or the same amount written with 万(元) and
 * with 元 in one paragraph (one of the two units is wrong).
 */
import { Decimal } from '../../decimal';
import { Text } from '../../model';
import { paragraphAt } from '../../narrative/sentences';
import { Tok, unitWord } from '../../narrative/tokens';
import { Rule, RuleContext } from '../types';
import { eachText, rr } from './common';
import * as l10n from '../../l10n';

function garbled(ctx: RuleContext, t: Text): void {
  for (const m of t.value.matchAll(/(?<![\d.,])万(\d[\d,]*(?:\.\d+)?)元/g)) {
    const fixed = `${m[1]}万元`;
    const range = rr(t, m.index!, m.index! + m[0].length);
    ctx.report({ range, message: l10n.t('金额单位写错：“{0}”应为“{1}”', m[0], fixed), fixes: [{ title: l10n.t('改为“{0}”', fixed), edits: [{ range, newText: fixed }] }] });
  }
}

function mixed(ctx: RuleContext, t: Text, toks: Tok[]): void {
  for (const a of toks) {
    if (a.kind !== 'amount' || a.unit !== '元' || a.value.cmp(Decimal.fromInt(1)) < 0) continue;
    const p = paragraphAt(t.value, a.start);
    const b = toks.find((x) => x !== a && x.kind === 'amount' && x.unit === '万元' && x.start >= p.start && x.end <= p.end && x.value.eq(a.value));
    if (!b) continue;
    ctx.report({
      range: rr(t, a.start, a.end), severity: 'warning', related: [{ range: rr(t, b.start, b.end), message: l10n.t('同一段中写作 {0}', b.raw) }],
      message: l10n.t('同一金额 {0} 在同一段中一处写“{1}”，这里写“元”：单位可能写错', a.value.toString(), unitWord(b)),
    });
  }
}

export const rule: Rule = {
  meta: {
    id: 'text.unit', group: 'narrative', severity: 'error', fixable: 'safe',
    description: '金额单位写错（万5.00元），或同一金额一处写万元、一处写元',
    descriptionEn: 'A wrong amount unit',
    example: '金额单位写错：“万5.00元”应为“5.00万元”',
    messages: {
      '金额单位写错：“{0}”应为“{1}”': 'Wrong amount unit: "{0}" should be "{1}"',
      '改为“{0}”': 'Change to "{0}"',
      '同一段中写作 {0}': 'Written as {0} in the same paragraph',
      '同一金额 {0} 在同一段中一处写“{1}”，这里写“元”：单位可能写错': 'The same amount {0} is written with "{1}" elsewhere in this paragraph and with "元" here: the unit may be wrong',
    },
  },
  run(ctx) {
    eachText(ctx, (t, r) => {
      garbled(ctx, t);
      mixed(ctx, t, r.toks);
    }, (_r, t) => t.value.includes('元'));
  },
};
