/** cross.预算01-03: 支出预算总表 合计 = 财务收支预算总表 本年支出合计 (or 支出总计); each 类 likewise. */
import { RuleTester } from '../helpers/rule-tester';
import { Y01out, Y03, YU } from './tables';

const src = (cls: string, total: string) => YU + Y01out([`一、一般公共服务支出: ${cls}`, '二、教育支出: 10.00', `支出总计: ${total}`]) + Y03(['合计: 100.00 60.00 40.00', '201 一般公共服务支出: 90.00 50.00 40.00', '205 教育支出: 10.00 10.00 0.00']);

RuleTester.run('cross.预算01-03', {
  valid: [
    { name: 'equal (支出总计, 上海)', source: src('90.00', '100.00') },
    { name: '本年支出合计 when printed', source: YU + Y01out(['一、一般公共服务支出: 100.00', '本年支出合计: 100.00']) + Y03(['合计: 100.00 60.00 40.00', '201 一般公共服务支出: 100.00 60.00 40.00']) },
  ],
  invalid: [
    { name: '支出总计 differs', source: src('90.00', '«110.00»'), message: '财务收支预算总表 支出 支出总计 110.00 ≠ 支出预算总表中的数 100.00（差 10.00）', fix: null },
    { name: 'a 类 differs', source: src('«95.00»', '100.00'), message: '财务收支预算总表 支出 一、一般公共服务支出 95.00 ≠ 支出预算总表中同类的数 90.00（差 5.00）', fix: null },
  ],
});
