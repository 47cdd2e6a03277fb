/**
 * The table rules on the samples of the seeds. The cases that specify each rule are in
 * test/rules/ (one file per rule, RuleTester).
 */
import * as assert from 'assert';
import { getLanguageService } from '../server/src/service';
import * as fs from 'fs';
import * as path from 'path';
import { allSampleFiles, sample } from './helpers/samples';




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

describe('a check that keeps nothing for later (recheck: false, the command line)', () => {
  it('finds, covers and totals what a check that keeps its results finds, on every sample, and again after an edit', () => {
    for (const f of allSampleFiles()) {
      const text = fs.readFileSync(f, 'utf8');
      const kept = getLanguageService();
      const once = getLanguageService({ recheck: false });
      const show = (r: ReturnType<typeof kept.check>) => ({
        findings: r.findings.map((x) => `${x.rule}|${x.severity}|${x.range.start}|${x.range.end}|${x.message}|${x.fixes?.length ?? 0}`),
        coverage: r.coverage.map((c) => `${c.table.key}|${c.checked}|${c.missing.map((m) => m.rule + m.why).join(';')}`),
        totals: r.totals.map((t) => `${t.rule}|${t.range.start}|${t.verdict}|${t.computed.toString()}`).sort(),
        examined: [...r.examined].sort(),
      });
      assert.deepStrictEqual(show(once.check(f, text)), show(kept.check(f, text)), path.basename(f));
      // a second check of an edited text (the kept results are replayed for the unchanged tables)
      const edited = text.replace(/(\d)\.(\d\d)\b/, (_m, a, b) => `${(Number(a) + 1) % 10}.${b}`);
      assert.deepStrictEqual(show(once.check(f, edited)), show(kept.check(f, edited)), path.basename(f) + ' edited');
    }
  });
});
