/** cross.04-07: 财政拨款收入支出决算总表 支出 本年支出合计（政府性基金预算财政拨款） = 政府性基金预算财政拨款收入支出决算表 合计（本年支出/小计）. */
import { RuleTester } from '../helpers/rule-tester';
import { D04out, D07, JUE } from './tables';

const src = (gov: string, t07 = '10.00') => JUE + D04out([`本年支出合计: 110.00 100.00 ${gov} 0.00`]) + D07([`合计: ${t07} 0.00 ${t07}`]);

RuleTester.run('cross.04-07', {
  valid: [{ name: 'equal', source: src('10.00') }, { name: '上海 07 with 本年支出/合计', source: JUE + D04out(['本年支出合计: 110.00 100.00 10.00 0.00']) + D07(['合计: 10.00 0.00 10.00'], ['本年支出/合计', '本年支出/基本支出', '本年支出/项目支出']) }],
  invalid: [{ name: 'differs', source: src('«20.00»'), message: /^财政拨款收入支出决算总表 支出 本年支出合计（政府性基金预算财政拨款） 20\.00 ≠ 政府性基金预算财政拨款收入支出决算表中的数 10\.00（差 10\.00）$/, fix: null }],
  rounding: [{ name: 'one decimal', source: JUE + D04out(['本年支出合计: 110.0 100.0 «10.0» 0.0']) + D07(['合计: 10.04 0.00 10.04']) }],
});
