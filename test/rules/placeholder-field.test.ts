/**
 * placeholder.field: a template placeholder left outside the 情况说明 and 其他 bodies (those are text.placeholder's)
 * — the 报告 block (单位: XX单位, 标题), the 部门概况, titles of sections and tables, column and row names, notes,
 * 绩效自评表, 名词解释, 封面/目录: XX, XXX, XX.X%, ＸＸ, ××, and the templates' instructions in brackets with 填写. “XX单位”
 * gets a fix writing the report's 单位 when the 报告 block names one.
 */
import { JUE, RuleTester } from '../helpers/rule-tester';

const OVERVIEW = (body: string) => JUE + `部门概况:\n  - 一、主要职能: |\n      ${body}\n`;
const TABLE = (title: string, col: string, note?: string) => JUE + `表 ${title}:\n  列: [${col}]\n  行:\n    - 合计: 1.00\n` + (note ? `  注: ${note}\n` : '');

RuleTester.run('placeholder.field', {
  valid: [
    { name: 'a filled 报告 block', source: JUE },
    { name: 'X in latin words (XL, MAXX) and a single X', source: OVERVIEW('XL号服装，X光机，MAXX品牌。') },
    { name: 'the 情况说明 body is text.placeholder’s', source: JUE + '情况说明:\n  - 一、说明: |\n      本单位共有XX个内设机构。\n' },
    { name: 'brackets without 填写', source: OVERVIEW('（按三定方案确定主要职能。）') },
  ],
  invalid: [
    {
      name: 'an unfilled 单位: XX单位 (no fix: the name is not known)',
      source: JUE.replace('单位: 测试单位', '单位: «XX单位»'),
      message: '“单位”还是模板中的“XX单位”：请填写单位全称', severity: 'error', fix: null,
    },
    {
      name: 'XX单位 in the 标题: the fix writes the report’s 单位',
      source: JUE.replace('金额单位: 万元', '金额单位: 万元\n  标题: «XX单位»2023年度部门决算'),
      message: '报告标题中有模板占位符“XX单位”，没有换成实际内容', fix: '测试单位', safe: true, fixTitle: '改为“测试单位”',
    },
    { name: 'XXX in a table title', source: TABLE('«XXX»项目明细表', '金额'), message: '表名中有模板占位符“XXX”，没有换成实际内容', fix: null },
    { name: 'XX in the 部门概况', source: OVERVIEW('本单位共有«XX»个内设机构。'), message: '部门概况中有模板占位符“XX”，没有换成实际内容' },
    { name: 'full-width ＸＸ', source: OVERVIEW('本单位共有«ＸＸ»个内设机构。'), message: '部门概况中有模板占位符“ＸＸ”，没有换成实际内容' },
    { name: '××', source: OVERVIEW('本单位共有«××»个内设机构。'), message: '部门概况中有模板占位符“××”，没有换成实际内容' },
    {
      name: 'an instruction with 填写 in brackets',
      source: OVERVIEW('«（按三定方案填写主要职能。）»'),
      message: '模板中给编制人员的说明“（按三定方案填写主要职能。）”还在部门概况中：请换成实际内容',
    },
    { name: 'a 情况说明 section title', source: JUE + '情况说明:\n  - «XX»、说明: |\n      说明。\n', message: '标题中有模板占位符“XX”，没有换成实际内容' },
    { name: 'a row name', source: JUE + '表 支出决算表:\n  列: [本年支出合计, 基本支出, 项目支出]\n  行:\n    - «XXX»项目: 1.00 0.00 1.00\n    - 合计: 1.00 0.00 1.00\n', message: '行名中有模板占位符“XXX”，没有换成实际内容' },
    { name: 'a column name', source: TABLE('项目明细表', '«XX»金额'), message: '列名中有模板占位符“XX”，没有换成实际内容' },
    { name: 'a note under a table', source: TABLE('项目明细表', '金额', '本表金额占«XX.X%»。'), message: '表注中有模板占位符“XX.X%”，没有换成实际内容' },
    { name: 'the 名词解释', source: JUE + '名词解释:\n  - 财政拨款收入: 指«XXX»。\n', message: '名词解释中有模板占位符“XXX”，没有换成实际内容' },
    { name: 'the 封面, with the fix', source: JUE + '封面: |\n  «XX单位»\n  2023年度部门决算\n', message: '封面或目录中有模板占位符“XX单位”，没有换成实际内容', fix: '测试单位', fixTitle: '改为“测试单位”' },
    { name: 'a 绩效自评表 project', source: JUE + '绩效自评 «XX»项目:\n  资金:\n    列: [全年预算数]\n    行:\n      - 年度资金总额: 1.00\n', message: '绩效自评表中有模板占位符“XX”，没有换成实际内容' },
    { name: 'a 部门概况 section title', source: JUE + '部门概况:\n  - «XX»、主要职能: |\n      职能。\n', message: '标题中有模板占位符“XX”，没有换成实际内容' },
    { name: 'a 单位构成 cell', source: JUE + '部门概况:\n  - 二、单位构成:\n      单位构成:\n        列: [序号, 单位名称, 单位性质]\n        行:\n          - [1, «XX»中心, 事业单位]\n', message: '单位构成中有模板占位符“XX”，没有换成实际内容' },
    { name: 'a 绩效自评表 field (主管部门: XX部门)', source: JUE + '绩效自评 项目:\n  主管部门: «XX部门»\n  资金:\n    列: [全年预算数]\n    行:\n      - 年度资金总额: 1.00\n', message: '绩效自评表中有模板占位符“XX部门”，没有换成实际内容' },
    { name: 'a 绩效自评表 goal', source: JUE + '绩效自评 项目:\n  资金:\n    列: [全年预算数]\n    行:\n      - 年度资金总额: 1.00\n  年度目标:\n    预期目标: 完成«XX»项任务。\n    实际完成情况: 完成。\n', message: '绩效自评表中有模板占位符“XX”，没有换成实际内容' },
    { name: 'a 绩效自评表 indicator', source: JUE + '绩效自评 项目:\n  资金:\n    列: [全年预算数]\n    行:\n      - 年度资金总额: 1.00\n  指标:\n    列: [一级指标, 二级指标, 三级指标, 分值, 得分]\n    行:\n      - [产出指标, 数量指标, «XX»次数, 100, 100]\n  合计: 100 100\n', message: '绩效自评表中有模板占位符“XX”，没有换成实际内容' },
    { name: 'a 名词解释 term', source: JUE + '名词解释:\n  - «XX»收入: 指收入。\n', message: '名词解释中有模板占位符“XX”，没有换成实际内容' },
    { name: 'the 目录', source: JUE + '目录: |\n  目录\n  第一部分 «XX单位»概况\n', message: '封面或目录中有模板占位符“XX单位”，没有换成实际内容', fix: '测试单位' },
  ],
});
