/** yaml.alias: a YAML alias (*name) used as a row or a value. */
import { JUE, RuleTester } from '../helpers/rule-tester';

RuleTester.run('yaml.alias', {
  valid: [{ name: 'rows written out', syntax: 'yaml', source: JUE + '表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 合计: 1.00\n    - 201 一般公共服务支出: 1.00\n' }],
  invalid: [{ name: 'a row as an alias', syntax: 'yaml', source: JUE + '表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - &a 合计: 1.00\n    - «*a»\n', message: '表的一行不能写成 YAML 别名“*a”（别名引用前面用“&a”标记的内容）：本格式不读别名，这一行会被漏掉。请把这一行完整写出来，如“- 合计: 1.00 1.00”', severity: 'error' }],
});
