/** perf.funds: in a 绩效自评表, 年度资金总额 = Σ the other 资金 rows, column by column. */
import { JUE, RuleTester } from '../helpers/rule-tester';

const src = (total: string, first = '150.00') => JUE + `绩效自评 测试:\n  资金:\n    列: [年初预算数, 全年预算数, 全年执行数]\n    行:\n      - 年度资金总额: ${total} 150.00 150.00\n      - 其中：财政拨款: ${first} 150.00 150.00\n      - 上年结转资金: 0.00 0.00 0.00\n`;

RuleTester.run('perf.funds', {
  valid: [{ name: 'equal', source: src('150.00') }, { name: 'a single 资金 row: nothing to add', source: JUE + '绩效自评 测试:\n  资金:\n    列: [年初预算数]\n    行:\n      - 年度资金总额: 150.00\n' }],
  invalid: [{ name: 'the total differs', source: src('«160.00»'), message: '年度资金总额（年初预算数） 160.00 ≠ 各项资金之和 150.00（差 10.00）', severity: 'error', fix: '150.00', safe: false, related: true }],
  rounding: [{ name: 'one decimal', source: src('«150.0»', '150.04') }],
});
