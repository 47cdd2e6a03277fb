/**
 * The table rules on the samples of the seeds, and 出错说明. The cases that specify each rule are in
 * test/rules/ (one file per rule, RuleTester).
 */
import * as assert from 'assert';
import { getLanguageService, Finding } from '../server/src/service';
import { applyFix } from './helpers/markers';
import { sample } from './helpers/samples';

const JUE = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n  金额单位: 万元\n\n';

function check(text: string): Finding[] {
  return getLanguageService().check('mem://t', text).findings;
}


describe('findings in the samples of the seeds (tables)', () => {
  const ls = getLanguageService();
  const r000 = ls.check('000', sample('000').text);

  it('000: no real table error, only 尾数误差', () => {
    assert.deepStrictEqual(r000.findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
  });

  it('000: 公开06表 人员经费合计 205.97 vs 301 + 303 = 205.98 is 尾数误差, not an error', () => {
    const f = r000.findings.find((x) => x.rounding && x.rule === 'sum.total' && x.message.startsWith('人员经费合计 205.97 ≠ 各项之和 205.98（差 0.01'));
    assert.ok(f);
  });

  it('000: every 尾数误差 in its tables is found, each on its total cell', () => {
    const got = r000.findings.filter((f) => f.rounding).map((f) => f.message.replace(/（差.*$/, '') + `［${f.rule}］`);
    assert.deepStrictEqual(got.sort(), [
      '302 商品和服务支出 18.57 ≠ 其下各款之和 18.56［sum.children］',
      '人员经费合计 205.97 ≠ 各项之和 205.98［sum.total］',
      '公开05表 合计（本年支出/基本支出） 224.55 ≠ 公开06表中人员经费合计 + 公用经费合计 224.54［cross.05-06］',
      '合计（基本支出） 224.55 ≠ 各类之和 224.54［sum.total］',
      '合计（本年支出/基本支出） 224.55 ≠ 各类之和 224.54［sum.total］',
      '合计（本年支出/小计） 335.56 ≠ 各类之和 335.55［sum.total］',
      '合计（本年支出合计） 335.56 ≠ 各类之和 335.55［sum.total］',
      '合计（本年收入合计） 335.56 ≠ 各类之和 335.55［sum.total］',
      '合计（财政拨款收入） 335.56 ≠ 各类之和 335.55［sum.total］',
      '本年支出合计 335.56 ≠ 各项之和 335.55［sum.total］',
      '本年支出合计（一般公共预算财政拨款） 335.56 ≠ 各项之和 335.55［sum.total］',
      '本年支出合计（合计） 335.56 ≠ 各项之和 335.55［sum.total］',
    ].sort());
  });

  it('000: the checks cover the table rules, cross-table rules included, with computed values', () => {
    const rulesSeen = new Set(r000.totals.map((t) => t.rule));
    for (const r of ['sum.children', 'sum.total', 'sum.columns', 'cross.01-02', 'cross.01-03', 'cross.04-05', 'cross.05-06', 'cross.04-07', 'cross.04-08', 'cross.01-total', 'cross.04-total', 'cross.02-04']) {
      assert.ok(rulesSeen.has(r), `rule ${r} was evaluated`);
    }
    const t = r000.totals.find((x) => x.rule === 'cross.01-02')!;
    assert.strictEqual(t.computed.toString(), '335.56');
    assert.strictEqual(t.verdict, 'ok');
  });

  it('001 and 002: the 绩效自评表 totals add up (001 口岸运转费 99 = 10 + Σ 指标)', () => {
    for (const s of ['001', '002']) {
      const r = ls.check(s, sample(s).text);
      assert.deepStrictEqual(r.findings.filter((f) => f.rule.startsWith('perf')).map((f) => f.message), []);
      assert.ok(r.totals.filter((t) => t.rule === 'perf.total').length >= 2);
    }
    const r = ls.check('001b', sample('001').text);
    const t = r.totals.find((x) => x.rule === 'perf.total' && x.stated.toString() === '99')!;
    assert.strictEqual(t.computed.toString(), '99');
  });
});

describe('出错说明 (justifying a finding in the source)', () => {
  const base = JUE + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 合计: 310.00';
  const tail = '\n    - 201 一般公共服务支出: 270.00\n    - 208 社会保障和就业支出: 30.00\n';
  it('a trailing annotation turns that one finding off', () => {
    assert.ok(check(base + tail).some((f) => f.rule === 'sum.total'));
    const fs = check(base + '   # 出错说明(sum.total): 含待核销的暂付款，已与财政核对' + tail);
    assert.deepStrictEqual(fs.map((f) => f.rule), []);
  });
  it('an annotation on the line above also works, and one for another rule does not', () => {
    const above = JUE + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    # 出错说明: 原表如此\n    - 合计: 310.00' + tail;
    assert.deepStrictEqual(check(above).map((f) => f.rule), []);
    const other = check(base + '   # 出错说明(sum.children): 无关' + tail);
    assert.ok(other.some((f) => f.rule === 'sum.total'));
    assert.ok(other.some((f) => f.rule === 'annotation.unused'));
  });
  it('an unused annotation is reported with a fix that removes it', () => {
    const text = JUE + '名词解释:\n  - 基本支出: 定义  # 出错说明: 多余\n';
    const fs = check(text);
    const f = fs.find((x) => x.rule === 'annotation.unused')!;
    assert.ok(f);
    assert.strictEqual(text.slice(f.range.start, f.range.end), '# 出错说明: 多余');
    assert.ok(!applyFix(text, f).includes('出错说明'));
  });
});
