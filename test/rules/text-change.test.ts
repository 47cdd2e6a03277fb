/**
 * text.change: a rate of change against its amounts — “（本年 C）… 增加 A，增长 R%”: R = A ÷ (C − A) after a
 * rise, A ÷ (C + A) after a fall; “上年执行数 B，本年预算安排 C，比上年执行数增加 R%”: R = (C − B) ÷ B. By the
 * interval rule (within rounding: a 尾数误差 note); a zero base is text.zeroBase's.
 */
import { RuleTester } from '../helpers/rule-tester';
import { BUDGET_TABLE, jue, yu } from './narrative';

const B26 = (body: string) => yu(2026, body);

RuleTester.run('text.change', {
  valid: [
    { name: 'seed 001: 减少 200.48 from 1,687.40 is 10.62%', source: jue('本年支出决算合计 1,687.40万元。与上年决算相比，减少 200.48万元，下降 10.62%。') },
    { name: 'seed 000: 增加 36.47 to 41.27 is 759.79%', source: jue('“三公”经费支出总额为41.27万元，与2022年度决算相比增加36.47万元，增长759.79%。') },
    { name: 'a budget item: (91.97 − 77.99) ÷ 77.99 = 17.93%', source: B26('2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加17.93%。') },
    { name: 'a change without a rate: nothing to check', source: jue('本年支出合计110.00万元，比上年增加10.00万元。') },
    { name: 'a rate without a current amount in its sentence: nothing to check', source: jue('比上年增加10.00万元，增长9.00%。') },
    { name: 'the current amount three sentences before a sentence that does not open with its base: not used', source: jue('本年支出合计110.00万元。主要是人员增加。经费增加10.00万元，增长9.00%。') },
    { name: 'a zero base (本年 10, 增加 10): text.zeroBase’s, not a wrong rate', source: jue('公务接待费支出10.00万元，比上年增加10.00万元，增长50.00%。') },
    { name: 'amount and rate going opposite ways: text.direction’s', source: jue('本年支出合计90.00万元，比上年减少10.00万元，增长11.11%。') },
    { name: 'a rate change whose rate follows from the item’s own heading amount: the amount is wrong (text.table), not the rate', source: yu(2026, '1、卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）110.00万元。2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，比2025年预算执行数增加10.00%。', BUDGET_TABLE) },
  ],
  invalid: [
    {
      name: 'seed 001: 减少 200.48 from 1,687.40 written 13.48%',
      source: jue('本年支出决算合计 1,687.40万元。与上年决算相比，减少 200.48万元，减少 «13.48%»。'),
      message: '按本年 1,687.40万元、减少 200.48万元 推算上年为 1887.88万元，减少率应为 10.62%，文中写的是 13.48%', severity: 'error', fix: '10.62%', safe: false,
      related: ['本年数：1,687.40万元«1,687.40万元»', '变化额：200.48万元«200.48万元»'], fixTitle: '将比率改为 10.62%',
    },
    {
      name: 'seed 000: 增加 36.47 to 41.27 written 75.98% (a rise: the base is C − A)',
      source: jue('“三公”经费支出总额为41.27万元，与2022年度决算相比增加36.47万元，增长«75.98%»。'),
      message: '按本年 41.27万元、增加 36.47万元 推算上年为 4.80万元，增长率应为 759.79%，文中写的是 75.98%', fix: '759.79%',
      related: ['本年数：41.27万元«41.27万元»', '变化额：36.47万元«36.47万元»'], fixTitle: '将比率改为 759.79%',
    },
    {
      name: 'the current amount in the sentence before one that opens with 与上年相比',
      source: jue('本年支出合计110.00万元。与上年相比，增加10.00万元，增长«9.00%»。'),
      message: /推算上年为 100\.00万元，增长率应为 10\.00%，文中写的是 9\.00%$/, fix: '10.00%',
      related: ['本年数：110.00万元«110.00万元»', '变化额：10.00万元«10.00万元»'], fixTitle: '将比率改为 10.00%',
    },
    {
      name: 'a change in 元 of an amount in 元: the base is given in 元',
      source: jue('本年支出合计1,100,000.00元，比上年增加100,000.00元，增长«9.00%»。'),
      message: '按本年 1,100,000.00元、增加 100,000.00元 推算上年为 1000000.00元，增长率应为 10.00%，文中写的是 9.00%',
      related: ['本年数：1,100,000.00元«1,100,000.00元»', '变化额：100,000.00元«100,000.00元»'], fixTitle: '将比率改为 10.00%',
    },
    {
      name: 'a change in 元 of an amount in 万元: the base is given in 万元',
      source: jue('本年支出合计110.00万元，比上年增加100,000.00元，增长«9.00%»。'),
      message: '按本年 110.00万元、增加 100,000.00元 推算上年为 100.00万元，增长率应为 10.00%，文中写的是 9.00%',
      related: ['本年数：110.00万元«110.00万元»', '变化额：100,000.00元«100,000.00元»'], fixTitle: '将比率改为 10.00%',
    },
    {
      name: 'a negative rate keeps its sign in the fix (增加 -10.00万元，增长 -11.00%)',
      source: jue('本年支出合计90.00万元，比上年增加-10.00万元，增长«-11.00%»。'),
      message: /推算上年为 100\.00万元，增长率应为 10\.00%，文中写的是 -11\.00%$/, fix: '-10.00%',
      related: ['本年数：90.00万元«90.00万元»', '变化额：-10.00万元«-10.00万元»'], fixTitle: '将比率改为 -10.00%',
    },
    {
      name: '010 item 9: (91.97 − 77.99) ÷ 77.99 = 17.93%, written 17.66%',
      source: B26('2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加«17.66%»。'),
      message: '按预算执行数 77.99万元、预算安排 91.97万元 计算，增加率应为 17.93%，文中写的是 17.66%', fix: '17.93%', safe: false,
      related: ['预算执行数：77.99万元«77.99万元»', '预算安排：91.97万元«91.97万元»'], fixTitle: '将比率改为 17.93%',
    },
    {
      name: 'a rate change whose heading amount equals the figure: the rate is wrong',
      source: yu(2026, '1、卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）120.00万元。2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，比2025年预算执行数增加«10.00%»。', BUDGET_TABLE),
      message: /增加率应为 20\.00%，文中写的是 10\.00%$/,
      related: ['预算执行数：100.00万元«100.00万元»', '预算安排：120.00万元«120.00万元»'], fixTitle: '将比率改为 20.00%',
    },
    {
      name: 'a rate change that follows from neither the figure nor the heading amount',
      source: yu(2026, '1、卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）110.00万元。2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，比2025年预算执行数增加«30.00%»。', BUDGET_TABLE),
      message: /增加率应为 20\.00%，文中写的是 30\.00%$/,
      related: ['预算执行数：100.00万元«100.00万元»', '预算安排：120.00万元«120.00万元»'], fixTitle: '将比率改为 20.00%',
    },
    { name: 'a current amount in 亿元: the base is given in 亿元', source: jue('本年支出合计1.10亿元，比上年增加1,000.00万元，增长«8.00%»。'), message: '按本年 1.10亿元、增加 1,000.00万元 推算上年为 1.00亿元，增长率应为 10.00%，文中写的是 8.00%', fix: '10.00%' },
    { name: 'the base keeps the decimals it needs (999999.5元)', source: jue('本年支出合计1,100,000元，比上年增加100,000.50元，增长«9.00%»。'), message: '按本年 1,100,000元、增加 100,000.50元 推算上年为 999999.5元，增长率应为 10.00%，文中写的是 9.00%' },
    { name: 'a rate of 0.00%: the fix writes the computed rate without a sign', source: jue('本年支出合计110.00万元，比上年增加10.00万元，增长«0.00%»。'), message: '按本年 110.00万元、增加 10.00万元 推算上年为 100.00万元，增长率应为 10.00%，文中写的是 0.00%', fix: '10.00%' },
  ],
  rounding: [
    {
      name: '010: 59.11 → 57.8 is 2.22%, written 2.21% (57.8 stands for 57.75–57.85)',
      source: B26('2025年当年预算执行数为59.11万元，2026年预算安排57.8万元，比2025年预算执行数减少«2.21%»。'),
      message: '按预算执行数 59.11万元、预算安排 57.8万元 计算，减少率应为 2.22%，文中写 2.21%（在舍入误差以内，可能为尾数误差）',
    },
    {
      name: 'an amount change within rounding',
      source: jue('本年支出合计3.00万元，比上年增加1.00万元，增长«49.99%»。'),
      message: '按本年 3.00万元、增加 1.00万元 推算上年为 2.00万元，增长率应为 50.00%，文中写 49.99%（在舍入误差以内，可能为尾数误差）',
    },
  ],
});
