/** cross.03-05: 支出决算表 and 一般公共预算财政拨款支出决算表 row by row (本年支出合计/小计, 基本支出, 项目支出) when all the money is 一般公共预算 and nothing was carried over. */
import { RuleTester } from '../helpers/rule-tester';
import { D01in, D03, D05, JUE } from './tables';

const src = (inc: string[], r05: string) => JUE + D01in(inc) + D03(['201 一般公共服务支出: 100.00 60.00 40.00']) + D05([`201 一般公共服务支出: ${r05}`]);
const ONLY = ['一、一般公共预算财政拨款收入: 100.00', '年初结转和结余: 0.00'];

RuleTester.run('cross.03-05', {
  valid: [
    { name: 'equal', source: src(ONLY, '100.00 60.00 40.00') },
    { name: 'other money (其他收入): 03 and 05 may differ, not compared', source: src(['一、一般公共预算财政拨款收入: 100.00', '八、其他收入: 10.00'], '90.00 50.00 40.00') },
    { name: 'a carry-over (年初结转和结余): not compared', source: src(['一、一般公共预算财政拨款收入: 100.00', '年初结转和结余: 5.00'], '90.00 50.00 40.00') },
    { name: 'an empty cell (—) counts as no money', source: src(['一、一般公共预算财政拨款收入: 100.00', '八、其他收入: —'], '100.00 60.00 40.00') },
  ],
  invalid: [
    { name: '小计 differs', source: src(ONLY, '«110.00» 60.00 40.00'), message: /^一般公共预算财政拨款支出决算表 201 一般公共服务支出（小计） 110\.00 ≠ 支出决算表中同一科目的数 100\.00（差 10\.00）$/, fix: null },
    { name: '基本支出 differs', source: src(ONLY, '100.00 «70.00» 40.00'), message: /（基本支出） 70\.00 ≠ 支出决算表中同一科目的数 60\.00（差 10\.00）$/, fix: null },
    { name: '项目支出 differs', source: src(ONLY, '100.00 60.00 «30.00»'), message: /（项目支出） 30\.00 ≠ 支出决算表中同一科目的数 40\.00（差 10\.00）$/, fix: null },
  ],
  rounding: [{ name: 'one decimal', source: JUE + D01in(ONLY) + D03(['201 一般公共服务支出: 100.04 60.02 40.02']) + D05(['201 一般公共服务支出: «100.0» 60.0 40.0']) }],
});
