/**
 * text.flat (information): no change written as a change — a change word, then 0 and a unit (增加0个, 增加0辆,
 * 减少0万元, 增长0%; seed 000), spaces between included — and 持平 after 比 (比2024年预算持平, 010 and 012–015:
 * the wording is 与…持平; the fix writes 与).
 */
import { RuleTester } from '../helpers/rule-tester';
import { jue, yu } from './narrative';

const Y25 = (body: string) => yu(2025, body);

RuleTester.run('text.flat', {
  valid: [
    { name: 'seed 000 as it should be: 与上年持平', source: jue('因公出国（境）团组数0个，与上年持平；因公出国（境）人数0人，与上年持平。') },
    { name: 'a change of 10 (the 0 is part of a number)', source: jue('公务接待费10万元，与上年相比增加10万元；接待批次增加20次。') },
    { name: 'a rate below 1% (0.5%) is a change', source: jue('公务接待费10万元，与上年相比增长0.5%。') },
    { name: '0.00万元: a rounded amount may be a small change; only a bare 0 is said to be none', source: jue('公务接待费0.00万元，与上年相比减少0.00万元。') },
    { name: 'a 0 that follows no change word', source: jue('公务用车购置数0辆，保有量0辆。') },
    { name: '与2024年预算持平 (012–015 as they should be)', source: Y25('政府性基金拨款支出预算0万元，与2024年预算持平。') },
    { name: '与…相比持平', source: Y25('政府性基金拨款支出预算0万元，与2024年预算相比持平。') },
    { name: '对比…持平 (比 inside 对比)', source: Y25('对比2024年预算持平。') },
    { name: '相比…持平 (比 inside 相比)', source: Y25('相比2024年预算持平。') },
    { name: '比 then 与 before 持平: the 持平 goes with 与', source: Y25('比较而言，与2024年预算持平。') },
    { name: '比 and 持平 in different clauses', source: Y25('比2024年预算增加10万元，支出结构持平。') },
    { name: '比 more than 16 characters before 持平', source: Y25('比2024年预算执行数的支出规模和结构基本持平。') },
  ],
  invalid: [
    {
      name: 'seed 000: 与上年相比增加0个',
      source: jue('因公出国（境）团组数0个，与上年相比«增加0个»；因公出国（境）人数0人，与上年相比增加0人。'),
      message: '变化为 0，宜写“持平”，而不是“增加0个”', severity: 'information', fix: null,
    },
    {
      name: 'seed 000: the second of the sentence (增加0人)',
      source: jue('因公出国（境）团组数0个，与上年相比增加0个；因公出国（境）人数0人，与上年相比«增加0人»。'),
      message: '变化为 0，宜写“持平”，而不是“增加0人”',
    },
    { name: 'seed 000: 增加0辆', source: jue('公务用车购置数0辆，与上年相比«增加0辆»。'), message: '变化为 0，宜写“持平”，而不是“增加0辆”' },
    { name: '减少0万元', source: jue('公务接待费0.00万元，与上年相比«减少0万元»。'), message: '变化为 0，宜写“持平”，而不是“减少0万元”' },
    { name: '增长0%', source: jue('公务接待费10万元，与上年相比«增长0%»。'), message: '变化为 0，宜写“持平”，而不是“增长0%”' },
    { name: '下降0次', source: jue('公务接待0批次，与上年相比«下降0次»。'), message: '变化为 0，宜写“持平”，而不是“下降0次”' },
    { name: 'a space between the word and 0 (增加 0个, as seed 001 spaces its amounts)', source: jue('因公出国（境）团组数0个，与上年相比«增加 0个»。'), message: '变化为 0，宜写“持平”，而不是“增加0个”' },
    {
      name: '013: 比2024年预算执行数持平',
      source: Y25('2024年当年预算执行数为100.00万元，2025年预算安排100.00万元，«比»2024年预算执行数持平。'),
      message: '“比2024年预算执行数持平”：说持平应写“与…持平”，不用“比”', severity: 'information', fix: '与', safe: true,
      fixTitle: '改为“与2024年预算执行数持平”',
    },
    {
      name: '014: 比2024年预算持平',
      source: Y25('政府性基金拨款支出预算0万元，«比»2024年预算持平。'),
      message: '“比2024年预算持平”：说持平应写“与…持平”，不用“比”', fix: '与', fixTitle: '改为“与2024年预算持平”',
    },
    {
      name: '比上年持平 in a 决算',
      source: jue('公务接待费0.00万元，«比»上年持平。'),
      message: '“比上年持平”：说持平应写“与…持平”，不用“比”', fix: '与',
      fixTitle: '改为“与上年持平”',
    },
  ],
});
