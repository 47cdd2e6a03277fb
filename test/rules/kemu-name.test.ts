/** kemu.name: a 科目 name that differs from the catalogue's (fix: the catalogue's name). */
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D03, D06 } from './tables';

RuleTester.run('kemu.name', {
  valid: [
    { name: 'a variant the catalogue lists (一般公共服务, seed 002) in a table', source: JUE + D03(['201 一般公共服务: 1.00'], ['本年支出合计']) },
    { name: 'the catalogue name', source: JUE + D06(['30217 公务接待费: 0.00']) },
    { name: 'a longer name in the text is no short name', source: JUE + '情况说明:\n  - 一、支出:\n      正文: 主要用于201（一般公共服务）13（商贸事务）。\n' },
    { name: 'a 科目 in the text with the short name (201（一般公共服务）)', source: JUE + '情况说明:\n  - 一、支出:\n      正文: 主要用于201（一般公共服务）13（商贸事务）08（招商引资）。\n' },
  ],
  invalid: [
    { name: 'a longer name in the text', source: JUE + '情况说明:\n  - 一、支出:\n      正文: 主要用于201（一般公共服务）13（«商贸事务支出»）。\n', message: '科目 20113 在2023 版目录中名为“商贸事务”，这里写作“商贸事务支出”' },
    { name: 'seed 000: 30217 公务招待费', source: JUE + D06(['30217 «公务招待费»: 0.00']), message: '科目 30217 在2023 版目录中名为“公务接待费”，这里写作“公务招待费”，这个名称是常见的误写', severity: 'warning', fix: '公务接待费', safe: true },
    { name: 'the third level written in the text with another name', source: JUE + '情况说明:\n  - 一、支出:\n      正文: 主要用于201（一般公共服务）13（商贸事务）08（«招商»）。\n', message: '科目 2011308 在2023 版目录中名为“招商引资”，这里写作“招商”', fix: '招商引资' },
    { name: 'an older name written in the text (seed 002)', source: JUE + '情况说明:\n  - 一、支出:\n      正文: 主要用于208（社会保障和就业）05（«行政和事业单位离退休»）。\n', message: '科目 20805 在2023 版目录中名为“行政事业单位养老支出”，这里写作“行政和事业单位离退休”，这是旧版本的名称', fix: '行政事业单位养老支出' },
  ],
});
