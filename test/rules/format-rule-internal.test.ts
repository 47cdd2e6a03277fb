/** rule.internal: a rule that throws is reported as an internal error; the other rules still run. */
import * as assert from 'assert';
import { ruleById } from '../../server/src/service/rules/registry';
import { JUE, runCheck } from '../helpers/rule-tester';
import { D03 } from './tables';

describe('rule rule.internal', () => {
  it('a crashing rule: one error naming it, at the start of the file; the other rules report as usual', () => {
    const r = ruleById('perf.score')!;
    const run = r.run;
    r.run = () => { throw new Error('boom\nstack'); };
    try {
      const fs = runCheck(JUE + D03(['合计: 310.00', '201 一般公共服务支出: 300.00'], ['本年支出合计']), 'yaml', { allowInternal: true }).findings;
      const internal = fs.filter((f) => f.rule === 'rule.internal');
      assert.deepStrictEqual(internal.map((f) => [f.severity, f.range, f.message]), [['error', { start: 0, end: 0 }, '内部错误：规则 perf.score 出错（Error: boom）。其余规则照常检查；请报告此问题。']]);
      assert.ok(fs.some((f) => f.rule === 'sum.total'));
    } finally {
      r.run = run;
    }
    assert.ok(!runCheck(JUE, 'yaml').findings.some((f) => f.rule === 'rule.internal'));
  });
});
