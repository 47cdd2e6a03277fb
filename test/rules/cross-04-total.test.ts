/** cross.04-total: 财政拨款收入支出决算总表 收入总计 = 支出总计（合计）. */
import { RuleTester } from '../helpers/rule-tester';
import { D04, JUE } from './tables';

const src = (inc: string) => JUE + D04(['本年收入合计: 100.00', `总计: ${inc}`], ['本年支出合计: 100.00 100.00 0.00 0.00', '总计: 100.00 100.00 0.00 0.00']);

RuleTester.run('cross.04-total', {
  valid: [{ name: 'equal', source: src('100.00') }],
  invalid: [{ name: 'differs', source: src('«110.00»'), message: '财政拨款收入支出决算总表 收入 总计 110.00 ≠ 财政拨款收入支出决算总表中的数 100.00（差 10.00）', fix: null }],
  rounding: [{ name: 'one decimal', source: JUE + D04(['本年收入合计: 100.0', '总计: «100.0»'], ['本年支出合计: 100.04 100.04 0.00 0.00', '总计: 100.04 100.04 0.00 0.00']) }],
});
