/**
 * text.sum: the parts of a list against its total. A list of amounts (其中、主要包括、具体情况如下 …, in one
 * sentence or over numbered paragraphs) may name fewer parts than the whole, never more; a column of item
 * figures (each item's 年初预算 …) adds up exactly to the figure stated before it. By the interval rule:
 * within rounding, a 尾数误差 note.
 */
import { RuleTester } from '../helpers/rule-tester';
import { jue, yu } from './narrative';

const Y25 = (body: string) => yu(2025, body);

RuleTester.run('text.sum', {
  valid: [
    { name: 'seed 002 附件: the parts add up to the total', source: jue('项目预算费用300万元，预算安排为接待费80万元，差旅费130万元，印刷费10万元，大型活动专场费75万元。') },
    { name: '主要包括 may list fewer parts than the whole', source: jue('公用经费 25.59万元。主要包括：办公费0.32万元、水费0.06万元、差旅费2.40万元。') },
    { name: 'a 其中 list over numbered paragraphs （一）（二）（三） that adds up (014 “三公”)', source: Y25('2025年“三公”经费预算数为867.50万元，与2024年预算持平。其中：\n（一）因公出国（境）费839万元，与2024年预算持平。\n（二）公务用车购置及运行费0万元，与2024年预算持平。其中：公务用车购置费0万元；公务用车运行费0万元。\n（三）公务接待费28.50万元，与2024年预算持平。') },
    { name: 'a list of 1. 2. paragraphs after 具体情况如下 (000)', source: jue('2023年度总支出335.56万元，其中本年支出335.56万元。具体情况如下：\n1.基本支出224.55万元，比上年决算数减少11.91万元，下降5.04%。\n2.项目支出111.01万元，比上年决算数减少30.41万元，下降21.50%。') },
    { name: 'a 其中 that ends its line, then unnumbered lines up to the 。 (001 二、)', source: jue('本年收入合计100.00万元，其中：\n财政拨款收入90.00万元，占90.00%；\n其他收入10.00万元，占10.00%。') },
    { name: 'the 年初预算 of the items add up to the one stated before (020)', source: jue('一般公共预算财政拨款支出年初预算为300.00万元，支出决算为290.00万元，完成年初预算的96.67%。其中：\n1、一般公共服务支出（类）统计信息事务（款）行政运行（项）。主要用于：运转。年初预算为200.00万元，支出决算为195.00万元。\n2、一般公共服务支出（类）统计信息事务（款）事业运行（项）。主要用于：运转。年初预算为100.00万元，支出决算为95.00万元。') },
    { name: 'a list that ends by restating its total (合计1170.00万, 012)', source: Y25('2025年度项目总预算1170.00万，其中支持企业规模化发展870.00万，支持企业创新化发展70.00万，支持企业协同化发展180.00万，支持企业国际化发展50.00万，合计1170.00万。') },
    { name: 'the 人次/辆 exclusion: a list with counts is no list of parts (人次)', source: jue('公务接待费10.00万元，其中：国内接待12批次、86人次，费用8.00万元；外宾接待3.00万元。') },
    { name: 'the 人次/辆 exclusion: a list with counts is no list of parts (辆)', source: jue('公务用车购置及运行维护费10.00万元，其中：购置车辆1辆，购置费8.00万元；运行维护费3.00万元。') },
    { name: 'changes in a list are no parts (比上年)', source: jue('公用经费10.00万元，其中：办公费8.00万元，比上年增加6.00万元。') },
    { name: 'a 收入 and a 支出 of one 总计 (one part is the whole): no partition', source: jue('收入总计100.00万元，其中：本年收入100.00万元，年初结转20.00万元。') },
    { name: 'a nested list (其中 inside 其中) is not summed as one sentence', source: jue('公用经费10.00万元，其中：办公费8.00万元，其中：水费6.00万元。') },
    { name: 'a 其中 after the sentence of its total ended: no total', source: jue('公用经费10.00万元。其中办公费8.00万元、水费6.00万元。') },
    { name: 'a list word without amounts after it', source: jue('公用经费10.00万元，主要包括：办公费、水费。') },
  ],
  invalid: [
    {
      name: 'seed 002 附件: listed parts above the total (300 vs 310)',
      source: jue('项目预算费用«300万元»，预算安排为接待费80万元，差旅费130万元，印刷费10万元租赁费15万元，大型活动专场费75万元。'),
      message: '“安排为”所列各项之和 310万元 超过总数 300万元（差 10）', severity: 'error', fix: null,
      related: ['80万元«80万元»', '130万元«130万元»', '10万元«10万元»', '15万元«15万元»', '75万元«75万元»'],
    },
    {
      name: 'an amount in 元 is converted (3800元 = 0.38万元)',
      source: jue('公用经费 «2.59万元»。主要包括：办公费0.32万元、水费0.06万元、差旅费2.40万元、其他3800元。'),
      message: '“主要包括”所列各项之和 3.16万元 超过总数 2.59万元（差 0.57）',
      related: ['0.32万元«0.32万元»', '0.06万元«0.06万元»', '2.40万元«2.40万元»', '3800元«3800元»'],
    },
    {
      name: 'a 其中 list whose parts are numbered paragraphs （一）（二）（三） (014 “三公”)',
      source: Y25('2025年“三公”经费预算数为«867.50万元»，与2024年预算持平。其中：\n（一）因公出国（境）费849万元，与2024年预算持平。\n（二）公务用车购置及运行费0万元，与2024年预算持平。其中：公务用车购置费0万元；公务用车运行费0万元。\n（三）公务接待费28.50万元，与2024年预算持平。'),
      message: '“其中”所列各项之和 877.50万元 超过总数 867.50万元（差 10.00）',
      related: ['849万元«849万元»', '0万元«0万元»', '28.50万元«28.50万元»'],
    },
    {
      name: 'a list of 1. 2. paragraphs after 具体情况如下 (000)',
      source: jue('2023年度总支出335.56万元，其中本年支出«335.56万元»。具体情况如下：\n1.基本支出224.55万元，比上年决算数减少11.91万元，下降5.04%。\n2.项目支出121.01万元，比上年决算数减少30.41万元，下降20.09%。'),
      message: '“具体情况如下”所列各项之和 345.56万元 超过总数 335.56万元（差 10.00）',
    },
    {
      name: 'a 其中 that ends its line, then unnumbered lines up to the 。 (001 二、)',
      source: jue('本年收入合计«100.00万元»，其中：\n财政拨款收入90.00万元，占90.00%；\n其他收入20.00万元，占20.00%。'),
      message: '“其中”所列各项之和 110.00万元 超过总数 100.00万元（差 10.00）',
    },
    {
      name: 'the 年初预算 of the items of a 其中 list against the one stated before (template 五（三）, 020)',
      source: jue('一般公共预算财政拨款支出年初预算为«300.00万元»，支出决算为290.00万元，完成年初预算的96.67%。其中：\n1、一般公共服务支出（类）统计信息事务（款）行政运行（项）。主要用于：运转。年初预算为200.00万元，支出决算为195.00万元。\n2、一般公共服务支出（类）统计信息事务（款）事业运行（项）。主要用于：运转。年初预算为110.00万元，支出决算为95.00万元。'),
      message: '“其中”所列各项的年初预算之和 310.00万元 ≠ 300.00万元（差 10.00）',
      related: ['200.00万元«200.00万元»', '110.00万元«110.00万元»'],
    },
    {
      name: 'a column of figures may not name fewer than the whole either',
      source: jue('一般公共预算财政拨款支出年初预算为«300.00万元»，支出决算为290.00万元。其中：\n1、行政运行。年初预算为200.00万元，支出决算为195.00万元。\n2、事业运行。年初预算为90.00万元，支出决算为95.00万元。'),
      message: '“其中”所列各项的年初预算之和 290.00万元 ≠ 300.00万元（差 10.00）',
      related: ['200.00万元«200.00万元»', '90.00万元«90.00万元»'],
    },
    {
      name: 'the 决算 of clauses separated by ； (001 “三公”)',
      source: jue('“三公”经费全年预算 44.10万元，支出决算 «31.21万元»，完成预算的 70.77%。其中：因公出国（境）费全年预算 10.00万元，支出决算 10.00万元，完成预算的 100.00%；公务用车购置及运行维护费全年预算 14.50万元，支出决算 14.49万元，完成预算的 99.93%；公务接待费全年预算 19.60万元，支出决算 5.72万元，完成预算的 29.18%。'),
      message: '“其中”所列各项的支出决算之和 30.21万元 ≠ 31.21万元（差 1.00）',
      related: ['10.00万元«10.00万元»', '14.49万元«14.49万元»', '5.72万元«5.72万元»'],
    },
    {
      name: 'a list that ends by restating its total (合计1170.00万, 012): the restatement is no part',
      source: Y25('2025年度项目总预算«1170.00万»，其中支持企业规模化发展970.00万，支持企业创新化发展70.00万，支持企业协同化发展180.00万，支持企业国际化发展50.00万，合计1170.00万。'),
      message: '“其中”所列各项之和 1270.00万元 超过总数 1170.00万（差 100.00）',
      related: ['970.00万«970.00万»', '70.00万«70.00万»', '180.00万«180.00万»', '50.00万«50.00万»'],
    },
    {
      name: 'the 人次/辆 exclusion is by those words: the same list without counts is summed',
      source: jue('公务接待费«10.00万元»，其中：国内接待费用8.00万元；外宾接待3.00万元。'),
      message: '“其中”所列各项之和 11.00万元 超过总数 10.00万元（差 1.00）',
      related: ['8.00万元«8.00万元»', '3.00万元«3.00万元»'],
    },
    {
      name: 'a change before the list word is skipped to find the total',
      source: jue('公用经费«10.00万元»，比上年增加2.00万元，主要包括：办公费8.00万元、水费6.00万元。'),
      message: '“主要包括”所列各项之和 14.00万元 超过总数 10.00万元（差 4.00）',
      related: ['8.00万元«8.00万元»', '6.00万元«6.00万元»'],
    },
    {
      name: 'two parts each equal to the total (no part is another amount: no 收支 duality)',
      source: jue('本年收入«100.00万元»，其中：财政拨款收入100.00万元，其他收入100.00万元。'),
      message: '“其中”所列各项之和 200.00万元 超过总数 100.00万元（差 100.00）',
    },
  ],
  rounding: [
    {
      name: '001 (二) 社会保障: 49.22 + 41.69 + 12.59 = 103.50 for 103.52: within rounding of the items’ 决算',
      source: jue('社会保障和就业支出年初预算为100.00万元，决算数为«103.52万元»。其中：\n1、行政单位离退休（项）。年初预算为50.00万元，决算数为49.22万元。\n2、机关事业单位基本养老保险缴费支出（项）。年初预算为40.00万元，决算数为41.69万元。\n3、机关事业单位职业年金缴费支出（项）。年初预算为10.00万元，决算数为12.59万元。'),
      message: '“其中”所列各项的决算数之和 103.50万元 ≠ 103.52万元（差 0.02，在舍入误差以内，可能为尾数误差）',
    },
    {
      name: 'a list of amounts a little above its total, within rounding',
      source: jue('公用经费«1.0万元»，其中：办公费0.52万元、水费0.52万元。'),
      message: '“其中”所列各项之和 1.04万元 ≠ 1.0万元（差 0.04，在舍入误差以内，可能为尾数误差）',
    },
    {
      name: 'a list of fewer parts whose sum is below the total within rounding: a 尾数误差 note',
      source: jue('公用经费«10.0万元»，主要包括：办公费4.00万元、水费5.99万元。'),
      message: '“主要包括”所列各项之和 9.99万元 ≠ 10.0万元（差 0.01，在舍入误差以内，可能为尾数误差）',
    },
  ],
});
