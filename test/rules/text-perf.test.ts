/**
 * text.perf: a line that opens with a project's name (after its numbering: 2. （一） 一、) against that project's
 * 绩效自评表 (seed 001: 2.口岸运转费项目自评综述：…项目自评得分100.00分。全年预算数为180.00万元，执行数为180.00万元) —
 * the score with 合计得分 exactly (points are not rounded), 全年预算数 and 执行数 with the 年度资金总额 row by the
 * interval rule. The longest project name that opens the line is the one meant. No fix.
 */
import { RuleTester } from '../helpers/rule-tester';
import { jue } from './narrative';

/** A 绩效自评表 as seed 001 writes them (口岸运转费: 合计 100 99, 资金 180.00). */
const PERF = (name = '口岸运转费', total = '100 99', funds = '180.00 180.00 180.00', cols = '年初预算数, 全年预算数, 全年执行数') =>
  `\n绩效自评 ${name}:\n  资金:\n    列: [${cols}]\n    行:\n      - 年度资金总额: ${funds}\n  指标:\n    列: [一级指标, 二级指标, 三级指标, 分值, 得分]\n    行:\n      - [产出指标, 数量指标, 次数, 100, 99]\n  合计: ${total}\n`;
const SCORE = (project: string, written: string, total: string) => `“${project}”的自评得分文中写 ${written} 分，而其绩效自评表合计得分为 ${total} 分`;

RuleTester.run('text.perf', {
  valid: [
    { name: 'seed 001 corrected: 99分, 180.00 and 180.00', source: jue('2.口岸运转费项目自评综述：根据年初设定的绩效目标，项目自评得分99分。全年预算数为180.00万元，执行数为180.00万元，完成预算的100.00%。', PERF()) },
    { name: 'the score with decimals (99.00 = 99)', source: jue('2.口岸运转费项目自评综述：项目自评得分99.00分。', PERF()) },
    { name: 'amounts within rounding (180万元 for 180.00)', source: jue('口岸运转费项目自评综述：全年预算数为180万元，执行数为180.0万元。', PERF()) },
    { name: 'seed 001: a line that does not open with the project (以口岸运转费项目为例)', source: jue('以口岸运转费项目为例，该项目绩效评价综合得分为100.00分，绩效评价结果为“优”。', PERF()) },
    { name: 'the score in the next line (another paragraph)', source: jue('口岸运转费项目自评综述：见下。\n项目自评得分100.00分。', PERF()) },
    { name: 'no 绩效自评表', source: jue('2.口岸运转费项目自评综述：项目自评得分100.00分。') },
    { name: 'another project’s table', source: jue('2.口岸运转费项目自评综述：项目自评得分100.00分。', PERF('地方专项')) },
    { name: 'a 绩效自评表 without its 合计 line', source: jue('2.口岸运转费项目自评综述：项目自评得分100.00分。', PERF().replace('  合计: 100 99\n', '')) },
    { name: 'a 绩效自评表 without its 资金 table', source: jue('2.口岸运转费项目自评综述：执行数为170.00万元。', PERF().replace(/  资金:\n(?:    .*\n)+/, '')) },
    { name: 'an amount in the line before the project’s', source: jue('执行数为170.00万元。\n口岸运转费项目自评综述：见上。', PERF()) },
    { name: 'an amount in the line after the project’s', source: jue('口岸运转费项目自评综述：见下。\n执行数为170.00万元。', PERF()) },
  ],
  invalid: [
    {
      name: 'seed 001: 项目自评得分100.00分 where the table totals 99',
      source: jue('2.口岸运转费项目自评综述：根据年初设定的绩效目标，项目自评得分«100.00»分。全年预算数为180.00万元，执行数为180.00万元，完成预算的100.00%。', PERF()),
      message: SCORE('口岸运转费', '100.00', '99'), severity: 'error', fix: null,
      related: ['绩效自评表合计得分：99«99»'],
    },
    { name: '得分为 … 分 with spaces', source: jue('（二）口岸运转费项目自评综述：项目自评得分为 «98» 分。', PERF()), message: SCORE('口岸运转费', '98', '99'), related: ['绩效自评表合计得分：99«99»'] },
    { name: 'numbering （一）', source: jue('（一）口岸运转费：项目自评得分«90»分。', PERF()), message: SCORE('口岸运转费', '90', '99'), related: ['绩效自评表合计得分：99«99»'] },
    { name: 'numbering 一、', source: jue('一、口岸运转费：项目自评得分«90»分。', PERF()), message: SCORE('口岸运转费', '90', '99'), related: ['绩效自评表合计得分：99«99»'] },
    {
      name: 'the 执行数 against 全年执行数',
      source: jue('2.口岸运转费项目自评综述：项目自评得分99分。全年预算数为180.00万元，执行数为«170.00万元»，完成预算的94.44%。', PERF()),
      message: '“口岸运转费”的全年执行数文中写 170.00万元，而其绩效自评表为 180.00万元',
      related: ['绩效自评表年度资金总额（全年执行数）：180.00«180.00»'],
    },
    {
      name: 'the 全年预算数 against 全年预算数',
      source: jue('口岸运转费项目自评综述：全年预算数为«190.00万元»，执行数为180.00万元。', PERF()),
      message: '“口岸运转费”的全年预算数文中写 190.00万元，而其绩效自评表为 180.00万元',
      related: ['绩效自评表年度资金总额（全年预算数）：180.00«180.00»'],
    },
    {
      name: 'outside the interval (180.4 against 180.00)',
      source: jue('口岸运转费项目自评综述：全年预算数为«180.4万元»。', PERF()),
      message: '“口岸运转费”的全年预算数文中写 180.4万元，而其绩效自评表为 180.00万元',
      related: ['绩效自评表年度资金总额（全年预算数）：180.00«180.00»'],
    },
    {
      name: 'columns named 调整后预算数 and 预算执行数',
      source: jue('口岸运转费项目自评综述：全年预算数为«190.00万元»，执行数为170.00万元。', PERF('口岸运转费', '100 99', '180.00 180.00', '调整后预算数, 预算执行数')),
      message: '“口岸运转费”的调整后预算数文中写 190.00万元，而其绩效自评表为 180.00万元',
      related: ['绩效自评表年度资金总额（调整后预算数）：180.00«180.00»'],
    },
    {
      name: 'the second of them',
      source: jue('口岸运转费项目自评综述：全年预算数为190.00万元，执行数为«170.00万元»。', PERF('口岸运转费', '100 99', '180.00 180.00', '调整后预算数, 预算执行数')),
      message: '“口岸运转费”的预算执行数文中写 170.00万元，而其绩效自评表为 180.00万元',
      related: ['绩效自评表年度资金总额（预算执行数）：180.00«180.00»'],
    },
    { name: 'an amount in 万', source: jue('口岸运转费项目：执行数为«170万»。', PERF()), message: '“口岸运转费”的全年执行数文中写 170万，而其绩效自评表为 180.00万元', related: ['绩效自评表年度资金总额（全年执行数）：180.00«180.00»'] },
    {
      name: 'the longest name that opens the line (口岸运转费专项, not 口岸运转费)',
      source: jue('口岸运转费专项项目自评综述：项目自评得分«99»分。', PERF() + PERF('口岸运转费专项', '100 100')),
      message: SCORE('口岸运转费专项', '99', '100'),
      related: ['绩效自评表合计得分：100«100»'],
    },
    { name: 'an amount in 万 that ends its line (read alike in YAML and in the DSL)', source: jue('口岸运转费项目：执行数为«170万»', PERF()), message: '“口岸运转费”的全年执行数文中写 170万，而其绩效自评表为 180.00万元' },
  ],
});
