/** yaml.duplicateBlock: a top-level block written twice. */
import { JUE, RuleTester } from '../helpers/rule-tester';

RuleTester.run('yaml.duplicateBlock', {
  valid: [{ name: 'two different blocks', syntax: 'yaml', source: JUE + '名词解释:\n  - 基本支出: 定义\n部门概况:\n  - 一、职责:\n      正文: 文字\n' }],
  invalid: [{ name: 'the second 名词解释', syntax: 'yaml', source: JUE + '名词解释:\n  - 基本支出: 定义\n«名词解释»:\n  - 项目支出: 定义\n', message: /重复/, severity: 'error' }],
});
