/** schema: unknown keys, missing required fields, wrong value types — the same JSON Schema for YAML and the DSL. */
import * as assert from 'assert';
import { JUE, RuleTester, runCheck } from '../helpers/rule-tester';

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

describe('rule schema: the DSL is validated with the same JSON Schema as YAML (one message for one mistake)', () => {
  const Y = (meta: string, table = '') => `报告:\n${meta.split('\n').map((l) => `  ${l.replace('：', ': ')}`).join('\n')}\n\n${table ? `表 收入决算表:\n${table.split('\n').map((l) => `  ${l.replace('：', ': ')}`).join('\n')}\n  列: [本年收入合计]\n  行:\n    - 合计: 1.00\n` : ''}`;
  const D = (meta: string, table = '') => `【报告】\n${meta}\n\n${table ? `【表 收入决算表】\n${table}\n列：本年收入合计\n合计 | 1.00\n` : ''}`;
  const OK = '类型：部门决算\n年度：2023\n单位：某单位';
  const cases: Array<[string, string, string?]> = [
    ['an unknown key in 报告', OK + '\n颜色：红'],
    ['a type that does not exist', '类型：部门结算\n年度：2023\n单位：某单位'],
    ['a year that is not four digits', '类型：部门决算\n年度：23年\n单位：某单位'],
    ['an amount unit that does not exist', OK + '\n金额单位：千元'],
    ['a missing 单位', '类型：部门决算\n年度：2023'],
    ['a table unit that does not exist', OK, '单位：千元'],
    ['an unknown key in a table', OK, '颜色：红'],
  ];
  for (const [name, meta, table] of cases) {
    it(name, () => {
      const msgs = (text: string, syntax: 'yaml' | 'dsl') => runCheck(text, syntax).findings.filter((f) => f.rule === 'schema').map((f) => f.message);
      const y = msgs(Y(meta, table), 'yaml');
      assert.ok(y.length > 0, 'YAML finds it');
      // the DSL writes rows and sides as lines of their own: its list of keys leaves them out
      assert.deepStrictEqual(msgs(D(meta, table), 'dsl'), y.map((m) => m.replace('列、行、收入、支出、', '列、')));
    });
  }
});
