/**
 * placeholder.field (template placeholders outside the 情况说明) and kemu.duplicateRow (one 科目
 * written as two rows of a table): where they find, what they say, what they must not flag, and
 * that text.placeholder and placeholder.field never report the same place.
 */
import * as assert from 'assert';
import { Finding, getLanguageService } from '../server/src/service';
import { convert } from '../server/src/service/features';
import { applyFix, extractMarkers } from './helpers/markers';
import { sampleFiles } from './helpers/samples';
import * as fs from 'fs';
import fc from 'fast-check';
import { PLACEHOLDER } from '../server/src/service/rules/format/placeholder';
import { mayHoldPlaceholder as mayHold } from '../server/src/service/chars';

const check = (t: string, uri = 'mem://p.jsgk.yaml'): Finding[] => getLanguageService().check(uri, t).findings;
const of = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
const HEAD = (unit = '测试单位') => `报告:\n  类型: 部门决算\n  年度: 2023\n  单位: ${unit}\n  金额单位: 万元\n\n`;

describe('placeholder.field: template placeholders outside the 情况说明', () => {
  it('单位: XX单位 in the 报告 block is an error that asks for the full name', () => {
    const { text, ranges } = extractMarkers('报告:\n  类型: 部门决算\n  年度: 2023\n  单位: «XX单位»\n');
    const f = of(check(text), 'placeholder.field');
    assert.deepStrictEqual(f.map((x) => [x.range.start, x.range.end, x.severity, x.message]), [[ranges[0].start, ranges[0].end, 'error', '“单位”还是模板中的“XX单位”：请填写单位全称']]);
    assert.deepStrictEqual(f[0].fixes ?? [], [], 'nothing to write instead');
  });

  it('in the 部门概况, 单位构成, table titles, rows, text cells and notes; XXX 万元 too', () => {
    const src = HEAD() +
      '部门概况:\n  - 一、部门职责: |\n      «（按三定方案填写主要职能。）»\n  - 二、机构设置:\n      正文: |\n        纳入«XX单位»2023年度部门决算编制范围的单位包括：\n      单位构成:\n        - [1, «XX单位»（本级）, 行政单位]\n\n' +
      '表 «XX»项目支出表:\n  列: [项目名称, 金额]\n  行:\n    - 合计: «XXX» 0.00\n  注: 本表反映«XXX» 万元的项目支出。\n';
    const { text, ranges } = extractMarkers(src);
    const f = of(check(text), 'placeholder.field');
    assert.deepStrictEqual(f.map((x) => text.slice(x.range.start, x.range.end)), ranges.map((r) => text.slice(r.start, r.end)));
    assert.deepStrictEqual(f.map((x) => [x.range.start, x.range.end]), ranges.map((r) => [r.start, r.end]));
    assert.deepStrictEqual(f.map((x) => x.message), [
      '模板中给编制人员的说明“（按三定方案填写主要职能。）”还在部门概况中：请换成实际内容',
      '部门概况中有模板占位符“XX单位”，没有换成实际内容',
      '单位构成中有模板占位符“XX单位”，没有换成实际内容',
      '表名中有模板占位符“XX”，没有换成实际内容',
      '单元格中有模板占位符“XXX”，没有换成实际内容',
      '表注中有模板占位符“XXX”，没有换成实际内容',
    ]);
  });

  it('XX单位 gets a safe fix writing the report’s 单位, which leaves no placeholder', () => {
    const text = HEAD('某某中心') + '部门概况:\n  - 二、机构设置:\n      正文: |\n        纳入XX单位2023年度部门决算编制范围的单位包括：\n      单位构成:\n        - [1, XX单位（本级）, 行政单位]\n';
    const f = of(check(text), 'placeholder.field');
    assert.strictEqual(f.length, 2);
    for (const x of f) assert.deepStrictEqual(x.fixes?.map((fx) => [fx.title, fx.safe]), [['改为“某某中心”', true]]);
    let t = text;
    for (const x of [...f].reverse()) t = applyFix(t, x);
    assert.match(t, /纳入某某中心2023年度/);
    assert.match(t, /\[1, 某某中心（本级）, 行政单位\]/);
    assert.deepStrictEqual(of(check(t), 'placeholder.field'), []);
  });

  it('leaves the 情况说明 to text.placeholder: one finding per placeholder, never two', () => {
    const text = HEAD() + '情况说明:\n  - 一、收入支出决算总体情况说明: |\n      2023年度收入总计XXX万元，XX单位支出总计XX万元。\n';
    const fs0 = check(text);
    assert.deepStrictEqual(of(fs0, 'placeholder.field'), []);
    assert.strictEqual(of(fs0, 'text.placeholder').length, 3);
    // the same in every sample and template: no place reported by both rules
    for (const file of [...sampleFiles(), ...['部门决算.jsgk.yaml', '部门预算.jsgk.yaml'].map((f) => `${__dirname}/../../templates/${f}`)]) {
      const all = check(fs.readFileSync(file, 'utf8'), file);
      const a = new Set(of(all, 'text.placeholder').map((x) => `${x.range.start}`));
      assert.deepStrictEqual(of(all, 'placeholder.field').filter((x) => a.has(`${x.range.start}`)).map((x) => x.message), [], file);
    }
  });

  it('flags nothing in the samples (real reports and the constructed one), nor in words with X in them', () => {
    for (const file of sampleFiles()) assert.deepStrictEqual(of(check(fs.readFileSync(file, 'utf8'), file), 'placeholder.field').map((x) => x.message), [], file);
    const text = HEAD() + '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 合计: 1.00\n    - 201 一般公共服务支出: 1.00\n  注: 含XXL型号设备与 Xbox 租赁（按规定计入）。\n';
    assert.deepStrictEqual(of(check(text), 'placeholder.field'), []);
  });

  it('the DSL: the same findings at the same words', () => {
    const yaml = HEAD('XX单位') + '部门概况:\n  - 一、部门职责: |\n      （按三定方案填写主要职能。）\n\n表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 合计: 1.00\n  注: 本表反映XX单位的收入。\n';
    const r = convert(yaml, 'yaml', 'dsl');
    assert.ok(r.ok);
    const dsl = r.text!;
    const words = (t: string, fs1: Finding[]) => of(fs1, 'placeholder.field').map((x) => `${t.slice(x.range.start, x.range.end)}|${x.message}`);
    assert.deepStrictEqual(words(dsl, check(dsl, 'mem://p.jsgk')), words(yaml, check(yaml)));
    assert.strictEqual(words(dsl, check(dsl, 'mem://p.jsgk')).length, 3);
  });
});

describe('kemu.duplicateRow: one 科目 written as two rows of a table', () => {
  const T = (rows: string) => HEAD() + `表 支出决算表:\n  列: [本年支出合计, 基本支出]\n  行:\n    - 合计: 3.00 3.00\n${rows}`;

  it('the second row is an error that names the first, which is its related location', () => {
    const { text, ranges } = extractMarkers(T('    - «201 一般公共服务支出»: 1.00 1.00\n    - 20113 商贸事务: 1.00 1.00\n    - «201 一般公共服务支出»: 2.00 2.00\n'));
    const f = of(check(text), 'kemu.duplicateRow');
    assert.strictEqual(f.length, 1);
    assert.deepStrictEqual([f[0].range.start, f[0].range.end, f[0].severity], [ranges[1].start, ranges[1].end, 'error']);
    assert.strictEqual(f[0].message, '科目 201 在“支出决算表”中写了两行：这一行与前面的“201 一般公共服务支出”是同一科目，金额会重复计入合计');
    assert.deepStrictEqual(f[0].related?.map((r) => [r.range.start, r.range.end]), [[ranges[0].start, ranges[0].end]]);
    assert.deepStrictEqual(f[0].fixes ?? [], [], 'the two rows differ: which one is right cannot be known');
  });

  it('a row repeated exactly may be deleted (not a safe fix: it removes typed numbers); afterwards nothing is left', () => {
    const text = T('    - 201 一般公共服务支出: 3.00 3.00\n    - 201 一般公共服务支出: 3.00 3.00\n');
    const f = of(check(text), 'kemu.duplicateRow')[0];
    assert.deepStrictEqual(f.fixes?.map((x) => [x.title, x.safe]), [['删除重复的这一行', false]]);
    const fixed = applyFix(text, f);
    assert.strictEqual(fixed, T('    - 201 一般公共服务支出: 3.00 3.00\n'));
    assert.deepStrictEqual(of(check(fixed), 'kemu.duplicateRow'), []);
  });

  it('tables written alike (the same codes) each get their own finding, at their own row; a table with as many rows but other codes gets none', () => {
    const U = (n: number, rows: string) => `表 支出决算表（单位${n}）:\n  列: [本年支出合计]\n  行:\n${rows}\n`;
    const dup = '    - 201 一般公共服务支出: 1.00\n    - 20113 商贸事务: 1.00\n    - «201 一般公共服务支出»: 1.00\n';
    const other = '    - 201 一般公共服务支出: 1.00\n    - 20113 商贸事务: 1.00\n    - 205 教育支出: 1.00\n';
    const { text, ranges } = extractMarkers(HEAD() + U(1, dup) + U(2, other) + U(3, dup));
    const f = of(check(text), 'kemu.duplicateRow');
    assert.deepStrictEqual(f.map((x) => [x.range.start, x.range.end]), ranges.map((r) => [r.start, r.end]));
    assert.deepStrictEqual(f.map((x) => x.message.match(/单位\d/)?.[0]), ['单位1', '单位3']);
  });

  it('the same 科目 in two tables, or on the two sides of a table, is no finding; neither are the samples', () => {
    const two = T('    - 201 一般公共服务支出: 3.00 3.00\n') + '\n表 一般公共预算财政拨款支出决算表:\n  列: [小计]\n  行:\n    - 合计: 3.00\n    - 201 一般公共服务支出: 3.00\n';
    assert.deepStrictEqual(of(check(two), 'kemu.duplicateRow'), []);
    for (const file of sampleFiles()) assert.deepStrictEqual(of(check(fs.readFileSync(file, 'utf8'), file), 'kemu.duplicateRow').map((x) => x.message), [], file);
  });

  it('the DSL too', () => {
    const dsl = '【报告】\n类型：部门决算\n年度：2023\n单位：测试单位\n\n【表 支出决算表】\n列：本年支出合计\n合计 | 2.00\n2011308 招商引资 | 1.00\n2011308 招商引资 | 1.00\n';
    const f = of(check(dsl, 'mem://d.jsgk'), 'kemu.duplicateRow');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(dsl.slice(f[0].range.start, f[0].range.end), '2011308 招商引资');
    assert.ok(f[0].range.start > dsl.indexOf('2011308 招商引资 | 1.00\n') + 5);
    assert.strictEqual(applyFix(dsl, f[0]), dsl.replace('2011308 招商引资 | 1.00\n', ''));
  });
});

describe('placeholder.field: the quick test before the expression', () => {
  it('mayHold says yes exactly where X, Ｘ, × or 填写 stands, and for every placeholder the expression finds', () => {
    const re = /[XＸ×]|填写/;
    fc.assert(fc.property(fc.array(fc.constantFrom('X', 'Ｘ', '×', '填', '写', '填写', 'x', 'A', '1', ' ', '单位', '（', '）', '%', '.'), { maxLength: 12 }), (cs) => {
      const s = cs.join('');
      assert.strictEqual(mayHold(s), re.test(s), s);
      for (const m of s.matchAll(PLACEHOLDER)) assert.ok(mayHold(m[0]), m[0]);
    }), { numRuns: 5000 });
  });
});
