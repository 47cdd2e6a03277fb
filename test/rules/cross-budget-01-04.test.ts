/** cross.预算01-04: 财务收支预算总表 收入 1. 一般公共预算 = 财政拨款收支预算总表 收入 一般公共预算 (上海). */
import { RuleTester } from '../helpers/rule-tester';
import { Y01in, Y04in, YU } from './tables';

const src = (a: string) => YU + Y01in(['一、财政拨款收入: 110.00', `1. 一般公共预算资金: ${a}`, '2. 政府性基金: 10.00']) + Y04in(['一、一般公共预算: 100.00', '二、政府性基金预算: 10.00', '收入总计: 110.00']);

RuleTester.run('cross.预算01-04', {
  valid: [{ name: 'equal; row synonyms 一般公共预算资金 and 政府性基金', source: src('100.00') }],
  invalid: [{ name: 'differs', source: src('«101.00»').replace('110.00', '111.00'), message: '财务收支预算总表 收入 1. 一般公共预算资金 101.00 ≠ 财政拨款收支预算总表中的数 100.00（差 1.00）', fix: null }],
});
