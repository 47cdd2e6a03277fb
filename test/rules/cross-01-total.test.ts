/** cross.01-total: 收入支出决算总表 收入总计 = 支出总计. */
import { RuleTester } from '../helpers/rule-tester';
import { D01, JUE } from './tables';

const src = (inc: string, exp = '100.00') => JUE + D01(['本年收入合计: 100.00', `总计: ${inc}`], ['本年支出合计: 100.00', `总计: ${exp}`]);

RuleTester.run('cross.01-total', {
  valid: [{ name: 'equal', source: src('100.00') }, { name: '收入总计 / 支出总计 (synonyms of 总计)', source: JUE + D01(['收入总计: 100.00'], ['支出总计: 100.00']) }],
  invalid: [{ name: '收入总计 ≠ 支出总计: on the 收入 side', source: src('«110.00»'), message: '收入支出决算总表 收入 总计 110.00 ≠ 收入支出决算总表中的数 100.00（差 10.00）', fix: null }],
  rounding: [{ name: 'one decimal', source: JUE + D01(['本年收入合计: 100.0', '总计: «100.0»'], ['本年支出合计: 100.04', '总计: 100.04']) }],
});
