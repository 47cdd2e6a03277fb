/** units.sum: a 部门 report against the 单位 reports it lists (部门汇总 = Σ 单位), when the workspace is known. */
import { RuleTester } from '../helpers/rule-tester';
import { D05 } from './tables';

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
  rounding: [
    { name: 'units in 万元, within rounding (summed as integers)', source: DEPT('«125.01»'), others: wan },
    { name: 'within rounding', source: DEPT('«125.0»').replace('0.00 125.0', '0.00 125.00'), others: { ...others, 'mem://centre.jsgk.yaml': others['mem://centre.jsgk.yaml'].replace(/450,000\.00/g, '450,040.00') } },
  ],
});
