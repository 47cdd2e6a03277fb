/**
 * text.completion: “完成（年初）预算的 z%” against 决算 ÷ 预算, with the figures of its sentence (or of the
 * sentence before too): exactly one 决算, and the budget the rate names — 年初预算 for 完成年初预算的; for
 * 完成预算的 the one budget stated, or with several the one the rate follows from (全年 before 预算数 before
 * 年初 when none does). A budget of 0 is text.zeroBase's.
 */
import { RuleTester } from '../helpers/rule-tester';
import { jue } from './narrative';

RuleTester.run('text.completion', {
  valid: [
    { name: 'seed 001: 511.29 ÷ 437.15 = 116.96%', source: jue('年初预算437.15万元，支出决算511.29万元，完成年初预算的116.96%。') },
    { name: '完成预算的 with two budgets: it follows from the 全年预算', source: jue('年初预算为100.00万元，全年预算为120.00万元，支出决算为108.00万元，完成预算的90.00%。') },
    { name: '完成预算的 with two budgets: it follows from the 年初预算', source: jue('年初预算为100.00万元，全年预算为120.00万元，支出决算为108.00万元，完成预算的108.00%。') },
    { name: 'the figures in the sentence before', source: jue('年初预算100.00万元，全年预算120.00万元。支出决算为108.00万元，完成年初预算的108.00%。') },
    { name: 'two 年初预算 for 完成年初预算的: which one is meant is not certain', source: jue('年初预算为100.00万元，年初预算为120.00万元，支出决算为108.00万元，完成年初预算的100.00%。') },
    { name: 'two 决算: not certain', source: jue('年初预算为100.00万元，支出决算为108.00万元，决算支出为90.00万元，完成年初预算的100.00%。') },
    { name: 'a 决算 without a budget: nothing to compare', source: jue('支出决算为108.00万元，完成年初预算的100.00%。') },
    { name: 'a budget of 0: text.zeroBase’s', source: jue('年初预算0万元，支出决算12.59万元，完成年初预算的100.00%。') },
    { name: 'a percentage that is no completion rate', source: jue('年初预算为100.00万元，支出决算为108.00万元，占比为50.00%。') },
  ],
  invalid: [
    {
      name: 'seed 001: 511.29 ÷ 437.15 = 116.96%, written 116.97%',
      source: jue('年初预算437.15万元，支出决算511.29万元，完成年初预算的«116.97%»。'),
      message: '完成率应为 116.96%（511.29万元 ÷ 437.15万元 = 116.96%），文中写的是 116.97%', severity: 'error', fix: '116.96%', safe: false,
      related: ['预算数：437.15万元«437.15万元»', '决算（执行）数：511.29万元«511.29万元»'], fixTitle: '将完成率改为 116.96%',
    },
    {
      name: 'a 完成年初预算的 rate that follows from the 全年预算 instead',
      source: jue('年初预算为100.00万元，全年预算为120.00万元，支出决算为108.00万元，完成年初预算的«90.00%»。'),
      message: '“完成年初预算的90.00%”是按全年预算 120.00万元 算的（108.00万元 ÷ 120.00万元 = 90.00%）；按所说的年初预算 100.00万元，完成率应为 108.00%', fix: '108.00%',
      related: ['全年预算：120.00万元«120.00万元»'], fixTitle: '将完成率改为 108.00%',
    },
    {
      name: '完成预算的 with two budgets, following from neither: against the 全年预算',
      source: jue('年初预算为100.00万元，全年预算为120.00万元，支出决算为108.00万元，完成预算的«95.00%»。'),
      message: '完成率应为 90.00%（108.00万元 ÷ 120.00万元 = 90.00%），文中写的是 95.00%', fix: '90.00%',
      related: ['预算数：120.00万元«120.00万元»', '决算（执行）数：108.00万元«108.00万元»'], fixTitle: '将完成率改为 90.00%',
    },
    {
      name: '完成预算的 with 预算数 and 年初预算: against the 预算数',
      source: jue('年初预算为120.00万元，预算数为100.00万元，支出决算为96.00万元，完成预算的«50.00%»。'),
      message: '完成率应为 96.00%（96.00万元 ÷ 100.00万元 = 96.00%），文中写的是 50.00%',
      related: ['预算数：100.00万元«100.00万元»', '决算（执行）数：96.00万元«96.00万元»'], fixTitle: '将完成率改为 96.00%',
    },
    {
      name: '完成预算的 with a 全年预算 and a 年初预算 of 0: against the 全年预算',
      source: jue('年初预算为0万元，全年预算为120.00万元，支出决算为108.00万元，完成预算的«95.00%»。'),
      message: '完成率应为 90.00%（108.00万元 ÷ 120.00万元 = 90.00%），文中写的是 95.00%',
      related: ['预算数：120.00万元«120.00万元»', '决算（执行）数：108.00万元«108.00万元»'], fixTitle: '将完成率改为 90.00%',
    },
    {
      name: 'the figures in the sentence before',
      source: jue('年初预算100.00万元，全年预算120.00万元。支出决算为108.00万元，完成年初预算的«100.00%»。'),
      message: '完成率应为 108.00%（108.00万元 ÷ 100.00万元 = 108.00%），文中写的是 100.00%',
    },
    {
      name: '完成年初预算的 with only a 全年预算 stated: against it',
      source: jue('全年预算为120.00万元，支出决算为108.00万元，完成年初预算的«100.00%»。'),
      message: '完成率应为 90.00%（108.00万元 ÷ 120.00万元 = 90.00%），文中写的是 100.00%',
      related: ['预算数：120.00万元«120.00万元»', '决算（执行）数：108.00万元«108.00万元»'], fixTitle: '将完成率改为 90.00%',
    },
    {
      name: '执行率为 after 全年预算数 and 执行数 (a 项目自评综述)',
      source: jue('全年预算数为100.00万元，执行数为96.00万元，执行率为«95.00%»。'),
      message: '完成率应为 96.00%（96.00万元 ÷ 100.00万元 = 96.00%），文中写的是 95.00%',
      related: ['预算数：100.00万元«100.00万元»', '决算（执行）数：96.00万元«96.00万元»'], fixTitle: '将完成率改为 96.00%',
    },
    {
      name: 'both figures in the rate’s own sentence: the sentence before (with its own figures) is not read',
      source: jue('年初预算为50.00万元，支出决算为40.00万元。年初预算为100.00万元，支出决算为96.00万元，完成年初预算的«95.00%»。'),
      message: '完成率应为 96.00%（96.00万元 ÷ 100.00万元 = 96.00%），文中写的是 95.00%', fix: '96.00%',
    },
    {
      name: 'the 决算 in the sentence before one that has the 年初预算 and a base (上年决算)',
      source: jue('支出决算为96.00万元。上年决算为80.00万元，年初预算为100.00万元，完成年初预算的«95.00%»。'),
      message: '完成率应为 96.00%（96.00万元 ÷ 100.00万元 = 96.00%），文中写的是 95.00%', fix: '96.00%',
    },
  ],
  rounding: [
    {
      name: '001: 31.21 ÷ 44.10 = 70.77%, written 70.76%',
      source: jue('“三公”经费全年预算 44.10万元，支出决算 31.21万元，完成预算的 «70.76%»。'),
      message: '完成率按 31.21万元 ÷ 44.10万元 = 70.77%，文中写 70.76%（在舍入误差以内，可能为尾数误差）',
    },
    {
      name: '完成预算的 within rounding of the other budget stated',
      source: jue('年初预算为100.00万元，全年预算为120.00万元，支出决算为108.00万元，完成预算的«108.01%»。'),
      message: '完成率按 108.00万元 ÷ 100.00万元 = 108.00%，文中写 108.01%（在舍入误差以内，可能为尾数误差）',
    },
  ],
});
