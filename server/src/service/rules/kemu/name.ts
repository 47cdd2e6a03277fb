/**
 * kemu.name: a 科目 name, in a table row or written in the text, that differs from the catalogue's
 * for that code and edition (warning; information when the catalogue entry is not checked), with a
 * fix to the catalogue's name (it changes no number).
 */
import { KemuEntry, STATUS_TEXT } from '../../kemu';
import { Range } from '../../model';
import { gridOf, NO_CODE } from '../../grid';
import { Rule, RuleContext } from '../types';
import { catalogueVersion, entryLookup, kemuInText, nameVerdict } from './common';
import * as l10n from '../../l10n';

function nameFinding(ctx: RuleContext, code: string, written: string, range: Range, e: KemuEntry, allowShort: boolean): void {
  const v = nameVerdict(written, e, allowShort);
  if (v === 'ok') return;
  const ed = ctx.edition ? l10n.t('{0} 版', ctx.edition) : '';
  const unchecked = e.status.startsWith('compiled');
  const why = v === 'older' ? l10n.t('，这是旧版本的名称') : v === 'mistake' ? l10n.t('，这个名称是常见的误写') : '';
  ctx.report({
    range, text: written, severity: unchecked && v === 'differs' ? 'information' : 'warning',
    message: l10n.t('科目 {0} 在{1}目录中名为“{2}”，这里写作“{3}”', code, ed, e.name, written) + why + (unchecked ? l10n.t('（目录条目{0}）', l10n.t(STATUS_TEXT[e.status])) : ''),
    fixes: [{ title: l10n.t('改为目录名称“{0}”', e.name), edits: [{ range, newText: e.name }] }],
  });
}

export const rule: Rule = {
  meta: {
    id: 'kemu.name', group: 'kemu', severity: 'warning', fixable: 'safe',
    description: '科目名称与当年科目目录不同（旧名称、常见误写或别的名称）',
    descriptionEn: 'A 科目 name differs from the catalogue\'s for that code and edition',
    example: '科目 2101101 在2024 版目录中名为“行政单位医疗”，这里写作“行政事业单位医疗”',
    messages: {
      '{0} 版': 'the {0} edition of the',
      '科目 {0} 在{1}目录中名为“{2}”，这里写作“{3}”': '科目 {0} is named "{2}" in {1} catalogue; here it is written "{3}"',
      '，这是旧版本的名称': ', which is the name of an older edition',
      '，这个名称是常见的误写': ', a common miswriting',
      '（目录条目{0}）': ' (catalogue entry {0})',
      '改为目录名称“{0}”': 'Change to the catalogue name "{0}"',
    },
  },
  run(ctx) {
    const entryOf = entryLookup(ctx);
    for (const t of ctx.model.tables) {
      ctx.cached(t, () => {
        for (const part of t.parts) {
          const codes = gridOf(part)?.codes;
          for (let r = 0; r < part.rows.length; r++) {
            if (codes && codes[r] === NO_CODE) continue;
            const row = part.rows[r];
            if (!row.code || !row.name) continue;
            const e = entryOf(codes, part, r);
            ctx.examined();
            if (e) nameFinding(ctx, row.code, row.name, row.nameRange, e, false);
          }
        }
      }, catalogueVersion(ctx));
    }
    for (const k of kemuInText(ctx.model)) {
      const e = ctx.catalogue.get(k.code, ctx.edition);
      ctx.examined();
      if (e) nameFinding(ctx, k.code, k.name, k.range, e, true);
    }
  },
};
