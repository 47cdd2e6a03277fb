/**
 * cross.*: equalities between standard tables (01 本年收入合计 = 02 合计, 04 每一类 = 05 同一类 …),
 * one rule id per relation, all of them data (rules.json crossRules). The finding sits on table b's
 * cell; no fix is offered: which of two typed numbers is wrong cannot be known. One file for the
 * family (an exception to one file per rule: the ids and their operands are data).
 */
import { Row, Table, TablePart } from '../../model';
import { findColumn, findRow, hasNumbering, rowKey } from '../../layouts';
import { normName } from '../../names';
import { Rule, RuleContext, RuleMeta } from '../types';
import { cellLabel, checkSum, EQUALITY_MESSAGES, Ref, unitShift, usable } from './equality';
import { allZero, CROSS_RULES, CrossRule, has, rulePart, SPEC_MESSAGES, tablesOfKind } from './spec';
import * as l10n from '../../l10n';

const MESSAGES: Record<string, string> = {
  ...EQUALITY_MESSAGES, ...SPEC_MESSAGES,
  '{0}中同一科目的数': 'the same 科目 in {0}', '{0}中同类的数': 'the same 类 in {0}', '{0}中{1}': '{1} in {0}', '{0}中的数': 'the amount in {0}',
  '{0} 为 {1}，但{2}中没有“{3}”这一类（应为 0 或在{2}中列出）': '{0} is {1}, but {2} has no 类 "{3}" (it should be 0, or be listed in {2})',
  '{0} 与 {1} 相等': '{0} equals {1}', '找不到行“{0}”': 'No row "{0}"', '“{0}”是几列之和，不是一列': '"{0}" is the sum of several columns, not one column',
};

function runOne(ctx: RuleContext, xr: CrossRule): void {
  const ta = tablesOfKind(ctx, xr.a.table)[0];
  const tb = tablesOfKind(ctx, xr.b.table)[0];
  if (!ta || !tb) return;
  const what = l10n.t('{0} 与 {1} 相等', `${tb.number?.value ?? xr.b.table} ${xr.b.row ?? ''}`, `${ta.number?.value ?? xr.a.table} ${xr.a.row ?? (xr.a.rows ?? []).join('+')}`);
  if (xr.when && !allZero(ctx, xr.when)) return;
  const pa = rulePart(ctx, ta, xr.a.part, what);
  const pb = rulePart(ctx, tb, xr.b.part, what);
  if (!pa || !pb || !has(pb, xr.if)) return;
  const ma = findColumn(pa, xr.a.column);
  const mb = findColumn(pb, xr.b.column);
  if (ma.kind !== 'column' || mb.kind !== 'column') {
    const bad = ma.kind !== 'column' ? [ta, ma, xr.a.column] as const : [tb, mb, xr.b.column] as const;
    ctx.couldNot(bad[0], what, bad[1].kind === 'missing' ? bad[1].why : l10n.t('“{0}”是几列之和，不是一列', bad[2].split('|')[0]));
    return;
  }
  const ca = ma.index;
  const cb = mb.index;
  // table a's cells in table b's unit (a 元 table against a 万元 one is compared exactly)
  const shift = unitShift(ta.unit, tb.unit);
  const ref = (t: Table, p: TablePart, r: Row, c: number): Ref => ({ cell: r.cells[c], sign: 1, shift: t === ta && shift ? shift : undefined, label: () => cellLabel(t, p, r, c, true) + (t === ta && shift ? `（${ta.unit}）` : '') });
  const where = `${ta.number?.value ?? ta.title}`;
  if (xr.a.row === '*科目') {
    for (const br of pb.rows) {
      if (!br.code) continue;
      const ar = pa.rows.find((x) => x.code === br.code);
      if (ar) checkSum(ctx, ref(tb, pb, br, cb), [ref(ta, pa, ar, ca)], l10n.t('{0}中同一科目的数', where), { fix: false, table: tb });
    }
    return;
  }
  if (xr.a.row === '*类') {
    // every 类 of table a against the same 类 (by name) in table b
    const classes = pa.rows.filter((r) => r.level === '类');
    if (classes.length === 0) return;
    const bRows = pb.rows.filter((r) => (r.code ? r.level === '类' : hasNumbering(r) && !/合计|总计/.test(r.name)));
    for (const br of bRows) {
      const ar = classes.find((x) => normName(x.name) === normName(br.name));
      const bc = br.cells[cb];
      if (ar) checkSum(ctx, ref(tb, pb, br, cb), [ref(ta, pa, ar, ca)], l10n.t('{0}中同类的数', where), { fix: false, table: tb });
      else if (usable(bc) && !bc.value!.isZero()) {
        ctx.report({
          range: bc.range, text: bc.raw,
          message: l10n.t('{0} 为 {1}，但{2}中没有“{3}”这一类（应为 0 或在{2}中列出）', cellLabel(tb, pb, br, cb, true), bc.raw, where, normName(br.name)),
        });
      }
    }
    return;
  }
  const br = findRow(pb, xr.b.row ?? '', { numbered: xr.b.numbered });
  const aRows = (xr.a.rows ?? [xr.a.row ?? '']).map((s) => findRow(pa, s, { numbered: xr.a.numbered }));
  if (!br || aRows.some((r) => !r)) {
    const miss = !br ? [tb, xr.b.row ?? ''] as const : [ta, (xr.a.rows ?? [xr.a.row ?? ''])[aRows.findIndex((r) => !r)]] as const;
    ctx.couldNot(miss[0], what, l10n.t('找不到行“{0}”', miss[1].split('|')[0]));
    return;
  }
  const label = aRows.length > 1 ? l10n.t('{0}中{1}', where, aRows.map((r) => r!.name).join(' + ')) : l10n.t('{0}中的数', where);
  checkSum(ctx, ref(tb, pb, br, cb), (aRows as Row[]).map((r) => ref(ta, pa, r, ca)), label, { fix: false, table: tb });
  void rowKey;
}

const ids = [...new Set(CROSS_RULES.map((x) => x.id))];

function metaOf(id: string): RuleMeta {
  const sources = CROSS_RULES.filter((x) => x.id === id);
  const pair = id.replace(/^cross\./, '');
  const desc = sources.map((x) => `${x.b.table} ${x.b.part ?? ''}${x.b.row ?? ''}（${x.b.column}）= ${x.a.table} ${x.a.row ?? (x.a.rows ?? []).join('+')}（${x.a.column}）`.replace(/\*类/g, '每一类').replace(/\*科目/g, '每一科目')).join('；');
  return {
    id, group: 'tables', severity: 'error',
    description: `表间 ${pair}：${desc}`,
    descriptionEn: `Between tables ${pair}: ${desc}`,
    example: sources[0].a.row === '*类' ? '公开01表 支出 一、一般公共服务支出 270.38 ≠ 公开03表中同类的数 270.39' : '公开01表 收入 本年收入合计 335.56 ≠ 公开02表中的数 335.57',
    messages: MESSAGES,
  };
}

/** One rule per relation id (cross.01-02, cross.01-03 …), each running its entries of rules.json. */
export const rules: Rule[] = ids.map((id) => ({
  meta: metaOf(id),
  run(ctx: RuleContext) {
    for (const xr of CROSS_RULES) if (xr.id === id) runOne(ctx, xr);
  },
}));
