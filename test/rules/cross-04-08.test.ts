/** cross.04-08: 财政拨款收入支出决算总表 支出 本年支出合计（国有资本经营预算财政拨款） = 国有资本经营预算财政拨款支出决算表 合计. */
import { RuleTester } from '../helpers/rule-tester';
import { D04out, D08, JUE, tbl } from './tables';

const src = (soe: string) => JUE + D04out([`本年支出合计: 110.00 100.00 0.00 ${soe}`]) + D08(['合计: 10.00 0.00 10.00']);

RuleTester.run('cross.04-08', {
  valid: [
    { name: 'equal', source: src('10.00') },
    { name: '上海 six-column 08 (本年支出/小计)', source: JUE + D04out(['本年支出合计: 110.00 100.00 0.00 10.00']) + tbl('国有资本经营预算财政拨款收入支出决算表', ['年初结转和结余', '本年收入', '本年支出/小计', '本年支出/基本支出', '本年支出/项目支出', '年末结转和结余'], ['合计: 0.00 10.00 10.00 0.00 10.00 0.00']) },
  ],
  invalid: [{ name: 'differs', source: src('«20.00»'), message: /^财政拨款收入支出决算总表 支出 本年支出合计（国有资本经营预算财政拨款） 20\.00 ≠ 国有资本经营预算财政拨款支出决算表中的数 10\.00（差 10\.00）$/, fix: null }],
  rounding: [{ name: 'one decimal', source: JUE + D04out(['本年支出合计: 110.0 100.0 0.0 «10.0»']) + D08(['合计: 10.04 0.00 10.04']) }],
});
