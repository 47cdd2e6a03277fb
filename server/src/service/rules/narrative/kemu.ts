/**
 * text.kemu: a 科目 written in the 情况说明 as a path (医疗卫生与计划生育支出（210类）…, 一般公共服务支出（类）
 * 商贸事务（款）…（项）, “…-…-…”) under a name that is not the one the report's own tables give that code,
 * or — when no table has it — not the catalogue's. Fix: the table's (or the catalogue's) name. The code
 * form 201（一般公共服务）13（…）… is kemu.name's.
 */
import { Text } from '../../model';
import { KemuPath, PathSegment } from '../../narrative/kemu-path';
import { nameVerdict } from '../kemu/common';
import { Rule, RuleContext } from '../types';
import { read, rr, texts } from './common';
import { functionRows, FunctionRows, resolvePath, sameKemuName, segmentCode } from './kemu-rows';
import * as l10n from '../../l10n';

function segment(ctx: RuleContext, t: Text, rows: FunctionRows, s: PathSegment, code: string, byName: boolean): void {
  const range = rr(t, s.start, s.end);
  const tableName = rows.names.get(code);
  const entry = ctx.catalogue.get(code, ctx.edition);
  if (tableName !== undefined) {
    if (sameKemuName(s.name, tableName)) return;
    const older = entry && nameVerdict(s.name, entry, true) === 'older' ? l10n.t('（“{0}”是旧版本的名称）', s.name) : '';
    ctx.report({
      range, text: s.name,
      message: l10n.t('科目 {0}（{1}）文中写作“{2}”，而报告的表中名为“{3}”', code, s.level, s.name, tableName) + older,
      fixes: [{ title: l10n.t('改为表中的名称“{0}”', tableName), edits: [{ range, newText: tableName }] }],
    });
  } else if (entry && !byName && nameVerdict(s.name, entry, true) !== 'ok' && nameVerdict(s.name, entry, true) !== 'older') {
    ctx.report({
      range, text: s.name,
      message: l10n.t('科目 {0}（{1}）文中写作“{2}”，而科目目录中名为“{3}”', code, s.level, s.name, entry.name),
      fixes: [{ title: l10n.t('改为目录名称“{0}”', entry.name), edits: [{ range, newText: entry.name }] }],
    });
  }
}

function path(ctx: RuleContext, t: Text, rows: FunctionRows, p: KemuPath): void {
  if (p.form === 'codes') return;
  const res = resolvePath(rows, p);
  if (!res) return;
  ctx.examined(p.segments.length);
  for (const s of p.segments) segment(ctx, t, rows, s, segmentCode(res.code, s.level), res.byName);
}

export const rule: Rule = {
  meta: {
    id: 'text.kemu', group: 'narrative', severity: 'warning', fixable: 'safe',
    description: '情况说明中写出的科目名称（X（类）Y（款）Z（项））与报告的表（或科目目录）中该科目的名称不同',
    descriptionEn: 'A 科目 named in the narrative differs from the name the report\'s tables (or the catalogue) give it',
    example: '科目 210（类）文中写作“医疗卫生与计划生育支出”，而报告的表中名为“卫生健康支出”',
    messages: {
      '科目 {0}（{1}）文中写作“{2}”，而报告的表中名为“{3}”': '科目 {0} ({1}) is written "{2}" in the text, but the report\'s tables name it "{3}"',
      '科目 {0}（{1}）文中写作“{2}”，而科目目录中名为“{3}”': '科目 {0} ({1}) is written "{2}" in the text, but the catalogue names it "{3}"',
      '（“{0}”是旧版本的名称）': ' ("{0}" is the name of an older edition)',
      '改为表中的名称“{0}”': 'Change to the tables\' name "{0}"',
      '改为目录名称“{0}”': 'Change to the catalogue name "{0}"',
    },
  },
  run(ctx) {
    const rows = functionRows(ctx);
    for (const { text } of texts(ctx)) for (const p of read(ctx, text).paths) path(ctx, text, rows, p);
  },
};
