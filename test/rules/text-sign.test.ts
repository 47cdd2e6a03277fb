/**
 * text.sign: a change word with a negative amount (增加 -4.79万元, seed 001): a warning on the word and the
 * amount; the fix writes the opposite word and the amount without its sign, leaving what lies between as
 * written, and turns a negative rate with its own word round with it (增长 -10.00% → 下降 10.00%).
 */
import { RuleTester } from '../helpers/rule-tester';
import { jue } from './narrative';

RuleTester.run('text.sign', {
  valid: [
    { name: 'seed 001 corrected: 减少 4.79万元', source: jue('3.年初结转和结余 0.00万元。与上年决算相比，减少 4.79万元，变动原因：我单位2022年年初结转4.79万元，2023年年初无结转和结余。') },
    { name: 'a negative amount without a change word before it (a balance)', source: jue('本年结余-4.79万元，与上年决算相比，减少 4.79万元。') },
    { name: 'a change of 0.00: no sign to contradict', source: jue('与上年决算相比，增加 0.00万元。') },
    { name: 'a negative rate alone (no amount): not this rule', source: jue('与上年决算相比，增长-5.00%。') },
    { name: 'a change word farther back than the words before the amount', source: jue('增加的原因是结余为-4.79万元。') },
  ],
  invalid: [
    {
      name: 'seed 001: 增加 -4.79万元 (the space kept, the sign removed)',
      source: jue('3.年初结转和结余 0.00万元。与上年决算相比，«增加 -4.79万元»，变动原因：我单位2022年年初结转4.79万元，2023年年初无结转和结余。'),
      message: '“增加 -4.79万元”：负数与“增加”矛盾，应写作“减少 4.79万元”', severity: 'warning', fix: '减少 4.79万元', safe: true,
      fixTitle: '改为“减少 4.79万元”',
    },
    {
      name: 'seed 001: 增加 -14.93万元 (the second one in that report)',
      source: jue('与上年相比，«增加 -14.93万元»，主要原因是项目减少。'),
      message: '“增加 -14.93万元”：负数与“增加”矛盾，应写作“减少 14.93万元”', fix: '减少 14.93万元',
      fixTitle: '改为“减少 14.93万元”',
    },
    {
      name: '减少 with a negative amount: 增加',
      source: jue('本年支出合计110.00万元，比上年«减少-10.00万元»。'),
      message: '“减少 -10.00万元”：负数与“减少”矛盾，应写作“增加 10.00万元”', fix: '增加10.00万元', fixTitle: '改为“增加 10.00万元”',
    },
    {
      name: 'a negative rate with its own word is turned round too (增长-10.00% → 下降10.00%)',
      source: jue('本年支出合计90.00万元，比上年«增加-10.00万元»，增长-10.00%。'),
      message: '“增加 -10.00万元”：负数与“增加”矛盾，应写作“减少 10.00万元”',
      output: jue('本年支出合计90.00万元，比上年减少10.00万元，下降10.00%。'), fixTitle: '改为“减少 10.00万元”并相应改写比率',
    },
    {
      name: '减少 … 下降 with negatives: both turned round (下降 → 增长)',
      source: jue('本年支出合计110.00万元，比上年«减少-10.00万元»，下降-9.09%。'),
      message: '“减少 -10.00万元”：负数与“减少”矛盾，应写作“增加 10.00万元”',
      output: jue('本年支出合计110.00万元，比上年增加10.00万元，增长9.09%。'),
      fixTitle: '改为“增加 10.00万元”并相应改写比率',
    },
    {
      name: 'a positive rate after a negative amount is left as written (only the amount is turned round)',
      source: jue('本年支出合计110.00万元，比上年«减少-10.00万元»，增长10.00%。'),
      message: '“减少 -10.00万元”：负数与“减少”矛盾，应写作“增加 10.00万元”', fix: '增加10.00万元', fixTitle: '改为“增加 10.00万元”',
    },
    {
      name: '增长 as the change word of an amount: 下降 (its own opposite)',
      source: jue('本年支出合计90.00万元，比上年«增长 -10.00万元»。'),
      message: '“增长 -10.00万元”：负数与“增长”矛盾，应写作“下降 10.00万元”', fix: '下降 10.00万元',
      fixTitle: '改为“下降 10.00万元”',
    },
    {
      name: '提高 (seed 000’s word): its opposite is 减少',
      source: jue('本年支出合计90.00万元，比上年«提高-10.00万元»。'),
      message: '“提高 -10.00万元”：负数与“提高”矛盾，应写作“减少 10.00万元”', fix: '减少10.00万元',
      fixTitle: '改为“减少 10.00万元”',
    },
    {
      name: 'an amount in 元 with thousands separators keeps them',
      source: jue('与上年决算相比，«减少 -3,800.00元»。'),
      message: '“减少 -3,800.00元”：负数与“减少”矛盾，应写作“增加 3,800.00元”', fix: '增加 3,800.00元',
      fixTitle: '改为“增加 3,800.00元”',
    },
    {
      name: 'in a 其他 section too',
      source: jue('说明。') + '其他:\n  - 一、补充: |\n      结转资金«增加 -1.00万元»。\n',
      message: '“增加 -1.00万元”：负数与“增加”矛盾，应写作“减少 1.00万元”', fix: '减少 1.00万元',
      fixTitle: '改为“减少 1.00万元”',
    },
    {
      name: 'a change of 0 in a text with a negative one is not flagged (only the negative one is)',
      source: jue('比上年增加 0万元；结余«增加 -4.79万元»。'),
      message: '“增加 -4.79万元”：负数与“增加”矛盾，应写作“减少 4.79万元”', only: true, fix: '减少 4.79万元',
    },
    {
      name: 'a rate of 0.00% after a negative amount is left as written',
      source: jue('本年支出合计90.00万元，比上年«增加-10.00万元»，增长0.00%。'),
      message: '“增加 -10.00万元”：负数与“增加”矛盾，应写作“减少 10.00万元”', fix: '减少10.00万元', fixTitle: '改为“减少 10.00万元”',
    },
  ],
});
