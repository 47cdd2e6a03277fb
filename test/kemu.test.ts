import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { builtinCatalogue, getLanguageService, importSpreadsheet, overrideCsv, parseOverrideCsv, Finding } from '../server/src/service';
import { completion, hover } from '../server/src/service/features';
import { nameVerdict } from '../server/src/service/rules/kemu/common';
import { buildCatalogue, readDecisions } from '../scripts/build-catalogue';
import { observedPairs } from '../scripts/kemu-observed';
import { main } from '../server/src/cli/jsgk';
import { ROOT, sample } from './helpers/samples';
import { applyFix } from './helpers/markers';

const cat = builtinCatalogue();
const HEAD = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n\n';
const check = (t: string): Finding[] => getLanguageService().check('mem://k', t).findings;

describe('科目 catalogue: agreement with every observed (code, name) pair', () => {
  const pairs = observedPairs(path.join(ROOT, 'data', 'kemu', 'reference'), ROOT);
  it('every observed pair agrees with the catalogue, or its disagreement was decided one by one', () => {
    let agree = 0;
    const decided: string[] = [];
    const undecided: string[] = [];
    for (const p of pairs) {
      const e = cat.get(p.code, 2024)!;
      assert.ok(e, `catalogue has ${p.code}`);
      const v = nameVerdict(p.name, e);
      if (v === 'ok' && e.name.replace(/\s/g, '') === p.name.replace(/\s/g, '').replace(/\(/g, '（').replace(/\)/g, '）')) agree++;
      else if (v !== 'differs') decided.push(`${p.code} ${p.name} → ${e.name}（${v}）`);
      else undecided.push(`${p.code} ${p.name} ≠ ${e.name}（${p.source}）`);
    }
    const figure = `科目目录与公开来源的一致率：${agree}/${pairs.length} 对一致（${((agree * 100) / pairs.length).toFixed(1)}%），${decided.length} 对不一致已逐条决定，${undecided.length} 对未决定`;
    console.log('      ' + figure);
    assert.deepStrictEqual(undecided, []);
    assert.ok(agree / pairs.length > 0.9, figure);
    assert.strictEqual(readDecisions().length, 12);
  });

  it('the committed kemu.json is what scripts/build-catalogue.ts produces from the data', () => {
    const { entries, undecided } = buildCatalogue(path.join(ROOT, 'data', 'kemu', 'reference'));
    assert.deepStrictEqual(undecided, []);
    const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'src', 'service', 'data', 'kemu.json'), 'utf8')).entries;
    assert.deepStrictEqual(committed, JSON.parse(JSON.stringify(entries)));
  });

  it('every entry says where it comes from, and 款/项 have their parents', () => {
    const all = cat.byPrefix('', 5000);
    assert.ok(all.length > 900);
    for (const e of all) {
      assert.ok(['checked', 'observed', 'compiled', 'compiled:pattern'].includes(e.status), e.code);
      assert.ok(e.sources.length > 0);
    }
    const counts = { checked: all.filter((e) => e.status === 'checked').length, observed: all.filter((e) => e.status === 'observed').length };
    console.log(`      目录 ${all.length} 条：已核对 ${counts.checked}，只见于公开来源 ${counts.observed}，其余为整理未核对`);
    assert.strictEqual(cat.get('2011308')!.name, '招商引资');
    assert.strictEqual(cat.get('2011308')!.status, 'checked');
    assert.deepStrictEqual(cat.path('2011308').map((e) => e.code), ['201', '20113', '2011308']);
  });
});

describe('科目 completion', () => {
  const table = (rows: string, title = '支出决算表', cols = '[本年支出合计]') => HEAD + `表 ${title}:\n  列: ${cols}\n  行:\n${rows}`;
  const at = (text: string) => {
    const r = getLanguageService().check('c', text);
    return completion(r, text, text.length, cat, undefined);
  };

  it('under a 类 offers its 款', () => {
    const items = at(table('    - 201 一般公共服务支出: 1\n    - '));
    assert.ok(items.length > 10);
    assert.ok(items.every((i) => /^201\d\d /.test(i.label)), items.map((i) => i.label).join(','));
    assert.ok(items.some((i) => i.label === '20113 商贸事务'));
  });

  it('under a 款 offers its 项, with the full path and the 说明', () => {
    const items = at(table('    - 201 一般公共服务支出: 1\n    - 20113 商贸事务: 1\n    - '));
    const z = items.find((i) => i.label === '2011308 招商引资')!;
    assert.ok(z, items.map((i) => i.label).join(','));
    assert.ok(items.slice(0, 10).every((i) => i.label.startsWith('20113')));
    assert.strictEqual(z.detail, '201 一般公共服务支出 › 20113 商贸事务');
    assert.match(z.documentation!, /^201 一般公共服务支出 › 20113 商贸事务 › 2011308 招商引资\n\n/);
    assert.strictEqual(z.insertText, '2011308 招商引资');
  });

  it('digits search by code prefix; 汉字 by name; pinyin initials too (zsyz → 2011308 招商引资)', () => {
    assert.ok(at(table('    - 2101')).every((i) => i.label.startsWith('2101')));
    assert.ok(at(table('    - 2101')).some((i) => i.label === '21011 行政事业单位医疗'));
    assert.ok(at(table('    - 招商')).some((i) => i.label === '2011308 招商引资'));
    const py = at(table('    - zsyz'));
    assert.strictEqual(py[0]?.label, '2011308 招商引资');
    assert.match(py[0].filterText!, /zsyz/);
    const text = table('    - zsyz');
    assert.strictEqual(py[0].replaceFrom, text.length - 4);
  });

  it('the built-in names are searched by initials without loading pinyin-pro; a workspace file\'s new name loads it', () => {
    const script = `
      const s = require(${JSON.stringify(path.join(ROOT, 'out', 'server', 'src', 'service', 'index.js'))});
      const loaded = () => Object.keys(require.cache).some((k) => k.includes('pinyin-pro'));
      const cat = s.builtinCatalogue();
      const hit = cat.searchName('zsyz', 5).map((e) => e.code);
      const before = loaded();
      const extra = s.parseOverrideCsv('科目编码,科目名称\\n2016666,招商引资新项\\n', cat.editions).entries;
      const withExtra = cat.withOverrides(extra);
      const found = withExtra.searchName('zsyzxx', 5).map((e) => e.code);
      console.log(JSON.stringify({ hit, before, found, after: loaded() }));`;
    const out = JSON.parse(require('child_process').execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    assert.ok(out.hit.includes('2011308'), JSON.stringify(out));
    assert.strictEqual(out.before, false, 'pinyin-pro loaded for the built-in catalogue');
    assert.deepStrictEqual(out.found, ['2016666']);
    assert.strictEqual(out.after, true);
  });

  it('an 经济分类 table offers only 3xx/5xx codes; a 功能分类 table only 2xx', () => {
    const econ = at(table('    - ', '一般公共预算财政拨款基本支出决算表', '[决算数]'));
    assert.ok(econ.length > 0 && econ.every((i) => /^[35]/.test(i.label)), econ.map((i) => i.label).join(','));
    assert.ok(at(table('    - 301 工资福利支出: 1\n    - ', '一般公共预算财政拨款基本支出决算表', '[决算数]')).some((i) => i.label === '30101 基本工资'));
    const fn = at(table('    - '));
    assert.ok(fn.length > 0 && fn.every((i) => i.label.startsWith('2')));
    assert.ok(!at(table('    - 基本工资')).some((i) => i.label.startsWith('301')));
  });
});

describe('科目 hover and validation', () => {
  it('hover on a code: the path, the 说明, the edition and the source', () => {
    const { text } = sample('000');
    const r = getLanguageService().check('000k', text);
    const h = hover(r, text, text.indexOf('2011308 招商引资') + 2, cat)!;
    assert.match(h.contents, /^201 一般公共服务支出 › 20113 商贸事务 › 2011308 招商引资/);
    assert.match(h.contents, /2023、2024、2025 版 · 已与公开来源核对/);
    const h2 = hover(r, text, text.indexOf('30101 基本工资') + 1, cat)!;
    assert.match(h2.contents, /301 工资福利支出 › 30101 基本工资\n\n反映按规定发放的基本工资。/);
  });

  const T = (rows: string, title = '支出决算表') => HEAD + `表 ${title}:\n  列: [本年支出合计]\n  行:\n${rows}`;

  it('a malformed code is an error (length, non-digits)', () => {
    const f1 = check(T('    - 2011 商贸事务: 1\n')).find((f) => f.rule === 'kemu.code')!;
    assert.match(f1.message, /“2011”有 4 位/);
    const f2 = check(T('    - 20I13 商贸事务: 1\n')).find((f) => f.rule === 'kemu.code')!;
    assert.match(f2.message, /“20I13”含有非数字字符/);
    assert.ok(!check(T('    - 20113 商贸事务: 1\n')).some((f) => f.rule === 'kemu.code'));
  });

  it('a wrong name is a warning with a fix to the catalogue name (seed 000: 30217 公务招待费)', () => {
    const { text } = sample('000');
    const f = getLanguageService().check('000n', text).findings.find((x) => x.rule === 'kemu.name')!;
    assert.match(f.message, /科目 30217 在2023 版目录中名为“公务接待费”，这里写作“公务招待费”/);
    assert.strictEqual(f.severity, 'warning');
    const fixed = applyFix(text, f);
    assert.ok(fixed.includes('- 30217 公务接待费: 0.00'));
    assert.ok(!getLanguageService().check('000f', fixed).findings.some((x) => x.rule === 'kemu.name'));
  });

  it('an older name written in the text is found too (seed 002: 20805 行政和事业单位离退休)', () => {
    const fs2 = getLanguageService().check('002k', sample('002').text).findings.filter((x) => x.rule.startsWith('kemu'));
    assert.deepStrictEqual(fs2.map((f) => f.message), ['科目 20805 在2023 版目录中名为“行政事业单位养老支出”，这里写作“行政和事业单位离退休”，这是旧版本的名称']);
  });

  it('one code with two names in the same report', () => {
    const f = check(T('    - 2011308 招商引资: 1\n') + '\n' + HEAD.slice(0, 0) + '表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 2011308 招商: 1\n').find((x) => x.rule === 'kemu.conflict')!;
    assert.match(f.message, /科目 2011308 在本报告中有两个名称：“招商引资”和“招商”/);
  });

  it('a 项 whose 类 is not in the catalogue is a warning; an unknown code is information only', () => {
    const fs1 = check(T('    - 2881234 某项: 1\n'));
    assert.ok(fs1.some((f) => f.rule === 'kemu.parent' && /上级科目 288、28812/.test(f.message)));
    const u = fs1.find((f) => f.rule === 'kemu.unknown')!;
    assert.strictEqual(u.severity, 'information');
    assert.ok(!fs1.some((f) => f.severity === 'error'));
    const fs2 = check(T('    - 2011377 某项: 1\n'));
    assert.ok(fs2.some((f) => f.rule === 'kemu.unknown' && /201 一般公共服务支出 下/.test(f.message)));
    assert.ok(!fs2.some((f) => f.rule === 'kemu.parent'));
  });

  it('the samples of the seeds have no other 科目 finding', () => {
    for (const s of ['001', '004']) assert.deepStrictEqual(getLanguageService().check(s, sample(s).text).findings.filter((f) => f.rule.startsWith('kemu')).map((f) => f.message), [], s);
  });
});

describe('workspace override and the spreadsheet importer', () => {
  it('a workspace file adds and renames entries for an edition', () => {
    const r = parseOverrideCsv('科目编码,科目名称,说明,版本\n2011308,招商引资和投资促进,反映…,2025\n2011377,数字招商,反映用于数字化招商的支出,\n1234,坏的,,\n', cat.editions);
    assert.deepStrictEqual(r.errors, [{ line: 4, message: '科目编码“1234”应为 3、5 或 7 位数字' }]);
    assert.strictEqual(r.entries.length, 2);
    const c2 = cat.withOverrides(r.entries);
    assert.strictEqual(c2.get('2011308', 2025)!.name, '招商引资和投资促进');
    assert.strictEqual(c2.get('2011308', 2023)!.name, '招商引资');
    assert.strictEqual(c2.get('2011377', 2024)!.name, '数字招商');
    const ls = getLanguageService({ catalogue: c2 });
    const text = HEAD.replace('2023', '2025') + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 2011308 招商引资: 1\n    - 2011377 数字招商: 1\n';
    const fs2 = ls.check('o', text).findings;
    assert.ok(fs2.some((f) => f.rule === 'kemu.name' && /名为“招商引资和投资促进”/.test(f.message)));
    assert.ok(!fs2.some((f) => f.rule === 'kemu.unknown'));
  });

  function writeSheet(rows: unknown[][], file: string) {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '支出功能分类科目');
    XLSX.writeFile(wb, file);
  }

  it('imports the 财政部 spreadsheet layout (科目编码, 科目名称, 说明) from xlsx, and the 类/款/项 layout', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-kemu-'));
    const f1 = path.join(dir, '2025年政府收支分类科目.xlsx');
    writeSheet([['2025年政府收支分类科目'], ['科目编码', '科目名称', '说明'], ['201', '一般公共服务支出', '反映政府提供一般公共服务的支出。'], ['20113', '商贸事务', '反映商贸事务方面的支出。'], ['2011308', '招商引资', '反映用于招商引资、优化经济环境等方面的支出。'], ['', '（注：以下略）', '']], f1);
    const r1 = importSpreadsheet(fs.readFileSync(f1), 2025);
    assert.deepStrictEqual(r1.entries.map((e) => [e.code, e.name, e.level, e.editions]), [['201', '一般公共服务支出', '类', [2025]], ['20113', '商贸事务', '款', [2025]], ['2011308', '招商引资', '项', [2025]]]);
    assert.strictEqual(r1.entries[2].description, '反映用于招商引资、优化经济环境等方面的支出。');
    assert.strictEqual(r1.skipped, 1);
    const f2 = path.join(dir, 'split.xlsx');
    writeSheet([['类', '款', '项', '科目名称', '说明'], ['201', '', '', '一般公共服务支出', ''], ['', '13', '', '商贸事务', ''], ['', '', '08', '招商引资', '反映…'], ['', '', '50', '事业运行', '']], f2);
    const r2 = importSpreadsheet(fs.readFileSync(f2), 2025);
    assert.deepStrictEqual(r2.entries.map((e) => e.code), ['201', '20113', '2011308', '2011350']);
    const csv = overrideCsv(r2.entries);
    assert.ok(csv.startsWith('科目编码,科目名称,说明,版本\n201,一般公共服务支出,,2025\n'));
    assert.strictEqual(parseOverrideCsv(csv, [2025]).entries.length, 4);
  });

  it('reads the old binary .xls format and a GB18030 csv as well', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-kemu-xls-'));
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['科目编码', '科目名称', '说明'], ['2011308', '招商引资', '反映…']]), 'Sheet1');
    const xls = path.join(dir, 'k.xls');
    XLSX.writeFile(wb, xls, { bookType: 'biff8' });
    assert.deepStrictEqual(importSpreadsheet(fs.readFileSync(xls), 2024).entries.map((e) => [e.code, e.name]), [['2011308', '招商引资']]);
    const gbk = Buffer.from([0xbf, 0xc6, 0xc4, 0xbf, 0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xbf, 0xc6, 0xc4, 0xbf, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0x32, 0x30, 0x31, 0x2c, 0xd2, 0xbb, 0xb0, 0xe3, 0x0a]); // 科目编码,科目名称\n201,一般
    assert.deepStrictEqual(importSpreadsheet(gbk, 2024).entries.map((e) => [e.code, e.name]), [['201', '一般']]);
  });

  it('jsgk import-kemu writes the override file, and jsgk check --kemu uses it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-kemu-cli-'));
    const sheet = path.join(dir, 'kemu.csv');
    fs.writeFileSync(sheet, '科目编码,科目名称,说明\n2011377,数字招商,反映数字化招商支出\n');
    const out = path.join(dir, 'jsgk-kemu.csv');
    let so = '';
    assert.strictEqual((await main(['import-kemu', sheet, '--edition', '2023', '--out', out], (s) => (so += s), () => undefined)), 0);
    assert.match(so, /导入 1 个科目（2023 版），写入/);
    const rep = path.join(dir, 'r.jsgk.yaml');
    fs.writeFileSync(rep, HEAD + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 2011377 数字招商: 1\n');
    let j1 = '';
    await main(['check', '--format', 'json', rep], (s) => (j1 += s), () => undefined);
    assert.ok(JSON.parse(j1).findings.some((f: { rule: string }) => f.rule === 'kemu.unknown'));
    let j2 = '';
    await main(['check', '--format', 'json', '--kemu', out, rep], (s) => (j2 += s), () => undefined);
    assert.ok(!JSON.parse(j2).findings.some((f: { rule: string }) => f.rule.startsWith('kemu')));
    assert.strictEqual((await main(['import-kemu', sheet], () => undefined, () => undefined)), 2);
  });
});
