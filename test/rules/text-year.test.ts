/**
 * text.year (warning): a year that is not the report's where the text means the report's own (沿用上年文稿, seed
 * 000: 组织对2022年度政府性基金预算项目支出开展绩效自评 in a 2023 决算) — not in a comparison, a date, a history
 * (结转, 截至 …), not a year more than three before or more than one after, nor last year in a budget; and a
 * comparison whose base is the report's own year (比2026年预算增加 in a 2026 budget, 010; 与2023年度相比 in a
 * 2023 决算), with a fix to the year before that is not safe (it changes a typed number).
 */
import { RuleTester } from '../helpers/rule-tester';
import { jue, yu } from './narrative';

const Y26 = (body: string) => yu(2026, body);

RuleTester.run('text.year', {
  valid: [
    { name: 'seed 000: the report’s own year', source: jue('对2023年度一般公共预算项目支出全面开展绩效自评。') },
    { name: 'a comparison with last year (与2022年度决算相比, seed 000)', source: jue('“三公”经费支出总额为41.27万元，与2022年度决算相比增加36.47万元，增长759.79%。') },
    { name: 'last year in the clause of 持平 (seed 000)', source: jue('（一）因公出国（境）费0.00万元，与2022年度决算持平。') },
    { name: 'a date with its month (2022年12月)', source: jue('本单位于2022年12月完成搬迁。') },
    { name: 'a history: 结转 (seed 001: 我单位2022年年初结转4.79万元)', source: jue('变动原因：我单位2022年年初结转4.79万元，2023年年初无结转和结余。') },
    { name: 'a history: 截至', source: jue('截至2022年底，共有车辆2辆。') },
    { name: 'a year more than three before the report’s (2019)', source: jue('本单位于2019年成立。') },
    { name: 'a year more than one after the report’s (2025)', source: jue('项目将于2025年完工。') },
    { name: 'a budget speaks of last year’s execution (2025 in a 2026 budget)', source: Y26('本部门2025年完成了各项工作。') },
    { name: '010: 2025年当年预算执行数 in a 2026 budget', source: Y26('2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.93%。') },
    { name: '010 corrected: 比2025年预算增加', source: Y26('财政拨款收入9628.22万元，比2025年预算增加793.14万元；政府性基金拨款支出预算0万元，与2025年预算持平。') },
    { name: '比2026年预算执行数: the execution of the report’s year is no base of a budget', source: Y26('比2026年预算执行数增加10万元。') },
    { name: 'a 决算 against its own year’s budget (与2023年度预算相比) is the usual comparison', source: jue('与2023年度预算相比，决算数增加10.00万元。') },
    { name: 'the report’s own year as a subject (2023年度收入支出总计)', source: jue('2023年度收入支出总计10.00万元。') },
    { name: 'a comparison farther than 12 characters after the year, in the same clause', source: jue('在2022年度组织的全部民主测评工作中与上年相比满意度提高。') },
    { name: 'a comparison right after the comma, within 12 characters of the year', source: jue('在2022年，比上年多开展调研10次。') },
  ],
  invalid: [
    {
      name: 'seed 000: 组织对2022年度政府性基金预算项目支出开展绩效自评',
      source: jue('组织对«2022年»度政府性基金预算项目支出开展绩效自评，共涉及资金0万元。'),
      message: '这里写的是 2022 年，而报告年度是 2023 年（可能是沿用上年文稿未改）', severity: 'warning', fix: null,
    },
    { name: 'seed 000: 在2022年民主测评中', source: jue('在«2022年»民主测评中，满意度为100%。'), message: '这里写的是 2022 年，而报告年度是 2023 年（可能是沿用上年文稿未改）' },
    { name: 'three years before the report’s (2020) is still compared', source: jue('本单位于«2020年»完成改制。'), message: '这里写的是 2020 年，而报告年度是 2023 年（可能是沿用上年文稿未改）' },
    { name: 'the year after the report’s (2024) in a 决算', source: jue('本单位«2024年»完成了各项工作。'), message: '这里写的是 2024 年，而报告年度是 2023 年（可能是沿用上年文稿未改）' },
    { name: 'two years back in a budget (2024 in a 2026 budget)', source: Y26('本部门«2024年»完成了各项工作。'), message: '这里写的是 2024 年，而报告年度是 2026 年（可能是沿用上年文稿未改）' },
    { name: 'a comparison in another clause does not excuse the year', source: jue('«2022年»我单位开展了调研，本年与上年相比增加10.00万元。'), message: '这里写的是 2022 年，而报告年度是 2023 年（可能是沿用上年文稿未改）' },
    {
      name: '010: 比2026年预算增加 in a 2026 budget',
      source: Y26('财政拨款收入9628.22万元，比«2026»年预算增加793.14万元。'),
      message: '比较的基准写成了报告年度 2026 年本身（“比2026年预算”）：应是上年，2025 年', severity: 'warning', fix: '2025', safe: false, fixTitle: '改为 2025 年',
    },
    {
      name: '010: 与2026年预算持平 in a 2026 budget',
      source: Y26('政府性基金拨款支出预算0万元，与«2026»年预算持平。'),
      message: '比较的基准写成了报告年度 2026 年本身（“与2026年预算”）：应是上年，2025 年', fix: '2025',
      fixTitle: '改为 2025 年',
    },
    {
      name: '与2023年度相比 in a 2023 决算',
      source: jue('与«2023»年度相比，收入支出总计增加10.00万元。'),
      message: '比较的基准写成了报告年度 2023 年本身（“与2023年度”）：应是上年，2022 年', fix: '2022', fixTitle: '改为 2022 年',
    },
    {
      name: '比2023年度决算增加 in a 2023 决算',
      source: jue('比«2023»年度决算增加10.00万元。'),
      message: '比较的基准写成了报告年度 2023 年本身（“比2023年度决算”）：应是上年，2022 年', fix: '2022',
      fixTitle: '改为 2022 年',
    },
    {
      name: '较2023年增加 in a 2023 决算',
      source: jue('较«2023»年增加10.00万元。'),
      message: '比较的基准写成了报告年度 2023 年本身（“较2023年”）：应是上年，2022 年', fix: '2022',
      fixTitle: '改为 2022 年',
    },
    { name: 'a comparison in an earlier clause does not excuse the year', source: jue('本年与上年相比增加10.00万元，«2022年»我单位开展了调研。'), message: '这里写的是 2022 年，而报告年度是 2023 年（可能是沿用上年文稿未改）' },
  ],
});
