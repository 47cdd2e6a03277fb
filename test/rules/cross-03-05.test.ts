/** cross.03-05: 支出决算表 and 一般公共预算财政拨款支出决算表 row by row (本年支出合计/小计, 基本支出, 项目支出) when all the money is 一般公共预算 and nothing was carried over. */
import { RuleTester } from '../helpers/rule-tester';
import { D01in, D01out, D03, D05, JUE, sided } from './tables';

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

RuleTester.run('cross.03-05', {
  valid: [
    { name: 'without 公开01表 the condition cannot be known: not compared', source: JUE + D03(['201 一般公共服务支出: 100.00 60.00 40.00']) + D05(['201 一般公共服务支出: 90.00 50.00 40.00']) },
    { name: 'a 公开01表 without its 收入 side: not compared', source: JUE + D01out(['本年支出合计: 100.00']) + D03(['201 一般公共服务支出: 100.00 60.00 40.00']) + D05(['201 一般公共服务支出: 90.00 50.00 40.00']) },
    { name: 'rows without a code (合计) are not paired; only 科目 rows are', source: JUE + D01in(ONLY) + D03(['合计: 120.00 80.00 40.00', '201 一般公共服务支出: 100.00 60.00 40.00']) + D05(['合计: 100.00 60.00 40.00', '201 一般公共服务支出: 100.00 60.00 40.00']) },
  ],
  invalid: [
    { name: 'the 行次 column of 01 is no money: 1, 2 … do not stop the comparison', source: JUE + sided('收入支出决算总表', { 收入: [['行次', '金额'], ['一、一般公共预算财政拨款收入: 1 100.00', '年初结转和结余: 2 0.00']] }) + D03(['201 一般公共服务支出: 100.00 60.00 40.00']) + D05(['201 一般公共服务支出: «110.00» 60.00 40.00']), message: /（小计） 110\.00 ≠ 支出决算表中同一科目的数 100\.00（差 10\.00）$/ },
  ],
});
