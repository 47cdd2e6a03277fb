/**
 * Every setting, at the service level (getLanguageService({ settings })) and through the command line
 * (jsgk.config.json, package.json's "jsgk" key, flags): the editor and the CLI show the same findings
 * for the same settings.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applySettings, DEFAULT_SETTINGS, getLanguageService, readSettings, Settings } from '../server/src/service';
import { inlayHints } from '../server/src/service/features/inlay';
import { main } from '../server/src/cli/jsgk';
import { JUE } from './helpers/rule-tester';

// sum.total: 310.00 ≠ 300.00 (error); 302 = 18.57 vs 18.56 (a 尾数误差 note of sum.children); kemu.name (warning)
const TEXT = JUE + '表 支出明细表:\n  列: [本年支出合计]\n  行:\n    - 合计: 310.00\n    - 201 一般公共服务支出: 270.00\n    - 20113 商贸事务: 270.00\n    - 208 社会保障和就业支出: 30.00\n\n'
  + '表 一般公共预算财政拨款基本支出决算表:\n  列: [决算数]\n  行:\n    - 302 商品和服务支出: 18.57\n    - 30201 办公费: 10.00\n    - 30217 公务招待费: 8.56\n';
const check = (s: Partial<Settings>, text = TEXT) => getLanguageService({ settings: { ...DEFAULT_SETTINGS, ...s, severity: { ...s.severity } } }).check('mem://s.jsgk.yaml', text);
const view = (s: Partial<Settings>, text = TEXT) => check(s, text).findings.map((f) => `${f.rule}:${f.severity}${f.rounding ? ':rounding' : ''}`).sort();

describe('settings in the service', () => {
  afterEach(() => getLanguageService({ settings: DEFAULT_SETTINGS })); // language back to zh-cn

  it('defaults: each rule at its own severity, 尾数误差 notes as information', () => {
    assert.deepStrictEqual(view({}), ['kemu.name:warning', 'sum.children:information:rounding', 'sum.total:error']);
  });

  it('severity per rule: a level overrides the rule\'s, for its findings only (not its 尾数误差 notes)', () => {
    assert.deepStrictEqual(view({ severity: { 'sum.total': 'warning', 'kemu.name': 'hint', 'sum.children': 'error' } }), ['kemu.name:hint', 'sum.children:information:rounding', 'sum.total:warning']);
  });

  it('severity off hides a rule, its 尾数误差 notes included', () => {
    assert.deepStrictEqual(view({ severity: { 'sum.total': 'off', 'sum.children': 'off' } }), ['kemu.name:warning']);
  });

  for (const r of ['warning', 'hint', 'information'] as const) {
    it(`rounding ${r}: 尾数误差 notes shown as ${r}, other findings unchanged`, () => {
      assert.deepStrictEqual(view({ rounding: r }), ['kemu.name:warning', `sum.children:${r}:rounding`, 'sum.total:error']);
    });
  }
  it('rounding off: no 尾数误差 notes', () => {
    assert.deepStrictEqual(view({ rounding: 'off' }), ['kemu.name:warning', 'sum.total:error']);
  });

  it('kemuEdition: the 科目 rules check against that edition instead of the report\'s 年度', () => {
    const t = JUE + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 2011377 某项: 1.00\n';
    const msg = (s: Partial<Settings>) => check(s, t).findings.find((f) => f.rule === 'kemu.unknown')!.message;
    assert.match(msg({}), /请核对2023 版政府收支分类科目$/);
    assert.match(msg({ kemuEdition: '2025' }), /请核对2025 版政府收支分类科目$/);
  });

  it('language: messages in English, and back in Chinese', () => {
    const en = check({ language: 'en' }).findings.find((f) => f.rule === 'sum.total')!;
    assert.strictEqual(en.message, '合计 310.00 ≠ the sum of the 类 300.00 (difference 10.00)');
    const zh = check({ language: 'zh-cn' }).findings.find((f) => f.rule === 'sum.total')!;
    assert.strictEqual(zh.message, '合计 310.00 ≠ 各类之和 300.00（差 10.00）');
  });

  it('inlayHints: off none, mismatches only ≈ and ≠, all every checked total', () => {
    const res = check({});
    const labels = (w: Settings['inlayHints']) => inlayHints(res, 0, Number.MAX_SAFE_INTEGER, w).map((h) => h.label.trim());
    assert.deepStrictEqual(labels('off'), []);
    assert.deepStrictEqual(labels('mismatches'), ['Σ 300.00 ≠', 'Σ 18.56 ≈']);
    assert.deepStrictEqual(labels('all'), ['Σ 300.00 ≠', 'Σ 270.00 ✓', 'Σ 18.56 ≈']);
  });

  it('applySettings leaves its input untouched and keeps findings it does not change as they are', () => {
    const f = [
      { rule: 'sum.total', severity: 'error' as const, message: 'a', range: { start: 0, end: 1 } },
      { rule: 'sum.total', severity: 'error' as const, rounding: true, message: 'b', range: { start: 2, end: 3 } },
      { rule: 'kemu.name', severity: 'warning' as const, message: 'c', range: { start: 4, end: 5 } },
    ];
    const copy = JSON.parse(JSON.stringify(f));
    const out = applySettings(f, { ...DEFAULT_SETTINGS, severity: { 'sum.total': 'hint' }, rounding: 'warning' });
    assert.deepStrictEqual(f, copy);
    assert.deepStrictEqual(out.map((x) => [x.message, x.severity]), [['a', 'hint'], ['b', 'warning'], ['c', 'warning']]);
    assert.strictEqual(out[2], f[2]);
    assert.deepStrictEqual(applySettings(f, { ...DEFAULT_SETTINGS, rounding: 'off' }).map((x) => x.message), ['a', 'c']);
    assert.deepStrictEqual(applySettings(f, { ...DEFAULT_SETTINGS, severity: { 'sum.total': 'off' } }).map((x) => x.message), ['c']);
  });

  it('readSettings: every key read; unknown keys, rule ids and values are problems, never silently accepted', () => {
    const ok = readSettings({ severity: { 'sum.total': 'off' }, rounding: 'hint', kemuEdition: 2024, language: 'en', inlayHints: 'all' });
    assert.deepStrictEqual(ok.problems, []);
    assert.deepStrictEqual(ok.settings, { severity: { 'sum.total': 'off' }, rounding: 'hint', kemuEdition: '2024', language: 'en', inlayHints: 'all' });
    const bad = readSettings({ severity: { 'no.such': 'error', 'sum.total': 'loud' }, rounding: 'always', kemuEdition: '24', language: 'fr', inlayHints: true, colour: 1 });
    assert.deepStrictEqual(bad.problems.map((p) => p.key), ['severity.no.such', 'severity.sum.total', 'rounding', 'kemuEdition', 'language', 'inlayHints', 'colour']);
    assert.deepStrictEqual(bad.settings, DEFAULT_SETTINGS);
    assert.deepStrictEqual(bad.problems.map((p) => p.message), [
      '没有规则“no.such”（规则见 README 的规则表）',
      '“sum.total”的严重程度应为 error、warning、information、hint 或 off，而这里是“loud”',
      '“rounding”应为 information、warning、hint 或 off，而这里是“always”',
      '“kemuEdition”应为四位年份（或空），而这里是“24”',
      '“language”应为 zh-cn 或 en，而这里是“fr”',
      '“inlayHints”应为 off、mismatches 或 all，而这里是“true”',
      '不认识的设置“colour”（可用：severity、rounding、kemuEdition、language、inlayHints）',
    ]);
    assert.deepStrictEqual(readSettings([1]).problems, [{ key: 'jsgk', message: '设置应为键值对（{"severity": {…}, "rounding": …}）' }]);
    assert.deepStrictEqual(readSettings('x').problems.map((p) => p.key), ['jsgk']);
    assert.deepStrictEqual(readSettings(null), { settings: DEFAULT_SETTINGS, problems: [] });
    assert.deepStrictEqual(readSettings({ severity: ['a'] }).problems, [{ key: 'severity', message: '“severity”应为 {规则: 严重程度} 的键值对' }]);
    for (const v of ['', '2024', 2024]) assert.strictEqual(readSettings({ kemuEdition: v }).settings.kemuEdition, String(v));
    for (const v of [999, 10000, 2024.5, '２０２４', ' 2024']) assert.strictEqual(readSettings({ kemuEdition: v }).problems.length, 1, String(v));
    for (const v of ['information', 'warning', 'hint', 'off'] as const) assert.strictEqual(readSettings({ rounding: v }).settings.rounding, v);
    for (const v of ['off', 'mismatches', 'all'] as const) assert.strictEqual(readSettings({ inlayHints: v }).settings.inlayHints, v);
    for (const v of ['zh-cn', 'en'] as const) assert.strictEqual(readSettings({ language: v }).settings.language, v);
    for (const v of ['error', 'warning', 'information', 'hint', 'off']) assert.deepStrictEqual(readSettings({ severity: { 'sum.total': v } }).settings.severity, { 'sum.total': v });
    assert.strictEqual(readSettings({ severity: { 'sum.total': 3 } }).problems.length, 1);
    assert.deepStrictEqual(readSettings({ severity: 'off' }).problems.map((p) => p.key), ['severity']);
  });
});

describe('settings on the command line (jsgk.config.json, package.json "jsgk", flags)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-settings-'));
  const cwd = process.cwd();
  const report = path.join(tmp, 'r.jsgk.yaml');
  fs.writeFileSync(report, TEXT);
  const run = async (args: string[], files: Record<string, string> = {}) => {
    for (const f of ['jsgk.config.json', 'package.json', 'other.json']) fs.rmSync(path.join(tmp, f), { force: true });
    for (const [n, c] of Object.entries(files)) fs.writeFileSync(path.join(tmp, n), c);
    process.chdir(tmp);
    let out = '';
    let err = '';
    try {
      const code = await main(['check', 'r.jsgk.yaml', '--format', 'json', ...args], (s) => (out += s), (s) => (err += s));
      const findings = code === 2 ? [] : (JSON.parse(out) as { findings: Array<{ rule: string; severity: string }> }).findings.map((f) => `${f.rule}:${f.severity}`).sort();
      return { code, findings, err };
    } finally {
      process.chdir(cwd);
    }
  };
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('without settings: the defaults (exit 1: an error)', async () => {
    const r = await run([]);
    assert.deepStrictEqual([r.code, r.findings], [1, ['kemu.name:warning', 'sum.children:information', 'sum.total:error']]);
  });

  it('jsgk check honours a severity set in jsgk.config.json (the error made a warning: exit 0)', async () => {
    const r = await run([], { 'jsgk.config.json': JSON.stringify({ severity: { 'sum.total': 'warning' } }) });
    assert.deepStrictEqual([r.code, r.findings, r.err], [0, ['kemu.name:warning', 'sum.children:information', 'sum.total:warning'], '']);
  });

  it('the "jsgk" key of package.json, when there is no jsgk.config.json', async () => {
    const r = await run([], { 'package.json': JSON.stringify({ name: 'x', jsgk: { severity: { 'sum.total': 'off' }, rounding: 'off' } }) });
    assert.deepStrictEqual([r.code, r.findings], [0, ['kemu.name:warning']]);
    const both = await run([], { 'package.json': JSON.stringify({ jsgk: { rounding: 'off' } }), 'jsgk.config.json': '{"rounding": "hint"}' });
    assert.deepStrictEqual(both.findings, ['kemu.name:warning', 'sum.children:hint', 'sum.total:error']);
  });

  it('flags override the file: --severity rule=level (repeatable), --rounding, --kemu-edition; --config names another file', async () => {
    const r = await run(['--severity', 'sum.total=hint', '--severity=kemu.name=off', '--rounding', 'warning'], { 'jsgk.config.json': '{"severity": {"sum.total": "warning"}}' });
    assert.deepStrictEqual([r.code, r.findings], [0, ['sum.children:warning', 'sum.total:hint']]);
    const c = await run(['--config', 'other.json'], { 'other.json': '{"severity": {"kemu.name": "error"}}' });
    assert.deepStrictEqual(c.findings, ['kemu.name:error', 'sum.children:information', 'sum.total:error']);
    const e = await run(['--kemu-edition', '2025', '--format', 'json']);
    assert.strictEqual(e.code, 1);
  });

  it('unknown keys, rule ids and values are said, with where they come from, and nothing is checked (exit 2)', async () => {
    const r = await run([], { 'jsgk.config.json': '{"severity": {"sum.totl": "off"}, "colour": "red"}' });
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /^jsgk\.config\.json: severity\.sum\.totl: 没有规则“sum\.totl”/m);
    assert.match(r.err, /^jsgk\.config\.json: colour: 不认识的设置“colour”/m);
    const f = await run(['--rounding', 'loud']);
    assert.strictEqual(f.code, 2);
    assert.match(f.err, /^命令行: rounding: “rounding”应为 information、warning、hint 或 off，而这里是“loud”/m);
    assert.strictEqual((await run(['--severity', 'sum.total'])).code, 2);
    assert.match((await run([], { 'jsgk.config.json': '{not json' })).err, /^jsgk\.config\.json: 不是有效的 JSON/);
    assert.strictEqual((await run([], { 'jsgk.config.json': '[]' })).code, 2);
  });
});
