/** Builders of 情况说明 cases for the text.* rule tests (YAML; the tester converts each case to the DSL too). */

/** The 报告 block of a report of this type and year. */
export const head = (type: string, year: number, unit = '测试单位'): string => `报告:\n  类型: ${type}\n  年度: ${year}\n  单位: ${unit}\n  金额单位: 万元\n\n`;

/** A 情况说明 with one section whose body is `body` (lines kept). */
export const section = (body: string, title = '一、说明'): string => `情况说明:\n  - ${title}: |\n      ${body.split('\n').join('\n      ')}\n`;

/** A 2023 部门决算 with this 情况说明 body and these tables after it. */
export const jue = (body: string, tables = ''): string => head('部门决算', 2023) + section(body) + tables;

/** A 部门预算 of `year` with this 情况说明 body and these tables after it. */
export const yu = (year: number, body: string, tables = ''): string => head('部门预算', year) + section(body) + tables;

/** The 一般公共预算支出功能分类预算表 of a budget in 元 (住房公积金 2,087,959.00元 = 208.80万元; 210 卫生健康支出). */
export const BUDGET_TABLE = `
表 一般公共预算支出功能分类预算表:
  单位: 元
  列: [合计, 基本支出, 项目支出]
  行:
    - 210 卫生健康支出: 1,149,678.00 1,149,678.00 0.00
    - 21011 行政事业单位医疗: 1,149,678.00 1,149,678.00 0.00
    - 2101101 行政单位医疗: 1,149,678.00 1,149,678.00 0.00
    - 221 住房保障支出: 2,087,959.00 2,087,959.00 0.00
    - 22102 住房改革支出: 2,087,959.00 2,087,959.00 0.00
    - 2210201 住房公积金: 2,087,959.00 2,087,959.00 0.00
    - 合计: 3,237,637.00 3,237,637.00 0.00
`;

/** The same table in 万元. */
export const BUDGET_TABLE_WAN = BUDGET_TABLE.replace('单位: 元', '单位: 万元').replace(/1,149,678\.00/g, '114.97').replace(/2,087,959\.00/g, '208.80').replace(/3,237,637\.00/g, '323.77');

/** A 部门预算 of 2026 with the budget table in 元. */
export const yu26 = (body: string): string => yu(2026, body, BUDGET_TABLE);
