/** parse.amount: an amount that cannot be read. */
import { JUE, RuleTester } from '../helpers/rule-tester';

const T = (v: string) => JUE + `表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 合计: ${v}\n`;

RuleTester.run('parse.amount', {
  valid: [{ name: 'amounts with separators, negative, empty', source: JUE + '表 收入决算表:\n  列: [本年收入合计, 财政拨款收入, 其他收入]\n  行:\n    - 合计: 1,687.40 -3.00 —\n' }],
  invalid: [
    { name: 'a Chinese digit', syntax: 'yaml', source: T('«335.5六»'), message: /非数字字符“六”/, severity: 'error' },
    { name: 'a Chinese digit (DSL)', syntax: 'dsl', source: '【报告】\n类型：部门决算\n年度：2023\n单位：某单位\n\n【表 收入决算表】\n列：本年收入合计\n合计 | «335.5六»\n', message: '金额“335.5六”含有非数字字符“六”' },
    { name: 'two decimal points', syntax: 'yaml', source: T('[«12.3.4»]'), message: /多个小数点/ },
    { name: 'thousands separator in the wrong place', syntax: 'yaml', source: T('«1,68.40»'), message: /千位分隔符/ },
    { name: 'a percentage in an amount column', syntax: 'yaml', source: T('«50%»'), message: /百分数/ },
  ],
});
