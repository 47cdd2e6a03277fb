/** perf.score: an indicator's 得分 does not exceed its 分值. */
import { JUE, RuleTester } from '../helpers/rule-tester';

const src = (w: string, s: string) => JUE + `绩效自评 测试:\n  指标:\n    列: [一级指标, 二级指标, 三级指标, 分值, 得分]\n    行:\n      - [产出指标, 数量指标, 次数, ${w}, ${s}]\n`;

RuleTester.run('perf.score', {
  valid: [{ name: 'score = weight', source: src('10', '10') }, { name: 'score below weight', source: src('10', '9.5') }],
  invalid: [{ name: 'score above weight', source: src('10', '«12»'), message: '指标“次数”得分 12 超过其分值 10', severity: 'error', fix: null, related: true }],
});
