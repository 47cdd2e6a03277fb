/**
 * text.emptyTable: a note under a table that says it is empty (本表为空表, 本表无数据) while the table holds
 * amounts; the 情况说明 says a kind of money did not exist (无政府性基金预算财政拨款收入和支出 …) while its
 * table holds amounts; and the reverse — an amount of that money in the 情况说明 (政府性基金预算财政拨款支出
 * 45.60万元) while its table is empty.
 */
import { Cell, Table, Text } from '../../model';
import data from '../../narrative/phrases.json';
import { alt } from '../../narrative/phrases';
import { Rule, RuleContext } from '../types';
import { read, rr, texts } from './common';
import { Tok } from '../../narrative/tokens';
import * as l10n from '../../l10n';

const EMPTY_NOTE = new RegExp(alt(data.emptyTables.notes.map((p) => p.text)));

/** The first amount of a table that is not 0. */
function firstAmount(t: Table): Cell | undefined {
  for (const p of t.parts) for (const r of p.rows) for (const c of r.cells) if (c.kind === 'amount' && c.value && !c.value.isZero()) return c;
  return undefined;
}

function notes(ctx: RuleContext): void {
  for (const t of ctx.model.tables) {
    for (const n of t.notes) {
      ctx.examined();
      const m = EMPTY_NOTE.exec(n.text.value);
      const cell = m ? firstAmount(t) : undefined;
      if (!m || !cell) continue;
      ctx.report({
        range: rr(n.text, m.index, m.index + m[0].length),
        message: l10n.t('{0}说“{1}”，而“{2}”中有金额（如 {3}）', n.key, m[0], t.title, cell.raw),
        related: [{ range: cell.range, message: l10n.t('表中的金额：{0}', cell.raw) }],
      });
    }
  }
}

function statements(ctx: RuleContext, text: Text): void {
  for (const s of data.emptyTables.statements) {
    const at = text.value.indexOf(s.text);
    if (at < 0) continue;
    const table = ctx.model.tables.find((t) => t.kind && s.tables.includes(t.kind) && firstAmount(t));
    const cell = table && firstAmount(table);
    if (!table || !cell) continue;
    ctx.report({
      range: rr(text, at, at + s.text.length),
      message: l10n.t('文中说“{0}”，而“{1}”中有金额（如 {2}）', s.text, table.title, cell.raw),
      related: [{ range: cell.range, message: l10n.t('表中的金额：{0}', cell.raw) }],
    });
  }
}

/** A table of one of the kinds that is there and empty (every cell blank or 0). */
const emptyTableOf = (ctx: RuleContext, kinds: string[]) => ctx.model.tables.find((t) => t.kind && kinds.includes(t.kind) && !firstAmount(t));

/** 政府性基金预算财政拨款支出 45.60万元 (为, 决算, 预算 between) while that table is empty. */
function amounts(ctx: RuleContext, text: Text, toks: Tok[]): void {
  for (const term of data.emptyTables.amounts.terms) {
    for (let at = text.value.indexOf(term.text); at >= 0; at = text.value.indexOf(term.text, at + term.text.length)) {
      const end = at + term.text.length;
      const tok = toks.find((x) => x.start >= end && x.start - end <= 6);
      if (!tok || tok.kind !== 'amount' || tok.value.isZero() || !/^(?:决算|预算)?(?:数)?(?:为|是)?[ \t\u3000]*$/.test(text.value.slice(end, tok.start))) continue;
      const table = emptyTableOf(ctx, term.tables);
      if (!table) continue;
      ctx.report({
        range: rr(text, tok.start, tok.end),
        message: l10n.t('文中写“{0}”{1}，而“{2}”是空表', term.text, tok.raw, table.title),
        related: [{ range: table.keyRange, message: l10n.t('空表：{0}', table.title) }],
      });
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'text.emptyTable', group: 'narrative', severity: 'error',
    description: '表下的注说本表为空表（无数据），而表中有金额；情况说明说没有某类资金而对应的表中有金额，或写出这类资金的金额而对应的表是空表',
    descriptionEn: 'A note or the narrative says a table is empty while it holds amounts',
    example: '注说“本表为空表”，而“政府性基金预算支出功能分类预算表”中有金额（如 12,000.00）',
    messages: {
      '{0}说“{1}”，而“{2}”中有金额（如 {3}）': 'The {0} says "{1}", but "{2}" holds amounts (e.g. {3})',
      '文中说“{0}”，而“{1}”中有金额（如 {2}）': 'The text says "{0}", but "{1}" holds amounts (e.g. {2})',
      '表中的金额：{0}': 'An amount of the table: {0}',
      '文中写“{0}”{1}，而“{2}”是空表': 'The text gives "{0}" as {1}, but "{2}" is empty',
      '空表：{0}': 'The empty table: {0}',
    },
  },
  run(ctx) {
    notes(ctx);
    for (const { text } of texts(ctx)) {
      ctx.examined();
      statements(ctx, text);
      amounts(ctx, text, read(ctx, text).toks);
    }
  },
};
