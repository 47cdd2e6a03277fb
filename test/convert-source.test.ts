/**
 * Conversion that keeps every character (issue 10, item 3), tested on the source text, not only on
 * the model: every word of every value, text and comment of the input is found in the output, in
 * order (values among values, comments among comments), or the conversion refuses and says where and
 * why. The words are read from each source by its own rules (YAML through the yaml library's nodes
 * and comments; the DSL by the lines and escapes of docs/dsl.md), not through the report model.
 * Run over every sample, example and template in both directions, over randomly edited ones, and
 * over the conversion cases of the reliability report.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { getLanguageService, Range, Syntax } from '../server/src/service';
import { parseReport } from '../server/src/service/frontends/report-parser';
import { convert } from '../server/src/service/features/convert';
import { corpus, DSLISH, mutations, YAMLISH } from './helpers/corpus';
import { dslWords, missingInOrder, roundTrip, yamlWords } from './helpers/source-words';
import { ROOT } from './helpers/samples';

const files = corpus();
const FIX = path.join(ROOT, 'test', 'fixtures', 'reliability');
const fixture = (name: string) => fs.readFileSync(path.join(FIX, name), 'utf8');

describe('conversion keeps every character (source level)', function () {
  this.timeout(600000);

  it('the words of the source: values and comments apart, as each syntax writes them', () => {
    const y = yamlWords('报告:\n  单位: "a # b"  # 注释\n表 x:\n  行:\n    - 合计: 1.00 2.00\n');
    assert.deepStrictEqual(y, { values: ['报告', '单位', 'a', '#', 'b', '表', 'x', '合计', '1.00', '2.00'], comments: ['注释'] });
    const d = dslWords('【报告】\n单位：a \\# b  # 注释\n\n【表 x】\n列：a | b\n\\=合计 | 1.00 | 2\\|3\n');
    assert.deepStrictEqual(d, { values: ['报告', '单位', 'a', '#', 'b', '表', 'x', '列', 'a', 'b', '=合计', '1.00', '2|3'], comments: ['注释'] });
    // in a table, a line of “==” is a row (only “= 名称” names a part); in a text block any “=” line is a heading
    const t = dslWords('【表 x】\n= 收入\n列：预算数\n== 二、基金 | 0.00\n\n【情况说明】\n== 二、说明 | 甲\n');
    assert.deepStrictEqual(t.values, ['表', 'x', '收入', '列', '预算数', '==', '二、基金', '0.00', '情况说明', '二、说明', '|', '甲']);
    assert.strictEqual(roundTrip('【报告】\n类型：部门预算\n年度：2025\n单位：甲\n金额单位：万元\n\n【表 x】\n= 收入\n列：预算数\n== 二、基金 | 0.00\n', 'dsl').problem, undefined);
    assert.strictEqual(missingInOrder(['a', 'b'], ['x', 'a', 'y', 'b']), undefined);
    assert.match(missingInOrder(['b', 'a'], ['a', 'b']) ?? '', /"a"/);
  });

  for (const f of files) {
    it(`${f.name} → ${f.syntax === 'yaml' ? 'DSL' : 'YAML'} and back`, () => {
      const r = roundTrip(f.text, f.syntax);
      assert.ok(r.converted, 'every sample, example and template converts');
      assert.strictEqual(r.problem, undefined);
    });
  }

  it('randomly edited YAML and DSL: converted with every word kept, or refused with a place (fast-check)', () => {
    const yaml = files.filter((f) => f.syntax === 'yaml').map((f) => f.text);
    const dsl = files.map((f) => (f.syntax === 'dsl' ? f.text : (convert(f.text, 'yaml', 'dsl') as { text: string }).text));
    let converted = 0;
    for (const [texts, from, alphabet] of [[yaml, 'yaml', YAMLISH], [dsl, 'dsl', DSLISH]] as Array<[string[], Syntax, string[]]>) {
      fc.assert(fc.property(mutations(texts, alphabet), (t) => {
        const r = roundTrip(t, from);
        if (r.converted) converted++;
        assert.strictEqual(r.problem, undefined);
      }), { numRuns: 120 });
    }
    // Not vacuous: some mutated texts do convert. Over 20 seeds 44–63 of 240 converted (mean 55, sd 4.9); the bound
    // was 40, which a CI run missed with 38 (3.5 sd): 20 is 7 sd below the mean and still says the property holds on texts
    // that convert, not only on refusals.
    assert.ok(converted > 20, `only ${converted} of 240 converted: the property says little`);
  });
});

describe('conversion: the reliability cases', function () {
  this.timeout(60000);
  const refused = (name: string, from: Syntax) => {
    const c = convert(fixture(name), from, from === 'yaml' ? 'dsl' : 'yaml');
    assert.ok(!c.ok, `${name} must be refused`);
    return c as { ok: false; message: string; findings: Array<{ rule: string; message: string; range: Range }> };
  };
  const kept = (name: string, from: Syntax) => {
    const r = roundTrip(fixture(name), from);
    assert.ok(r.converted, name);
    assert.strictEqual(r.problem, undefined);
    return (convert(fixture(name), from, from === 'yaml' ? 'dsl' : 'yaml') as { text: string }).text;
  };

  it('" # " in a title stays in the title (escaped \\#), not a comment', () => {
    const out = kept('convert-title-hash-becomes-comment.jsgk.yaml', 'yaml');
    assert.match(out, /^= 一、说明 \\# 不是注释$/m);
    assert.strictEqual(parseReport(out, 'dsl').report.narrative[0].title.value, '一、说明 # 不是注释');
  });

  it('" # " in a table name: no comment appears when it comes back to YAML', () => {
    const out = kept('convert-table-name-hash-extra-comment.jsgk.yaml', 'yaml');
    const back = convert(out, 'dsl', 'yaml');
    assert.ok(back.ok);
    assert.ok(!/^\s*#/m.test(back.ok ? back.text : ''), back.ok ? back.text : '');
  });

  it('"：" in a glossary term or a 绩效自评 field name: refused with the reason and the line', () => {
    const g = refused('convert-glossary-term-colon.jsgk.yaml', 'yaml');
    assert.strictEqual(g.message, '无法转换为 DSL：第 8 行，名词解释的术语“1.基本支出：人员”含有冒号，DSL 的“键：值”写法中写不出（冒号会把它分成键和值）。为免丢失内容，没有转换');
    const p = refused('convert-perf-field-colon.jsgk.yaml', 'yaml');
    assert.match(p.message, /第 8 行，键“主管部门：x”含有冒号/);
    assert.strictEqual(p.findings[0].rule, 'convert');
  });

  it('blank, indented, "#" and "\\" lines of a 注 come back as they were', () => {
    const out = kept('convert-note-blank-line-becomes-backslash.jsgk.yaml', 'yaml');
    const note = parseReport(out, 'dsl').report.tables[0].note!.value;
    assert.strictEqual(note, '第一行\n\n第三行 # 不是注释\n  缩进行\n\\反斜杠');
  });

  it('rows named like a field, a heading or a block (列：a, =合计, 【x】) are written with a leading \\ and kept', () => {
    const a = kept('convert-row-named-like-field-lost.jsgk.yaml', 'yaml');
    assert.deepStrictEqual(parseReport(a, 'dsl').report.tables[0].parts[0].rows.map((r) => r.key), ['编号：x', '注：说明', '列：a', '单位：元']);
    assert.match(a, /^\\列：a \| 3\.00 \| 3\.00$/m);
    const b = kept('convert-row-key-equals-lost.jsgk.yaml', 'yaml');
    assert.deepStrictEqual(parseReport(b, 'dsl').report.tables[0].parts[0].rows.map((r) => r.key), ['=合计', '【x】']);
  });

  it('"】" in a table or 绩效自评 name: refused (a 【block】 name cannot hold it)', () => {
    assert.match(refused('convert-table-name-bracket.jsgk.yaml', 'yaml').message, /第 7 行，块名“表 收入】决算表”含有“】”/);
    assert.match(refused('convert-perf-key-bracket.jsgk.yaml', 'yaml').message, /块名“绩效自评 项目【甲】”含有“】”/);
  });

  it('two "= 收入" parts: a finding in the DSL (as a repeated key in YAML), so not converted', () => {
    const r = getLanguageService().check('d.jsgk', fixture('convert-dsl-duplicate-part.jsgk'));
    const f = r.findings.filter((x) => x.rule === 'dsl.syntax');
    assert.deepStrictEqual(f.map((x) => [r.lineIndex.position(x.range.start).line + 1, x.message]), [[11, '“= 收入”重复：同一张表中每一栏只能写一次']]);
    assert.strictEqual(f[0].related?.length, 1);
    assert.match(refused('convert-dsl-duplicate-part.jsgk', 'dsl').message, /格式错误/);
  });

  it('an empty 单位构成 becomes "单位构成: []" (valid YAML) and comes back empty', () => {
    const out = kept('convert-dsl-empty-unit-list.jsgk', 'dsl');
    assert.match(out, /单位构成: \[\]/);
    assert.deepStrictEqual(parseReport(out, 'yaml').report.overview[0].units, []);
  });

  it('both 注 and 说明 on one table are both kept, in order', () => {
    const src = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n\n表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 合计: 1.00\n  注: 第一条注\n  说明: |\n    说明一\n    说明二\n';
    const r = roundTrip(src, 'yaml');
    assert.deepStrictEqual(r, { converted: true });
    const out = (convert(src, 'yaml', 'dsl') as { text: string }).text;
    assert.deepStrictEqual(parseReport(out, 'dsl').report.tables[0].notes.map((n) => [n.key, n.text.value]), [['注', '第一条注'], ['说明', '说明一\n说明二']]);
  });

  it('a row indented right after "列：" is a row or a finding, never swallowed into the line above', () => {
    const src = '【报告】\n类型：部门决算\n年度：2023\n单位：测试单位\n\n【表 收入决算表】\n列：本年收入合计 | 财政拨款收入\n  合计 | 1.00 | 1.00\n';
    const r = getLanguageService().check('r.jsgk', src);
    const t = r.report.tables[0];
    assert.deepStrictEqual(t.parts[0].columns.map((c) => c.name), ['本年收入合计', '财政拨款收入']);
    assert.deepStrictEqual(t.parts[0].rows.map((x) => [x.key, x.cells.map((c) => c.raw)]), [['合计', ['1.00', '1.00']]]);
  });
});
