/**
 * text.unit: a garbled amount unit (支出决算万5.00元 → 5.00万元, seed 001; an error with a fix), and the same
 * amount written with 万(元) and with 元 in one paragraph (年初资金总额为180.00万 … 实际执行180.00元, seed 001: a
 * warning on the one in 元, no fix: which of the two units is wrong is not known).
 */
import { RuleTester } from '../helpers/rule-tester';
import { jue } from './narrative';

RuleTester.run('text.unit', {
  valid: [
    { name: 'seed 001 corrected: 支出决算5.00万元', source: jue('3.组织事务（款）一般行政管理事务（项）。年初预算0万元，支出决算5.00万元。') },
    { name: 'seed 001 corrected: 180.00万 twice', source: jue('年初资金总额为180.00万，1-12月阶段实际执行180.00万，执行率为100.00%。') },
    { name: 'the same number in 万元 and in 元 in different paragraphs', source: jue('项目资金15.00万元。\n其他收入15.00元。') },
    { name: 'different amounts in 万元 and in 元 (seed 001: 其他收入380.96元)', source: jue('项目资金15.00万元，其他收入380.96元。') },
    { name: 'an amount in 元 below 1 is no slip of the unit', source: jue('项目资金0.50万元，其他收入0.50元。') },
    { name: '0.00万元 and 0.00元', source: jue('项目资金0.00万元，其他收入0.00元。') },
    { name: 'the same number in 亿元 and in 元', source: jue('项目资金15.00亿元，其他收入15.00元。') },
    { name: '万 of a count (15.00万人次) is no amount', source: jue('服务15.00万人次，收入15.00元。') },
    { name: 'an amount written with 万 and 元 (1万5000元) is no garbled unit', source: jue('资助金额为1万5000元。') },
    { name: 'the same number in 万元 in the next paragraph', source: jue('其他收入15.00元。\n项目资金15.00万元。') },
  ],
  invalid: [
    {
      name: 'seed 001: 支出决算万5.00元',
      source: jue('3.组织事务（款）一般行政管理事务（项）。年初预算0万元，支出决算«万5.00元»。'),
      message: '金额单位写错：“万5.00元”应为“5.00万元”', severity: 'error', fix: '5.00万元', safe: true, fixTitle: '改为“5.00万元”',
    },
    {
      name: 'a garbled amount with thousands separators',
      source: jue('支出决算«万1,005.00元»。'),
      message: '金额单位写错：“万1,005.00元”应为“1,005.00万元”', fix: '1,005.00万元',
      fixTitle: '改为“1,005.00万元”',
    },
    {
      name: 'seed 001: 年初资金总额为180.00万 … 实际执行180.00元',
      source: jue('年初资金总额为180.00万，1-12月阶段实际执行«180.00元»，执行率为100.00%。'),
      message: '同一金额 180.00 在同一段中一处写“万”，这里写“元”：单位可能写错', severity: 'warning', fix: null,
      related: ['同一段中写作 180.00万«180.00万»'],
    },
    {
      name: '万元 and 元 in one sentence',
      source: jue('项目资金15.00万元，实际支出«15.00元»。'),
      message: '同一金额 15.00 在同一段中一处写“万元”，这里写“元”：单位可能写错', severity: 'warning',
      related: ['同一段中写作 15.00万元«15.00万元»'],
    },
    {
      name: 'the same value written with other decimals (15万元, 15.00元)',
      source: jue('项目资金15万元，其他收入«15.00元»。'),
      message: '同一金额 15.00 在同一段中一处写“万元”，这里写“元”：单位可能写错',
      related: ['同一段中写作 15万元«15万元»'],
    },
    {
      name: 'an amount of exactly 1元 is compared',
      source: jue('项目资金1.00万元，其他收入«1.00元»。'),
      message: '同一金额 1.00 在同一段中一处写“万元”，这里写“元”：单位可能写错',
      related: ['同一段中写作 1.00万元«1.00万元»'],
    },
    {
      name: 'the amount in 元 first, then in 万元',
      source: jue('实际支出«15.00元»，项目资金15.00万元。'),
      message: '同一金额 15.00 在同一段中一处写“万元”，这里写“元”：单位可能写错',
      related: ['同一段中写作 15.00万元«15.00万元»'],
    },
    { name: 'a garbled amount without decimals (万5元)', source: jue('支出决算«万5元»。'), message: '金额单位写错：“万5元”应为“5万元”', fix: '5万元', fixTitle: '改为“5万元”' },
    { name: 'the amount in 万元 opens its paragraph', source: jue('15.00万元为项目资金，实际支出«15.00元»。'), message: '同一金额 15.00 在同一段中一处写“万元”，这里写“元”：单位可能写错', related: ['同一段中写作 15.00万元«15.00万元»'] },
    { name: 'the amount in 万元 ends its paragraph', source: jue('实际支出«15.00元»，项目资金15.00万元'), message: '同一金额 15.00 在同一段中一处写“万元”，这里写“元”：单位可能写错', related: ['同一段中写作 15.00万元«15.00万元»'] },
  ],
});
