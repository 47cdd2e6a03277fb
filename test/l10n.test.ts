/**
 * Message language: every message the service writes exists in English (data/messages.en.json),
 * and a check in English says the same findings as in Chinese, each of them translated.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, Finding, getLanguageService, language, parseReport, ReportRef } from '../server/src/service';
import * as vscodeL10n from '@vscode/l10n';
import { englishBundle, setLanguage, t } from '../server/src/service/l10n';
import { RULES } from '../server/src/service/rules/registry';
import { main } from '../server/src/cli/jsgk';
import { ROOT, sampleFiles } from './helpers/samples';

const SRC = path.join(ROOT, 'server', 'src');
/** data/messages.en.json and the messages every rule module brings. */
const BUNDLE = (void RULES, englishBundle()) as Record<string, string>;
const FILE_BUNDLE = JSON.parse(fs.readFileSync(path.join(SRC, 'service', 'data', 'messages.en.json'), 'utf8')) as Record<string, string>;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? tsFiles(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
}

/** Keys written as l10n.t('…') in the sources, and the message tables passed to l10n.t by value. */
function keysInSources(): Set<string> {
  const keys = new Set<string>();
  for (const f of tsFiles(SRC)) {
    const s = fs.readFileSync(f, 'utf8');
    for (const m of s.matchAll(/l10n\.t\('((?:[^'\\]|\\.)*)'/g)) keys.add(m[1].replace(/\\'/g, "'").replace(/\\n/g, '\n'));
  }
  // tables whose values go through l10n.t(value): YAML messages, type names, catalogue statuses
  const parser = fs.readFileSync(path.join(SRC, 'service', 'frontends', 'yaml.ts'), 'utf8');
  const yamlTables = parser.slice(parser.indexOf('const YAML_CODES'), parser.indexOf('function yamlMessage'));
  for (const m of yamlTables.matchAll(/'([^']*[\u4e00-\u9fff][^']*)'/g)) keys.add(m[1]);
  const schema = fs.readFileSync(path.join(SRC, 'service', 'frontends', 'schema.ts'), 'utf8');
  for (const m of schema.slice(schema.indexOf('const TYPE_ZH'), schema.indexOf('function typeOf')).matchAll(/'([^']+)'/g)) keys.add(m[1]);
  const kemu = fs.readFileSync(path.join(SRC, 'service', 'kemu.ts'), 'utf8');
  for (const m of kemu.slice(kemu.indexOf('STATUS_TEXT'), kemu.indexOf('};', kemu.indexOf('STATUS_TEXT'))).matchAll(/: '([^']+)'/g)) keys.add(m[1]);
  const walk = (o: unknown) => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) {
      if ((k === 'errorMessage' || k === 'patternErrorMessage') && typeof v === 'string') keys.add(v);
      else walk(v);
    }
  };
  walk(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'report.schema.json'), 'utf8')));
  return keys;
}

const placeholders = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

describe('message language (简体中文 and English)', () => {
  after(() => setLanguage('zh-cn'));

  it('t() formats as @vscode/l10n does, in both languages (templates compiled once)', () => {
    const cases: Array<[string, Array<string | number>]> = [
      ['{0}：{1}', ['某中心', '45.00']], ['{0}：{1}', ['某中心', '']], ['{0} {1} ≠ {2} {3}（差 {4}）', ['合计', '1.00', '各项之和', '2.00', '1.00']],
      ['（空）', []], ['所属 {0} 个单位之和', [99]], ['{0}：{1}', ['只有一个']], ['{0}{x}{01}{1}', ['a', 'b']], ['{1}{0}{1}', ['a', 'b']],
      ['{0}', ['{1}']], ['not a message of ours {0}', ['z']],
    ];
    for (const lang of ['zh-cn', 'en'] as const) {
      setLanguage(lang);
      // the reference: @vscode/l10n with the same bundle
      vscodeL10n.config({ contents: lang === 'en' ? { ...BUNDLE } : {} });
      for (const [m, args] of cases) for (let k = 0; k < 2; k++) assert.strictEqual(t(m, ...args), vscodeL10n.t(m, ...args), `${lang}: ${m} ${JSON.stringify(args)}`);
    }
    assert.strictEqual(t('{0}：{1}', 'a', 'b'), 'a: b', 'English is really on');
    setLanguage('zh-cn');
    assert.strictEqual(t('{0}：{1}', 'a', 'b'), 'a：b');
  });

  it('every message of the sources has an English translation, and the bundle has no stale entry', () => {
    const keys = keysInSources();
    assert.ok(keys.size > 150, `only ${keys.size} messages found: the extraction is broken`);
    const missing = [...keys].filter((k) => !(k in BUNDLE));
    assert.deepStrictEqual(missing, []);
    const stale = Object.keys(FILE_BUNDLE).filter((k) => !keys.has(k));
    assert.deepStrictEqual(stale, []);
    // a rule's messages are the ones its module writes
    for (const r of RULES) {
      const src = keysInSources();
      const unused = Object.keys(r.meta.messages).filter((k) => !src.has(k));
      assert.deepStrictEqual(unused, [], `${r.meta.id}: messages it does not write`);
    }
  });

  it('each translation keeps the placeholders of its message', () => {
    const bad = Object.entries(BUNDLE).filter(([k, v]) => placeholders(k).join() !== placeholders(v).join()).map(([k]) => k);
    assert.deepStrictEqual(bad, []);
  });

  /** Checks every sample and the 部门/单位 example in one language; findings keyed by file, rule and range. */
  function findingsIn(lang: 'zh-cn' | 'en'): Map<string, Finding> {
    const out = new Map<string, Finding>();
    const files = [...sampleFiles(), ...fs.readdirSync(path.join(ROOT, 'examples', '部门与所属单位')).map((f) => path.join(ROOT, 'examples', '部门与所属单位', f))];
    const texts = files.map((f) => ({ f, text: fs.readFileSync(f, 'utf8') }));
    // broken inputs for the parser and schema messages
    texts.push({ f: 'broken-1', text: '报告:\n  类型: 部门决算\n  年度: 二〇二三\n  单位: 某单位\n  颜色: 红\n表 收入决算表:\n  列: [本年收入合计, 财政拨款收入]\n  行:\n    - 合计: 1,68.40 12.3.4 5\n' });
    texts.push({ f: 'broken-2', text: '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 某单位\n表 收入决算表:\n  行:\n    - 合计 335.56\n名词解释:\n  - 1.基本支出: a\n  - 1.基本支出: b\n' });
    texts.push({ f: 'broken-3', text: '部门概况: [\n' });
    const refs: ReportRef[] = texts.map((x) => ({ uri: x.f, report: parseReport(x.text).report }));
    const ls = getLanguageService({ settings: { ...DEFAULT_SETTINGS, language: lang }, others: () => refs });
    for (const { f, text } of texts) for (const x of ls.check(f, text).findings) out.set(`${f}|${x.rule}|${x.range.start}|${x.range.end}|${out.size}`, x);
    return out;
  }

  it('in English the same findings are found, and every message, fix and related note is translated', () => {
    const zh = [...findingsIn('zh-cn').values()];
    assert.strictEqual(language(), 'zh-cn');
    const en = [...findingsIn('en').values()];
    assert.strictEqual(language(), 'en');
    assert.strictEqual(en.length, zh.length);
    assert.ok(zh.length > 60, `${zh.length} findings`);
    const untranslated: string[] = [];
    zh.forEach((z, i) => {
      const e = en[i];
      assert.deepStrictEqual([e.rule, e.range], [z.rule, z.range]);
      if (e.message === z.message) untranslated.push(z.message);
      (z.fixes ?? []).forEach((fx, j) => { if (e.fixes![j].title === fx.title) untranslated.push(fx.title); });
      // a related note that is only an amount as written ("120.92万元") has nothing to translate
      (z.related ?? []).forEach((r, j) => { if (e.related![j].message === r.message && !/^[-\d.,]+ ?(万元|万|元|%)?$/.test(r.message)) untranslated.push(r.message); });
    });
    assert.deepStrictEqual(untranslated, []);
    // a few whole sentences, as a reader sees them
    const m = en.map((x) => x.message);
    assert.ok(m.includes('Wrong amount unit: "万5.00元" should be "5.00万元"'), m.join('\n'));
    assert.ok(m.includes('公开05表 2011308 招商引资 (本年支出/小计) 120.00 ≠ the sum of its 2 units 125.00 (difference 5.00); 20113, 201, 合计 differ as a consequence'), m.join('\n'));
    assert.ok(m.some((x) => x.startsWith('Amount "1,68.40" has misplaced thousands separators')), m.join('\n'));
    setLanguage('zh-cn');
  });

  it('jsgk check --lang en writes the findings and the summary in English; a wrong value is a usage error', async () => {
    let out = '';
    const code = await main(['check', '--lang', 'en', path.join(ROOT, 'examples', '部门与所属单位')], (s) => { out += s; }, () => undefined);
    assert.strictEqual(code, 1);
    assert.match(out, /error units\.sum: 公开05表 2011308 招商引资 \(本年支出\/小计\) 120\.00 ≠ the sum of its 2 units 125\.00/);
    assert.match(out, /Checked 3 files: 2 errors, 0 warnings, 0 notes\n$/);
    let err = '';
    assert.strictEqual((await main(['check', '--lang', 'fr', 'samples'], () => undefined, (s) => { err += s; })), 2);
    assert.match(err, /--lang 只能是 zh-cn 或 en/);
    setLanguage('zh-cn');
  });
});
