/**
 * sum.total: 合计/总计 = Σ 类 in a table keyed by 科目代码; and the row equalities of rules.json
 * (收支总表 本年收入合计 = Σ 各项收入, 总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 …;
 * 公开06表 人员经费合计 = 301 + 303 …).
 */
import { Row, Table, TablePart } from '../../model';
import { findRow, rowKey } from '../../layouts';
import { Rule, RuleContext } from '../types';
import { cellRef, checkRowSums, checkSum, EQUALITY_MESSAGES, rowsAt } from './equality';
import { codeLengthAt, gridOf } from '../../grid';
import { numberedRows, ROW_RULES, RowRule, rulePart, SPEC_MESSAGES } from './spec';
import * as l10n from '../../l10n';

function grandTotal(ctx: RuleContext, t: Table, part: TablePart): void {
  const rows = part.rows;
  const grid = gridOf(part);
  // the 类: the codes of the shortest length (a table keyed by 科目 has thousands of rows: no arrays of
  // them made, and their lengths read from the grid's code numbers when the parser made them)
  const codes = grid?.codes;
  const len = (k: number) => codeLengthAt(codes, part, k);
  let top = Infinity;
  for (let k = 0; k < rows.length; k++) {
    const l = len(k);
    if (l > 0 && l < top) top = l;
  }
  if (top === Infinity) return;
  const totals: number[] = [];
  for (let k = 0; k < rows.length; k++) if (len(k) === 0 && /^(合计|总计)$/.test(rowKey(rows[k].name))) totals.push(k);
  if (totals.length === 0) return;
  const tops: number[] = [];
  for (let k = 0; k < rows.length; k++) if (len(k) === top) tops.push(k);
  const what = l10n.t('各类之和');
  checkRowSums(ctx, t, part, totals.map((r) => ({ r, children: tops, what })));
}

function rowRule(ctx: RuleContext, t: Table, rr: RowRule): void {
  const what = l10n.t('{0} = 各项之和', rr.total.split('|')[0]);
  const part = rulePart(ctx, t, rr.part, what);
  if (!part) return;
  if (rr.unless?.some((u) => findRow(part, u))) return; // another layout: its own rule applies
  const total = findRow(part, rr.total);
  if (!total) {
    if (rr.required) ctx.couldNot(t, what, l10n.t('找不到行“{0}”', rr.total.split('|')[0]));
    return;
  }
  const ti = part.rows.indexOf(total);
  let partRows: Row[] = [];
  if (Array.isArray(rr.parts)) {
    const missing: string[] = [];
    for (const spec of rr.parts) {
      const r = findRow(part, spec, { from: rr.after ? ti + 1 : 0 });
      if (r && r !== total) partRows.push(r);
      else missing.push(spec.split('|')[0]);
    }
    if (missing.length && !rr.optional) {
      ctx.couldNot(t, what, l10n.t('找不到行“{0}”', missing.join(l10n.listSep())));
      return;
    }
  } else {
    partRows = numberedRows(part, ti);
  }
  if (partRows.length === 0) return;
  part.columns.forEach((col, i) => {
    if (col.kind === 'amount') checkSum(ctx, cellRef(t, part, total, i), rowsAt(t, part, partRows, i), l10n.t('各项之和'), { table: t });
  });
}

export const rule: Rule = {
  meta: {
    id: 'sum.total', group: 'tables', severity: 'error', fixable: 'number',
    description: '合计/总计 = Σ 类；收支总表 本年收入合计 = Σ 各项收入、总计 = 本年收入合计 + 结转结余 …；公开06表 人员经费合计 = 301 + 303、公用经费合计 = 302 + 307 + 310 + 399',
    descriptionEn: '合计/总计 = Σ 类; in 收支总表 本年收入合计 = Σ the items, 总计 = 本年收入合计 + carry-over …; 公开06表 personnel and public funds totals',
    example: '合计 335.56 ≠ 各类之和 335.57（差 0.01）',
    messages: { ...EQUALITY_MESSAGES, ...SPEC_MESSAGES, '各类之和': 'the sum of the 类', '各项之和': 'the sum of the items', '{0} = 各项之和': '{0} = the sum of its items', '找不到行“{0}”': 'No row "{0}"' },
  },
  run(ctx) {
    for (const t of ctx.model.tables) {
      ctx.cached(t, () => {
        for (const part of t.parts) grandTotal(ctx, t, part);
        for (const rr of ROW_RULES) if (t.kind && rr.tables.includes(t.kind)) rowRule(ctx, t, rr);
      }, t.kind);
    }
  },
};
