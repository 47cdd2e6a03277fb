/**
 * table.coverage (information): a table taken as standard (by its title or 类型) on which some rule could not run
 * (an operand it names was not found), on the table's title, saying which rules and why — so that silence is not
 * read as “checked and fine”. A complete standard table, and a table that is not standard, get none.
 */
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D03 } from './tables';

RuleTester.run('table.coverage', {
  valid: [
    { name: 'a complete 支出决算表', source: JUE + D03(['合计: 10.00 6.00 4.00 0.00 0.00 0.00'], ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']) },
    { name: 'a table that is not standard', source: JUE + '表 项目明细表:\n  列: [金额]\n  行:\n    - 合计: 1.00\n' },
  ],
  invalid: [
    {
      name: 'a 支出决算表 without three of its columns',
      source: JUE + D03(['合计: 10.00 6.00 4.00']).replace('表 支出决算表', '«表 支出决算表»'),
      message: '“支出决算表”有 1 条规则未能运行：sum.columns 找不到列“上缴上级支出、经营支出、对附属单位补助支出”；本表的列：本年支出合计、基本支出、项目支出',
      severity: 'information', fix: null,
    },
    {
      name: 'a 收入支出决算总表 without its 收入 side: two rules',
      source: JUE + '«表 收入支出决算总表»:\n  支出:\n    列: [金额]\n    行:\n      - 本年支出合计: 1.00\n',
      message: '“收入支出决算总表”有 2 条规则未能运行：sum.total 找不到“收入”栏；本表的栏：支出；cross.01-total 找不到“收入”栏；本表的栏：支出',
    },
  ],
});
