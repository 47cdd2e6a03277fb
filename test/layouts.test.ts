/**
 * Layouts as data: one consistent report written in each layout variant that the data knows gets the
 * same checks, a planted error is found in each variant, a column no rule knows never produces a
 * finding (the coverage says why), a variant added from data alone is checked by every rule, and every
 * rule runs on some sample.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CheckResult, getLanguageService, parseReport, ReportRef, RULES } from '../server/src/service';
import { extendLayouts, findColumn, resetLayouts, tableKindOf } from '../server/src/service/layouts';
import { TablePart } from '../server/src/service/model';
import { coverageSummary } from '../server/src/service/features/coverage';
import { allSampleFiles, ROOT } from './helpers/samples';

const JUE = '报告:\n  类型: 部门决算\n  年度: 2024\n  单位: 某局\n  金额单位: 万元\n\n';
const YU = '报告:\n  类型: 部门预算\n  年度: 2025\n  单位: 某局\n  金额单位: 万元\n\n';
const check = (t: string): CheckResult => getLanguageService().check(`v${Math.random()}.jsgk.yaml`, t);
/** The checks made on a text, as a sorted list of “rule verdict” (what was compared, and how it came out). */
const checks = (r: CheckResult) => r.totals.map((t) => `${t.rule} ${t.verdict}`).sort();
const errors = (r: CheckResult) => r.findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort();

interface Variant { name: string; text: (v: Record<string, string>) => string }

/** Each group: the variants of one table, written with the same numbers; `bad` changes one part. */
const GROUPS: Array<{ name: string; numbers: Record<string, string>; bad: Record<string, string>; variants: Variant[] }> = [
  {
    name: '财政拨款“三公”经费支出决算表: measure first (national) and item first (上海)',
    numbers: { p: '10.00', pa: '2.00', pc: '6.00', pb: '1.00', pr: '5.00', pj: '2.00', a: '9.00', aa: '2.00', ac: '5.50', ab: '1.00', ar: '4.50', aj: '1.50' },
    bad: { aj: '1.60' },
    variants: [
      { name: 'measure first', text: (v) => JUE + `表 财政拨款“三公”经费支出决算表:\n  列: [预算数/合计, 预算数/因公出国（境）费, 预算数/公务用车购置及运行维护费/小计, 预算数/公务用车购置及运行维护费/公务用车购置费, 预算数/公务用车购置及运行维护费/公务用车运行维护费, 预算数/公务接待费, 决算数/合计, 决算数/因公出国（境）费, 决算数/公务用车购置及运行维护费/小计, 决算数/公务用车购置及运行维护费/公务用车购置费, 决算数/公务用车购置及运行维护费/公务用车运行维护费, 决算数/公务接待费]\n  行:\n    - "": ${v.p} ${v.pa} ${v.pc} ${v.pb} ${v.pr} ${v.pj} ${v.a} ${v.aa} ${v.ac} ${v.ab} ${v.ar} ${v.aj}\n` },
      { name: 'item first (上海 2024 template)', text: (v) => JUE + `表 2024年财政拨款“三公”经费支出决算表:\n  列: [合计/预算数, 合计/决算数, 因公出国（境）费/预算数, 因公出国（境）费/决算数, 公务用车购置及运行费/小计/预算数, 公务用车购置及运行费/小计/决算数, 公务用车购置及运行费/购置费/预算数, 公务用车购置及运行费/购置费/决算数, 公务用车购置及运行费/运行费/预算数, 公务用车购置及运行费/运行费/决算数, 公务接待费/预算数, 公务接待费/决算数]\n  行:\n    - "": ${v.p} ${v.a} ${v.pa} ${v.aa} ${v.pc} ${v.ac} ${v.pb} ${v.ab} ${v.pr} ${v.ar} ${v.pj} ${v.aj}\n` },
    ],
  },
  {
    name: '政府性基金预算财政拨款收入支出决算表: 本年支出/小计 (national) and 本年支出/合计 (上海)',
    numbers: { o: '5.00', i: '48.00', t: '45.60', b: '0.00', p: '45.60', e: '7.40' },
    bad: { p: '44.60' },
    variants: [
      { name: '小计', text: (v) => JUE + `表 政府性基金预算财政拨款收入支出决算表:\n  列: [年初结转和结余, 本年收入, 本年支出/小计, 本年支出/基本支出, 本年支出/项目支出, 年末结转和结余]\n  行:\n    - 合计: ${v.o} ${v.i} ${v.t} ${v.b} ${v.p} ${v.e}\n` },
      { name: '合计', text: (v) => JUE + `表 政府性基金预算财政拨款收入支出决算表:\n  列: [年初结转和结余, 本年收入, 本年支出/合计, 本年支出/基本支出, 本年支出/项目支出, 年末结转和结余]\n  行:\n    - 合计: ${v.o} ${v.i} ${v.t} ${v.b} ${v.p} ${v.e}\n` },
    ],
  },
  {
    name: '收入预算总表: eleven columns (national) and one 财政拨款收入 column (上海)',
    numbers: { t: '100.00', f: '90.00', s: '10.00' },
    bad: { s: '11.00' },
    variants: [
      { name: 'national', text: (v) => YU + `表 部门收入总表:\n  列: [合计, 上年结转, 一般公共预算拨款收入, 政府性基金预算拨款收入, 国有资本经营预算拨款收入, 财政专户管理资金收入, 事业收入, 事业单位经营收入, 上级补助收入, 附属单位上缴收入, 其他收入]\n  行:\n    - 合计: ${v.t} 0.00 ${v.f} 0.00 0.00 0.00 ${v.s} 0.00 0.00 0.00 0.00\n` },
      { name: '上海', text: (v) => YU + `表 2025年部门收入预算总表:\n  单位: 万元\n  列: [收入预算/合计, 收入预算/财政拨款收入, 收入预算/事业收入, 收入预算/事业单位经营收入, 收入预算/其他收入]\n  行:\n    - 合计: ${v.t} ${v.f} ${v.s} 0.00 0.00\n` },
    ],
  },
  {
    name: '收支预算总表: sides 收入/支出 with 本年收入合计 (national) and 本年收入/本年支出 with 收入总计 (上海)',
    numbers: { a: '90.00', b: '10.00', t: '100.00', x: '60.00', y: '40.00', u: '100.00' },
    bad: { b: '11.00' },
    variants: [
      { name: 'national', text: (v) => YU + `表 部门收支总表:\n  收入:\n    列: [预算数]\n    行:\n      - 一、一般公共预算拨款收入: ${v.a}\n      - 二、事业收入: ${v.b}\n      - 本年收入合计: ${v.t}\n  支出:\n    列: [预算数]\n    行:\n      - 一、一般公共服务支出: ${v.x}\n      - 二、社会保障和就业支出: ${v.y}\n      - 本年支出合计: ${v.u}\n` },
      { name: '上海', text: (v) => YU + `表 2025年部门财务收支预算总表:\n  本年收入:\n    列: [预算数]\n    行:\n      - 一、财政拨款收入: ${v.a}\n      - 二、事业收入: ${v.b}\n      - 收入总计: ${v.t}\n  本年支出:\n    列: [预算数]\n    行:\n      - 一、一般公共服务支出: ${v.x}\n      - 二、社会保障和就业支出: ${v.y}\n      - 支出总计: ${v.u}\n` },
    ],
  },
  {
    name: '国有资本经营预算财政拨款表: three columns (national) and the six columns of the 政府性基金 table (上海)',
    numbers: { t: '20.00', b: '5.00', p: '15.00' },
    bad: { p: '16.00' },
    variants: [
      { name: 'three columns', text: (v) => JUE + `表 国有资本经营预算财政拨款支出决算表:\n  列: [小计, 基本支出, 项目支出]\n  行:\n    - 合计: ${v.t} ${v.b} ${v.p}\n` },
      { name: 'six columns', text: (v) => JUE + `表 国有资本经营预算财政拨款收入支出决算表:\n  列: [年初结转和结余, 本年收入, 本年支出/合计, 本年支出/基本支出, 本年支出/项目支出, 年末结转和结余]\n  行:\n    - 合计: 0.00 ${v.t} ${v.t} ${v.b} ${v.p} 0.00\n` },
    ],
  },
];

describe('layout variants (layouts.json): the same checks in every variant', () => {
  for (const g of GROUPS) {
    describe(g.name, () => {
      const results = g.variants.map((v) => ({ v, ok: check(v.text(g.numbers)), bad: check(v.text({ ...g.numbers, ...g.bad })) }));
      it('each variant is recognised, every rule of its table runs, and the numbers agree', () => {
        for (const { v, ok } of results) {
          const cov = coverageSummary(ok);
          assert.strictEqual(cov.length, 1, v.name);
          assert.deepStrictEqual(cov[0].missing, [], `${v.name}: ${JSON.stringify(cov[0].missing)}`);
          assert.ok(ok.totals.length > 0, v.name);
          assert.ok(ok.totals.every((t) => t.verdict === 'ok'), `${v.name}: ${ok.totals.filter((t) => t.verdict !== 'ok').map((t) => t.label).join('、')}`);
          assert.deepStrictEqual(errors(ok), [], v.name);
        }
      });
      it('the same rules check the same numbers in every variant', () => {
        const rulesOf = (r: CheckResult) => [...new Set(checks(r).map((c) => c.split(' ')[0]))].sort();
        for (const { v, ok } of results.slice(1)) assert.deepStrictEqual(rulesOf(ok), rulesOf(results[0].ok), v.name);
      });
      it('a planted error is found in each variant', () => {
        for (const { v, bad } of results) assert.ok(errors(bad).length > 0, `${v.name}: ${JSON.stringify(bad.findings.map((f) => f.message))}`);
        const ruleSets = results.map((x) => [...new Set(errors(x.bad))]);
        for (const s of ruleSets.slice(1)) assert.deepStrictEqual(s, ruleSets[0]);
      });
    });
  }
});

describe('a column no rule knows', () => {
  it('is never counted as 0: the identity does not run, the coverage says why, no error', () => {
    const t = YU + '表 部门支出总表:\n  列: [合计, 基本支出, 项目支出, 调整数]\n  行:\n    - 合计: 100.00 60.00 30.00 10.00\n    - 201 一般公共服务支出: 100.00 60.00 30.00 10.00\n';
    const r = check(t);
    assert.deepStrictEqual(errors(r), []);
    const cov = coverageSummary(r)[0];
    assert.ok(cov.missing.some((m) => m.rule === 'sum.columns' && m.why.includes('调整数')), JSON.stringify(cov.missing));
    assert.ok(r.findings.some((f) => f.rule === 'table.coverage' && f.message.includes('调整数')));
    // without it, the same numbers are an error (60 + 30 ≠ 100)
    const without = check(t.replace(', 调整数]', ']').replace(/ 10\.00\n/g, '\n'));
    assert.ok(errors(without).includes('sum.columns'));
  });
});

describe('columns found per header (findColumn, answered once for parts headed alike)', () => {
  after(resetLayouts);
  const part = (cols: Array<[string, 'amount' | 'text']>): TablePart =>
    ({ name: '', range: { start: 0, end: 0 }, rows: [], columns: cols.map(([name, kind]) => ({ name, kind, path: name.split('/'), range: { start: 0, end: 0 } })) }) as unknown as TablePart;
  it('a part whose columns have the same names but other kinds gets its own answer', () => {
    // 金额 names the only amount column of a part
    assert.deepStrictEqual(findColumn(part([['合计', 'amount'], ['说明', 'text']]), '金额'), { kind: 'column', index: 0 });
    assert.deepStrictEqual(findColumn(part([['合计', 'text'], ['说明', 'amount']]), '金额'), { kind: 'column', index: 1 });
    assert.deepStrictEqual(findColumn(part([['合计', 'amount'], ['说明', 'amount']]), '金额').kind, 'missing');
  });
  it('a part asked before is answered anew once the layouts change', () => {
    const p = part([['合计', 'amount'], ['公务车辆运行费', 'amount']]);
    assert.strictEqual(findColumn(p, '公务用车运行维护费').kind, 'missing');
    extendLayouts({ columnSynonyms: { 公务用车运行维护费: ['公务车辆运行费'] } });
    assert.deepStrictEqual(findColumn(p, '公务用车运行维护费'), { kind: 'column', index: 1 });
    assert.deepStrictEqual(findColumn(part([['合计', 'amount'], ['公务车辆运行费', 'amount']]), '公务用车运行维护费'), { kind: 'column', index: 1 });
    resetLayouts();
    assert.strictEqual(findColumn(p, '公务用车运行维护费').kind, 'missing');
  });
});

describe('a province template added from data alone (extendLayouts)', () => {
  after(resetLayouts);
  // A made-up template: its own title, measures named 计划数/实际数, and 公务车辆运行费 for the 运行维护费.
  const text = JUE + '表 三公经费执行情况统计表:\n  列: [计划数/合计, 计划数/因公出国（境）费, 计划数/公务用车购置及运行维护费/小计, 计划数/公务用车购置及运行维护费/公务用车购置费, 计划数/公务用车购置及运行维护费/公务车辆运行费, 计划数/公务接待费, 实际数/合计, 实际数/因公出国（境）费, 实际数/公务用车购置及运行维护费/小计, 实际数/公务用车购置及运行维护费/公务用车购置费, 实际数/公务用车购置及运行维护费/公务车辆运行费, 实际数/公务接待费]\n  行:\n    - "": 10.00 2.00 6.00 1.00 5.00 2.00 9.00 2.00 5.50 1.00 4.50 1.60\n';
  it('before: the table is not taken as standard (no rule claims it)', () => {
    assert.strictEqual(tableKindOf('三公经费执行情况统计表'), undefined);
    assert.deepStrictEqual(coverageSummary(check(text)), []);
  });
  it('after a data change only, every rule of the 三公 table runs on it and finds the planted error', () => {
    extendLayouts({ titles: { 决算09: ['三公经费执行情况统计表'] }, measures: { 预算数: ['计划数'], 决算数: ['实际数'] }, columnSynonyms: { 公务用车运行维护费: ['公务车辆运行费'] } });
    const r = check(text);
    const cov = coverageSummary(r);
    assert.strictEqual(cov[0].kind, '决算09');
    assert.deepStrictEqual(cov[0].missing, []);
    const rules = new Set(r.totals.map((t) => `${t.rule}|${t.label.replace(/^.*（|）$/g, '')}`));
    for (const total of ['计划数/合计', '计划数/公务用车购置及运行维护费/小计', '实际数/合计', '实际数/公务用车购置及运行维护费/小计']) assert.ok(rules.has(`sum.columns|${total}`), total);
    // 实际数/合计 9.00 ≠ 2.00 + 5.50 + 1.60
    assert.ok(r.findings.some((f) => f.rule === 'sum.columns' && f.severity === 'error' && f.message.includes('实际数/合计')), JSON.stringify(r.findings.map((f) => f.message)));
  });
});

describe('every rule runs on some sample (a rule that never runs anywhere is a defect)', () => {
  it('lists, for each rule, the samples it examined something in', () => {
    const ran = new Map<string, string[]>();
    const note = (id: string, where: string) => ran.set(id, [...(ran.get(id) ?? []), where]);
    for (const f of allSampleFiles()) {
      const r = getLanguageService().check(f, fs.readFileSync(f, 'utf8'));
      for (const [id, n] of r.examined) if (n > 0) note(id, path.basename(f).slice(0, 3));
    }
    // the 部门/单位 check needs other reports: the example of a 部门 and its units
    const dir = path.join(ROOT, 'examples', '部门与所属单位');
    const refs: ReportRef[] = fs.readdirSync(dir).map((f) => ({ uri: f, report: parseReport(fs.readFileSync(path.join(dir, f), 'utf8')).report }));
    const ls = getLanguageService({ others: () => refs });
    for (const f of fs.readdirSync(dir)) for (const [id, n] of ls.check(f, fs.readFileSync(path.join(dir, f), 'utf8')).examined) if (n > 0) note(id, 'examples');
    const never = RULES.filter((r) => r.run && !ran.has(r.meta.id)).map((r) => r.meta.id);
    const table = RULES.filter((r) => r.run).map((r) => `${r.meta.id}: ${(ran.get(r.meta.id) ?? []).join(' ')}`).join('\n');
    assert.deepStrictEqual(never, [], table);
  });
});

describe('tables in 元 next to tables in 万元 in one report', () => {
  const text = (six: string) => YU + '表 一般公共预算支出表:\n  单位: 元\n  列: [合计, 基本支出, 项目支出]\n  行:\n    - 合计: 1,000,000.00 600,000.00 400,000.00\n    - 201 一般公共服务支出: 1,000,000.00 600,000.00 400,000.00\n\n'
    + `表 一般公共预算基本支出表:\n  单位: 万元\n  列: [合计, 人员经费, 公用经费]\n  行:\n    - 合计: ${six}\n    - 301 工资福利支出: 40.00 40.00 0.00\n    - 302 商品和服务支出: 20.00 0.00 20.00\n`;
  it('are compared exactly, each in its own unit (600,000.00 元 = 60.00 万元)', () => {
    const r = check(text('60.00 40.00 20.00'));
    const t = r.totals.find((x) => x.rule === 'cross.预算05-06')!;
    assert.ok(t, 'cross.预算05-06 ran');
    assert.strictEqual(t.verdict, 'ok');
    assert.deepStrictEqual(errors(r), []);
  });
  it('and a difference of 0.01 万元 is an error, not hidden by the unit', () => {
    const r = check(text('60.01 40.01 20.00').replace('- 301 工资福利支出: 40.00 40.00 0.00', '- 301 工资福利支出: 40.01 40.01 0.00'));
    assert.ok(r.findings.some((f) => f.rule === 'cross.预算05-06' && f.severity === 'error'), JSON.stringify(r.findings.map((f) => f.message)));
  });
});
