/**
 * text.share: “（部分）A万元，占 x%” against part ÷ whole, by the interval rule. The whole is the amount the
 * enumeration hangs on in the same sentence, or the amount written right after the term the share names
 * (占本年支出合计的 x%) anywhere in the 情况说明.
 */
import { RuleTester } from '../helpers/rule-tester';
import { jue } from './narrative';

RuleTester.run('text.share', {
  valid: [
    { name: 'seed 002: 353.2 and 349.78 of 702.98', source: jue('2023年度本年支出合计702.98万元，其中：基本支出353.2万元，占50.24%；项目支出349.78万元，占49.76%。') },
    { name: 'a named whole written in another sentence', source: jue('本年支出合计702.98万元。\n一般公共预算财政拨款支出702.98万元，占本年支出合计的100%。') },
    { name: 'no whole to be found: nothing is said', source: jue('因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算5万元，占100%。') },
    { name: 'a part larger than the amount before it is not its share (the whole is elsewhere)', source: jue('其中基本支出10.00万元，项目支出353.20万元，占50.24%。') },
    { name: 'the part and its 占 in different sentences: no share', source: jue('本年支出合计200.00万元，基本支出50.00万元。占26.00%的是项目。') },
    { name: 'the share window: more than 12 characters between the part and its 占 (another clause)', source: jue('本年支出合计200.00万元，其中：基本支出50.00万元，主要用于人员工资和日常公用，占26.00%。') },
    { name: 'the whole of an unnamed share is in its own sentence only', source: jue('本年支出合计200.00万元。基本支出50.00万元，占26.00%。') },
    { name: 'a named whole that is written nowhere: nothing is said', source: jue('一般公共预算财政拨款支出351.49万元，占本年支出合计的100%。') },
    { name: 'a named whole written with 为', source: jue('本年支出合计为702.98万元。\n一般公共预算财政拨款支出351.49万元，占本年支出合计的50%。') },
    { name: 'a share of a share (人员经费占30.00% of 基本支出’s 50.00%) is not measured against the amount', source: jue('本年支出合计200.00万元，基本支出占50.00%，其中人员经费占30.00%。') },
  ],
  invalid: [
    {
      name: 'seed 002: 349.78 ÷ 702.98 = 49.76%, written 49.75%',
      source: jue('2023年度本年支出合计702.98万元，其中：基本支出353.2万元，占50.24%；项目支出349.78万元，占«49.75%»。'),
      message: '占比应为 49.76%（349.78万元 ÷ 702.98万元 = 49.76%），文中写的是 49.75%', severity: 'error', fix: '49.76%', safe: false,
      related: ['部分：349.78万元«349.78万元»', '总数：702.98万元«702.98万元»'], fixTitle: '将占比改为 49.76%',
    },
    {
      name: 'the whole named (占本年支出合计的 x%): the amount after that term elsewhere in the text',
      source: jue('本年支出合计702.98万元。\n一般公共预算财政拨款支出351.49万元，占本年支出合计的«100%»。'),
      message: '占比应为 50%（351.49万元 ÷ 702.98万元 = 50%），文中写的是 100%', fix: '50%',
      related: ['部分：351.49万元«351.49万元»', '总数：702.98万元«702.98万元»'], fixTitle: '将占比改为 50%',
    },
    {
      name: 'a named whole written with 为 before its amount',
      source: jue('本年支出合计为702.98万元。\n一般公共预算财政拨款支出351.49万元，占本年支出合计的«60%»。'),
      message: /^占比应为 50%（351\.49万元 ÷ 702\.98万元/,
      related: ['部分：351.49万元«351.49万元»', '总数：702.98万元«702.98万元»'], fixTitle: '将占比改为 50%',
    },
    {
      name: 'a named whole with thousands separators (本年支出合计为1,687.40万元: once past the reader’s 8-character window)',
      source: jue('本年支出合计为1,687.40万元。\n一般公共预算财政拨款支出843.70万元，占本年支出合计的«60.00%»。'),
      message: '占比应为 50.00%（843.70万元 ÷ 1,687.40万元 = 50.00%），文中写的是 60.00%',
      related: ['部分：843.70万元«843.70万元»', '总数：1,687.40万元«1,687.40万元»'], fixTitle: '将占比改为 50.00%',
    },
    {
      name: 'the share window: 12 characters between the part and its 占 still make a share',
      source: jue('本年支出合计200.00万元，其中：基本支出50.00万元，主要用于发放工资等，占«26.00%»。'),
      message: '占比应为 25.00%（50.00万元 ÷ 200.00万元 = 25.00%），文中写的是 26.00%',
      related: ['部分：50.00万元«50.00万元»', '总数：200.00万元«200.00万元»'], fixTitle: '将占比改为 25.00%',
    },
    {
      name: 'the other parts of the enumeration (each with its own 占) are skipped to find the whole',
      source: jue('本年支出合计200.00万元，其中：基本支出50.00万元，占25.00%；项目支出150.00万元，占«76.00%»。'),
      message: /^占比应为 75\.00%（150\.00万元 ÷ 200\.00万元/,
      related: ['部分：150.00万元«150.00万元»', '总数：200.00万元«200.00万元»'], fixTitle: '将占比改为 75.00%',
    },
    {
      name: 'a whole in 元 is converted: 5,000,000.00元 = 500万元',
      source: jue('本年支出合计5,000,000.00元，其中：基本支出100.00万元，占«25.00%»。'),
      message: '占比应为 20.00%（100.00万元 ÷ 5,000,000.00元 = 20.00%），文中写的是 25.00%',
      related: ['部分：100.00万元«100.00万元»', '总数：5,000,000.00元«5,000,000.00元»'], fixTitle: '将占比改为 20.00%',
    },
    {
      name: 'a part equal to the whole is a share of it (100%)',
      source: jue('本年支出合计200.00万元，其中：财政拨款支出200.00万元，占«90.00%»。'),
      message: /^占比应为 100\.00%/,
      related: ['部分：200.00万元«200.00万元»', '总数：200.00万元«200.00万元»'], fixTitle: '将占比改为 100.00%',
    },
    {
      name: 'parts without a comma before 占 are skipped to find the whole',
      source: jue('本年支出合计200.00万元，其中：基本支出50.00万元占25.00%；项目支出150.00万元占«76.00%»。'),
      message: '占比应为 75.00%（150.00万元 ÷ 200.00万元 = 75.00%），文中写的是 76.00%',
    },
    {
      name: 'parts with a space before 占 are skipped too',
      source: jue('本年支出合计200.00万元，其中：基本支出50.00万元， 占25.00%；项目支出150.00万元， 占«76.00%»。'),
      message: '占比应为 75.00%（150.00万元 ÷ 200.00万元 = 75.00%），文中写的是 76.00%',
    },
    {
      name: 'a named whole written more than 40 characters into the text',
      source: jue('本单位2023年度认真贯彻落实上级各项决策部署，严格执行年初预算，厉行节约，各项工作有序推进，本年支出合计702.98万元。\n一般公共预算财政拨款支出351.49万元，占本年支出合计的«100%»。'),
      message: '占比应为 50%（351.49万元 ÷ 702.98万元 = 50%），文中写的是 100%', related: ['部分：351.49万元«351.49万元»', '总数：702.98万元«702.98万元»'],
    },
  ],
  rounding: [
    {
      name: '1.00 ÷ 3.00 = 33.33%, written 33.34%: within rounding',
      source: jue('本年支出合计3.00万元，其中：基本支出1.00万元，占«33.34%»。'),
      message: '占比按 1.00万元 ÷ 3.00万元 = 33.33%，文中写 33.34%（在舍入误差以内，可能为尾数误差）',
    },
  ],
});
