/**
 * text.contradiction: the same change (the same current amount, the same amount of change) said to rise in one
 * sentence and to fall in another, anywhere in the 情况说明 (seed 001: 收、支总计各增加 200.48万元 … 本年支出决算合计
 * 1,687.40万元 … 减少 200.48万元). The later one is flagged, the earlier is its related location. An amount is the
 * same however it is written (1,687.40万元 and 1687.4万元, 4.79万元 and 47,900.00元).
 */
import { RuleTester } from '../helpers/rule-tester';
import * as assert from 'assert';
import { getLanguageService } from '../../server/src/service';
import { jue, section } from './narrative';

const MSG = (total: string, before: string, here: string) => `同一数额（${total}）前面说“${before}”，这里说“${here}”，增减说法相反`;

RuleTester.run('text.contradiction', {
  valid: [
    { name: 'seed 001 corrected: both rise', source: jue('收、支总计 1,687.40万元。与上年决算相比，收、支总计各增加 200.48万元。\n本年支出决算合计 1,687.40万元。与上年决算相比，增加 200.48万元。') },
    { name: 'the same change of different totals', source: jue('本年收入合计 1,687.40万元，比上年增加 200.48万元。\n本年支出合计 1,600.00万元，比上年减少 200.48万元。') },
    { name: 'different changes of one total', source: jue('本年收入合计 1,687.40万元，比上年增加 200.48万元。\n本年支出合计 1,687.40万元，比上年减少 100.00万元。') },
    { name: 'two words of one direction (增加, 增长)', source: jue('本年收入合计 1,687.40万元，比上年增加 200.48万元。\n本年支出合计 1,687.40万元，比上年增长 200.48万元。') },
    { name: '减少 4.79 and 增加 -4.79 say the same', source: jue('本年收入合计 100.00万元，比上年减少 4.79万元。\n本年支出合计 100.00万元，比上年增加 -4.79万元。') },
    { name: 'a change of 0 has no direction', source: jue('本年收入合计 100.00万元，比上年增加 0.00万元。\n本年支出合计 100.00万元，比上年减少 0.00万元。') },
    { name: 'changes without a current amount are not compared', source: jue('比上年增加 4.79万元。\n比上年减少 4.79万元。') },
  ],
  invalid: [
    {
      name: 'seed 001: 增加 200.48万元, then 减少 200.48万元 of the same 1,687.40万元',
      source: jue('收、支总计 1,687.40万元。与上年决算相比，收、支总计各增加 200.48万元。\n本年支出决算合计 1,687.40万元。与上年决算相比，«减少 200.48万元»。'),
      message: MSG('1,687.40万元', '增加200.48万元', '减少200.48万元'), severity: 'error', fix: null,
      related: ['前面的说法：增加200.48万元«增加 200.48万元»'],
    },
    {
      name: 'in another section of the 情况说明',
      source: jue('收、支总计 1,687.40万元。与上年决算相比，收、支总计各增加 200.48万元。') + section('本年支出决算合计 1,687.40万元。与上年决算相比，«减少 200.48万元»。', '二、支出').replace('情况说明:\n', ''),
      message: MSG('1,687.40万元', '增加200.48万元', '减少200.48万元'),
      related: ['前面的说法：增加200.48万元«增加 200.48万元»'],
    },
    {
      name: 'the total written with other decimals (1687.4万元)',
      source: jue('收、支总计 1,687.40万元。与上年决算相比，收、支总计各增加 200.48万元。\n本年支出决算合计 1687.4万元。与上年决算相比，«减少 200.48万元»。'),
      message: MSG('1687.4万元', '增加200.48万元', '减少200.48万元'),
      related: ['前面的说法：增加200.48万元«增加 200.48万元»'],
    },
    {
      name: 'the change written in 元 once and in 万元 once',
      source: jue('本年收入合计 100.00万元，比上年增加 47,900.00元。\n本年支出合计 100.00万元，比上年«减少 4.79万元»。'),
      message: MSG('100.00万元', '增加47,900.00元', '减少4.79万元'),
      related: ['前面的说法：增加47,900.00元«增加 47,900.00元»'],
    },
    {
      name: '增加 4.79 and 增加 -4.79',
      source: jue('本年收入合计 100.00万元，比上年增加 4.79万元。\n本年支出合计 100.00万元，比上年«增加 -4.79万元»。'),
      message: MSG('100.00万元', '增加4.79万元', '增加-4.79万元'),
      related: ['前面的说法：增加4.79万元«增加 4.79万元»'],
    },
    {
      name: 'a third statement is compared with the first',
      source: jue('本年收入合计 100.00万元，比上年增加 4.79万元。\n本年支出合计 100.00万元，比上年增长 4.79万元。\n本年总计 100.00万元，比上年«下降 4.79万元»。'),
      message: MSG('100.00万元', '增加4.79万元', '下降4.79万元'),
      related: ['前面的说法：增加4.79万元«增加 4.79万元»'],
    },
  ],
});

describe('text.contradiction in a report checked again after an edit (each text\'s changes kept with its reading)', () => {
  const said = (ls: ReturnType<typeof getLanguageService>, text: string) => ls.check('t.jsgk.yaml', text).findings.filter((f) => f.rule === 'text.contradiction').map((f) => f.text);
  // two blocks: the 情况说明 unchanged by the edits (its text kept from the check before), the 其他 edited
  const report = (second: string) => jue('本年收入合计 1,687.40万元，比上年增加 200.48万元。') + `其他:\n  - 其他说明: ${second}\n`;

  it('compares an edited text with the unchanged one before it, and stops when it is edited back', () => {
    const ls = getLanguageService();
    assert.deepStrictEqual(said(ls, report('本年支出合计 1,687.40万元，比上年增长 200.48万元。')), []);
    assert.deepStrictEqual(said(ls, report('本年支出合计 1,687.40万元，比上年减少 200.48万元。')), ['减少 200.48万元']);
    assert.deepStrictEqual(said(ls, report('本年支出合计 1,687.40万元，比上年增长 200.48万元。')), []);
  });
});
