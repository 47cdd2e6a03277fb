/** schema.block: an unknown top-level block. */
import { JUE, RuleTester } from '../helpers/rule-tester';

const DH = '【报告】\n类型：部门决算\n年度：2023\n单位：测试单位\n金额单位：万元\n\n';

RuleTester.run('schema.block', {
  valid: [{ name: 'known blocks', source: JUE + '名词解释:\n  - 基本支出: 定义\n' }],
  invalid: [
    { name: 'YAML', syntax: 'yaml', source: JUE + '«附录»:\n  - a: b\n', rule: 'schema', message: /未知的顶层块“附录”/, severity: 'error' },
    { name: 'DSL', syntax: 'dsl', source: DH + '【«附录»】\n文字\n', message: /^未知的块【附录】/ },
  ],
});
