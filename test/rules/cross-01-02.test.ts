/** cross.01-02: 收入支出决算总表 收入 本年收入合计 = 收入决算表 合计（本年收入合计）. */
import { RuleTester } from '../helpers/rule-tester';
import { D01in, D02, JUE } from './tables';

const src = (t01: string, t02 = '335.56') => JUE + D01in(['一、一般公共预算财政拨款收入: 335.56', `本年收入合计: ${t01}`]) + D02([`合计: ${t02} 335.56`]);

RuleTester.run('cross.01-02', {
  valid: [
    { name: 'equal', source: src('335.56') },
    { name: 'only one of the two tables: nothing to compare', source: JUE + D02(['合计: 335.56 335.56']) },
  ],
  invalid: [
    { name: '01 本年收入合计 ≠ 02 合计: on table 01, no fix (which is wrong is unknown)', source: src('«345.56»'), message: '收入支出决算总表 收入 本年收入合计 345.56 ≠ 收入决算表中的数 335.56（差 10.00）', severity: 'error', fix: null, related: true },
    { name: 'tables named by their 编号 (公开01表, 公开02表)', source: src('«345.56»').replace('表 收入支出决算总表:\n', '表 收入支出决算总表:\n  编号: 公开01表\n').replace('表 收入决算表:\n', '表 收入决算表:\n  编号: 公开02表\n'), message: '公开01表 收入 本年收入合计 345.56 ≠ 公开02表中的数 335.56（差 10.00）' },
  ],
  rounding: [{ name: 'one decimal against two', source: JUE + D01in(['一、一般公共预算财政拨款收入: 335.6', '本年收入合计: «335.6»']) + D02(['合计: 335.56 335.56']) }],
  uncovered: [{ name: 'table 02 without its 合计 row', source: src('335.56').replace('- 合计: 335.56 335.56', '- 201 一般公共服务支出: 335.56 335.56'), why: /找不到行“合计”/ }],
});
