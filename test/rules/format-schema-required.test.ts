/** schema.required: the 报告 block is missing. */
import { JUE, RuleTester } from '../helpers/rule-tester';

RuleTester.run('schema.required', {
  valid: [{ name: 'a 报告 block', source: JUE + '名词解释:\n  - 基本支出: 定义\n' }],
  invalid: [
    { name: 'no 报告 block (YAML)', syntax: 'yaml', source: '«名词解释:»\n  - 基本支出: 定义\n', message: /缺少“报告”块/, severity: 'error' },
    { name: 'no 报告 block (DSL)', syntax: 'dsl', source: '«【名词解释】»\n基本支出：定义\n', message: /^缺少【报告】块/ },
  ],
});
