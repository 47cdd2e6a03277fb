/** Builders of standard tables for the rule tests (YAML; the tester converts each case to the DSL too). */
export { JUE, YU } from '../helpers/rule-tester';

/** A one-sided table: `rows` as “name: values”. */
export const tbl = (title: string, cols: string[], rows: string[]): string =>
  `表 ${title}:\n  列: [${cols.join(', ')}]\n  行:\n${rows.map((r) => `    - ${r}\n`).join('')}\n`;

/** A two-sided table (收入/支出 …): side name → [columns, rows]. */
export const sided = (title: string, parts: Record<string, [string[], string[]]>): string =>
  `表 ${title}:\n` + Object.entries(parts).map(([n, [c, rows]]) => `  ${n}:\n    列: [${c.join(', ')}]\n    行:\n${rows.map((r) => `      - ${r}\n`).join('')}`).join('') + '\n';

// 决算
export const D01 = (inc: string[], exp: string[]) => sided('收入支出决算总表', { 收入: [['金额'], inc], 支出: [['金额'], exp] });
export const D01in = (inc: string[]) => sided('收入支出决算总表', { 收入: [['金额'], inc] });
export const D01out = (exp: string[]) => sided('收入支出决算总表', { 支出: [['金额'], exp] });
export const D02 = (rows: string[], cols = ['本年收入合计', '财政拨款收入']) => tbl('收入决算表', cols, rows);
export const D03 = (rows: string[], cols = ['本年支出合计', '基本支出', '项目支出']) => tbl('支出决算表', cols, rows);
const D04OUT = ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];
export const D04 = (inc: string[], exp: string[]) => sided('财政拨款收入支出决算总表', { 收入: [['金额'], inc], 支出: [D04OUT, exp] });
export const D04in = (inc: string[]) => sided('财政拨款收入支出决算总表', { 收入: [['金额'], inc] });
export const D04out = (exp: string[]) => sided('财政拨款收入支出决算总表', { 支出: [D04OUT, exp] });
export const D05 = (rows: string[], cols = ['小计', '基本支出', '项目支出']) => tbl('一般公共预算财政拨款支出决算表', cols, rows);
export const D06 = (rows: string[]) => tbl('一般公共预算财政拨款基本支出决算表', ['决算数'], rows);
export const D07 = (rows: string[], cols = ['本年支出/小计', '本年支出/基本支出', '本年支出/项目支出']) => tbl('政府性基金预算财政拨款收入支出决算表', cols, rows);
export const D08 = (rows: string[], cols = ['小计', '基本支出', '项目支出']) => tbl('国有资本经营预算财政拨款支出决算表', cols, rows);
export const D09 = (cols: string[], rows: string[]) => tbl('财政拨款“三公”经费支出决算表', cols, rows);

// 预算 (上海 wording, samples 010–015)
export const Y01 = (inc: string[], exp: string[], expCols = ['预算数']) => sided('财务收支预算总表', { 收入: [['预算数'], inc], 支出: [expCols, exp] });
export const Y01in = (inc: string[]) => sided('财务收支预算总表', { 收入: [['预算数'], inc] });
export const Y01out = (exp: string[], cols = ['预算数']) => sided('财务收支预算总表', { 支出: [cols, exp] });
export const Y02 = (cols: string[], rows: string[]) => tbl('收入预算总表', cols, rows);
export const Y03 = (rows: string[]) => tbl('支出预算总表', ['合计', '基本支出', '项目支出'], rows);
const Y04OUT = ['合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'];
export const Y04 = (inc: string[], exp: string[]) => sided('财政拨款收支预算总表', { 收入: [['预算数'], inc], 支出: [Y04OUT, exp] });
export const Y04in = (inc: string[]) => sided('财政拨款收支预算总表', { 收入: [['预算数'], inc] });
export const Y04out = (exp: string[]) => sided('财政拨款收支预算总表', { 支出: [Y04OUT, exp] });
export const Y05 = (rows: string[]) => tbl('一般公共预算支出功能分类预算表', ['合计', '基本支出', '项目支出'], rows);
export const Y06 = (rows: string[]) => tbl('一般公共预算基本支出部门预算经济分类预算表', ['合计', '人员经费', '公用经费'], rows);
export const Y07 = (cols: string[], rows: string[]) => tbl('“三公”经费和机关运行经费预算表', cols, rows);
