/** table.columns: rows without columns. */
import { JUE, RuleTester } from '../helpers/rule-tester';

const DH = '【报告】\n类型：部门决算\n年度：2023\n单位：测试单位\n金额单位：万元\n\n';

RuleTester.run('table.columns', {
  valid: [{ name: 'columns first', source: JUE + '表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 合计: 1.00\n' }],
  invalid: [
    { name: 'YAML', syntax: 'yaml', source: JUE + '表 收入决算表:\n  «行»:\n    - 合计: 1.00\n', message: /^此表缺少“列”/, severity: 'error' },
    { name: 'DSL', syntax: 'dsl', source: DH + '【表 收入决算表】\n«合计»｜1.00\n'.replace('｜', ' | '), message: /^此表缺少“列”/ },
  ],
});
