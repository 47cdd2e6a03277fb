/** table.cells: a row with another number of values than the table has columns. */
import { JUE, RuleTester } from '../helpers/rule-tester';

const DH = '【报告】\n类型：部门决算\n年度：2023\n单位：测试单位\n金额单位：万元\n\n';

RuleTester.run('table.cells', {
  valid: [{ name: 'as many values as columns', source: JUE + '表 收入决算表:\n  列: [本年收入合计, 财政拨款收入]\n  行:\n    - 合计: 1.00 1.00\n' }],
  invalid: [
    { name: 'a value too few (YAML)', syntax: 'yaml', source: JUE + '表 收入决算表:\n  列: [本年收入合计, 财政拨款收入]\n  行:\n    - 合计: «335.56»\n', message: /1 个值，而表头有 2 列/, severity: 'error' },
    { name: 'a value too few (DSL)', syntax: 'dsl', source: DH + '【表 收入决算表】\n列：本年收入合计 | 财政拨款收入\n合计 | «335.56»\n', message: '此行有 1 个值，而表头有 2 列（本年收入合计、财政拨款收入）' },
  ],
});
