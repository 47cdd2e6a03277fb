/** cross.02-04: 收入决算表 合计（财政拨款收入） = 财政拨款收入支出决算总表 收入 本年收入合计. */
import { RuleTester } from '../helpers/rule-tester';
import { D02, D04in, JUE } from './tables';

const src = (t04: string) => JUE + D04in(['一、一般公共预算财政拨款: 335.56', `本年收入合计: ${t04}`]) + D02(['合计: 335.56 335.56']);

RuleTester.run('cross.02-04', {
  valid: [{ name: 'equal', source: src('335.56') }],
  invalid: [{ name: 'differs', source: src('«345.56»'), message: '财政拨款收入支出决算总表 收入 本年收入合计 345.56 ≠ 收入决算表中的数 335.56（差 10.00）', fix: null }],
  rounding: [{ name: 'one decimal', source: JUE + D04in(['一、一般公共预算财政拨款: 335.6', '本年收入合计: «335.6»']) + D02(['合计: 335.56 335.56']) }],
});
