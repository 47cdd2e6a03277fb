import * as assert from 'assert';
import { getLanguageService, Finding } from '../server/src/service';
import { hover } from '../server/src/service/features';
import { sample } from './helpers/samples';
import { applyFix, extractMarkers } from './helpers/markers';

const HEAD = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n  金额单位: 万元\n\n';
const narrative = (body: string) => HEAD + '情况说明:\n  - 一、说明: |\n      ' + body.split('\n').join('\n      ') + '\n';

function check(text: string): Finding[] {
  return getLanguageService().check('mem://n', text).findings;
}


interface Case {
  rule: string;
  name: string;
  /** A sentence that is right: no finding of this rule (nor a rounding note for it). */
  good: string;
  /** The same kind of sentence, wrong; «» marks where the finding sits. */
  bad: string;
  message: RegExp;
  /** The text after applying the finding's quick fix, if it has one. */
  fixed?: string;
}

const CASES: Case[] = [
  {
    rule: 'text.share', name: '占 x% = 部分 ÷ 总数 (seed 002: 349.78 / 702.98 = 49.76%)',
    good: '2023年度本年支出合计702.98万元，其中：基本支出353.2万元，占50.24%；项目支出349.78万元，占49.76%。',
    bad: '2023年度本年支出合计702.98万元，其中：基本支出353.2万元，占50.24%；项目支出349.78万元，占«49.75%»。',
    message: /占比应为 49\.76%（349\.78万元 ÷ 702\.98万元 = 49\.76%），文中写的是 49\.75%/,
    fixed: '项目支出349.78万元，占49.76%。',
  },
  {
    rule: 'text.share', name: '占 <总数名称> 的 x% (the whole named elsewhere)',
    good: '本年支出合计702.98万元。\n一般公共预算财政拨款支出702.98万元，占本年支出合计的100%。',
    bad: '本年支出合计702.98万元。\n一般公共预算财政拨款支出351.49万元，占本年支出合计的«100%»。',
    message: /占比应为 50%/,
  },
  {
    rule: 'text.change', name: '减少 a，下降 r%: r = a / (本年 + a) (seed 001: 减少 200.48, 13.48% → 10.62%)',
    good: '本年支出决算合计 1,687.40万元。与上年决算相比，减少 200.48万元，下降 10.62%。',
    bad: '本年支出决算合计 1,687.40万元。与上年决算相比，减少 200.48万元，减少 «13.48%»。',
    message: /推算上年为 1887\.88万元，减少率应为 10\.62%，文中写的是 13\.48%/,
    fixed: '减少 200.48万元，减少 10.62%。',
  },
  {
    rule: 'text.change', name: '增加 a，增长 r%: r = a / (本年 − a) (seed 000: 三公 41.27, 增加 36.47, 增长 759.79%)',
    good: '“三公”经费支出总额为41.27万元，与2022年度决算相比增加36.47万元，增长759.79%。',
    bad: '“三公”经费支出总额为41.27万元，与2022年度决算相比增加36.47万元，增长«75.98%»。',
    message: /增长率应为 759\.79%/,
  },
  {
    rule: 'text.direction', name: '增加 goes with 增长, 减少 with 下降',
    good: '一般公共预算财政拨款收入335.56万元，比上年决算数减少42.32万元，下降11.20%。',
    bad: '一般公共预算财政拨款收入335.56万元，比上年决算数减少42.32万元，«增长11.20%»。',
    message: /增减方向前后矛盾/,
  },
  {
    rule: 'text.sign', name: '“增加 -4.79万元”: the sign contradicts the word (seed 001)',
    good: '年初结转和结余 0.00万元。与上年决算相比，减少 4.79万元。',
    bad: '年初结转和结余 0.00万元。与上年决算相比，«增加 -4.79万元»。',
    message: /负数与“增加”矛盾，应写作“减少 4\.79万元”/,
    fixed: '与上年决算相比，减少 4.79万元。',
  },
  {
    rule: 'text.contradiction', name: 'the same total said to rise and then to fall (seed 001)',
    good: '收、支总计 1,687.40万元。与上年决算相比，收、支总计各增加 200.48万元。\n本年支出决算合计 1,687.40万元。与上年决算相比，增加 200.48万元。',
    bad: '收、支总计 1,687.40万元。与上年决算相比，收、支总计各增加 200.48万元。\n本年支出决算合计 1,687.40万元。与上年决算相比，«减少 200.48万元»。',
    message: /前面说“增加200\.48万元”，这里说“减少200\.48万元”/,
  },
  {
    rule: 'text.zeroBase', name: 'a growth rate from a zero base',
    good: '公务接待费支出 2.60万元，与上年相比增加 2.60万元。',
    bad: '公务接待费支出 2.60万元，与上年相比增加 2.60万元，«增长100.00%»。',
    message: /上年数为 0/,
  },
  {
    rule: 'text.completion', name: '完成年初预算的 z% = 决算 ÷ 年初预算 (seed 001: 116.97% → 116.96%)',
    good: '年初预算437.15万元，支出决算511.29万元，完成年初预算的116.96%。',
    bad: '年初预算437.15万元，支出决算511.29万元，完成年初预算的«116.97%»。',
    message: /完成率应为 116\.96%（511\.29万元 ÷ 437\.15万元 = 116\.96%），文中写的是 116\.97%/,
    fixed: '完成年初预算的116.96%。',
  },
  {
    rule: 'text.sum', name: 'listed parts above the total (seed 002 附件: 300 vs 310)',
    good: '项目预算费用300万元，预算安排为接待费80万元，差旅费130万元，印刷费10万元，大型活动专场费75万元。',
    bad: '项目预算费用«300万元»，预算安排为接待费80万元，差旅费130万元，印刷费10万元租赁费15万元，大型活动专场费75万元。',
    message: /所列各项之和 310万元 超过总数 300万元（差 10）/,
  },
  {
    rule: 'text.sum', name: '主要包括 may list fewer parts than the whole; an amount in 元 is converted',
    good: '公用经费 25.59万元。主要包括：办公费0.32万元、水费0.06万元、差旅费2.40万元。',
    bad: '公用经费 «2.59万元»。主要包括：办公费0.32万元、水费0.06万元、差旅费2.40万元、其他3800元。',
    message: /各项之和 3\.16万元 超过总数 2\.59万元/,
  },
  {
    rule: 'text.placeholder', name: 'template leftovers: XX.X%, 增加（减少）',
    good: '完成年初预算的104.44%。',
    bad: '年初预算0万元，支出决算12.59万元，完成年初预算的«XX.X%»。',
    message: /模板占位符“XX\.X%”/,
  },
  {
    rule: 'text.placeholder', name: 'template leftovers: 增加（减少）',
    good: '比上年增加1.42万元，增长3.37%。',
    bad: '比上年«增加（减少）»1.42万元。',
    message: /模板占位符/,
  },
  {
    rule: 'text.unit', name: 'a garbled unit: 支出决算万5.00元 (seed 001)',
    good: '年初预算0万元，支出决算5.00万元。',
    bad: '年初预算0万元，支出决算«万5.00元»。',
    message: /“万5\.00元”应为“5\.00万元”/,
    fixed: '支出决算5.00万元。',
  },
  {
    rule: 'text.duplicate', name: 'the same word twice: 增长增长 (seed 002)',
    good: '一般公共预算财政拨款支出增加95.83万元，增长15.78%。',
    bad: '一般公共预算财政拨款支出增加95.83万元，«增长增长»15.78%。',
    message: /“增长”连写了两次/,
    fixed: '增加95.83万元，增长15.78%。',
  },
  {
    rule: 'text.year', name: 'a year that is not the report’s where the template expects it (seed 000)',
    good: '对2023年度一般公共预算项目支出全面开展绩效自评。与2022年度决算相比持平。',
    bad: '组织对«2022年»度政府性基金预算项目支出开展绩效自评。',
    message: /2022 年，而报告年度是 2023 年/,
  },
];

describe('情况说明 checks (data-driven: a right sentence and a wrong one each)', () => {
  for (const c of CASES) {
    describe(`${c.rule}: ${c.name}`, () => {
      it('says nothing about the right sentence', () => {
        const fs = check(narrative(c.good));
        const bad = fs.filter((f) => f.rule === c.rule || f.rule.startsWith('text.'));
        assert.deepStrictEqual(bad.map((f) => `${f.rule}: ${f.message}`), []);
      });
      it('finds the mistake at the right place', () => {
        const { text, ranges } = extractMarkers(narrative(c.bad));
        const fs = check(text);
        const f = fs.find((x) => x.rule === c.rule);
        assert.ok(f, `expected ${c.rule}, got ${JSON.stringify(fs.map((x) => [x.rule, x.message]))}`);
        assert.match(f!.message, c.message);
        assert.deepStrictEqual([f!.range.start, f!.range.end], [ranges[0].start, ranges[0].end], `at “${text.slice(f!.range.start, f!.range.end)}”, expected “${text.slice(ranges[0].start, ranges[0].end)}”`);
        if (c.fixed) {
          const after = applyFix(text, f!);
          assert.ok(after.includes(c.fixed), after);
          assert.ok(!check(after).some((x) => x.rule === c.rule), 'the fix removes the finding');
        }
      });
    });
  }

  it('a rounding-explained percentage is a 尾数误差 note, not an error (001: 31.21 ÷ 44.10 = 70.77% written 70.76%)', () => {
    const fs = check(narrative('“三公”经费全年预算 44.10万元，支出决算 31.21万元，完成预算的 70.76%。'));
    assert.ok(!fs.some((f) => f.rule === 'text.completion' && !f.rounding));
    const r = fs.find((f) => f.rounding);
    assert.ok(r && /70\.77%.*70\.76%.*尾数误差/.test(r.message), JSON.stringify(fs.map((f) => f.message)));
  });

  it('a placeholder whose value can be computed gets a fix with the computed value', () => {
    const text = narrative('年初预算22.95万元，支出决算23.97万元，完成年初预算的XX.X%。');
    const f = check(text).find((x) => x.rule === 'text.placeholder')!;
    assert.strictEqual(f.fixes![0].title, '改为计算值 104.4%（23.97万元 ÷ 22.95万元）');
    assert.ok(applyFix(text, f).includes('完成年初预算的104.4%。'));
    const zero = check(narrative('年初预算0万元，支出决算12.59万元，完成年初预算的XX.X%。')).find((x) => x.rule === 'text.placeholder')!;
    assert.strictEqual(zero.fixes, undefined, 'no fix where the base is 0');
  });

  it('a 科目 written as 201（…）13（…）08（…） is linked to that row of the table', () => {
    const table = '\n表 一般公共预算财政拨款支出决算表:\n  列: [小计, 基本支出, 项目支出]\n  行:\n    - 2011308 招商引资: 299.97 0.00 299.97\n';
    const ok = narrative('2.201（一般公共服务）13（商贸事务）08（招商引资）:支出决算为299.97万元，完成预算100%。') + table;
    const r = getLanguageService().check('cl', ok);
    assert.deepStrictEqual(r.links.map((l) => [l.text, l.where, l.verdict]), [['299.97万元', '一般公共预算财政拨款支出决算表 招商引资（小计）', 'ok']]);
    const bad = narrative('2.201（一般公共服务）13（商贸事务）08（招商引资）:支出决算为«289.97万元»，完成预算100%。'.replace(/[«»]/g, '')) + table;
    const f = check(bad).find((x) => x.rule === 'text.table')!;
    assert.strictEqual(f.message, '“2011308”文中写 289.97万元，而一般公共预算财政拨款支出决算表 招商引资（小计）为 299.97万元');
  });

  it('the same amount written with 万 and with 元 in one paragraph', () => {
    const fs = check(narrative('年初资金总额为180.00万，1-12月阶段实际执行«180.00元»，执行率为100.00%。'.replace(/[«»]/g, ''))).filter((f) => f.rule === 'text.unit');
    assert.deepStrictEqual(fs.map((f) => f.message), ['同一金额 180.00 在同一段中一处写“万”，这里写“元”：单位可能写错']);
    assert.deepStrictEqual(check(narrative('年初资金总额为180.00万，1-12月阶段实际执行180.00万，执行率为100.00%。其他收入380.96元。')).filter((f) => f.rule.startsWith('text.')), []);
  });

  it('a 项目自评综述 is compared with its 绩效自评表: score exactly, amounts by the interval rule', () => {
    const perf = '\n绩效自评 口岸运转费:\n  资金:\n    列: [年初预算数, 全年预算数, 全年执行数]\n    行:\n      - 年度资金总额: 180.00 180.00 180.00\n  指标:\n    列: [一级指标, 二级指标, 三级指标, 分值, 得分]\n    行:\n      - [产出指标, 数量指标, 次数, 100, 99]\n  合计: 100 99\n';
    const good = narrative('2.口岸运转费项目自评综述：项目自评得分99分。全年预算数为180.00万元，执行数为180.00万元，完成预算的100.00%。') + perf;
    assert.deepStrictEqual(check(good).filter((f) => f.rule === 'text.perf'), []);
    const bad = narrative('2.口岸运转费项目自评综述：项目自评得分100.00分。全年预算数为180.00万元，执行数为170.00万元，完成预算的94.44%。') + perf;
    const fs = check(bad).filter((f) => f.rule === 'text.perf').map((f) => f.message);
    assert.deepStrictEqual(fs, ['“口岸运转费”的自评得分文中写 100.00 分，而其绩效自评表合计得分为 99 分', '“口岸运转费”的全年执行数文中写 170.00万元，而其绩效自评表为 180.00万元']);
  });

  it('says nothing where the whole of a share cannot be found', () => {
    const fs = check(narrative('因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算5万元，占100%。'));
    assert.deepStrictEqual(fs.map((f) => f.message), []);
  });
});

describe('情况说明 findings in the samples of the seeds', () => {
  const ls = getLanguageService();
  const findings = (s: string) => ls.check(s, sample(s).text).findings.filter((f) => f.rule.startsWith('text.'));
  const summary = (s: string) => findings(s).map((f) => `${f.rule}: ${f.message}`);

  it('000: two years left from last year, 增加0 written for no change; every amount that names a table cell agrees with it', () => {
    const got = summary('000');
    assert.deepStrictEqual(got.filter((m) => m.startsWith('text.year')).length, 2);
    assert.deepStrictEqual(got.filter((m) => m.startsWith('text.flat')).length, 4);
    assert.deepStrictEqual(got.filter((m) => !/^text\.(year|flat)/.test(m)), []);
    const r = ls.check('000', sample('000').text);
    assert.strictEqual(r.links.length, 13);
    assert.ok(r.links.every((l) => l.verdict === 'ok'));
  });

  it('001: the real mistakes of the narrative are found', () => {
    const got = summary('001');
    const errors = findings('001').filter((f) => f.severity === 'error').map((f) => f.message);
    for (const re of [
      /同一数额（1,687\.40万元）前面说“增加200\.48万元”，这里说“减少200\.48万元”/,
      /减少率应为 10\.62%，文中写的是 13\.48%/,
      /占比应为 100\.00%（1,687\.36万元 ÷ 1,687\.40万元 = 100\.00%），文中写的是 99\.99%/,
      /占比应为 0\.00%（0\.04万元 ÷ 1,687\.40万元 = 0\.00%），文中写的是 0\.01%/,
      /完成率应为 116\.96%.*116\.97%/,
      /“万5\.00元”应为“5\.00万元”/,
      /模板占位符“XX\.X%”/,
      /“口岸运转费”的自评得分文中写 100\.00 分，而其绩效自评表合计得分为 99 分/,
    ]) assert.ok(errors.some((m) => re.test(m)), `missing ${re} in ${JSON.stringify(errors)}`);
    assert.strictEqual(errors.length, 8, JSON.stringify(errors));
    assert.strictEqual(got.filter((m) => m.startsWith('text.sign')).length, 2);
    // 口岸运转费项目评价报告: 年初资金总额为180.00万，…实际执行180.00元，…全年预计执行180.00元
    assert.strictEqual(got.filter((m) => m.startsWith('text.unit: 同一金额 180.00')).length, 2);
    assert.ok(got.some((m) => /text\.duplicate: “支出”连写了两次/.test(m)));
    assert.ok(got.some((m) => /主要包括”所列各项之和 648\.50万元 ≠ 648\.49万元/.test(m)));
  });

  it('002: 49.75% (twice), 增长增长, and 300 vs 310 in the annex', () => {
    const errors = findings('002').filter((f) => f.severity === 'error').map((f) => f.message);
    assert.strictEqual(errors.filter((m) => /占比应为 49\.76%.*49\.75%/.test(m)).length, 2);
    assert.ok(errors.some((m) => /所列各项之和 310万元 超过总数 300万元/.test(m)));
    assert.strictEqual(errors.length, 3, JSON.stringify(errors));
    assert.ok(summary('002').some((m) => m === 'text.duplicate: “增长”连写了两次'));
  });

  it('004: a correct budget narrative gets no finding', () => {
    assert.deepStrictEqual(summary('004'), []);
  });

  it('hover on a linked amount shows the table cell it agrees with', () => {
    const { text } = sample('000');
    const r = ls.check('000h', text);
    const at = text.indexOf('1.基本支出224.55万元') + '1.基本支出'.length + 1;
    const h = hover(r, text, at)!;
    assert.match(h.contents, /对应 公开03表 合计（基本支出）：224\.55　✓ 一致/);
  });
});
