/** cross.05-06: 一般公共预算财政拨款支出决算表 合计（基本支出） = 一般公共预算财政拨款基本支出决算表 人员经费合计 + 公用经费合计. */
import { RuleTester } from '../helpers/rule-tester';
import { D05, D06, JUE } from './tables';

const src = (basic: string) => JUE + D05([`合计: 335.56 ${basic} 111.01`]) + D06(['人员经费合计: 205.97', '公用经费合计: 18.57']);

RuleTester.run('cross.05-06', {
  valid: [{ name: 'equal', source: src('224.54') }],
  invalid: [{ name: 'differs', source: src('«234.55»'), message: /^一般公共预算财政拨款支出决算表 合计（基本支出） 234\.55 ≠ 一般公共预算财政拨款基本支出决算表中人员经费合计 \+ 公用经费合计 224\.54（差 10\.01）$/, fix: null, related: true }],
  rounding: [{ name: 'seed 000: 224.55 vs 224.54', source: src('«224.55»') }],
  uncovered: [{ name: '06 without 公用经费合计', source: JUE + D05(['合计: 335.56 224.54 111.01']) + D06(['人员经费合计: 205.97']), why: /找不到行“公用经费合计”/ }],
});
