/** cross.预算01-06: 预算单位财务收支预算总表 支出总计（人员经费 / 公用经费） = 基本支出表 合计 (上海, only 一般公共预算 money). */
import { RuleTester } from '../helpers/rule-tester';
import { Y01, Y06, YU } from './tables';

const COLS = ['预算数/合计', '预算数/基本支出/人员经费', '预算数/基本支出/公用经费', '预算数/项目支出'];
const src = (inc: string[], people: string, office = '20.00') => YU + Y01(inc, [`支出总计: 140.00 ${people} ${office} 40.00`], COLS) + Y06(['合计: 100.00 80.00 20.00']);
const ONLY = ['一、财政拨款收入: 140.00', '1. 一般公共预算: 140.00', '收入总计: 140.00'];

RuleTester.run('cross.预算01-06', {
  valid: [
    { name: 'equal', source: src(ONLY, '80.00') },
    { name: 'with 事业收入 the two may differ: not compared', source: src(['一、财政拨款收入: 130.00', '1. 一般公共预算: 130.00', '二、事业收入: 10.00', '收入总计: 140.00'], '90.00') },
    { name: 'a 总表 without 人员经费/公用经费 columns: not compared', source: YU + Y01(ONLY, ['支出总计: 140.00']) + Y06(['合计: 100.00 80.00 20.00']) },
  ],
  invalid: [
    { name: '人员经费 differs', source: src(ONLY, '«90.00»', '10.00'), message: '财务收支预算总表 支出 支出总计（预算数/基本支出/人员经费） 90.00 ≠ 一般公共预算基本支出部门预算经济分类预算表中的数 80.00（差 10.00）', fix: null },
    { name: '公用经费 differs', source: src(ONLY, '70.00', '«30.00»'), message: /（预算数\/基本支出\/公用经费） 30\.00 ≠ .*中的数 20\.00（差 10\.00）$/, fix: null },
  ],
});
