/** cross.01-03: 收入支出决算总表 支出 本年支出合计 = 支出决算表 合计, and each 类 of 01 = that 类 in 03. */
import { RuleTester } from '../helpers/rule-tester';
import { D01out, D03, JUE } from './tables';

const src = (a: string, b: string, total = '309.23') => JUE + D01out([`一、一般公共服务支出: ${a}`, `八、社会保障和就业支出: ${b}`, `本年支出合计: ${total}`]) + D03(['合计: 309.23', '201 一般公共服务支出: 270.38', '208 社会保障和就业支出: 38.85'], ['本年支出合计']);

RuleTester.run('cross.01-03', {
  valid: [{ name: 'totals and every 类 equal', source: src('270.38', '38.85') }],
  invalid: [
    { name: 'a 类 differs', source: src('270.38', '«83.85»', '354.23'), message: /^收入支出决算总表 支出 八、社会保障和就业支出 83\.85 ≠ 支出决算表中同类的数 38\.85（差 45\.00）$/, fix: null, related: true },
    { name: '本年支出合计 differs', source: src('270.38', '38.85', '«319.23»'), message: /^收入支出决算总表 支出 本年支出合计 319\.23 ≠ 支出决算表中的数 309\.23（差 10\.00）$/, fix: null },
    { name: 'a 类 in 01 that 03 does not list, not 0', source: JUE + D01out(['一、一般公共服务支出: 270.38', '二、外交支出: «5.00»']) + D03(['201 一般公共服务支出: 270.38'], ['本年支出合计']), message: '收入支出决算总表 支出 二、外交支出 为 5.00，但支出决算表中没有“外交支出”这一类（应为 0 或在支出决算表中列出）' },
  ],
  rounding: [{ name: 'a 类 with one decimal', source: src('270.38', '«38.9»') }],
});
