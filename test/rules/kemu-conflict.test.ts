/** kemu.conflict: one code with two names in the same report. */
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D02, D03 } from './tables';

RuleTester.run('kemu.conflict', {
  valid: [{ name: 'the same name twice (spaces ignored)', source: JUE + D03(['2011308 招商引资: 1.00'], ['本年支出合计']) + D02(['2011308 招商 引资: 1.00'], ['本年收入合计']) }],
  invalid: [{ name: 'two names', source: JUE + D03(['2011308 招商引资: 1.00'], ['本年支出合计']) + D02(['2011308 «招商»: 1.00'], ['本年收入合计']), message: '科目 2011308 在本报告中有两个名称：“招商引资”和“招商”', severity: 'warning', related: true }],
});
