/** table.emptyNote: an empty 政府性基金 / 国有资本经营 table says why it is empty. */
import { RuleTester } from '../helpers/rule-tester';
import { D07, D08, JUE, tbl, Y05, YU } from './tables';

const EMPTY07 = JUE + D07(['合计: 0.00 0.00 —']);

RuleTester.run('table.emptyNote', {
  valid: [
    { name: 'an empty 07 with its note', source: JUE + D07(['合计: 0.00 0.00 0.00']).replace('  列:', '  注: 本部门没有政府性基金预算财政拨款收入和支出，故本表为空表。\n  列:') },
    { name: 'a 07 with money in it needs no note', source: JUE + D07(['合计: 10.00 0.00 10.00']) },
    { name: 'an empty table of another kind (一般公共预算) needs no note', source: YU + Y05(['合计: 0.00 0.00 0.00']) },
  ],
  invalid: [
    { name: 'an empty 07 (zeros and —) without a note: fix inserts the standard note', source: EMPTY07.replace('表 政府性基金预算财政拨款收入支出决算表', '«表 政府性基金预算财政拨款收入支出决算表»'), message: '“政府性基金预算财政拨款收入支出决算表”是空表，但没有注明原因（如“本部门没有政府性基金预算财政拨款收入和支出，故本表为空表。”）', severity: 'warning', safe: true,
      output: EMPTY07.replace('表 政府性基金预算财政拨款收入支出决算表:\n', '表 政府性基金预算财政拨款收入支出决算表:\n  注: 本部门没有政府性基金预算财政拨款收入和支出，故本表为空表。\n') },
    { name: 'an empty 08 whose note does not say why: no fix (a note is there)', source: JUE + D08(['合计: 0.00 0.00 0.00']).replace('表 国有资本经营预算财政拨款支出决算表:\n', '«表 国有资本经营预算财政拨款支出决算表»:\n  注: 单位：万元\n'), message: /^“国有资本经营预算财政拨款支出决算表”是空表/, fix: null },
    { name: 'an empty 预算08', source: YU + tbl('政府性基金预算支出功能分类预算表', ['合计', '基本支出', '项目支出'], ['合计: 0.00 0.00 0.00']).replace('表 政府性基金预算支出功能分类预算表', '«表 政府性基金预算支出功能分类预算表»'), message: /（如“本部门没有政府性基金预算拨款安排的支出，故本表为空表。”）$/ },
  ],
});
