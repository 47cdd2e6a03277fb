/**
 * text.zeroBase (warning): a rate on a zero base means nothing — a growth rate where last year was 0 (本年 C,
 * 增加 A = C within rounding, 增长 R%), a budget item's rate on a 0 执行数, a completion rate where the budget it
 * names is 0 (seed 001), a rate next to words that say the base did not exist (年初无, seed 001).
 */
import { RuleTester } from '../helpers/rule-tester';
import { jue, yu } from './narrative';

const Y26 = (body: string) => yu(2026, body);

RuleTester.run('text.zeroBase', {
  valid: [
    { name: 'a rise from nothing written without a rate', source: jue('公务接待费支出 2.60万元，与上年相比增加 2.60万元。') },
    { name: 'a real base (2.60 − 1.30)', source: jue('公务接待费支出 2.60万元，与上年相比增加 1.30万元，增长100.00%。') },
    { name: 'a fall to 0: the base is 2.60', source: jue('公务接待费支出 0.00万元，与上年相比减少 2.60万元，下降100.00%。') },
    { name: 'a rise larger than the amount before it: that amount is not its subject', source: jue('公务接待费支出 2.60万元，与上年相比增加 5.60万元，增长100.00%。') },
    { name: 'a rate of 0', source: jue('公务接待费支出 2.60万元，与上年相比增加 2.60万元，增长0%。') },
    { name: '增加 -2.60 is a fall: the base is C + A', source: jue('公务接待费支出 2.60万元，与上年相比增加 -2.60万元，增长-50.00%。') },
    { name: 'a budget item on a 0 执行数 with an amount only', source: Y26('2025年当年预算执行数为0万元，2026年预算安排50.00万元，比2025年预算执行数增加50.00万元。') },
    { name: 'a budget item on a 执行数 of 0.01', source: Y26('2025年当年预算执行数为0.01万元，2026年预算安排50.00万元，比2025年预算执行数增加100%。') },
    { name: 'a budget item at 0 with a rate of 0', source: Y26('2025年当年预算执行数为0万元，2026年预算安排0万元，比2025年预算执行数增加0%。') },
    { name: 'seed 001: 年初预算0万元 without a completion rate', source: jue('3．行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）。年初预算0万元，支出决算12.59万元。') },
    { name: 'seed 001: 年初无 in a sentence without a rate', source: jue('3.年初结转和结余 0.00万元。与上年决算相比，增加 -4.79万元，变动原因：我单位2022年年初结转4.79万元，2023年年初无结转和结余。') },
    { name: '年初无 and a share: a share is no rate on that base', source: jue('2023年年初无结转和结余，项目支出占50%。') },
    { name: '年初无 in the sentence before the rate', source: jue('2023年年初无结转和结余。与上年相比增长100%。') },
    { name: '年初无 and an amount of change (001): only rates are meaningless', source: jue('2023年年初无结转和结余，与上年相比增加4.79万元。项目支出占50%。') },
  ],
  invalid: [
    {
      name: 'a growth rate from 0 (2.60 − 2.60)',
      source: jue('公务接待费支出 2.60万元，与上年相比增加 2.60万元，«增长100.00%»。'),
      message: '上年数为 0（2.60 − 2.60），增长率“100.00%”没有意义，宜只写增加额', severity: 'warning', fix: null,
    },
    {
      name: 'a base of 0 within rounding (2.60 − 2.6)',
      source: jue('公务接待费支出 2.60万元，与上年相比增加 2.6万元，«增长100.00%»。'),
      message: '上年数为 0（2.60 − 2.6），增长率“100.00%”没有意义，宜只写增加额',
    },
    {
      name: 'a budget item’s rate on a 0 执行数',
      source: Y26('2025年当年预算执行数为0万元，2026年预算安排50.00万元，比2025年预算执行数«增加100%»。'),
      message: '预算执行数为 0万元，“增加100%”没有意义，宜只写增减额',
    },
    {
      name: 'a budget item on 0.00',
      source: Y26('2025年当年预算执行数为0.00万元，2026年预算安排50.00万元，比2025年预算执行数«增加100%»。'),
      message: '预算执行数为 0.00万元，“增加100%”没有意义，宜只写增减额',
    },
    {
      name: 'seed 001: 完成年初预算的100.00% on a 年初预算 of 0',
      source: jue('3．行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）。年初预算0万元，支出决算12.59万元，完成年初预算的«100.00%»。'),
      message: '预算数为 0万元，完成率“100.00%”没有意义',
    },
    {
      name: '年初无 … 完成年初预算的 r%',
      source: jue('2023年年初无预算，支出决算12.59万元，完成年初预算的«100%»。'),
      message: '文中说“年初无”（基数为 0），比率“100%”没有意义',
    },
    {
      name: '年初无 … 增长 r%',
      source: jue('2023年年初无结转和结余，与上年相比增长«100%»。'),
      message: '文中说“年初无”（基数为 0），比率“100%”没有意义',
    },
  ],
});
