/** yaml.syntax: YAML syntax errors, said in Chinese. */
import { JUE, RuleTester } from '../helpers/rule-tester';

RuleTester.run('yaml.syntax', {
  valid: [{ name: 'a well-formed file', source: JUE + '名词解释:\n  - 基本支出: 定义\n', syntax: 'yaml' }],
  invalid: [
    { name: 'a duplicate key inside a block', syntax: 'yaml', source: JUE + '表 收入决算表:\n  列: [本年收入合计]\n  «列»: [财政拨款收入]\n  行:\n    - 合计: 1\n', message: /键重复/, severity: 'error' },
    { name: 'a row whose first value is a bare “-”', syntax: 'yaml', source: JUE + '表 收入决算表:\n  列: [本年收入合计, 财政拨款收入]\n  行:\n    - 合计: «-» 1.00\n', message: /空格子请写作 "-"（加引号）或 —/ },
  ],
});
