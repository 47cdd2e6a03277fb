/** perf.total: 合计 分值/得分 = the 资金 row's + Σ the indicators' (exact points: no rounding tolerance). */
import * as assert from 'assert';
import { JUE, RuleTester, runCheck } from '../helpers/rule-tester';

const src = (score: string, total: string) => JUE + `绩效自评 测试项目:\n  资金:\n    列: [年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分]\n    行:\n      - 年度资金总额: 10.00 10.00 10.00 10 100.00 10\n  指标:\n    列: [一级指标, 二级指标, 三级指标, 分值, 得分]\n    行:\n      - [产出指标, 数量指标, 次数, 50, 50]\n      - [效益指标, 社会效益, 满意度, 40, ${score}]\n  合计: 100 ${total}\n`;

RuleTester.run('perf.total', {
  valid: [{ name: '100 = 10 + 50 + 40 and 99 = 10 + 50 + 39', source: src('39', '99') }],
  invalid: [
    { name: '合计得分 differs', source: src('39', '«100»'), message: '合计（得分） 100 ≠ 资金与各指标得分之和 99（差 1）', severity: 'error', fix: '99', safe: false },
    { name: '合计分值 differs', source: src('39', '99').replace('合计: 100', '合计: «90»'), message: '合计（分值） 90 ≠ 资金与各指标分值之和 100（差 10）', fix: '100' },
  ],
});

describe('rule perf.total: points are exact', () => {
  it('0.2 off is an error, not a 尾数误差', () => {
    const fs = runCheck(src('39.2', '99'), 'yaml').findings.filter((f) => f.rule === 'perf.total');
    assert.deepStrictEqual(fs.map((f) => [f.severity, !!f.rounding, f.message]), [['error', false, '合计（得分） 99 ≠ 资金与各指标得分之和 99.2（差 0.2）']]);
  });
});

RuleTester.run('perf.total', {
  valid: [
    { name: 'a 权重 column counts as 分值; no indicators: nothing to add', source: JUE + '绩效自评 测试:\n  资金:\n    列: [全年预算数, 权重, 得分]\n    行:\n      - 年度资金总额: 10.00 10 10\n  合计: 10 10\n' },
    { name: 'without a 资金 table: 合计 = Σ indicators', source: JUE + '绩效自评 测试:\n  指标:\n    列: [一级指标, 二级指标, 三级指标, 分值, 得分]\n    行:\n      - [产出指标, 数量指标, 次数, 50, 50]\n      - [效益指标, 社会效益, 满意度, 50, 45]\n  合计: 100 95\n' },
  ],
  invalid: [
    { name: 'a 权重 column counts as 分值', source: JUE + '绩效自评 测试:\n  资金:\n    列: [全年预算数, 权重, 得分]\n    行:\n      - 年度资金总额: 10.00 10 10\n  指标:\n    列: [一级指标, 二级指标, 三级指标, 分值, 得分]\n    行:\n      - [产出指标, 数量指标, 次数, 90, 90]\n  合计: «90» 100\n', message: '合计（分值） 90 ≠ 资金与各指标分值之和 100（差 10）', fix: '100' },
    { name: 'without a 资金 table', source: JUE + '绩效自评 测试:\n  指标:\n    列: [一级指标, 二级指标, 三级指标, 分值, 得分]\n    行:\n      - [产出指标, 数量指标, 次数, 50, 50]\n      - [效益指标, 社会效益, 满意度, 50, 45]\n  合计: 100 «96»\n', message: '合计（得分） 96 ≠ 资金与各指标得分之和 95（差 1）', fix: '95' },
  ],
});
