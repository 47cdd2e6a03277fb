/** sum.children: 类 = Σ 款, 款 = Σ 项, 301 = Σ 301xx where listed; a numbered item of a 收支预算总表 = Σ its sub-items. */
import { JUE, RuleTester, YU } from '../helpers/rule-tester';

const T02 = (a: string, b: string, c: string, d: string) =>
  JUE + `表 收入决算表:\n  列: [本年收入合计, 财政拨款收入]\n  行:\n    - 201 一般公共服务支出: ${a} ${a}\n    - 20113 商贸事务: ${b} ${b}\n    - 2011308 招商引资: ${c} ${c}\n    - 2011350 事业运行: ${d} ${d}\n`;
const T06 = (total: string) => JUE + `表 一般公共预算财政拨款基本支出决算表:\n  列: [决算数]\n  行:\n    - 301 工资福利支出: ${total}\n    - 30101 基本工资: 130.81\n    - 30102 津贴补贴: 4.19\n`;
const Y01 = (a: string, b: string) => YU + `表 财务收支预算总表:\n  收入:\n    列: [预算数]\n    行:\n      - 一、财政拨款收入: ${a}\n      - 1. 一般公共预算: ${b}\n      - 2. 政府性基金预算: 10.00\n      - 3. 国有资本经营预算: 0.00\n      - 二、事业收入: 5.00\n      - 收入总计: 115.00\n`;

RuleTester.run('sum.children', {
  valid: [
    { name: '款 = Σ 项 and 类 = Σ 款 (seed 000 公开02表 20113)', source: T02('270.38', '270.38', '111.01', '159.37') },
    { name: '经济分类 301 = Σ 301xx', source: T06('135.00') },
    { name: 'a 类 without its 款 listed is not compared with anything', source: JUE + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 201 一般公共服务支出: 270.38\n    - 208 社会保障和就业支出: 30.00\n' },
    { name: '一、财政拨款收入 = 1. + 2. + 3. (上海 财务收支预算总表)', source: Y01('110.00', '100.00') },
    { name: 'tables with the same number of rows but other codes share no sums (2010201 is not under 20101)', source: JUE + '表 支出决算表（单位1）:\n  类型: 决算03\n  列: [本年支出合计]\n  行:\n    - 201 一般公共服务支出: 10.00\n    - 20101 人大事务: 10.00\n    - 2010101 行政运行: 10.00\n\n' + '表 支出决算表（单位2）:\n  类型: 决算03\n  列: [本年支出合计]\n  行:\n    - 201 一般公共服务支出: 10.00\n    - 20101 人大事务: 10.00\n    - 2010201 行政运行: 3.00\n' },
    // the two tables' codes have the same hash (FNV-1a of the grid's code numbers: found by search); their codes differ
    { name: 'tables whose codes hash alike but differ share no sums (225 › 22523; 481 and 58107 are not parent and child)', source: JUE + '表 支出决算表（单位1）:\n  类型: 决算03\n  列: [本年支出合计]\n  行:\n    - 225 某类: 10.00\n    - 22523 某款: 10.00\n\n' + '表 支出决算表（单位2）:\n  类型: 决算03\n  列: [本年支出合计]\n  行:\n    - 481 另一类: 10.00\n    - 58107 另一款: 3.00\n' },
    { name: 'an empty cell (— or blank) in a child counts as 0', source: JUE + '表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 201 一般公共服务支出: 10.00\n    - 20113 商贸事务: 10.00\n    - 20101 人大事务: —\n' },
  ],
  invalid: [
    { name: '款 ≠ Σ 项: at the 款 cell, fix to the sum', source: T02('270.38', '«270.48»', '111.01', '159.37'), message: '20113 商贸事务（本年收入合计） 270.48 ≠ 其下各项之和 270.38（差 0.10）', severity: 'error', fix: '270.38', safe: false, related: true },
    { name: '类 ≠ Σ 款', source: T02('«271.38»', '270.38', '111.01', '159.37'), message: /^201 一般公共服务支出（本年收入合计） 271\.38 ≠ 其下各款之和 270\.38（差 1\.00）$/, fix: '270.38' },
    { name: '经济分类 301 ≠ Σ 301xx', source: T06('«136.00»'), message: /^301 工资福利支出 136\.00 ≠ 其下各款之和 135\.00（差 1\.00）$/, fix: '135.00' },
    { name: 'a 类 whose 项 are listed without their 款: “其下各科目之和”', source: JUE + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 201 一般公共服务支出: «12.00»\n    - 2011308 招商引资: 10.00\n', message: '201 一般公共服务支出 12.00 ≠ 其下各科目之和 10.00（差 2.00）', fix: '10.00' },
    { name: 'a table with the same codes as the one before (their sums shared): its own amounts are compared', source: JUE + '表 支出决算表（单位1）:\n  类型: 决算03\n  列: [本年支出合计]\n  行:\n    - 201 一般公共服务支出: 10.00\n    - 20101 人大事务: 10.00\n    - 2010101 行政运行: 10.00\n\n' + '表 支出决算表（单位2）:\n  类型: 决算03\n  列: [本年支出合计]\n  行:\n    - 201 一般公共服务支出: 10.00\n    - 20101 人大事务: «11.00»\n    - 2010101 行政运行: 10.00\n', message: /20101 人大事务.* 11\.00 ≠ 其下各项之和 10\.00（差 1\.00）/, fix: '10.00' },
    { name: 'a numbered item ≠ Σ its sub-items', source: Y01('«120.00»', '100.00'), message: /一、财政拨款收入.* 120\.00 ≠ 其下各项之和 110\.00（差 10\.00）/, fix: '110.00' },
  ],
  rounding: [
    { name: '款 0.01 off with two-decimal items: 尾数误差', source: T02('270.39', '«270.39»', '111.01', '159.37') },
    { name: '301 0.01 off', source: T06('«135.01»') },
  ],
});
