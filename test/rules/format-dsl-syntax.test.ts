/** dsl.syntax: lines of the DSL that cannot be read. */
import { RuleTester } from '../helpers/rule-tester';

const DH = '【报告】\n类型：部门决算\n年度：2023\n单位：测试单位\n金额单位：万元\n\n';

RuleTester.run('dsl.syntax', {
  valid: [{ name: 'a section with its heading', syntax: 'dsl', source: DH + '【情况说明】\n= 一、说明\n正文。\n' }],
  invalid: [
    { name: 'text before the first heading', syntax: 'dsl', source: DH + '【情况说明】\n«没有标题的正文»\n', message: '正文前面要有标题：以“= 标题”开始一节', severity: 'error' },
    { name: 'a line that is no “键：值” in 报告', syntax: 'dsl', source: '【报告】\n类型：部门决算\n«年度 2023»\n单位：某单位\n', message: '这一行应写作“键：值”，如“类型：部门决算”' },
    { name: 'text before the first block', syntax: 'dsl', source: '«正文»\n' + DH, message: /第一个【块】之前只能有注释/ },
  ],
});
