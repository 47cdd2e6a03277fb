/**
 * text.direction: a change said to go one way while its numbers go the other — the amount and the rate of one
 * change (减少42.32万元，增长11.20%); a rate between two stated figures that goes the other way, or 持平 between
 * figures that differ (010 item 6: 43269.3 → 3845.49, 增加17.62%), measured from the item's heading amount when
 * it differs (011 item 13); 决算数大于（小于、等于）预算数, 决算数与预算数持平 against the two figures of its
 * paragraph. Within rounding, nothing is said. No fix: which of the numbers is wrong is not known.
 */
import { RuleTester } from '../helpers/rule-tester';
import { BUDGET_TABLE, jue, yu } from './narrative';

const Y26 = (body: string) => yu(2026, body);

RuleTester.run('text.direction', {
  valid: [
    { name: 'seed 000: 减少42.32万元，下降11.20%', source: jue('一般公共预算财政拨款收入335.56万元，比上年决算数减少42.32万元，下降11.20%。') },
    { name: 'a negative amount and a negative rate agree', source: jue('本年支出合计90.00万元，比上年增加-10.00万元，增长-10.00%。') },
    { name: 'a rate of 0.00% has no direction', source: jue('本年支出合计90.00万元，比上年减少0.01万元，增长0.00%。') },
    { name: 'a rate in the next sentence is another change', source: jue('本年支出合计90.00万元，比上年减少10.00万元。项目支出增长10.00%。') },
    { name: '010 item 6 as it should be (3269.3 → 3845.49)', source: Y26('2025年当年预算执行数为3269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。') },
    { name: 'equal figures and 增加0.00%', source: Y26('2025年当年预算执行数为100.00万元，2026年预算安排100.00万元，比2025年预算执行数增加0.00%。') },
    { name: '持平 between figures equal within rounding (100.0, 100.04)', source: Y26('2025年当年预算执行数为100.0万元，2026年预算安排100.04万元，与2025年预算执行数持平。') },
    { name: '增加 between figures equal within rounding', source: Y26('2025年当年预算执行数为100.0万元，2026年预算安排100.04万元，比2025年预算执行数增加0.04%。') },
    { name: '下降 between figures equal within rounding', source: Y26('2025年当年预算执行数为100.0万元，2026年预算安排100.04万元，比2025年预算执行数下降0.01%。') },
    { name: '决算数小于预算数 (template 五（三）)', source: jue('年初预算为1905.30万元，支出决算为1862.45万元。决算数小于预算数的主要原因：压减一般性支出。') },
    { name: '决算数等于预算数', source: jue('年初预算为100.00万元，支出决算为100.00万元。决算数等于预算数。') },
    { name: '大于 between figures equal within rounding', source: jue('年初预算为100.0万元，支出决算为100.04万元。决算数大于预算数。') },
    { name: '小于 between figures equal within rounding', source: jue('年初预算为100.0万元，支出决算为100.04万元。决算数小于预算数。') },
    { name: '持平 between figures equal within rounding', source: jue('年初预算为100.0万元，支出决算为100.04万元。决算数与预算数持平。') },
    { name: 'two budgets stated: which one is meant is not known', source: jue('年初预算为100.00万元，全年预算为130.00万元，支出决算为120.00万元。决算数小于预算数。') },
    { name: 'the figures in another paragraph', source: jue('年初预算为100.00万元，支出决算为120.00万元。\n决算数小于预算数的主要原因：节约。') },
    { name: 'a rate that holds with the item’s heading amount (120 against 100: 20%) is not measured from the 预算安排', source: yu(2026, '1、卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）120.00万元。2025年当年预算执行数为100.00万元，2026年预算安排90.00万元，比2025年预算执行数增加20.00%。', BUDGET_TABLE) },
  ],
  invalid: [
    {
      name: 'seed 000 with the wrong word: 减少42.32万元，增长11.20%',
      source: jue('一般公共预算财政拨款收入335.56万元，比上年决算数减少42.32万元，«增长11.20%»。'),
      message: '前面说“减少42.32万元”，这里却说“增长11.20%”：增减方向前后矛盾', severity: 'error', fix: null,
    },
    { name: '增加 … 下降', source: jue('本年支出合计110.00万元，比上年增加10.00万元，«下降10.00%»。'), message: '前面说“增加10.00万元”，这里却说“下降10.00%”：增减方向前后矛盾' },
    { name: '增加 a negative amount, 增长 a positive rate', source: jue('本年支出合计90.00万元，比上年增加-10.00万元，«增长10.00%»。'), message: '前面说“增加-10.00万元”，这里却说“增长10.00%”：增减方向前后矛盾' },
    {
      name: '010 item 6: 43269.3 → 3845.49 said to rise 17.62%',
      source: Y26('2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数«增加17.62%»。'),
      message: '文中说“增加17.62%”，而预算安排 3845.49万元 与预算执行数 43269.3万元 相比是减少 39423.81万元（91.11%）',
      related: ['预算执行数：43269.3万元«43269.3万元»', '预算安排：3845.49万元«3845.49万元»'],
    },
    {
      name: '下降 between figures that rise: the word of the rise in the form written (增长)',
      source: Y26('2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，比2025年预算执行数«下降20.00%»。'),
      message: '文中说“下降20.00%”，而预算安排 120.00万元 与预算执行数 100.00万元 相比是增长 20.00万元（20.00%）',
      related: ['预算执行数：100.00万元«100.00万元»', '预算安排：120.00万元«120.00万元»'],
    },
    {
      name: 'a rate between equal figures',
      source: Y26('2025年当年预算执行数为100.00万元，2026年预算安排100.00万元，比2025年预算执行数«增加5.00%»。'),
      message: '文中说“增加5.00%”，而预算安排 100.00万元 与预算执行数 100.00万元 相比是持平',
      related: ['预算执行数：100.00万元«100.00万元»', '预算安排：100.00万元«100.00万元»'],
    },
    {
      name: '持平 between figures that rise',
      source: Y26('2025年当年预算执行数为100.00万元，2026年预算安排120.00万元，与2025年预算执行数«持平»。'),
      message: '文中说“持平”，而预算安排 120.00万元 与预算执行数 100.00万元 相比是增加 20.00万元（20.00%）',
      related: ['预算执行数：100.00万元«100.00万元»', '预算安排：120.00万元«120.00万元»'],
    },
    {
      name: '持平 between figures that fall',
      source: Y26('2025年当年预算执行数为100.00万元，2026年预算安排80.00万元，与2025年预算执行数«持平»。'),
      message: '文中说“持平”，而预算安排 80.00万元 与预算执行数 100.00万元 相比是减少 20.00万元（20.00%）',
      related: ['预算执行数：100.00万元«100.00万元»', '预算安排：80.00万元«80.00万元»'],
    },
    {
      name: '持平 after a 执行数 of 0: the change without a rate',
      source: Y26('2025年当年预算执行数为0万元，2026年预算安排80.00万元，与2025年预算执行数«持平»。'),
      message: '文中说“持平”，而预算安排 80.00万元 与预算执行数 0万元 相比是增加 80.00万元',
      related: ['预算执行数：0万元«0万元»', '预算安排：80.00万元«80.00万元»'],
    },
    {
      name: '011 item 13: the item’s heading 207万元 against its 执行数 241.76万元',
      source: yu(2026, '13、住房保障支出（221类）住房改革支出（02款）购房补贴（03项）207万元。2025年当年预算执行数为241.76万元，2026年预算安排294.32万元，比2025年预算执行数«增加21.74%»。'),
      message: '文中说“增加21.74%”，而本项的 207万元（本项开头所写）与预算执行数 241.76万元 相比是减少 34.76万元（14.38%）',
      related: ['预算执行数：241.76万元«241.76万元»', '预算安排：207万元«207万元»'],
    },
    {
      name: 'template 五（三）: 决算数大于预算数 where the 决算 is smaller',
      source: jue('年初预算为1905.30万元，支出决算为1862.45万元。决算数«大于»预算数的主要原因：压减一般性支出。'),
      message: '文中说决算数“大于”预算数，而支出决算 1862.45万元、年初预算 1905.30万元：应为“小于”', fix: null,
      related: ['年初预算：1905.30万元«1905.30万元»', '支出决算：1862.45万元«1862.45万元»'],
    },
    {
      name: '小于 where the 决算 is larger',
      source: jue('年初预算为100.00万元，支出决算为120.00万元。决算数«小于»预算数的主要原因：追加。'),
      message: '文中说决算数“小于”预算数，而支出决算 120.00万元、年初预算 100.00万元：应为“大于”',
      related: ['年初预算：100.00万元«100.00万元»', '支出决算：120.00万元«120.00万元»'],
    },
    {
      name: '与预算数持平 where they differ',
      source: jue('年初预算为100.00万元，支出决算为90.00万元。决算数与预算数«持平»。'),
      message: '文中说决算数“持平”预算数，而支出决算 90.00万元、年初预算 100.00万元：应为“小于”',
      related: ['年初预算：100.00万元«100.00万元»', '支出决算：90.00万元«90.00万元»'],
    },
    {
      name: '大于 where they are equal',
      source: jue('年初预算为100.00万元，支出决算为100.00万元。决算数«大于»预算数。'),
      message: '文中说决算数“大于”预算数，而支出决算 100.00万元、年初预算 100.00万元：应为“持平”',
      related: ['年初预算：100.00万元«100.00万元»', '支出决算：100.00万元«100.00万元»'],
    },
  ],
});
