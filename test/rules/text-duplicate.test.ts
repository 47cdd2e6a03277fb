/**
 * text.duplicate: a word written twice in a row (增长增长, seed 002; 支出支出, seed 001), from
 * data/narrative-links.json doubledWords; the fix deletes the second.
 */
import { RuleTester } from '../helpers/rule-tester';
import { jue } from './narrative';

RuleTester.run('text.duplicate', {
  valid: [
    { name: 'seed 002 corrected', source: jue('一般公共预算财政拨款支出增加95.83万元，增长15.78%。') },
    { name: 'seed 001 corrected', source: jue('（三）资本性支出 655.67万元。主要包括：基础设施建设。') },
    { name: 'doubled characters that are Chinese words (人人, 常常)', source: jue('人人参与，常常检查。') },
    { name: 'a listed word twice with a 、 between', source: jue('支出、支出结构。') },
    { name: 'two listed words after each other that are not the same (预算决算, 收入支出)', source: jue('收入支出总计10万元，预算决算对比。') },
  ],
  invalid: [
    {
      name: 'seed 002: 增长增长15.78%',
      source: jue('2023年度与2022年度相比，一般公共预算财政拨款支出增加95.83万元，«增长增长»15.78%。'),
      message: '“增长”连写了两次', severity: 'warning', fix: '增长', safe: true, fixTitle: '删去重复的“增长”',
    },
    { name: 'seed 001: 资本性支出支出', source: jue('（三）资本性«支出支出» 655.67万元。主要包括：基础设施建设。'), message: '“支出”连写了两次', fix: '支出', fixTitle: '删去重复的“支出”' },
    { name: '万元万元', source: jue('合计10«万元万元»。'), message: '“万元”连写了两次', fix: '万元', fixTitle: '删去重复的“万元”' },
    { name: 'three times: the first two are one finding (after its fix the other two are another)', source: jue('«项目项目»项目支出。'), message: '“项目”连写了两次', fixTitle: '删去重复的“项目”' },
    { name: 'in a 其他 section', source: jue('说明。') + '其他:\n  - 一、补充: |\n      «资金资金»使用。\n', message: '“资金”连写了两次', fix: '资金', fixTitle: '删去重复的“资金”' },
  ],
});
