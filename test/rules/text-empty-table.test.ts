/**
 * text.emptyTable: a note under a table that says it is empty (本表为空表, 本表无数据) while the table holds
 * amounts; the 情况说明 says a kind of money did not exist (无政府性基金预算财政拨款收入和支出 …) while its table
 * holds amounts; and the reverse — an amount of that money (政府性基金预算财政拨款支出 45.60万元; 为, 决算, 预算
 * between) while its table is empty. A table of 0.00 or blank cells is empty. No fix.
 */
import { RuleTester } from '../helpers/rule-tester';
import { jue, yu } from './narrative';

/** The 政府性基金 table of a budget, in 元, with these rows and a note. */
const FUND = (rows: string, note?: string) => `\n表 政府性基金预算支出功能分类预算表:\n  单位: 元\n  列: [合计, 基本支出, 项目支出]\n  行:\n${rows}\n` + (note ? `  注: ${note}\n` : '');
const EMPTY = '    - 合计: ["", "", ""]';
const ZEROS = '    - 合计: 0.00 0.00 0.00';
const ROWS = '    - 229 其他支出: 12,000.00 0.00 12,000.00\n    - 合计: 12,000.00 0.00 12,000.00';
const NOTE = (w: string) => `本部门2026年无政府性基金预算财政拨款安排的预算，故${w}。`;
const Y26 = (body: string, tables = '') => yu(2026, body, tables);
const FUND_TITLE = '政府性基金预算支出功能分类预算表';

RuleTester.run('text.emptyTable', {
  valid: [
    { name: '010: the note under an empty table', source: Y26('说明。', FUND(EMPTY, NOTE('本表为空表'))) },
    { name: 'a table of 0.00 is empty', source: Y26('说明。', FUND(ZEROS, NOTE('本表为空表'))) },
    { name: 'the statement and an empty table (template)', source: Y26('本部门2026年度无政府性基金预算财政拨款收入和支出。', FUND(EMPTY)) },
    { name: 'the statement and no table of its kind', source: Y26('本部门2026年度无政府性基金预算财政拨款收入和支出。') },
    { name: 'the statement of another kind of money', source: Y26('本部门2026年度无国有资本经营预算财政拨款收入和支出。', FUND(ROWS)) },
    { name: 'an amount its table holds', source: Y26('政府性基金预算财政拨款支出12,000.00元。', FUND(ROWS)) },
    { name: 'an amount of 0 and an empty table', source: Y26('政府性基金预算财政拨款支出0万元。', FUND(EMPTY)) },
    { name: 'a change of the money, not its amount', source: Y26('政府性基金预算财政拨款支出比上年增加1.20万元。', FUND(EMPTY)) },
    { name: 'other words between the term and the amount', source: Y26('政府性基金预算财政拨款支出，主要用于1.20万元。', FUND(EMPTY)) },
    { name: 'an amount and no table of its kind', source: Y26('政府性基金预算财政拨款支出1.20万元。') },
    { name: 'a percentage after the term', source: Y26('政府性基金预算财政拨款支出50%。', FUND(EMPTY)) },
    { name: 'a table whose only cell is text (——) is empty', source: Y26('说明。', FUND('    - 合计: ["——", "", ""]', NOTE('本表为空表'))) },
    { name: 'an amount more than 6 characters after the term', source: Y26('政府性基金预算财政拨款支出预算数为     1.20万元。', FUND(EMPTY)) },
  ],
  invalid: [
    {
      name: 'a note 本表为空表 under a table with amounts',
      source: Y26('说明。', FUND(ROWS, NOTE('«本表为空表»'))),
      message: `注说“本表为空表”，而“${FUND_TITLE}”中有金额（如 12,000.00）`, severity: 'error', fix: null,
      related: ['表中的金额：12,000.00«12,000.00»'],
    },
    {
      name: 'a 决算 note 本表无数据 (template) under a table with amounts',
      source: jue('说明。', '\n表 政府性基金预算财政拨款收入支出决算表:\n  列: [本年支出/小计, 本年支出/基本支出, 本年支出/项目支出]\n  行:\n    - 合计: 45.60 0.00 45.60\n  注: 本单位2023年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故«本表无数据»。\n'),
      message: '注说“本表无数据”，而“政府性基金预算财政拨款收入支出决算表”中有金额（如 45.60）',
      related: ['表中的金额：45.60«45.60»'],
    },
    {
      name: 'the statement while its table holds amounts',
      source: Y26('本部门2026年度«无政府性基金预算财政拨款收入和支出»。', FUND(ROWS)),
      message: `文中说“无政府性基金预算财政拨款收入和支出”，而“${FUND_TITLE}”中有金额（如 12,000.00）`,
      related: ['表中的金额：12,000.00«12,000.00»'],
    },
    {
      name: '020: 无国有资本经营预算财政拨款收入和支出 while its 决算 table holds amounts',
      source: jue('本部门2023年度«无国有资本经营预算财政拨款收入和支出»，故本表无数据。', '\n表 国有资本经营预算财政拨款支出决算表:\n  列: [小计, 基本支出, 项目支出]\n  行:\n    - 合计: 10.00 0.00 10.00\n'),
      message: '文中说“无国有资本经营预算财政拨款收入和支出”，而“国有资本经营预算财政拨款支出决算表”中有金额（如 10.00）',
      related: ['表中的金额：10.00«10.00»'],
    },
    {
      name: 'an amount of the money while its table is empty',
      source: Y26('政府性基金预算财政拨款支出«12,000.00元»。', FUND(EMPTY)),
      message: `文中写“政府性基金预算财政拨款支出”12,000.00元，而“${FUND_TITLE}”是空表`, fix: null,
      related: ['空表：政府性基金预算支出功能分类预算表«表 政府性基金预算支出功能分类预算表»'],
    },
    { name: '为 between', source: Y26('政府性基金预算财政拨款收入为«1.20万元»。', FUND(EMPTY)), message: `文中写“政府性基金预算财政拨款收入”1.20万元，而“${FUND_TITLE}”是空表`, related: ['空表：政府性基金预算支出功能分类预算表«表 政府性基金预算支出功能分类预算表»'] },
    { name: '预算数为 between', source: Y26('政府性基金预算财政拨款支出预算数为«1.20万元»。', FUND(ZEROS)), message: `文中写“政府性基金预算财政拨款支出”1.20万元，而“${FUND_TITLE}”是空表`, related: ['空表：政府性基金预算支出功能分类预算表«表 政府性基金预算支出功能分类预算表»'] },
    { name: 'the second mention of the term', source: Y26('政府性基金预算财政拨款支出0万元；政府性基金预算财政拨款支出«1.20万元»。', FUND(EMPTY)), message: `文中写“政府性基金预算财政拨款支出”1.20万元，而“${FUND_TITLE}”是空表`, related: ['空表：政府性基金预算支出功能分类预算表«表 政府性基金预算支出功能分类预算表»'] },
    { name: 'the statement opens the text', source: Y26('«无政府性基金预算财政拨款收入和支出»。', FUND(ROWS)), message: `文中说“无政府性基金预算财政拨款收入和支出”，而“${FUND_TITLE}”中有金额（如 12,000.00）` },
    { name: 'the amount 6 characters after the term', source: Y26('政府性基金预算财政拨款支出预算数为  «1.20万元»。', FUND(EMPTY)), message: `文中写“政府性基金预算财政拨款支出”1.20万元，而“${FUND_TITLE}”是空表` },
  ],
});
