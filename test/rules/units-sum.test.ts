/** units.sum: a 部门 report against the 单位 reports it lists (部门汇总 = Σ 单位), when the workspace is known. */
import * as assert from 'assert';
import { RuleTester, runCheck } from '../helpers/rule-tester';
import { D05, D06 } from './tables';

const head = (type: string, unit: string, money = '万元') => `报告:\n  类型: ${type}\n  年度: 2023\n  单位: ${unit}\n  金额单位: ${money}\n\n`;
const DEPT = (v: string) => head('部门决算', '某局') + '部门概况:\n  - 一、单位构成:\n      单位构成:\n        - [1, 某局（本级）, 行政单位]\n        - [2, 某中心, 事业单位]\n\n' + D05([`2011308 招商引资: ${v} 0.00 ${v.replace(/[«»]/g, '')}`]);
const others = {
  'mem://self.jsgk.yaml': head('单位决算', '某局（本级）') + D05(['2011308 招商引资: 80.00 0.00 80.00']),
  'mem://centre.jsgk.yaml': head('单位决算', '某中心', '元') + D05(['2011308 招商引资: 450,000.00 0.00 450,000.00']),
};

// every unit in 万元 with the 部门's decimals: summed as integers (the fast path), the same verdicts
const wan = { ...others, 'mem://centre.jsgk.yaml': head('单位决算', '某中心') + D05(['2011308 招商引资: 45.00 0.00 45.00']) };

RuleTester.run('units.sum', {
  valid: [
    { name: 'the 部门 equals its units (one in 元)', source: DEPT('125.00'), others },
    { name: 'alone (no workspace): not compared', source: DEPT('120.00') },
    { name: 'a listed unit without a report: nothing said', source: DEPT('120.00'), others: { 'mem://self.jsgk.yaml': others['mem://self.jsgk.yaml'] } },
    { name: 'units in 万元 with the same decimals that add up', source: DEPT('125.00'), others: wan },
    { name: 'a unit cell written with one decimal that adds up exactly', source: DEPT('125.00'), others: { ...wan, 'mem://centre.jsgk.yaml': wan['mem://centre.jsgk.yaml'].replace(/45\.00/g, '45.0') } },
  ],
  invalid: [
    { name: 'the 部门 cell differs from Σ 单位: fix writes the sum', source: DEPT('«120.00»'), others, message: /^一般公共预算财政拨款支出决算表 2011308 招商引资（小计） 120\.00 ≠ 所属 2 个单位之和 125\.00（差 5\.00）/, severity: 'error', fix: '125.00', safe: false },
    { name: 'units in 万元 with the same decimals that do not add up', source: DEPT('«126.00»'), others: wan, message: /≠ 所属 2 个单位之和 125\.00（差 1\.00）/, severity: 'error', fix: '125.00', safe: false },
    { name: 'one unit\'s decimals differ (summed as decimals)', source: DEPT('«126.00»'), others: { ...wan, 'mem://centre.jsgk.yaml': wan['mem://centre.jsgk.yaml'].replace(/45\.00/g, '45.005') }, message: /≠ 所属 2 个单位之和 125\.005（差 0\.995）/, severity: 'error' },
  ],
  uncovered: [
    // a unit report without a table the 部门 has: that table is not compared, and its coverage says why
    { name: 'a unit report without the table', source: DEPT('120.00'), others: { ...others, 'mem://centre.jsgk.yaml': head('单位决算', '某中心', '元') + D06(['30101 基本工资: 1.00']) }, what: /部门汇总数 = 所属各单位之和/, why: /^某中心的报告中没有这张表（决算05）$/ },
    { name: 'a unit table without a column the 部门 compares (the other columns compared, and equal)', source: DEPT('125.00'), others: { ...others, 'mem://centre.jsgk.yaml': head('单位决算', '某中心', '元') + D05(['2011308 招商引资: 450,000.00 450,000.00'], ['小计', '项目支出']) }, why: /^某中心的这张表没有“基本支出”列$/ },
  ],
  rounding: [
    { name: 'units in 万元, within rounding (summed as integers)', source: DEPT('«125.01»'), others: wan },
    { name: 'within rounding', source: DEPT('«125.0»').replace('0.00 125.0', '0.00 125.00'), others: { ...others, 'mem://centre.jsgk.yaml': others['mem://centre.jsgk.yaml'].replace(/450,000\.00/g, '450,040.00') } },
  ],
});

RuleTester.run('units.unchecked', {
  valid: [
    { name: 'every listed unit has a report (compared instead)', source: DEPT('120.00'), others },
    { name: 'alone (no workspace): no unit report was looked for', source: DEPT('120.00') },
    { name: 'a 单位 report (it lists no units to sum)', source: others['mem://self.jsgk.yaml'], others },
  ],
  invalid: [
    {
      name: 'a listed unit without a report: one note on the 单位构成 naming it, and no units.sum finding',
      source: DEPT('120.00').replace('一、单位构成', '«一、单位构成»'), others: { 'mem://self.jsgk.yaml': others['mem://self.jsgk.yaml'] },
      message: /^单位构成列出 2 个单位，其中 1 个在一同检查的报告中没有找到 2023 年的单位决算报告（某中心）：部门各表未与所属单位之和核对（units\.sum）$/, severity: 'information', only: true, fix: null,
    },
    {
      name: 'a unit with two reports: neither counts, and the note says so (not "not found") and points at both',
      source: DEPT('120.00').replace('一、单位构成', '«一、单位构成»'), others: { ...others, 'mem://centre-copy.jsgk.yaml': others['mem://centre.jsgk.yaml'] },
      message: /^单位构成列出 2 个单位，1 个找到不止一份 2023 年的单位决算报告，不知以哪一份为准（某中心）：部门各表未与所属单位之和核对（units\.sum）$/,
      severity: 'information', only: true, related: ['某中心 的报告之一', '某中心 的报告之一'],
    },
    {
      name: 'no unit report at all: every listed unit named',
      source: DEPT('120.00').replace('一、单位构成', '«一、单位构成»'), others: {},
      message: /其中 2 个在一同检查的报告中没有找到 2023 年的单位决算报告（某局（本级）、某中心）/, severity: 'information', only: true,
    },
  ],
});

describe('units.sum in the coverage of the 部门 tables', () => {
  it('counts each compared cell of the 部门 table (one row, three columns) with the table\'s own checks', () => {
    const checked = (o?: Record<string, string>) => runCheck(DEPT('125.00'), 'yaml', { others: o }).coverage.find((c) => c.table.kind === '决算05')!.checked;
    assert.strictEqual(checked(others) - checked(), 3);
    // a unit without the table: nothing of units.sum counted
    assert.strictEqual(checked({ ...others, 'mem://centre.jsgk.yaml': head('单位决算', '某中心', '元') + D06(['30101 基本工资: 1.00']) }), checked());
  });
});
