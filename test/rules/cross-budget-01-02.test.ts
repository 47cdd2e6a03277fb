/** cross.预算01-02: 收入预算总表 合计 = 财务收支预算总表 收入总计. */
import { RuleTester } from '../helpers/rule-tester';
import { Y01in, Y02, YU } from './tables';

const src = (total: string) => YU + Y01in(['一、财政拨款收入: 110.00', '二、事业收入: 5.00', `收入总计: ${total}`]) + Y02(['合计', '财政拨款收入', '事业收入'], ['合计: 115.00 110.00 5.00']);

RuleTester.run('cross.预算01-02', {
  valid: [{ name: 'equal', source: src('115.00') }],
  invalid: [{ name: 'differs (on 收支总表, no fix)', source: src('«125.00»'), message: '财务收支预算总表 收入 收入总计 125.00 ≠ 收入预算总表中的数 115.00（差 10.00）', fix: null, related: true }],
  rounding: [{ name: 'one decimal', source: YU + Y01in(['一、财政拨款收入: 110.0', '二、事业收入: 5.0', '收入总计: «115.0»']) + Y02(['合计', '财政拨款收入', '事业收入'], ['合计: 115.04 110.04 5.00']) }],
});
