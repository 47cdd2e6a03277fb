/** yaml.alias: a YAML alias (*name) used as a row or a value. */
import { JUE, RuleTester } from '../helpers/rule-tester';

RuleTester.run('yaml.alias', {
  valid: [{ name: 'rows written out', syntax: 'yaml', source: JUE + '表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 合计: 1.00\n    - 201 一般公共服务支出: 1.00\n' }],
  invalid: [{ name: 'a row as an alias', syntax: 'yaml', source: JUE + '表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - &a 合计: 1.00\n    - «*a»\n', message: '不能用 YAML 别名“*a”代替表的一行或一个值：请把内容写出来', severity: 'error' }],
});
