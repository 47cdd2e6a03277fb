/** table.kind: a 类型 that is no known standard table. */
import { JUE, RuleTester } from '../helpers/rule-tester';

const DH = '【报告】\n类型：部门决算\n年度：2023\n单位：测试单位\n金额单位：万元\n\n';

RuleTester.run('table.kind', {
  valid: [{ name: 'a known kind', source: JUE + '表 某表:\n  类型: 决算02\n  列: [本年收入合计]\n  行:\n    - 合计: 1.00\n' }],
  invalid: [
    { name: 'YAML', syntax: 'yaml', source: JUE + '表 某表:\n  类型: «决算99»\n  列: [金额]\n  行:\n    - 合计: 1.00\n', message: '未知的表类型“决算99”，按自定义表处理（标准表类型见文档）', severity: 'warning' },
    { name: 'DSL', syntax: 'dsl', source: DH + '【表 某表】\n类型：«决算99»\n列：金额\n合计 | 1.00\n', message: '未知的表类型“决算99”，按自定义表处理（标准表类型见文档）' },
  ],
});
