/** kemu.system: a 功能分类 code in an 经济分类 table, or an 经济分类 code among 功能分类 codes. */
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D03, D06, tbl } from './tables';

RuleTester.run('kemu.system', {
  valid: [
    { name: '经济分类 codes in 公开06表', source: JUE + D06(['301 工资福利支出: 1.00', '30101 基本工资: 1.00']) },
    { name: '功能分类 codes in 公开03表', source: JUE + D03(['201 一般公共服务支出: 1.00'], ['本年支出合计']) },
    { name: 'a custom table with only 经济分类 codes', source: JUE + tbl('自定义表', ['金额'], ['301 工资福利支出: 1.00']) },
  ],
  invalid: [
    { name: 'a 功能分类 code in 公开06表', source: JUE + D06(['301 工资福利支出: 1.00', '«2011350» 事业运行: 1.00']), message: '“一般公共预算财政拨款基本支出决算表”按经济分类列示，而 2011350 是功能分类科目', severity: 'warning' },
    { name: 'a table titled 经济分类 counts as one', source: JUE + tbl('项目支出经济分类表', ['金额'], ['«201» 一般公共服务支出: 1.00']), message: '“项目支出经济分类表”按经济分类列示，而 201 是功能分类科目' },
    { name: 'an 经济分类 code (5xx too) among 功能分类 codes', source: JUE + D03(['201 一般公共服务支出: 1.00', '«50101» 工资奖金津补贴: 1.00'], ['本年支出合计']), message: '“支出决算表”按功能分类列示，而 50101 是经济分类科目' },
  ],
});
