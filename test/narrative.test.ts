import * as assert from 'assert';
import { getLanguageService, Finding } from '../server/src/service';
import { hover } from '../server/src/service/features';
import { sample } from './helpers/samples';
import { applyFix, extractMarkers } from './helpers/markers';
import * as fsys from 'fs';
import * as path from 'path';
import phrases from '../server/src/service/narrative/phrases.json';
import template from '../server/src/service/narrative/template.json';
import { ROOT } from './helpers/samples';
import { generate } from '../scripts/gen-template-phrases';
import { parseReport } from '../server/src/service';
import { allSections } from '../server/src/service/query';
import { BUDGET_TABLE, BUDGET_TABLE_WAN } from './rules/narrative';
import fc from 'fast-check';
import { yearBefore } from '../server/src/service/rules/narrative/year';

const head = (type: string, year: number) => `报告:\n  类型: ${type}\n  年度: ${year}\n  单位: 测试单位\n  金额单位: 万元\n\n`;
const HEAD = head('部门决算', 2023);
const section = (body: string) => '情况说明:\n  - 一、说明: |\n      ' + body.split('\n').join('\n      ') + '\n';
const narrative = (body: string) => HEAD + section(body);
/** A 部门预算 of `year` with its 情况说明 and tables. */
const budget = (year: number, tables = '') => (body: string) => head('部门预算', year) + section(body) + tables;

function check(text: string): Finding[] {
  return getLanguageService().check('mem://n', text).findings;
}


interface Case {
  rule: string;
  name: string;
  /** A sentence that is right: no finding of this rule (nor a rounding note for it). */
  good: string;
  /** The same kind of sentence, wrong; «» marks where the finding sits. */
  bad: string;
  message: RegExp;
  /** The text after applying the finding's quick fix, if it has one. */
  fixed?: string;
  /** The whole report around the sentence (default: a 2023 部门决算 with no table). */
  doc?: (body: string) => string;
}

const CASES: Case[] = [
  {
    rule: 'text.share', name: '占 x% = 部分 ÷ 总数 (seed 002: 349.78 / 702.98 = 49.76%)',
    good: '2023年度本年支出合计702.98万元，其中：基本支出353.2万元，占50.24%；项目支出349.78万元，占49.76%。',
    bad: '2023年度本年支出合计702.98万元，其中：基本支出353.2万元，占50.24%；项目支出349.78万元，占«49.75%»。',
    message: /占比应为 49\.76%（349\.78万元 ÷ 702\.98万元 = 49\.76%），文中写的是 49\.75%/,
    fixed: '项目支出349.78万元，占49.76%。',
  },
  {
    rule: 'text.share', name: '占 <总数名称> 的 x% (the whole named elsewhere)',
    good: '本年支出合计702.98万元。\n一般公共预算财政拨款支出702.98万元，占本年支出合计的100%。',
    bad: '本年支出合计702.98万元。\n一般公共预算财政拨款支出351.49万元，占本年支出合计的«100%»。',
    message: /占比应为 50%/,
  },
  {
    rule: 'text.change', name: '减少 a，下降 r%: r = a / (本年 + a) (seed 001: 减少 200.48, 13.48% → 10.62%)',
    good: '本年支出决算合计 1,687.40万元。与上年决算相比，减少 200.48万元，下降 10.62%。',
    bad: '本年支出决算合计 1,687.40万元。与上年决算相比，减少 200.48万元，减少 «13.48%»。',
    message: /推算上年为 1887\.88万元，减少率应为 10\.62%，文中写的是 13\.48%/,
    fixed: '减少 200.48万元，减少 10.62%。',
  },
  {
    rule: 'text.change', name: '增加 a，增长 r%: r = a / (本年 − a) (seed 000: 三公 41.27, 增加 36.47, 增长 759.79%)',
    good: '“三公”经费支出总额为41.27万元，与2022年度决算相比增加36.47万元，增长759.79%。',
    bad: '“三公”经费支出总额为41.27万元，与2022年度决算相比增加36.47万元，增长«75.98%»。',
    message: /增长率应为 759\.79%/,
  },
  {
    rule: 'text.direction', name: '增加 goes with 增长, 减少 with 下降',
    good: '一般公共预算财政拨款收入335.56万元，比上年决算数减少42.32万元，下降11.20%。',
    bad: '一般公共预算财政拨款收入335.56万元，比上年决算数减少42.32万元，«增长11.20%»。',
    message: /增减方向前后矛盾/,
  },
  {
    rule: 'text.sign', name: '“增加 -4.79万元”: the sign contradicts the word (seed 001)',
    good: '年初结转和结余 0.00万元。与上年决算相比，减少 4.79万元。',
    bad: '年初结转和结余 0.00万元。与上年决算相比，«增加 -4.79万元»。',
    message: /负数与“增加”矛盾，应写作“减少 4\.79万元”/,
    fixed: '与上年决算相比，减少 4.79万元。',
  },
  {
    rule: 'text.contradiction', name: 'the same total said to rise and then to fall (seed 001)',
    good: '收、支总计 1,687.40万元。与上年决算相比，收、支总计各增加 200.48万元。\n本年支出决算合计 1,687.40万元。与上年决算相比，增加 200.48万元。',
    bad: '收、支总计 1,687.40万元。与上年决算相比，收、支总计各增加 200.48万元。\n本年支出决算合计 1,687.40万元。与上年决算相比，«减少 200.48万元»。',
    message: /前面说“增加200\.48万元”，这里说“减少200\.48万元”/,
  },
  {
    rule: 'text.zeroBase', name: 'a growth rate from a zero base',
    good: '公务接待费支出 2.60万元，与上年相比增加 2.60万元。',
    bad: '公务接待费支出 2.60万元，与上年相比增加 2.60万元，«增长100.00%»。',
    message: /上年数为 0/,
  },
  {
    rule: 'text.completion', name: '完成年初预算的 z% = 决算 ÷ 年初预算 (seed 001: 116.97% → 116.96%)',
    good: '年初预算437.15万元，支出决算511.29万元，完成年初预算的116.96%。',
    bad: '年初预算437.15万元，支出决算511.29万元，完成年初预算的«116.97%»。',
    message: /完成率应为 116\.96%（511\.29万元 ÷ 437\.15万元 = 116\.96%），文中写的是 116\.97%/,
    fixed: '完成年初预算的116.96%。',
  },
  {
    rule: 'text.sum', name: 'listed parts above the total (seed 002 附件: 300 vs 310)',
    good: '项目预算费用300万元，预算安排为接待费80万元，差旅费130万元，印刷费10万元，大型活动专场费75万元。',
    bad: '项目预算费用«300万元»，预算安排为接待费80万元，差旅费130万元，印刷费10万元租赁费15万元，大型活动专场费75万元。',
    message: /所列各项之和 310万元 超过总数 300万元（差 10）/,
  },
  {
    rule: 'text.sum', name: '主要包括 may list fewer parts than the whole; an amount in 元 is converted',
    good: '公用经费 25.59万元。主要包括：办公费0.32万元、水费0.06万元、差旅费2.40万元。',
    bad: '公用经费 «2.59万元»。主要包括：办公费0.32万元、水费0.06万元、差旅费2.40万元、其他3800元。',
    message: /各项之和 3\.16万元 超过总数 2\.59万元/,
  },
  {
    rule: 'text.placeholder', name: 'template leftovers: XX.X%, 增加（减少）',
    good: '完成年初预算的104.44%。',
    bad: '年初预算0万元，支出决算12.59万元，完成年初预算的«XX.X%»。',
    message: /模板占位符“XX\.X%”/,
  },
  {
    rule: 'text.placeholder', name: 'template leftovers: 增加（减少）',
    good: '比上年增加1.42万元，增长3.37%。',
    bad: '比上年«增加（减少）»1.42万元。',
    message: /模板占位符/,
  },
  {
    rule: 'text.unit', name: 'a garbled unit: 支出决算万5.00元 (seed 001)',
    good: '年初预算0万元，支出决算5.00万元。',
    bad: '年初预算0万元，支出决算«万5.00元»。',
    message: /“万5\.00元”应为“5\.00万元”/,
    fixed: '支出决算5.00万元。',
  },
  {
    rule: 'text.duplicate', name: 'the same word twice: 增长增长 (seed 002)',
    good: '一般公共预算财政拨款支出增加95.83万元，增长15.78%。',
    bad: '一般公共预算财政拨款支出增加95.83万元，«增长增长»15.78%。',
    message: /“增长”连写了两次/,
    fixed: '增加95.83万元，增长15.78%。',
  },
  {
    rule: 'text.year', name: 'a year that is not the report’s where the template expects it (seed 000)',
    good: '对2023年度一般公共预算项目支出全面开展绩效自评。与2022年度决算相比持平。',
    bad: '组织对«2022年»度政府性基金预算项目支出开展绩效自评。',
    message: /2022 年，而报告年度是 2023 年/,
  },
  // ---------------------------------------------------------------- budget items (部门预算 编制说明, samples 010–015)
  {
    rule: 'text.table', name: 'a budget item by its code path: the 预算安排 against its 项 row, a table in 元 and a text in 万元 compared exactly (010 item 12)',
    doc: budget(2026, BUDGET_TABLE),
    good: '12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：缴纳住房公积金。2025年当年预算执行数为198.34万元，2026年预算安排208.8万元，比2025年预算执行数增加5.27%。',
    bad: '12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：缴纳住房公积金。2025年当年预算执行数为198.34万元，2026年预算安排«201.50万元»，比2025年预算执行数增加5.27%。',
    message: /^“住房公积金”文中写 201\.50万元，而一般公共预算支出功能分类预算表 住房公积金（合计）为 2,087,959\.00元$/,
    fixed: '2026年预算安排208.80万元，比2025年预算执行数增加5.27%。',
  },
  {
    rule: 'text.table', name: 'a budget item by its names (一般公共服务支出（类）…（项）, 012): the amount after the path',
    doc: budget(2025, BUDGET_TABLE),
    good: '15. “住房保障支出（类)住房改革支出（款)住房公积金（项）”208.80万元，主要用于在职人员公积金缴纳。',
    bad: '15. “住房保障支出（类)住房改革支出（款)住房公积金（项）”«218.80万元»，主要用于在职人员公积金缴纳。',
    message: /“住房公积金”文中写 218\.80万元/,
    fixed: '”208.80万元，主要用于',
  },
  {
    rule: 'text.table', name: 'a budget item by names joined with dashes (“…-…-…”科目, 014)',
    doc: budget(2025, BUDGET_TABLE),
    good: '11. “住房保障支出-住房改革支出-住房公积金”科目208.80万元，主要用于为职工缴纳的住房公积金。',
    bad: '11. “住房保障支出-住房改革支出-住房公积金”科目«208.90万元»，主要用于为职工缴纳的住房公积金。',
    message: /文中写 208\.90万元，而一般公共预算支出功能分类预算表 住房公积金（合计）为 2,087,959\.00元/,
  },
  {
    rule: 'text.table', name: 'a table in 万元 and a text in 元: the amount in 元 rounds to the cell',
    doc: budget(2025, BUDGET_TABLE_WAN),
    good: '11. “住房保障支出-住房改革支出-住房公积金”科目2,087,959.00元，主要用于缴纳住房公积金。',
    bad: '11. “住房保障支出-住房改革支出-住房公积金”科目«2,187,959.00元»，主要用于缴纳住房公积金。',
    message: /文中写 2,187,959\.00元，而一般公共预算支出功能分类预算表 住房公积金（合计）为 208\.80万元/,
  },
  {
    rule: 'text.change', name: '上年执行数 B，本年预算安排 C，比上年执行数增加 R%: R = (C − B) ÷ B (010 item 9: 17.66% → 17.93%)',
    doc: budget(2026),
    good: '2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.93%。',
    bad: '2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加«17.66%»。',
    message: /^按预算执行数 77\.99万元、预算安排 91\.97万元 计算，增加率应为 17\.93%，文中写的是 17\.66%$/,
    fixed: '比2025年预算执行数增加17.93%。',
  },
  {
    rule: 'text.direction', name: 'a rate said to rise between figures that fall (010 item 6: 43269.3 → 3845.49, 增加17.62%)',
    doc: budget(2026),
    good: '2025年当年预算执行数为3269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。',
    bad: '2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数«增加17.62%»。',
    message: /^文中说“增加17\.62%”，而预算安排 3845\.49万元 与预算执行数 43269\.3万元 相比是减少 39423\.81万元（91\.11%）$/,
  },
  {
    rule: 'text.direction', name: '持平 between figures that differ',
    doc: budget(2026),
    good: '2025年当年预算执行数为100.00万元，2026年预算安排100.00万元，与2025年预算执行数持平。',
    bad: '2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，与2025年预算执行数«持平»。',
    message: /文中说“持平”，而预算安排 120\.00万元 与预算执行数 100\.00万元 相比是增加 20\.00万元（20\.00%）/,
  },
  {
    rule: 'text.direction', name: '决算数大于（小于）预算数 against the two figures (template 五（三）)',
    good: '年初预算为1905.30万元，支出决算为1862.45万元。决算数小于预算数的主要原因：压减一般性支出。',
    bad: '年初预算为1905.30万元，支出决算为1862.45万元。决算数«大于»预算数的主要原因：压减一般性支出。',
    message: /^文中说决算数“大于”预算数，而支出决算 1862\.45万元、年初预算 1905\.30万元：应为“小于”$/,
  },
  {
    rule: 'text.zeroBase', name: 'a budget item’s rate on a 0 执行数',
    doc: budget(2026),
    good: '2025年当年预算执行数为0万元，2026年预算安排50.00万元，比2025年预算执行数增加50.00万元。',
    bad: '2025年当年预算执行数为0万元，2026年预算安排50.00万元，比2025年预算执行数«增加100%»。',
    message: /^预算执行数为 0万元，“增加100%”没有意义，宜只写增减额$/,
  },
  {
    rule: 'text.zeroBase', name: '完成年初预算的 r% where the 年初预算 stated just before is 0',
    good: '3．行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）。年初预算0万元，支出决算12.59万元。',
    bad: '3．行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）。年初预算0万元，支出决算12.59万元，完成年初预算的«100.00%»。',
    message: /^预算数为 0万元，完成率“100\.00%”没有意义$/,
  },
  {
    rule: 'text.completion', name: 'a 完成年初预算的 rate that follows from the 全年预算 instead',
    good: '年初预算为100.00万元，全年预算为120.00万元，支出决算为108.00万元，完成年初预算的108.00%。',
    bad: '年初预算为100.00万元，全年预算为120.00万元，支出决算为108.00万元，完成年初预算的«90.00%»。',
    message: /^“完成年初预算的90\.00%”是按全年预算 120\.00万元 算的（108\.00万元 ÷ 120\.00万元 = 90\.00%）；按所说的年初预算 100\.00万元，完成率应为 108\.00%$/,
    fixed: '完成年初预算的108.00%。',
  },
  {
    rule: 'text.completion', name: '完成预算的 with two budgets stated: it follows from one of them, or it is wrong',
    good: '年初预算为100.00万元，全年预算为120.00万元，支出决算为108.00万元，完成预算的90.00%。',
    bad: '年初预算为100.00万元，全年预算为120.00万元，支出决算为108.00万元，完成预算的«95.00%»。',
    message: /^完成率应为 90\.00%（108\.00万元 ÷ 120\.00万元 = 90\.00%），文中写的是 95\.00%$/,
  },
  // ---------------------------------------------------------------- lists over paragraphs and columns of item figures
  {
    rule: 'text.sum', name: 'a 其中 list whose parts are numbered paragraphs （一）（二）（三） (014 “三公”)',
    doc: budget(2025),
    good: '2025年“三公”经费预算数为867.50万元，与2024年预算持平。其中：\n（一）因公出国（境）费839万元，与2024年预算持平。\n（二）公务用车购置及运行费0万元，与2024年预算持平。其中：公务用车购置费0万元；公务用车运行费0万元。\n（三）公务接待费28.50万元，与2024年预算持平。',
    bad: '2025年“三公”经费预算数为«867.50万元»，与2024年预算持平。其中：\n（一）因公出国（境）费849万元，与2024年预算持平。\n（二）公务用车购置及运行费0万元，与2024年预算持平。其中：公务用车购置费0万元；公务用车运行费0万元。\n（三）公务接待费28.50万元，与2024年预算持平。',
    message: /^“其中”所列各项之和 877\.50万元 超过总数 867\.50万元（差 10\.00）$/,
  },
  {
    rule: 'text.sum', name: 'a list of 1. 2. paragraphs after 具体情况如下 (000)',
    good: '2023年度总支出335.56万元，其中本年支出335.56万元。具体情况如下：\n1.基本支出224.55万元，比上年决算数减少11.91万元，下降5.04%。\n2.项目支出111.01万元，比上年决算数减少30.41万元，下降21.50%。',
    bad: '2023年度总支出335.56万元，其中本年支出«335.56万元»。具体情况如下：\n1.基本支出224.55万元，比上年决算数减少11.91万元，下降5.04%。\n2.项目支出121.01万元，比上年决算数减少30.41万元，下降20.09%。',
    message: /^“具体情况如下”所列各项之和 345\.56万元 超过总数 335\.56万元（差 10\.00）$/,
  },
  {
    rule: 'text.sum', name: 'a 其中 that ends its line, then unnumbered lines up to the 。 (001 二、)',
    good: '本年收入合计100.00万元，其中：\n财政拨款收入90.00万元，占90.00%；\n其他收入10.00万元，占10.00%。',
    bad: '本年收入合计«100.00万元»，其中：\n财政拨款收入90.00万元，占90.00%；\n其他收入20.00万元，占20.00%。',
    message: /^“其中”所列各项之和 110\.00万元 超过总数 100\.00万元（差 10\.00）$/,
  },
  {
    rule: 'text.sum', name: 'the 年初预算 of the items of a 其中 list add up to the one stated before (template 五（三）, 020)',
    good: '一般公共预算财政拨款支出年初预算为300.00万元，支出决算为290.00万元，完成年初预算的96.67%。其中：\n1、一般公共服务支出（类）统计信息事务（款）行政运行（项）。主要用于：运转。年初预算为200.00万元，支出决算为195.00万元。\n2、一般公共服务支出（类）统计信息事务（款）事业运行（项）。主要用于：运转。年初预算为100.00万元，支出决算为95.00万元。',
    bad: '一般公共预算财政拨款支出年初预算为«300.00万元»，支出决算为290.00万元，完成年初预算的96.67%。其中：\n1、一般公共服务支出（类）统计信息事务（款）行政运行（项）。主要用于：运转。年初预算为200.00万元，支出决算为195.00万元。\n2、一般公共服务支出（类）统计信息事务（款）事业运行（项）。主要用于：运转。年初预算为110.00万元，支出决算为95.00万元。',
    message: /^“其中”所列各项的年初预算之和 310\.00万元 ≠ 300\.00万元（差 10\.00）$/,
  },
  {
    rule: 'text.sum', name: 'the 决算 of clauses separated by ； add up to the one stated before (001 “三公”)',
    good: '“三公”经费全年预算 44.10万元，支出决算 31.21万元，完成预算的 70.77%。其中：因公出国（境）费全年预算 10.00万元，支出决算 10.00万元，完成预算的 100.00%；公务用车购置及运行维护费全年预算 14.50万元，支出决算 14.49万元，完成预算的 99.93%；公务接待费全年预算 19.60万元，支出决算 6.72万元，完成预算的 34.29%。',
    bad: '“三公”经费全年预算 44.10万元，支出决算 «31.21万元»，完成预算的 70.77%。其中：因公出国（境）费全年预算 10.00万元，支出决算 10.00万元，完成预算的 100.00%；公务用车购置及运行维护费全年预算 14.50万元，支出决算 14.49万元，完成预算的 99.93%；公务接待费全年预算 19.60万元，支出决算 5.72万元，完成预算的 29.18%。',
    message: /^“其中”所列各项的支出决算之和 30\.21万元 ≠ 31\.21万元（差 1\.00）$/,
  },
  {
    rule: 'text.sum', name: 'a list that ends by restating its total (合计1170.00万, 012): the restatement is no part',
    doc: budget(2025),
    good: '2025年度项目总预算1170.00万，其中支持企业规模化发展870.00万，支持企业创新化发展70.00万，支持企业协同化发展180.00万，支持企业国际化发展50.00万，合计1170.00万。',
    bad: '2025年度项目总预算«1170.00万»，其中支持企业规模化发展970.00万，支持企业创新化发展70.00万，支持企业协同化发展180.00万，支持企业国际化发展50.00万，合计1170.00万。',
    message: /^“其中”所列各项之和 1270\.00万元 超过总数 1170\.00万（差 100\.00）$/,
  },
  // ---------------------------------------------------------------- template leftovers, 科目 names, years
  {
    rule: 'text.instruction', name: 'an instruction of the template left in the text (template 一、…（如持平作持平表述）)',
    good: '与2022年度相比，收入支出总计持平。',
    bad: '与2022年度相比，收入支出总计持平。«（如持平作持平表述）»',
    message: /^模板中给编写者的说明“（如持平作持平表述）”留在了正文中，应删去（并按它的要求写）$/,
    fixed: '收入支出总计持平。\n',
  },
  {
    rule: 'text.placeholder', name: 'a label of the template after its placeholder: （制度名称）',
    good: '本部门建立了如下预算绩效管理制度：《预算绩效管理办法》。',
    bad: '本部门建立了如下预算绩效管理制度：《预算绩效管理办法》«（制度名称）»。',
    message: /模板占位符“（制度名称）”/,
  },
  {
    rule: 'text.kemu', name: 'a 科目 written with an old name (医疗卫生与计划生育支出（210类）, 010 item 11): the table’s name as a fix',
    doc: budget(2026, BUDGET_TABLE),
    good: '11、卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。主要用于：医疗保险缴费。',
    bad: '11、«医疗卫生与计划生育支出»（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。主要用于：医疗保险缴费。',
    message: /^科目 210（类）文中写作“医疗卫生与计划生育支出”，而报告的表中名为“卫生健康支出”$/,
    fixed: '11、卫生健康支出（210类）',
  },
  {
    rule: 'text.kemu', name: 'a path without codes with one name that is not the table’s',
    doc: budget(2026, BUDGET_TABLE),
    good: '1. “卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”114.97万元，主要用于医疗保险缴费。',
    bad: '1. “卫生健康支出（类）«行政单位医疗保险»（款）行政单位医疗（项）”114.97万元，主要用于医疗保险缴费。',
    message: /^科目 21011（款）文中写作“行政单位医疗保险”，而报告的表中名为“行政事业单位医疗”$/,
    fixed: '（类）行政事业单位医疗（款）',
  },
  {
    rule: 'text.table', name: 'a path whose one differing name is another 科目’s in the catalogue is not that row (行政事业单位医疗 is 21011; 公共卫生 is 21004)',
    doc: budget(2026, BUDGET_TABLE),
    good: '1. “卫生健康支出（类）公共卫生（款）行政单位医疗（项）”124.97万元，主要用于医疗保险缴费。',
    bad: '1. “卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”«124.97万元»，主要用于医疗保险缴费。',
    message: /“行政单位医疗”文中写 124\.97万元，而一般公共预算支出功能分类预算表 行政单位医疗（合计）为 1,149,678\.00元/,
  },
  {
    rule: 'text.year', name: 'a budget compared with its own year (010: 比2026年预算增加 in a 2026 budget)',
    doc: budget(2026),
    good: '财政拨款收入9628.22万元，比2025年预算增加793.14万元；政府性基金拨款支出预算0万元，与2025年预算持平。',
    bad: '财政拨款收入9628.22万元，比«2026»年预算增加793.14万元；政府性基金拨款支出预算0万元，与2025年预算持平。',
    message: /^比较的基准写成了报告年度 2026 年本身（“比2026年预算”）：应是上年，2025 年$/,
    fixed: '比2025年预算增加793.14万元',
  },
  {
    rule: 'text.year', name: 'a 决算 compared with its own year',
    good: '与2022年度相比，收入支出总计增加10.00万元。',
    bad: '与«2023»年度相比，收入支出总计增加10.00万元。',
    message: /报告年度 2023 年本身（“与2023年度”）/,
  },
  {
    rule: 'text.flat', name: '持平 after 比 (比2024年预算持平, 010 and 012–015)',
    doc: budget(2025),
    good: '政府性基金拨款支出预算0万元，与2024年预算持平。',
    bad: '政府性基金拨款支出预算0万元，«比»2024年预算持平。',
    message: /^“比2024年预算持平”：说持平应写“与…持平”，不用“比”$/,
    fixed: '与2024年预算持平',
  },
];

describe('情况说明 checks (data-driven: a right sentence and a wrong one each)', () => {
  for (const c of CASES) {
    describe(`${c.rule}: ${c.name}`, () => {
      it('says nothing about the right sentence', () => {
        const fs = check((c.doc ?? narrative)(c.good));
        const bad = fs.filter((f) => f.rule === c.rule || f.rule.startsWith('text.'));
        assert.deepStrictEqual(bad.map((f) => `${f.rule}: ${f.message}`), []);
      });
      it('finds the mistake at the right place', () => {
        const { text, ranges } = extractMarkers((c.doc ?? narrative)(c.bad));
        const fs = check(text);
        const f = fs.find((x) => x.rule === c.rule);
        assert.ok(f, `expected ${c.rule}, got ${JSON.stringify(fs.map((x) => [x.rule, x.message]))}`);
        assert.match(f!.message, c.message);
        assert.deepStrictEqual([f!.range.start, f!.range.end], [ranges[0].start, ranges[0].end], `at “${text.slice(f!.range.start, f!.range.end)}”, expected “${text.slice(ranges[0].start, ranges[0].end)}”`);
        if (c.fixed) {
          const after = applyFix(text, f!);
          assert.ok(after.includes(c.fixed), after);
          assert.ok(!check(after).some((x) => x.rule === c.rule), 'the fix removes the finding');
        }
      });
    });
  }

  it('a rounding-explained percentage is a 尾数误差 note, not an error (001: 31.21 ÷ 44.10 = 70.77% written 70.76%)', () => {
    const fs = check(narrative('“三公”经费全年预算 44.10万元，支出决算 31.21万元，完成预算的 70.76%。'));
    assert.ok(!fs.some((f) => f.rule === 'text.completion' && !f.rounding));
    const r = fs.find((f) => f.rounding);
    assert.ok(r && /70\.77%.*70\.76%.*尾数误差/.test(r.message), JSON.stringify(fs.map((f) => f.message)));
  });

  it('a placeholder whose value can be computed gets a fix with the computed value', () => {
    const text = narrative('年初预算22.95万元，支出决算23.97万元，完成年初预算的XX.X%。');
    const f = check(text).find((x) => x.rule === 'text.placeholder')!;
    assert.strictEqual(f.fixes![0].title, '改为计算值 104.4%（23.97万元 ÷ 22.95万元）');
    assert.ok(applyFix(text, f).includes('完成年初预算的104.4%。'));
    const zero = check(narrative('年初预算0万元，支出决算12.59万元，完成年初预算的XX.X%。')).find((x) => x.rule === 'text.placeholder')!;
    assert.strictEqual(zero.fixes, undefined, 'no fix where the base is 0');
  });

  it('a 科目 written as 201（…）13（…）08（…） is linked to that row of the table', () => {
    const table = '\n表 一般公共预算财政拨款支出决算表:\n  列: [小计, 基本支出, 项目支出]\n  行:\n    - 2011308 招商引资: 299.97 0.00 299.97\n';
    const ok = narrative('2.201（一般公共服务）13（商贸事务）08（招商引资）:支出决算为299.97万元，完成预算100%。') + table;
    const r = getLanguageService().check('cl', ok);
    assert.deepStrictEqual(r.links.map((l) => [l.text, l.where, l.verdict]), [['299.97万元', '一般公共预算财政拨款支出决算表 招商引资（小计）', 'ok']]);
    const bad = narrative('2.201（一般公共服务）13（商贸事务）08（招商引资）:支出决算为«289.97万元»，完成预算100%。'.replace(/[«»]/g, '')) + table;
    const f = check(bad).find((x) => x.rule === 'text.table')!;
    assert.strictEqual(f.message, '“2011308”文中写 289.97万元，而一般公共预算财政拨款支出决算表 招商引资（小计）为 299.97万元');
  });

  it('the same amount written with 万 and with 元 in one paragraph', () => {
    const fs = check(narrative('年初资金总额为180.00万，1-12月阶段实际执行«180.00元»，执行率为100.00%。'.replace(/[«»]/g, ''))).filter((f) => f.rule === 'text.unit');
    assert.deepStrictEqual(fs.map((f) => f.message), ['同一金额 180.00 在同一段中一处写“万”，这里写“元”：单位可能写错']);
    assert.deepStrictEqual(check(narrative('年初资金总额为180.00万，1-12月阶段实际执行180.00万，执行率为100.00%。其他收入380.96元。')).filter((f) => f.rule.startsWith('text.')), []);
  });

  it('a 项目自评综述 is compared with its 绩效自评表: score exactly, amounts by the interval rule', () => {
    const perf = '\n绩效自评 口岸运转费:\n  资金:\n    列: [年初预算数, 全年预算数, 全年执行数]\n    行:\n      - 年度资金总额: 180.00 180.00 180.00\n  指标:\n    列: [一级指标, 二级指标, 三级指标, 分值, 得分]\n    行:\n      - [产出指标, 数量指标, 次数, 100, 99]\n  合计: 100 99\n';
    const good = narrative('2.口岸运转费项目自评综述：项目自评得分99分。全年预算数为180.00万元，执行数为180.00万元，完成预算的100.00%。') + perf;
    assert.deepStrictEqual(check(good).filter((f) => f.rule === 'text.perf'), []);
    const bad = narrative('2.口岸运转费项目自评综述：项目自评得分100.00分。全年预算数为180.00万元，执行数为170.00万元，完成预算的94.44%。') + perf;
    const fs = check(bad).filter((f) => f.rule === 'text.perf').map((f) => f.message);
    assert.deepStrictEqual(fs, ['“口岸运转费”的自评得分文中写 100.00 分，而其绩效自评表合计得分为 99 分', '“口岸运转费”的全年执行数文中写 170.00万元，而其绩效自评表为 180.00万元']);
  });

  it('says nothing where the whole of a share cannot be found', () => {
    const fs = check(narrative('因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算5万元，占100%。'));
    assert.deepStrictEqual(fs.map((f) => f.message), []);
  });
});

describe('情况说明 findings in the samples of the seeds', () => {
  const ls = getLanguageService();
  const findings = (s: string) => ls.check(s, sample(s).text).findings.filter((f) => f.rule.startsWith('text.'));
  const summary = (s: string) => findings(s).map((f) => `${f.rule}: ${f.message}`);

  it('000: two years left from last year, 增加0 written for no change; every amount that names a table cell agrees with it', () => {
    const got = summary('000');
    assert.deepStrictEqual(got.filter((m) => m.startsWith('text.year')).length, 2);
    assert.deepStrictEqual(got.filter((m) => m.startsWith('text.flat')).length, 4);
    assert.deepStrictEqual(got.filter((m) => !/^text\.(year|flat)/.test(m)), []);
    const r = ls.check('000', sample('000').text);
    assert.strictEqual(r.links.length, 13);
    assert.ok(r.links.every((l) => l.verdict === 'ok'));
  });

  it('001: the real mistakes of the narrative are found', () => {
    const got = summary('001');
    const errors = findings('001').filter((f) => f.severity === 'error').map((f) => f.message);
    for (const re of [
      /同一数额（1,687\.40万元）前面说“增加200\.48万元”，这里说“减少200\.48万元”/,
      /减少率应为 10\.62%，文中写的是 13\.48%/,
      /占比应为 100\.00%（1,687\.36万元 ÷ 1,687\.40万元 = 100\.00%），文中写的是 99\.99%/,
      /占比应为 0\.00%（0\.04万元 ÷ 1,687\.40万元 = 0\.00%），文中写的是 0\.01%/,
      /完成率应为 116\.96%.*116\.97%/,
      /“万5\.00元”应为“5\.00万元”/,
      /模板占位符“XX\.X%”/,
      /“口岸运转费”的自评得分文中写 100\.00 分，而其绩效自评表合计得分为 99 分/,
    ]) assert.ok(errors.some((m) => re.test(m)), `missing ${re} in ${JSON.stringify(errors)}`);
    assert.strictEqual(errors.length, 8, JSON.stringify(errors));
    assert.strictEqual(got.filter((m) => m.startsWith('text.sign')).length, 2);
    // 口岸运转费项目评价报告: 年初资金总额为180.00万，…实际执行180.00元，…全年预计执行180.00元
    assert.strictEqual(got.filter((m) => m.startsWith('text.unit: 同一金额 180.00')).length, 2);
    assert.ok(got.some((m) => /text\.duplicate: “支出”连写了两次/.test(m)));
    assert.ok(got.some((m) => /主要包括”所列各项之和 648\.50万元 ≠ 648\.49万元/.test(m)));
    // read since the lists over numbered paragraphs: (二) 社会保障 103.52 = 49.22 + 41.69 + 12.59 = 103.50, and
    // 七 项目支出 1,013.28 = 17.77 + 269.83 + 655.67 + 70.00 = 1013.27 — each within rounding, a 尾数误差 note
    const notes = findings('001').filter((f) => f.rounding && f.rule === 'text.sum').map((f) => f.message);
    assert.ok(notes.includes('“其中”所列各项的决算数之和 103.50万元 ≠ 103.52万元（差 0.02，在舍入误差以内，可能为尾数误差）'), JSON.stringify(notes));
    assert.ok(notes.includes('“其中”所列各项之和 1013.27万元 ≠ 1,013.28万元（差 0.01，在舍入误差以内，可能为尾数误差）'), JSON.stringify(notes));
    assert.strictEqual(notes.length, 4, JSON.stringify(notes));
    // (一) 一般公共服务: item 3’s 决算 is garbled (万5.00元), so its 决算 column is not summed
    assert.ok(!notes.some((m) => /970\.04/.test(m)));
  });

  it('002: 49.75% (twice), 增长增长, and 300 vs 310 in the annex', () => {
    const errors = findings('002').filter((f) => f.severity === 'error').map((f) => f.message);
    assert.strictEqual(errors.filter((m) => /占比应为 49\.76%.*49\.75%/.test(m)).length, 2);
    assert.ok(errors.some((m) => /所列各项之和 310万元 超过总数 300万元/.test(m)));
    assert.strictEqual(errors.length, 3, JSON.stringify(errors));
    assert.ok(summary('002').some((m) => m === 'text.duplicate: “增长”连写了两次'));
  });

  it('004: a correct budget narrative gets no finding', () => {
    assert.deepStrictEqual(summary('004'), []);
  });

  it('a warm service says what a cold one says after the 报告 block changes (the readings of unchanged texts are per year and type)', () => {
    const { text } = sample('002');
    const edited = text.replace('年度: 2023', '年度: 2024');
    const warm = getLanguageService();
    for (const t of [text, edited, text.replace('报告:', '0.5:')]) {
      const key = (f: Finding) => `${f.rule} ${f.range.start}-${f.range.end} ${f.message}`;
      assert.deepStrictEqual(warm.check('w', t).findings.map(key), getLanguageService().check('w', t).findings.map(key));
    }
  });

  it('hover on a linked amount shows the table cell it agrees with', () => {
    const { text } = sample('000');
    const r = ls.check('000h', text);
    const at = text.indexOf('1.基本支出224.55万元') + '1.基本支出'.length + 1;
    const h = hover(r, text, at)!;
    assert.match(h.contents, /对应 公开03表 合计（基本支出）：224\.55　✓ 一致/);
  });
});

// ==================================================================== the phrase data
type Phrase = { text: string; seen: string[] };
/** A right and a wrong sentence for one phrase of a category; «» in `bad` marks where the finding sits. */
interface PhrasePair { rule: string; good: string; bad: string; doc?: (body: string, bad: boolean) => string }

const B26 = budget(2026);
/** For every category of phrases.json: how a phrase of it is put into a right and a wrong sentence. */
const PAIRS: Record<string, (w: string) => PhrasePair> = {
  'totals.words': (w) => ({ rule: 'text.sum', good: `项目总预算100.00万元，其中甲60.00万元，乙40.00万元，${w}100.00万元。`, bad: `项目总预算«100.00万元»，其中甲60.00万元，乙50.00万元，${w}100.00万元。` }),
  'shares.words': (w) => ({ rule: 'text.share', good: `本年支出合计200.00万元，其中：基本支出50.00万元，${w}25.00%；项目支出150.00万元，${w}75.00%。`, bad: `本年支出合计200.00万元，其中：基本支出50.00万元，${w}«26.00%»；项目支出150.00万元，${w}75.00%。` }),
  'changes.up': (w) => ({ rule: 'text.change', good: `本年支出合计110.00万元，比上年${w}10.00万元，${w}10.00%。`, bad: `本年支出合计110.00万元，比上年${w}10.00万元，${w}«9.00%»。` }),
  'changes.down': (w) => ({ rule: 'text.change', good: `本年支出合计90.00万元，比上年${w}10.00万元，${w}10.00%。`, bad: `本年支出合计90.00万元，比上年${w}10.00万元，${w}«11.00%»。` }),
  'changes.flat': (w) => ({ rule: 'text.direction', doc: B26, good: `2025年当年预算执行数为100.00万元，2026年预算安排100.00万元，与2025年预算执行数${w}。`, bad: `2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，与2025年预算执行数«${w}»。` }),
  'compare.more': (w) => ({ rule: 'text.direction', good: `年初预算为100.00万元，支出决算为120.00万元。决算数${w}预算数的主要原因：追加。`, bad: `年初预算为100.00万元，支出决算为80.00万元。决算数«${w}»预算数的主要原因：追加。` }),
  'compare.less': (w) => ({ rule: 'text.direction', good: `年初预算为100.00万元，支出决算为80.00万元。决算数${w}预算数的主要原因：节约。`, bad: `年初预算为100.00万元，支出决算为120.00万元。决算数«${w}»预算数的主要原因：节约。` }),
  'compare.equal': (w) => {
    const say = (m: string) => (w === '持平' ? `决算数与预算数${m}。` : `决算数${m}预算数。`);
    return { rule: 'text.direction', good: `年初预算为100.00万元，支出决算为100.00万元。${say(w)}`, bad: `年初预算为100.00万元，支出决算为90.00万元。${say(`«${w}»`)}` };
  },
  'completion.initial': (w) => ({ rule: 'text.completion', good: `年初预算为100.00万元，支出决算为96.00万元，${w}96.00%。`, bad: `年初预算为100.00万元，支出决算为96.00万元，${w}«95.00%»。` }),
  'completion.any': (w) => ({ rule: 'text.completion', good: `全年预算数为100.00万元，执行数为96.00万元，${w}96.00%。`, bad: `全年预算数为100.00万元，执行数为96.00万元，${w}«95.00%»。` }),
  'figures.initial': (w) => ({ rule: 'text.completion', good: `${w}为100.00万元，支出决算为96.00万元，完成年初预算的96.00%。`, bad: `${w}为100.00万元，支出决算为96.00万元，完成年初预算的«95.00%»。` }),
  'figures.full': (w) => ({ rule: 'text.completion', good: `${w}为100.00万元，支出决算为96.00万元，完成预算的96.00%。`, bad: `${w}为100.00万元，支出决算为96.00万元，完成预算的«95.00%»。` }),
  'figures.budget': (w) => ({ rule: 'text.completion', good: `${w}为100.00万元，支出决算为96.00万元，完成预算的96.00%。`, bad: `${w}为100.00万元，支出决算为96.00万元，完成预算的«95.00%»。` }),
  'figures.actual': (w) => ({ rule: 'text.completion', good: `年初预算为100.00万元，${w}为96.00万元，完成年初预算的96.00%。`, bad: `年初预算为100.00万元，${w}为96.00万元，完成年初预算的«95.00%»。` }),
  'figures.base': (w) => ({ rule: 'text.change', doc: B26, good: `${w}为100.00万元，2026年预算安排110.00万元，比上年增加10.00%。`, bad: `${w}为100.00万元，2026年预算安排110.00万元，比上年增加«11.00%»。` }),
  'figures.planned': (w) => ({ rule: 'text.change', doc: B26, good: `2025年当年预算执行数为100.00万元，2026年${w}110.00万元，比2025年预算执行数增加10.00%。`, bad: `2025年当年预算执行数为100.00万元，2026年${w}110.00万元，比2025年预算执行数增加«11.00%»。` }),
  'figures.tails': (w) => ({ rule: 'text.completion', good: `年初预算${w}100.00万元，支出决算为96.00万元，完成年初预算的96.00%。`, bad: `年初预算${w}100.00万元，支出决算为96.00万元，完成年初预算的«95.00%»。` }),
  'lists.intro': (w) => ({ rule: 'text.sum', good: `公用经费10.00万元，${w}：办公费4.00万元、水费6.00万元。`, bad: `公用经费«9.00万元»，${w}：办公费4.00万元、水费6.00万元。` }),
  // a word that says the amounts are no parts: with it, nothing; without it, the sum is checked
  'lists.notParts.words': (w) => ({ rule: 'text.sum', good: `公用经费10.00万元，其中：办公费8.00万元、水费6.00万元（${w}）。`, bad: `公用经费«10.00万元»，其中：办公费8.00万元、水费6.00万元。` }),
  'bases.words': (w) => {
    const rest = w === '与' ? '上年相比，增加10.00万元，增长' : w === '同比' ? '增加10.00万元，增长' : '上年增加10.00万元，增长';
    return { rule: 'text.change', good: `本年支出合计110.00万元。${w}${rest}10.00%。`, bad: `本年支出合计110.00万元。${w}${rest}«9.00%»。` };
  },
  'zeroBase.words': (w) => ({ rule: 'text.zeroBase', good: `2023年${w}预算，支出决算12.59万元。`, bad: `2023年${w}预算，支出决算12.59万元，完成年初预算的«100%»。` }),
  'kemuLevels.类': () => ({ rule: 'text.table', doc: budget(2026, BUDGET_TABLE), good: '1. “卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”114.97万元。', bad: '1. “卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）”«124.97万元»。' }),
  'placeholders.forms': (w) => ({ rule: 'text.placeholder', good: '年初预算22.95万元，支出决算23.97万元，完成年初预算的104.4%。', bad: `年初预算22.95万元，支出决算23.97万元，完成年初预算的«${w}»。` }),
};
/** A 政府性基金 table in 元, empty or with 12,000.00, with a note under it. */
const FUND = (rows: string, note: string) => `\n表 政府性基金预算支出功能分类预算表:\n  单位: 元\n  列: [合计, 基本支出, 项目支出]\n  行:\n${rows}\n  注: ${note}\n`;
const EMPTY_ROWS = '    - 合计: ["", "", ""]';
const ROWS = '    - 229 其他支出: 12,000.00 0.00 12,000.00\n    - 合计: 12,000.00 0.00 12,000.00';
const TITLES: Record<string, string> = { 预算08: '政府性基金预算支出功能分类预算表', 预算09: '国有资本经营预算支出功能分类预算表', 预算07: '“三公”经费支出预算表' };
const statementTable = (w: string, rows: string) => {
  const kind = phrases.emptyTables.statements.find((p) => p.text === w)!.tables.find((k) => k.startsWith('预算'))!;
  return `\n表 ${TITLES[kind]}:\n  单位: 元\n  列: [合计]\n  行:\n${rows}\n`;
};
// a note that says the table is empty: right under an empty table, wrong under one with amounts (the marker sits in the note)
PAIRS['emptyTables.notes'] = (w) => ({
  rule: 'text.emptyTable', good: '说明。', bad: '说明。',
  doc: (body, bad) => budget(2026, FUND(bad ? ROWS : EMPTY_ROWS, `本部门2026年无政府性基金预算财政拨款安排的预算，故${bad ? `«${w}»` : w}。`))(body),
});
PAIRS['emptyTables.statements'] = (w) => ({
  rule: 'text.emptyTable', good: `本部门2026年度${w}。`, bad: `本部门2026年度«${w}»。`,
  doc: (body, bad) => budget(2026, statementTable(w, bad ? '    - 合计: 12,000.00' : '    - 合计: [""]'))(body),
});
// an amount of a kind of money: right when its table holds it, wrong when the table is empty
PAIRS['emptyTables.amounts.terms'] = (w) => ({
  rule: 'text.emptyTable', good: `${w}12,000.00元。`, bad: `${w}«12,000.00元»。`,
  doc: (body, bad) => budget(2026, `\n表 ${/国有资本/.test(w) ? TITLES.预算09 : TITLES.预算08}:\n  单位: 元\n  列: [合计]\n  行:\n    - 合计: ${bad ? '[""]' : '12,000.00'}\n`)(body),
});
PAIRS['kemuLevels.款'] = PAIRS['kemuLevels.类'];
PAIRS['kemuLevels.项'] = PAIRS['kemuLevels.类'];

/** Every category of phrases.json with its phrases ("changes.up" → [{text, seen}]). */
function categories(): Array<[string, Phrase[]]> {
  const out: Array<[string, Phrase[]]> = [];
  const walk = (o: unknown, at: string) => {
    if (Array.isArray(o)) out.push([at, o as Phrase[]]);
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) if (k !== '$comment') walk(v, at ? `${at}.${k}` : k);
  };
  walk(phrases, '');
  return out;
}

/** The texts of a sample's report (not its comments): where a phrase “seen in sample NNN” must be. */
function sampleTexts(n: string): string {
  const f = fsys.readdirSync(path.join(ROOT, 'samples')).find((x) => x.startsWith(n))!;
  const { report } = parseReport(fsys.readFileSync(path.join(ROOT, 'samples', f), 'utf8'), f.endsWith('.jsgk') ? 'dsl' : 'yaml');
  const out = [...allSections([...report.narrative, ...report.others, ...report.overview])].map((s) => s.body?.value ?? '');
  for (const g of report.glossary) out.push(g.definition.value);
  for (const t of report.tables) for (const nt of t.notes) out.push(nt.text.value);
  // a label may be a column's header (调整后预算数, 全年执行数 in 绩效自评表)
  for (const t of report.tables) for (const part of t.parts) out.push(...part.columns.map((c) => c.name));
  for (const pe of report.perf) out.push(...(pe.funds?.columns ?? []).map((c) => c.name));
  return out.join('\n');
}
const TEMPLATE_DIR = path.resolve(ROOT, '..', 'shared', 'reference', 'templates');
const flat = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Where a phrase is said to be seen and is not. */
function provenanceMissing(): string[] {
  const tpl = fsys.existsSync(TEMPLATE_DIR) ? fsys.readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.txt')).map((f) => flat(fsys.readFileSync(path.join(TEMPLATE_DIR, f), 'utf8'))).join('\n') : undefined;
  const cache = new Map<string, string>();
  const missing: string[] = [];
  for (const [cat, list] of categories()) {
    for (const p of list) {
      for (const where of p.seen) {
        if (where === 'template') {
          if (tpl !== undefined && !tpl.includes(flat(p.text))) missing.push(`${cat} “${p.text}” not in the template`);
          continue;
        }
        const n = /^sample (\d{3})$/.exec(where)?.[1];
        if (!n) { missing.push(`${cat} “${p.text}”: “${where}” is no place`); continue; }
        if (!cache.has(n)) cache.set(n, sampleTexts(n));
        if (!cache.get(n)!.includes(p.text)) missing.push(`${cat} “${p.text}” not in sample ${n}`);
      }
    }
  }
  return missing;
}

/** An instruction of the template left after a sentence: found as written, deleted by its fix, found also when spaced out. */
function instructionTest(ins: string): void {
  const text = narrative(`收入支出总计增加10.00万元。${ins}`);
  const f = check(text).find((x) => x.rule === 'text.instruction');
  assert.ok(f, ins);
  assert.strictEqual(text.slice(f!.range.start, f!.range.end), ins);
  assert.ok(!check(applyFix(text, f!)).some((x) => x.rule === 'text.instruction'));
  const loose = [...ins].join(' ').replace(/（/g, '(').replace(/）/g, ')');
  assert.ok(check(narrative(`收入支出总计增加10.00万元。${loose}`)).some((x) => x.rule === 'text.instruction'), loose);
}

function pairTest(c: PhrasePair): void {
  const doc = c.doc ?? narrative;
  const good = check(doc(c.good, false)).filter((f) => f.rule.startsWith('text.'));
  assert.deepStrictEqual(good.map((f) => `${f.rule}: ${f.message}`), [], c.good);
  const { text, ranges } = extractMarkers(doc(c.bad, true));
  const f = check(text).find((x) => x.rule === c.rule && !x.rounding);
  assert.ok(f, `expected ${c.rule} in ${c.bad}, got ${JSON.stringify(check(text).map((x) => [x.rule, x.message]))}`);
  assert.deepStrictEqual([f!.range.start, f!.range.end], [ranges[0].start, ranges[0].end], `at “${text.slice(f!.range.start, f!.range.end)}”`);
}

describe('情况说明 phrase data (narrative/phrases.json)', () => {
  it('every category has its right/wrong sentence pair here, and every phrase says where it was seen', () => {
    for (const [cat, list] of categories()) {
      assert.ok(PAIRS[cat], `no sentence pair for the category ${cat}`);
      for (const p of list) assert.ok(p.seen.length > 0, `${cat} “${p.text}” says nowhere it was seen`);
    }
  });

  it('every phrase occurs where it says it was seen (the template, or the texts of a sample)', () => {
    assert.deepStrictEqual(provenanceMissing(), []);
  });

  for (const [cat, list] of categories()) {
    for (const p of list) {
      it(`${cat} “${p.text}”: a right sentence says nothing, the wrong one is found`, () => pairTest(PAIRS[cat](p.text)));
    }
  }
});

describe('template leftovers (narrative/template.json, generated from the official template)', () => {
  it('template.json is what scripts/gen-template-phrases.ts makes of the templates now', function () {
    if (!fsys.existsSync(TEMPLATE_DIR)) this.skip();
    const now = generate();
    const strip = (xs: Array<{ text: string }>) => xs.map((x) => x.text);
    assert.deepStrictEqual(strip(now.instructions), strip(template.instructions));
    assert.deepStrictEqual(strip(now.placeholders), strip(template.placeholders));
    assert.deepStrictEqual(strip(now.alternatives), strip(template.alternatives));
    assert.deepStrictEqual(strip(now.annotations), strip(template.annotations));
    assert.ok(template.instructions.length >= 10 && template.placeholders.length >= 4, 'the template gives its instructions and placeholders');
  });

  for (const ins of template.instructions) {
    it(`the instruction “${ins.text}” is found, also with spaces and brackets of the other width, and deleted by its fix`, () => instructionTest(ins.text));
  }

  for (const form of [...template.placeholders, ...template.alternatives, ...template.annotations]) {
    it(`the placeholder form “${form.text}” is found`, () => {
      pairTest({ rule: 'text.placeholder', good: '收入支出总计增加10.00万元。', bad: `收入支出总计«${form.text}»10.00万元。` });
    });
  }

  it('an alternative cut by a line break (小于（大\n于）, as pasted from the template) is found whole', () => {
    const t = narrative('2024年度“三公”经费支出决算数小于（大\n于）预算数的主要原因：节约。');
    const f = check(t).find((x) => x.rule === 'text.placeholder')!;
    assert.strictEqual(f.message, '模板占位符“小于（大于）”没有替换成实际内容');
    assert.strictEqual(t.slice(f.range.start, f.range.end).replace(/\s+/g, ''), '小于（大于）');
  });

  it('XX in the report’s own unit name: placeholder.field on 单位, text.placeholder at each mention in the 情况说明 (no placeholder twice)', () => {
    const t = narrative('上海市XX局2023年度收入支出总计10.00万元。').replace('单位: 测试单位', '单位: 上海市XX局');
    const fs = check(t).filter((f) => /placeholder/.test(f.rule));
    assert.deepStrictEqual(fs.map((f) => [f.rule, t.slice(f.range.start, f.range.end)]), [['placeholder.field', '上海市XX局'], ['text.placeholder', 'XX']]);
  });
});


describe('notes and statements that say a table is empty: the messages', () => {
  it('name the note, what it says, the table and one of its amounts', () => {
    const f = check(budget(2026, FUND(ROWS, '本部门2026年无政府性基金预算财政拨款安排的预算，故本表为空表。'))('说明。')).find((x) => x.rule === 'text.emptyTable')!;
    assert.strictEqual(f.message, '注说“本表为空表”，而“政府性基金预算支出功能分类预算表”中有金额（如 12,000.00）');
    const w = phrases.emptyTables.statements[0].text;
    const g = check(budget(2026, statementTable(w, '    - 合计: 12,000.00'))(`本部门2026年度${w}。`)).find((x) => x.rule === 'text.emptyTable')!;
    assert.strictEqual(g.message, `文中说“${w}”，而“政府性基金预算支出功能分类预算表”中有金额（如 12,000.00）`);
  });
});

describe('text.year reads the years of a sentence without a match object each (yearBefore)', () => {
  const yearsIn = (v: string) => [...v].flatMap((c, k) => (c === '年' && yearBefore(v, k) >= 0 ? [{ at: k - 4, y: yearBefore(v, k) }] : []));
  it('finds what /(\\d{4})年(?!\\d{1,2}月)/g finds, at the same places, on random texts of digits, years, 年 and 月', () => {
    const re = /(\d{4})年(?!\d{1,2}月)/g;
    let found = 0;
    fc.assert(fc.property(fc.array(fc.constantFrom('2023', '2022', '1', '12', '0', '年', '月', '日', '年度', '，', '比', 'a'), { maxLength: 30 }).map((a) => a.join('')), (v) => {
      const want = [...v.matchAll(re)].map((m) => ({ at: m.index!, y: Number(m[1]) }));
      found += want.length;
      assert.deepStrictEqual(yearsIn(v), want, v);
    }), { numRuns: 20000 });
    assert.ok(found > 1000, `only ${found} years in the random texts: the property says little`);
    assert.deepStrictEqual((yearsIn('2023年12月，2022年度，12024年；2021年1月1日，2020年')).map((x) => x.y), [2022, 2024, 2020]);
  });
});
