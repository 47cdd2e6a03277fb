/**
 * kemu.duplicateRow: one 科目 written as two rows of one table (or one side of a table): an error on the second
 * row, the first as its related location. A second row that repeats the first exactly may be deleted (a fix
 * that removes typed numbers: not safe); one that differs gets no fix.
 */
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D03, sided } from './tables';

const MSG = '科目 2011308 在“支出决算表”中写了两行：这一行与前面的“2011308 招商引资”是同一科目，金额会重复计入合计';

RuleTester.run('kemu.duplicateRow', {
  valid: [
    { name: 'a 科目 once', source: JUE + D03(['2011308 招商引资: 1.00'], ['本年支出合计']) },
    { name: 'one 科目 in two tables', source: JUE + D03(['2011308 招商引资: 1.00'], ['本年支出合计']) + '表 一般公共预算财政拨款支出决算表:\n  列: [小计]\n  行:\n    - 2011308 招商引资: 1.00\n' },
    { name: 'one 科目 on the two sides of a table', source: JUE + sided('收入支出决算总表', { 收入: [['金额'], ['201 一般公共服务支出: 1.00']], 支出: [['金额'], ['201 一般公共服务支出: 1.00']] }) },
  ],
  invalid: [
    {
      name: 'the same row twice: the fix deletes the second',
      source: JUE + D03(['2011308 招商引资: 1.00', '«2011308 招商引资»: 1.00'], ['本年支出合计']),
      message: MSG, severity: 'error', safe: false, fixTitle: '删除重复的这一行',
      output: JUE + D03(['2011308 招商引资: 1.00'], ['本年支出合计']),
      related: ['第一次写在这里：2011308 招商引资«2011308 招商引资»'],
    },
    {
      name: 'other amounts: no fix (which row is right is not known)',
      source: JUE + D03(['2011308 招商引资: 1.00', '«2011308 招商引资»: 2.00'], ['本年支出合计']),
      message: MSG, fix: null,
      related: ['第一次写在这里：2011308 招商引资«2011308 招商引资»'],
    },
    {
      name: 'another name: the first row’s key in the message',
      source: JUE + D03(['2011308 招商引资: 1.00', '«2011308 招商»: 1.00'], ['本年支出合计']),
      message: MSG, fix: null,
      related: ['第一次写在这里：2011308 招商引资«2011308 招商引资»'],
    },
    {
      name: 'a third row is flagged too',
      source: JUE + D03(['2011308 招商引资: 1.00', '2011308 招商引资: 1.00', '«2011308 招商引资»: 3.00'], ['本年支出合计']),
      message: MSG,
      related: ['第一次写在这里：2011308 招商引资«2011308 招商引资»'],
    },
  ],
});
