/**
 * cross.04-05: 一般公共预算财政拨款支出决算表 合计 = 财政拨款收入支出决算总表 支出 本年支出合计（一般公共预算财政拨款）;
 * each 类 of 04（一般公共预算财政拨款） = that 类 in 05. (04's 收入 一般公共预算财政拨款 equals 05 only without carry-over:
 * it is not compared — the constructed sample 020 carries 37.88 over.)
 */
import { RuleTester } from '../helpers/rule-tester';
import { D04, D05, JUE } from './tables';

const src = (total: string, cls = '335.56', inc = '335.56') => JUE + D04([`一、一般公共预算财政拨款: ${inc}`], [`一、一般公共服务支出: ${cls} ${cls} 0.00 0.00`, `本年支出合计: 335.56 ${total} 0.00 0.00`]) + D05(['合计: 335.56 224.55 111.01', '201 一般公共服务支出: 335.56 224.55 111.01']);

RuleTester.run('cross.04-05', {
  valid: [
    { name: 'equal', source: src('335.56') },
    { name: 'income differs from spending (carry-over): not this rule', source: src('335.56', '335.56', '300.00') },
    { name: '05 with 合计 as its first column (上海 2024)', source: (JUE + D04(['一、一般公共预算财政拨款: 335.56'], ['一、一般公共服务支出: 335.56 335.56 0.00 0.00', '本年支出合计: 335.56 335.56 0.00 0.00']) + D05(['合计: 335.56 224.55 111.01'], ['合计', '基本支出', '项目支出'])) },
  ],
  invalid: [
    { name: '本年支出合计（一般公共预算财政拨款） differs', source: src('«345.56»'), message: /^财政拨款收入支出决算总表 支出 本年支出合计（一般公共预算财政拨款） 345\.56 ≠ 一般公共预算财政拨款支出决算表中的数 335\.56（差 10\.00）$/, fix: null },
    { name: 'a 类 differs', source: JUE + D04(['一、一般公共预算财政拨款: 335.56'], ['一、一般公共服务支出: 335.56 «345.56» 0.00 0.00']) + D05(['合计: 335.56 224.55 111.01', '201 一般公共服务支出: 335.56 224.55 111.01']), message: /^财政拨款收入支出决算总表 支出 一、一般公共服务支出（一般公共预算财政拨款） 345\.56 ≠ 一般公共预算财政拨款支出决算表中同类的数 335\.56（差 10\.00）$/, fix: null },
  ],
  rounding: [{ name: 'one decimal', source: src('«335.6»') }],
});
