/**
 * sum.columns: the column identities of each row (本年收入合计 = 财政拨款收入 + … + 其他收入; 合计 =
 * 基本支出 + 项目支出; “三公” 合计 = 因公出国（境）费 + 公务用车 + 公务接待费 …), as rules.json lists
 * them per standard table. A “complete” identity runs only when every amount column of the table
 * is its total or one of its parts: a column that no rule names is never taken as 0.
 */
import { Table, TablePart } from '../../model';
import { ColumnMatch, findColumn, isMeasureHeading } from '../../layouts';
import { Rule, RuleContext } from '../types';
import { checkEqualities, ColumnsSum, EQUALITY_MESSAGES, gridAgrees } from './equality';
import { gridOf } from '../../grid';
import { COLUMN_RULES, ColumnRule, has, rulePart, SPEC_MESSAGES } from './spec';
import * as l10n from '../../l10n';

interface Operand { spec: string; sign: 1 | -1; columns: number[] }

/** The short name of a column in a sum's description: the level that says what it is. */
function short(part: TablePart, i: number): string {
  // item-first headers (合计/决算数) end with the measure: it names no item
  const all = part.columns[i].path;
  const path = all.length > 1 && isMeasureHeading(all[all.length - 1]) ? all.slice(0, -1) : all;
  const leaf = path[path.length - 1];
  return /^(小计|合计)$/.test(leaf) && path.length > 1 ? path[path.length - 2] : leaf;
}

const columnsOf = (m: ColumnMatch): number[] => (m.kind === 'column' ? [m.index] : m.kind === 'group' ? m.indices : []);

/** What a column rule compares in a part (its total column, its signed parts and their names), or why it cannot. */
type Plan = { why: string } | { total: number; flat: Array<{ c: number; sign: 1 | -1 }>; cols: Int32Array; signs: Int8Array; names: string } | undefined;

/** The plan of a column rule for a part: it follows from the part's columns alone. */
function planOf(part: TablePart, cr: ColumnRule): Plan {
  const tm = findColumn(part, cr.total);
  if (tm.kind !== 'column') return { why: tm.kind === 'missing' ? tm.why : l10n.t('“{0}”不是一列', cr.total) };
  let ops: Operand[] = [];
  const missing: string[] = [];
  for (const raw of cr.parts) {
    const sign = raw.startsWith('-') ? -1 : 1;
    const spec = raw.replace(/^-/, '');
    const m = findColumn(part, spec);
    if (m.kind === 'missing') missing.push(spec.split('|')[0]);
    else ops.push({ spec, sign, columns: columnsOf(m) });
  }
  if (missing.length && !cr.optional) {
    return { why: l10n.t('找不到列“{0}”；本表的列：{1}', missing.join(l10n.listSep()), part.columns.filter((c) => c.kind === 'amount').map((c) => c.name).join(l10n.listSep())) };
  }
  // a group column and its components both printed: the components are the parts
  for (const [group, members] of Object.entries(cr.groups ?? {})) {
    const g = ops.find((o) => o.spec === group);
    if (g && ops.some((o) => members.includes(o.spec))) ops = ops.filter((o) => o !== g);
  }
  // a group column left out (its components are the parts) is known all the same
  const groupsLeftOut = Object.keys(cr.groups ?? {}).flatMap((g) => { const m = findColumn(part, g); return m.kind === 'column' ? [m.index] : []; });
  const used = new Set<number>([tm.index, ...ops.flatMap((o) => o.columns), ...groupsLeftOut]);
  if (cr.complete) {
    const unknown = part.columns.map((c, i) => (c.kind === 'amount' && !used.has(i) ? c.name : '')).filter(Boolean);
    if (unknown.length) return { why: l10n.t('本表有规则不认识的列“{0}”：它是否计入合计无法确定，未核对', unknown.join(l10n.listSep())) };
  }
  if (ops.length === 0) return undefined;
  const flat = ops.flatMap((o) => o.columns.map((c) => ({ c, sign: o.sign as 1 | -1 })));
  const names = flat.map((x, k) => `${k > 0 ? (x.sign < 0 ? ' − ' : ' + ') : x.sign < 0 ? '−' : ''}${short(part, x.c)}`).join('');
  return { total: tm.index, flat, cols: Int32Array.from(flat, (x) => x.c), signs: Int8Array.from(flat, (x) => x.sign), names };
}

/** Plans by column rule, message language and columns (planOf is a function of these alone). */
const PLANS = new Map<string, Plan>();

function columnRule(ctx: RuleContext, t: Table, cr: ColumnRule): void {
  const what = l10n.t('{0} = {1}', cr.total.split('|')[0], cr.parts.map((p) => p.split('|')[0]).join(' + '));
  const part = rulePart(ctx, t, cr.part, what);
  if (!part || !has(part, cr.if)) return;
  // parts with the same columns share the plan: the unit tables of a consolidated report, and the reports
  // written on one template (the command line checks thousands); in the message language (its reasons)
  const sig = ctx.memo(part, 'sum.columns:columns', (p) => p.columns.map((c) => `${c.kind}:${c.name}`).join('\u0001'));
  const key = `${COLUMN_RULES.indexOf(cr)}\u0002${l10n.language()}\u0002${sig}`;
  let plan = PLANS.get(key);
  if (plan === undefined && !PLANS.has(key)) {
    if (PLANS.size >= 2000) PLANS.clear(); // a bound (a workspace has a few templates)
    PLANS.set(key, (plan = planOf(part, cr)));
  }
  if (!plan) return;
  if ('why' in plan) {
    ctx.couldNot(t, what, plan.why);
    return;
  }
  const { total, flat, cols, signs, names } = plan;
  const grid = gridOf(part);
  const w = grid?.width ?? 0;
  checkEqualities(ctx, t, (visit, agreed) => {
    const rows = part.rows;
    for (let k = 0; k < rows.length; k++) {
      // most rows agree: the grid says so without an object (else checkEqualities asks agrees() of it)
      if (agreed && grid && gridAgrees(grid, k * w + total, cols, 1, k * w, signs) === true) agreed();
      else visit(new ColumnsSum(part, rows[k], total, flat), names);
    }
  });
}

export const rule: Rule = {
  meta: {
    id: 'sum.columns', group: 'tables', severity: 'error', fixable: 'number',
    description: '行内各列：本年收入合计 = 财政拨款收入 + … + 其他收入；合计 = 基本支出 + 项目支出；“三公”合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费 …（预算数、决算数都查）',
    descriptionEn: 'The columns of each row: 本年收入合计 = Σ the sources; 合计 = 基本支出 + 项目支出; the “三公” totals (budget and actual) …',
    example: '合计（本年支出合计） 335.56 ≠ 基本支出 + 项目支出 335.57（差 0.01）',
    messages: {
      ...EQUALITY_MESSAGES, ...SPEC_MESSAGES, '{0} = {1}': '{0} = {1}', '“{0}”不是一列': '"{0}" is not one column',
      '找不到列“{0}”；本表的列：{1}': 'No column "{0}"; the columns of this table: {1}',
      '本表有规则不认识的列“{0}”：它是否计入合计无法确定，未核对': 'This table has columns no rule knows ("{0}"): whether they count in the total cannot be told, so the identity was not checked',
    },
  },
  run(ctx) {
    for (const t of ctx.model.tables) {
      ctx.cached(t, () => {
        for (const cr of COLUMN_RULES) if (t.kind && cr.tables.includes(t.kind)) columnRule(ctx, t, cr);
      }, t.kind);
    }
  },
};
