/** schema: unknown keys, missing required fields, wrong value types — the same JSON Schema for YAML and the DSL. */
import { JUE, RuleTester } from '../helpers/rule-tester';

const DH = '【报告】\n类型：部门决算\n年度：2023\n单位：测试单位\n金额单位：万元\n\n';

RuleTester.run('schema', {
  valid: [{ name: 'a complete 报告 block', source: JUE + '名词解释:\n  - 基本支出: 定义\n' }],
  invalid: [
    { name: 'an unknown key in a table (YAML)', syntax: 'yaml', source: JUE + '表 收入决算表:\n  列: [本年收入合计]\n  «行数»: 3\n', message: /^不认识的键“行数”。此处可用的键：/, severity: 'error' },
    { name: 'an unknown key in 报告 (DSL)', syntax: 'dsl', source: DH.replace('金额单位：万元', '«颜色»：红') , message: /^不认识的键“颜色”。此处可用的键：/ },
    { name: 'a report type that does not exist (YAML)', syntax: 'yaml', source: '报告:\n  类型: «部门结算»\n  年度: 2023\n  单位: 某单位\n', message: /以下之一：部门决算、单位决算、部门预算、单位预算/ },
    { name: 'a report type that does not exist (DSL)', syntax: 'dsl', source: '【报告】\n类型：«部门结算»\n年度：2023\n单位：某单位\n', message: /以下之一：部门决算、单位决算、部门预算、单位预算/ },
    { name: 'a year that is not four digits (YAML)', syntax: 'yaml', source: '报告:\n  类型: 部门决算\n  年度: «23年»\n  单位: 某单位\n', message: /四位年份/ },
    { name: 'a year that is not four digits (DSL)', syntax: 'dsl', source: '【报告】\n类型：部门决算\n年度：«23年»\n单位：某单位\n', message: /四位年份/ },
    { name: 'a missing 单位 (YAML)', syntax: 'yaml', source: '«报告»:\n  类型: 部门决算\n  年度: 2023\n', message: /缺少必填项“单位”/ },
    { name: 'a missing 单位 (DSL)', syntax: 'dsl', source: '【«报告»】\n类型：部门决算\n年度：2023\n', message: /缺少必填项“单位”/ },
  ],
});
