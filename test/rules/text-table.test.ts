/**
 * text.table: an amount of the 情况说明 against the table cell it names — after a term of
 * data/narrative-links.json (本年支出合计, 基本支出 …: the clause before the amount must be exactly the term once the
 * unit name, the year, numbering, 其中 and a trailing 为/是 are removed, and the report must have one table of
 * that kind), or of a 科目 path (codes, levels, dashes) against that 项's row. A table in 元 and a text in 万元
 * compare exactly (2,087,959.00元 is 208.80万元); within rounding, a 尾数误差 note. The fix writes the table's
 * amount (only for an amount in 万元; it changes a typed number: not safe).
 */
import { RuleTester } from '../helpers/rule-tester';
import { BUDGET_TABLE, BUDGET_TABLE_WAN, jue, yu } from './narrative';

/** 收入支出决算总表 with 702.98 in each total. */
const D01 = `
表 收入支出决算总表:
  收入:
    列: [金额]
    行:
      - 本年收入合计: 702.98
      - 总计: 702.98
  支出:
    列: [金额]
    行:
      - 本年支出合计: 702.98
      - 总计: 702.98
`;
/** 支出决算表 of seed 000 (335.56 = 224.55 + 111.01). */
const D03 = (row = '335.56 224.55 111.01', title = '支出决算表') => `\n表 ${title}:\n  列: [本年支出合计, 基本支出, 项目支出]\n  行:\n    - 合计: ${row}\n`;
/** 一般公共预算财政拨款支出决算表 with 2011308 招商引资 (seed 002). */
const D05 = '\n表 一般公共预算财政拨款支出决算表:\n  列: [小计, 基本支出, 项目支出]\n  行:\n    - 201 一般公共服务支出: 299.97 0.00 299.97\n    - 20113 商贸事务: 299.97 0.00 299.97\n    - 2011308 招商引资: 299.97 0.00 299.97\n';
const Y26 = (body: string, table = BUDGET_TABLE) => yu(2026, body, table);
const GJJ = '一般公共预算支出功能分类预算表 住房公积金（合计）为 2,087,959.00元';

/** 收入支出决算总表 with its 支出 side only. */
const D01_OUT = '\n表 收入支出决算总表:\n  支出:\n    列: [金额]\n    行:\n      - 本年支出合计: 702.98\n';
/** 财政拨款“三公”经费支出决算表 (seed 000: 41.27, of which 因公出国（境）费 6.12) with these rows. */
const D09 = (rows: string[]) => `\n表 财政拨款“三公”经费支出决算表:\n  列: [预算数/合计, 预算数/因公出国（境）费, 决算数/合计, 决算数/因公出国（境）费]\n  行:\n${rows.map((r) => `    - ${r}\n`).join('')}`;
/** 一般公共预算财政拨款支出决算表 whose total column is called `col` (小计 or 合计). */
const D05_TOTAL = (col: string) => `\n表 一般公共预算财政拨款支出决算表:\n  列: [${col}, 基本支出, 项目支出]\n  行:\n    - 201 一般公共服务支出: 299.97 0.00 299.97\n    - 合计: 299.97 0.00 299.97\n`;
/** The budget table without its 合计 column, with only the 项 row 2101101, and with 210 and 2101101 but not 21011. */
const NO_TOTAL = BUDGET_TABLE.replace('列: [合计, 基本支出, 项目支出]', '列: [基本支出, 项目支出]').replace(/: ([\d,.]+) ([\d,.]+) ([\d,.]+)/g, ': $2 $3');
const YLFY = '    - 2101101 行政单位医疗: 1,149,678.00 1,149,678.00 0.00\n';
const LEAF_ONLY = `\n表 一般公共预算支出功能分类预算表:\n  单位: 元\n  列: [合计, 基本支出, 项目支出]\n  行:\n${YLFY}`;
const NO_KUAN = `\n表 一般公共预算支出功能分类预算表:\n  单位: 元\n  列: [合计, 基本支出, 项目支出]\n  行:\n    - 210 卫生健康支出: 1,149,678.00 1,149,678.00 0.00\n${YLFY}`;

RuleTester.run('text.table', {
  valid: [
    { name: 'the term’s amount as in 01表', source: jue('2023年度本年支出合计702.98万元。', D01) },
    { name: 'seed 000: 1.基本支出224.55万元 as in 03表', source: jue('具体情况如下：\n1.基本支出224.55万元，比上年决算数减少11.91万元。', D03()) },
    { name: 'a text in 万元 rounding the table’s amount (224.55 → 224.6)', source: jue('1.基本支出224.6万元。', D03()) },
    { name: 'more words before the amount than the term: not linked', source: jue('本年基本支出的主要构成为224.45万元。', D03()) },
    { name: 'no table of the term’s kind', source: jue('基本支出224.45万元。', D01) },
    { name: 'two tables of the kind (部门 and 单位): which one is meant is not certain', source: jue('基本支出224.45万元。', D03() + D03(undefined, '支出决算表（单位）')) },
    { name: 'a blank cell is not compared', source: jue('基本支出224.45万元。', D03('[335.56, "", 111.01]')) },
    { name: 'no table at all', source: jue('本年支出合计703.98万元。') },
    { name: 'seed 002: a code path as in the table', source: jue('2.201（一般公共服务）13（商贸事务）08（招商引资）:支出决算为299.97万元，完成预算100%。', D05) },
    { name: '010 item 12: the item in 万元 against its row in 元', source: Y26('12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：缴纳住房公积金。2025年当年预算执行数为198.34万元，2026年预算安排208.8万元，比2025年预算执行数增加5.27%。') },
    { name: '014: a dash path in 元 against a table in 万元', source: Y26('11. “住房保障支出-住房改革支出-住房公积金”科目2,087,959.00元，主要用于缴纳住房公积金。', BUDGET_TABLE_WAN) },
    { name: 'words between a path and the amount: not the path’s amount', source: Y26('11. “住房保障支出-住房改革支出-住房公积金”科目主要用于缴纳，共208.90万元。') },
    { name: 'two 预算安排 in the item’s paragraph: which is the item’s is not known', source: Y26('12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）。2026年预算安排218.80万元，其中追加预算安排10.00万元。') },
    { name: 'a term of the 收入 side where 01表 has only its 支出 side', source: jue('本年收入合计712.98万元。', D01_OUT) },
    { name: 'a “*” row of a table with two rows: which is meant is not known', source: jue('财政拨款“三公”经费支出总额为41.00万元。', D09(['合计: 50.00 10.00 41.27 6.12', '其他: 1.00 1.00 1.00 1.00'])) },
    { name: 'the term’s row missing from the table', source: jue('基本支出224.45万元。', D03().replace('合计:', '其他:')) },
    { name: 'a text cell where the amount would be', source: jue('基本支出224.45万元。', D03('335.56 —— 111.01')) },
    { name: 'a percentage after a term is no amount of its cell', source: jue('本年支出中，基本支出66.92%，项目支出33.08%。', D03()) },
    { name: 'a function table without a total column: the 项 has no amount to compare', source: Y26('12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）201.50万元。', NO_TOTAL) },
    { name: 'a path whose leaf alone is in the table (行政运行 is under many 款): not resolved', source: Y26('1. “卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”124.97万元。', LEAF_ONLY) },
    { name: 'a path whose 类 the catalogue gives another code (教育支出 is 205): not 210’s row', source: Y26('1. “教育支出（类）行政事业单位医疗（款）行政单位医疗（项）”124.97万元。') },
  ],
  invalid: [
    {
      name: 'a term’s amount that is not the 01表’s',
      source: jue('2023年度本年支出合计«703.98万元»。', D01),
      message: '“本年支出合计”文中写 703.98万元，而收入支出决算总表 本年支出合计（金额）为 702.98万元', severity: 'error',
      fix: '702.98万元', safe: false, fixTitle: '改为表中的 702.98万元',
      related: ['收入支出决算总表 本年支出合计（金额）：702.98«702.98»'],
    },
    { name: 'a trailing 为 is no part of the term', source: jue('本年收入合计为«712.98万元»。', D01), message: '“本年收入合计”文中写 712.98万元，而收入支出决算总表 本年收入合计（金额）为 702.98万元', fix: '702.98万元', related: ['收入支出决算总表 本年收入合计（金额）：702.98«702.98»'], fixTitle: '改为表中的 702.98万元' },
    { name: 'the unit name and the year before the term are removed', source: jue('测试单位2023年度收入总计«712.98万元»。', D01), message: '“收入总计”文中写 712.98万元，而收入支出决算总表 总计（金额）为 702.98万元', related: ['收入支出决算总表 总计（金额）：702.98«702.98»'], fixTitle: '改为表中的 702.98万元' },
    { name: '其中： before the term', source: jue('总支出335.56万元，其中：基本支出«224.45万元»。', D03()), message: '“基本支出”文中写 224.45万元，而支出决算表 合计（基本支出）为 224.55万元', fix: '224.55万元', related: ['支出决算表 合计（基本支出）：224.55«224.55»'], fixTitle: '改为表中的 224.55万元' },
    { name: 'seed 000 numbering 1. before the term', source: jue('具体情况如下：\n1.基本支出«224.45万元»，比上年决算数减少11.91万元。', D03()), message: '“基本支出”文中写 224.45万元，而支出决算表 合计（基本支出）为 224.55万元', related: ['支出决算表 合计（基本支出）：224.55«224.55»'], fixTitle: '改为表中的 224.55万元' },
    { name: 'an amount in 元: no fix (the unit would change)', source: jue('1.基本支出«2,244,500.00元»。', D03()), message: '“基本支出”文中写 2,244,500.00元，而支出决算表 合计（基本支出）为 224.55万元', fix: null, related: ['支出决算表 合计（基本支出）：224.55«224.55»'] },
    {
      name: 'seed 002: a code path 201（…）13（…）08（…）',
      source: jue('2.201（一般公共服务）13（商贸事务）08（招商引资）:支出决算为«289.97万元»，完成预算100%。', D05),
      message: '“2011308”文中写 289.97万元，而一般公共预算财政拨款支出决算表 招商引资（小计）为 299.97万元', fix: '299.97万元',
      related: ['一般公共预算财政拨款支出决算表 招商引资（小计）：299.97«299.97»'], fixTitle: '改为表中的 299.97万元',
    },
    {
      name: '010 item 12: the 预算安排 of the item’s paragraph',
      source: Y26('12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：缴纳住房公积金。2025年当年预算执行数为198.34万元，2026年预算安排«201.50万元»，比2025年预算执行数增加5.27%。'),
      message: `“住房公积金”文中写 201.50万元，而${GJJ}`, fix: '208.80万元', fixTitle: '改为表中的 208.80万元',
      related: ['一般公共预算支出功能分类预算表 住房公积金（合计）：2,087,959.00«2,087,959.00»'],
    },
    {
      name: 'the amount right after the path (the item’s heading), to the decimals of the cell in 元',
      source: Y26('12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）«218.8万元»。主要用于：缴纳住房公积金。2026年预算安排208.80万元。'),
      message: `“住房公积金”文中写 218.8万元，而${GJJ}`, fix: '208.80万元',
      related: ['一般公共预算支出功能分类预算表 住房公积金（合计）：2,087,959.00«2,087,959.00»'], fixTitle: '改为表中的 208.80万元',
    },
    {
      name: 'a table in 元 is exact: 208.79万元 is not 2,087,959.00元 (which is 208.80万元)',
      source: Y26('12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。2026年预算安排«208.79万元»。'),
      message: `“住房公积金”文中写 208.79万元，而${GJJ}`, fix: '208.80万元',
      related: ['一般公共预算支出功能分类预算表 住房公积金（合计）：2,087,959.00«2,087,959.00»'], fixTitle: '改为表中的 208.80万元',
    },
    { name: '014: a dash path', source: Y26('11. “住房保障支出-住房改革支出-住房公积金”科目«208.90万元»，主要用于为职工缴纳的住房公积金。'), message: `“住房公积金”文中写 208.90万元，而${GJJ}`, related: ['一般公共预算支出功能分类预算表 住房公积金（合计）：2,087,959.00«2,087,959.00»'], fixTitle: '改为表中的 208.80万元' },
    {
      name: 'an amount in 元 against a table in 万元',
      source: Y26('11. “住房保障支出-住房改革支出-住房公积金”科目«2,187,959.00元»，主要用于缴纳住房公积金。', BUDGET_TABLE_WAN),
      message: '“住房公积金”文中写 2,187,959.00元，而一般公共预算支出功能分类预算表 住房公积金（合计）为 208.80万元', fix: null,
      related: ['一般公共预算支出功能分类预算表 住房公积金（合计）：208.80«208.80»'],
    },
    {
      name: '012: a path without codes, names with their levels',
      source: yu(2025, '15. “住房保障支出（类)住房改革支出（款)住房公积金（项）”«218.80万元»，主要用于在职人员公积金缴纳。', BUDGET_TABLE),
      message: `“住房公积金”文中写 218.80万元，而${GJJ}`, fix: '208.80万元',
      related: ['一般公共预算支出功能分类预算表 住房公积金（合计）：2,087,959.00«2,087,959.00»'], fixTitle: '改为表中的 208.80万元',
    },
    { name: 'a 类 alone with its amount (020)', source: Y26('住房保障支出（类）«218.80万元»。'), message: '“住房保障支出”文中写 218.80万元，而一般公共预算支出功能分类预算表 住房保障支出（合计）为 2,087,959.00元', related: ['一般公共预算支出功能分类预算表 住房保障支出（合计）：2,087,959.00«2,087,959.00»'], fixTitle: '改为表中的 208.80万元' },
    { name: 'numbering （一）', source: jue('（一）基本支出«224.45万元»。', D03()), message: '“基本支出”文中写 224.45万元，而支出决算表 合计（基本支出）为 224.55万元' },
    { name: 'numbering 十一、', source: jue('十一、基本支出«224.45万元»。', D03()), message: '“基本支出”文中写 224.45万元，而支出决算表 合计（基本支出）为 224.55万元' },
    { name: 'numbering 12.', source: jue('12.基本支出«224.45万元»。', D03()), message: '“基本支出”文中写 224.45万元，而支出决算表 合计（基本支出）为 224.55万元' },
    { name: 'numbering （12）', source: jue('（12）基本支出«224.45万元»。', D03()), message: '“基本支出”文中写 224.45万元，而支出决算表 合计（基本支出）为 224.55万元' },
    { name: '其中 without a colon', source: jue('总支出335.56万元，其中基本支出«224.45万元»。', D03()), message: '“基本支出”文中写 224.45万元，而支出决算表 合计（基本支出）为 224.55万元' },
    { name: 'spaces before the amount and around 为', source: jue('基本支出 为 «224.45万元»。', D03()), message: '“基本支出”文中写 224.45万元，而支出决算表 合计（基本支出）为 224.55万元' },
    { name: 'a space before the amount', source: jue('基本支出 «224.45万元»。', D03()), message: '“基本支出”文中写 224.45万元，而支出决算表 合计（基本支出）为 224.55万元' },
    { name: 'a year without 度 before the term', source: jue('2023年本年支出合计«712.98万元»。', D01_OUT), message: '“本年支出合计”文中写 712.98万元，而收入支出决算总表 本年支出合计（金额）为 702.98万元' },
    { name: 'a report without its 报告 block (no unit name, no type)', syntax: 'yaml', source: jue('基本支出«224.45万元»。', D03()).replace(/^报告:[\s\S]*?\n\n/, ''), message: '“基本支出”文中写 224.45万元，而支出决算表 合计（基本支出）为 224.55万元' },
    { name: 'columns named by a path (本年支出/基本支出)', source: jue('基本支出«224.45万元»。', D03().replace('[本年支出合计, 基本支出, 项目支出]', '[本年支出/本年支出合计, 本年支出/基本支出, 本年支出/项目支出]')), message: '“基本支出”文中写 224.45万元，而支出决算表 合计（本年支出/基本支出）为 224.55万元' },
    {
      name: 'seed 000: the “三公” total against the one row of 决算09 (column 决算数/合计)',
      source: jue('财政拨款“三公”经费支出总额为«41.00万元»。', D09(['合计: 50.00 10.00 41.27 6.12'])),
      message: '“财政拨款“三公”经费支出总额”文中写 41.00万元，而财政拨款“三公”经费支出决算表 合计（决算数/合计）为 41.27万元', fix: '41.27万元',
    },
    { name: '因公出国（境）费 against 决算数/因公出国（境）费', source: jue('因公出国（境）费«6.00万元»。', D09(['合计: 50.00 10.00 41.27 6.12'])), message: '“因公出国（境）费”文中写 6.00万元，而财政拨款“三公”经费支出决算表 合计（决算数/因公出国（境）费）为 6.12万元' },
    { name: '05表 with a 小计 column', source: jue('一般公共预算财政拨款支出«290.00万元»。', D05_TOTAL('小计')), message: '“一般公共预算财政拨款支出”文中写 290.00万元，而一般公共预算财政拨款支出决算表 合计（小计）为 299.97万元' },
    { name: '05表 with a 合计 column (小计|合计)', source: jue('一般公共预算财政拨款支出«290.00万元»。', D05_TOTAL('合计')), message: '“一般公共预算财政拨款支出”文中写 290.00万元，而一般公共预算财政拨款支出决算表 合计（合计）为 299.97万元' },
    { name: 'the 预算安排 at the very end of its paragraph', source: Y26('12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）。2026年预算安排«201.50万元»'), message: `“住房公积金”文中写 201.50万元，而${GJJ}` },
    {
      name: 'a path whose 类 and 项 are in the table (its 款 not): resolved by the 类',
      source: Y26('1. “卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”«124.97万元»。', NO_KUAN),
      message: '“行政单位医疗”文中写 124.97万元，而一般公共预算支出功能分类预算表 行政单位医疗（合计）为 1,149,678.00元',
    },
  ],
  rounding: [
    {
      name: '224.5万元 and the cell 224.55: the intervals meet, the cell does not round to it',
      source: jue('1.基本支出«224.5万元»。', D03()),
      message: '“基本支出”文中写 224.5万元，支出决算表 合计（基本支出）为 224.55（在舍入误差以内）',
      related: ['支出决算表 合计（基本支出）：224.55«224.55»'],
    },
  ],
});
