/** cross.01-03: 收入支出决算总表 支出 本年支出合计 = 支出决算表 合计, and each 类 of 01 = that 类 in 03. */
import { RuleTester } from '../helpers/rule-tester';
import { D01in, D01out, D03, JUE } from './tables';

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

RuleTester.run('cross.01-03', {
  valid: [
    { name: 'a 类 of 01 that 03 does not list, at 0 (or empty): nothing to say', source: JUE + D01out(['一、一般公共服务支出: 270.38', '二、外交支出: 0.00', '三、国防支出: —']) + D03(['201 一般公共服务支出: 270.38'], ['本年支出合计']) },
    { name: '款 rows of 03 are not 类: only 类 are paired with 01', source: JUE + D01out(['一、一般公共服务支出: 270.38']) + D03(['201 一般公共服务支出: 270.38', '20113 商贸事务: 270.38'], ['本年支出合计']) },
  ],
  uncovered: [
    { name: '03 without the column 本年支出合计: coverage names it', source: JUE + D01out(['本年支出合计: 10.00']) + D03(['合计: 10.00'], ['支出']), why: /^找不到列“本年支出合计”；本表的列：支出$/ },
    { name: '01 without its 支出 side', source: JUE + D01in(['本年收入合计: 10.00']) + D03(['合计: 10.00'], ['本年支出合计']), why: /^找不到“支出”栏；本表的栏：收入$/ },
  ],
});
