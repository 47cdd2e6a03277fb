/** kemu.code: a row key that starts like a 科目代码 but is not 3, 5 or 7 digits. */
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D03 } from './tables';

const T = (row: string) => JUE + D03([`${row}: 1.00`], ['本年支出合计']);

RuleTester.run('kemu.code', {
  valid: [
    { name: '3, 5 and 7 digits', source: JUE + D03(['201 一般公共服务支出: 1.00', '20113 商贸事务: 1.00', '2011308 招商引资: 1.00'], ['本年支出合计']) },
    { name: 'a row numbering “1.” is not a code', source: T('1. 一般公共预算') },
    { name: 'a year (2023年…) is not a code', source: T('2023年结转') },
  ],
  invalid: [
    { name: 'four digits', source: T('«2011» 商贸事务'), message: '科目代码应为 3 位（类）、5 位（款）或 7 位（项）数字，“2011”有 4 位', severity: 'error' },
    { name: 'a letter O for a zero', source: T('«20113O8» 招商引资'), message: '科目代码应为 3 位（类）、5 位（款）或 7 位（项）数字，“20113O8”含有非数字字符' },
  ],
});
