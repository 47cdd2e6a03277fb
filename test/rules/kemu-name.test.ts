/** kemu.name: a 科目 name that differs from the catalogue's (fix: the catalogue's name). */
import { JUE, RuleTester } from '../helpers/rule-tester';
import { D06 } from './tables';

RuleTester.run('kemu.name', {
  valid: [
    { name: 'the catalogue name', source: JUE + D06(['30217 公务接待费: 0.00']) },
    { name: 'a 科目 in the text with the short name (201（一般公共服务）)', source: JUE + '情况说明:\n  - 一、支出:\n      正文: 主要用于201（一般公共服务）13（商贸事务）08（招商引资）。\n' },
  ],
  invalid: [
    { name: 'seed 000: 30217 公务招待费', source: JUE + D06(['30217 «公务招待费»: 0.00']), message: '科目 30217 在2023 版目录中名为“公务接待费”，这里写作“公务招待费”，这个名称是常见的误写', severity: 'warning', fix: '公务接待费', safe: true },
    { name: 'an older name written in the text (seed 002)', source: JUE + '情况说明:\n  - 一、支出:\n      正文: 主要用于208（社会保障和就业）05（«行政和事业单位离退休»）。\n', message: '科目 20805 在2023 版目录中名为“行政事业单位养老支出”，这里写作“行政和事业单位离退休”，这是旧版本的名称', fix: '行政事业单位养老支出' },
  ],
});
