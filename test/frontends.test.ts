/**
 * The front ends and the language service with the inputs of the reliability report (issue 10,
 * items 1, 3, 7): what the CLI reads safely must be safe in the service too (a lone CR, an
 * invisible character), a YAML alias and deep nesting are findings in plain Chinese, the DSL flags
 * what it used to drop, and a row name of any form can be written in the DSL.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { Finding, getLanguageService } from '../server/src/service';
import { parseReport } from '../server/src/service/frontends/report-parser';
import { rowFromKey } from '../server/src/service/frontends/common';
import { normalizeTitle, normName, NUMBERING } from '../server/src/service/names';
import { convert } from '../server/src/service/features/convert';
import { ROOT } from './helpers/samples';

const FIX = path.join(ROOT, 'test', 'fixtures', 'reliability');
const fixture = (name: string) => fs.readFileSync(path.join(FIX, name), 'utf8');
const check = (text: string, uri = 'x.jsgk.yaml') => getLanguageService().check(uri, text);
const brief = (fs_: Finding[]) => fs_.map((f) => [f.rule, f.range.start, f.range.end, f.message]);
const HEAD = '【报告】\n类型：部门决算\n年度：2023\n单位：测试单位\n金额单位：万元\n\n';

describe('the language service reads what the CLI reads', function () {
  this.timeout(60000);

  it('cr-only-line-endings: a lone CR given to check() is a line break, offsets unchanged (same findings as with LF)', () => {
    const cr = fixture('cr-only-line-endings.jsgk.yaml');
    assert.ok(!cr.includes('\n'));
    const lf = cr.replace(/\r/g, '\n');
    const a = check(cr);
    const b = check(lf);
    assert.ok(a.findings.length > 5);
    assert.deepStrictEqual(brief(a.findings), brief(b.findings));
    assert.ok(a.findings.every((f) => a.lineIndex.position(f.range.start).line > 0), 'not one long line');
    // and in the DSL, and mixed with CRLF
    const dsl = (convert(lf, 'yaml', 'dsl') as { text: string }).text;
    assert.deepStrictEqual(brief(check(dsl.replace(/\n/g, '\r'), 'x.jsgk').findings), brief(check(dsl, 'x.jsgk').findings));
    const mixed = lf.split('\n').map((l, i) => l + (i % 2 ? '\r\n' : '\r')).join('');
    assert.strictEqual(check(mixed).findings.filter((f) => /^(yaml|schema)/.test(f.rule)).length, 0);
  });

  it('nul-in-amount: the service\'s own message names the invisible character', () => {
    const f = check(fixture('nul-in-amount.jsgk.yaml')).findings.find((x) => x.rule === 'parse.amount')!;
    assert.strictEqual(f.message, '金额“335⟨不可见字符 U+0000 NUL⟩56”含有非数字字符“⟨不可见字符 U+0000 NUL⟩”');
    assert.strictEqual(f.text, '335\u000056', 'the finding\'s text is the cell as read');
  });
});

describe('YAML: aliases and deep nesting are findings in plain words', function () {
  this.timeout(60000);

  it('alias-row-dropped: a row written as an alias is a yaml.alias error (not silently left out), and is not converted', () => {
    const text = fixture('alias-row-dropped.jsgk.yaml');
    const r = check(text);
    const f = r.findings.filter((x) => x.rule === 'yaml.alias');
    assert.deepStrictEqual(f.map((x) => [text.slice(x.range.start, x.range.end), x.severity, x.message]), [
      ['*r', 'error', '表的一行不能写成 YAML 别名“*r”（别名引用前面用“&r”标记的内容）：本格式不读别名，这一行会被漏掉。请把这一行完整写出来，如“- 合计: 1.00 1.00”'],
    ]);
    assert.ok(!convert(text, 'yaml', 'dsl').ok);
  });

  it('alias-message: says what an alias is and what to write instead, and nothing misleading beside it', () => {
    const text = fixture('alias-message.jsgk.yaml');
    const r = check(text);
    assert.deepStrictEqual(r.findings.map((x) => [x.rule, text.slice(x.range.start, x.range.end), x.message]), [
      ['yaml.alias', '*u', '“*u”是 YAML 别名：它引用前面用“&u”标记的值（测试单位）。本格式不读别名：请在这里直接写出这个值'],
    ]);
  });

  it('yaml-deep-nesting-10k: a yaml.syntax finding in Chinese, no "Maximum call stack" in it', () => {
    const r = check(fixture('yaml-deep-nesting-10k.jsgk.yaml'));
    const f = r.findings.filter((x) => x.rule === 'yaml.syntax');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].message, 'YAML 语法错误：嵌套的层级太多（方括号、花括号或缩进一层套一层），读不下去了：报告的各块只有几层，请检查是否多写了括号或缩进');
    assert.ok(!r.findings.some((x) => /stack|internal/i.test(x.message + x.rule)));
  });

  it('小节 nested deeper than 20 levels: one finding, the checks run', () => {
    let body = '      - 标题0: 正文0\n';
    let indent = '';
    const lines = ['报告:', '  类型: 部门决算', '  年度: 2023', '  单位: 测试单位', '情况说明:'];
    for (let i = 0; i < 30; i++) {
      lines.push(`${indent}  - 标题${i}:`, `${indent}      正文: 正文${i}`, `${indent}      小节:`);
      indent += '      ';
    }
    lines.push(indent + body.trim().replace(/^/, '  '));
    body = lines.join('\n') + '\n';
    const r = check(body);
    const deep = r.findings.filter((x) => /小节的层级太多/.test(x.message));
    assert.strictEqual(deep.length, 1);
    assert.ok(!r.findings.some((x) => x.rule === 'rule.internal'));
  });

  it('content before the first block, and a top-level key the block splitter missed, are findings (they were silently dropped)', () => {
    const r = check('- 多余: 内容\n报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n');
    assert.deepStrictEqual(r.findings.map((x) => [x.rule, x.message]), [['yaml.syntax', '这里的内容不属于任何块：第一个块（如“报告:”）之前只能写注释（以 # 开头）']]);
    // “表 a#b:” is a key (a # starts a comment only after white space): its own block
    const t = parseReport('报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n表 收入#决算表:\n  列: [a]\n  行:\n    - 合计: 1\n').report;
    assert.deepStrictEqual(t.tables.map((x) => x.key), ['表 收入#决算表']);
  });
});

describe('the DSL flags what it used to drop', function () {
  this.timeout(60000);

  it('dsl-duplicate-field-silently-dropped: a repeated 单位, 注 or 主管部门 is a finding pointing at the first', () => {
    const text = fixture('dsl-duplicate-field-silently-dropped.jsgk');
    const r = check(text, 'd.jsgk');
    const f = r.findings.filter((x) => x.rule === 'dsl.syntax');
    assert.deepStrictEqual(f.map((x) => [r.lineIndex.position(x.range.start).line + 1, x.message, x.related?.map((y) => r.lineIndex.position(y.range.start).line + 1)]), [
      [5, '“单位”重复：同一块中每个键只能写一次', [4]],
      [12, '“注”重复：同一块中每个键只能写一次', [11]],
      [16, '“主管部门”重复：同一块中每个键只能写一次', [15]],
    ]);
    assert.ok(!convert(text, 'dsl', 'yaml').ok, 'nothing is converted that would drop the first');
  });

  it('deep-dsl-headings-crash: 5,000 nested "=" headings give one dsl.syntax finding, no crash, no rule error', () => {
    let text = HEAD + '【情况说明】\n';
    for (let i = 0; i < 5000; i++) text += `${'='.repeat(i + 1)} 标题${i}\n正文${i}\n`;
    const r = check(text, 'deep.jsgk');
    assert.deepStrictEqual(r.findings.map((x) => [x.rule, x.message]), [['dsl.syntax', '标题的层级太多（21 个“=”，最多 20 个）：请减少层级']]);
    const c = convert(text, 'dsl', 'yaml');
    assert.ok(!c.ok && /格式错误/.test(c.message));
  });

  it('a side that names no side, or has nothing under it, is a finding (as a key in YAML)', () => {
    const r = check(HEAD + '【表 收入支出决算总表】\n= 开04表\n列：金额\n合计 | 1\n= 本年收入\n', 't.jsgk');
    // (and table.coverage: the 01 rules find no 收入/支出 side)
    assert.deepStrictEqual(r.findings.filter((x) => x.rule !== 'table.coverage').map((x) => [x.rule, x.message]), [
      ['schema', '“= 开04表”不是表的一栏：分栏的名称要说明是收入还是支出，如“= 收入”“= 本年支出”'],
      ['dsl.syntax', '“= 本年收入”下面没有“列”和行'],
    ]);
  });

  it('an indented line after 列： is not swallowed: a finding', () => {
    const r = check(HEAD + '【表 收入决算表】\n列：本年收入合计 | 财政拨款收入\n  其他收入\n合计 | 1.00 | 1.00\n', 't.jsgk');
    assert.deepStrictEqual(r.findings.filter((x) => x.rule !== 'table.coverage').map((x) => x.rule), ['dsl.syntax']);
    assert.deepStrictEqual(r.report.tables[0].parts[0].columns.map((c) => c.name), ['本年收入合计', '财政拨款收入']);
  });

  it('a key before a “ # ” comment: the # ends the line\'s content, so “键 # x：值” is not a key', () => {
    const r = check(HEAD + '【绩效自评 项目甲】\n主管部门 # 注释：某部门\n', 'p.jsgk');
    assert.deepStrictEqual(r.findings.map((x) => x.rule), ['dsl.syntax']);
    assert.deepStrictEqual(r.report.perf[0].fields, {});
  });
});

describe('the DSL writes every row name and title (a leading \\ escapes)', function () {
  it('rows named like a heading, a block, the columns, a field, or starting with spaces, |, # or \\', () => {
    const names = ['=合计', '【x】', '列：a', '编号：x', '　　其中：基本支出', ' 前有空格', '|竖线', '#井号', '\\反斜杠', '\t制表符', '尾部 # 不是注释'];
    const yaml = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n\n表 收入决算表:\n  列: [本年收入合计]\n  行:\n' + names.map((n, i) => `    - ${JSON.stringify(n)}: ${i}.00\n`).join('');
    assert.deepStrictEqual(parseReport(yaml).report.tables[0].parts[0].rows.map((r) => r.key), names);
    const c = convert(yaml, 'yaml', 'dsl');
    assert.ok(c.ok, !c.ok ? c.message : '');
    const rows = parseReport(c.text, 'dsl').report.tables[0].parts[0].rows;
    assert.deepStrictEqual(rows.map((r) => r.key), names);
    assert.deepStrictEqual(rows.map((r) => r.cells.map((x) => x.raw)), names.map((_n, i) => [`${i}.00`]));
    // what the DSL looks like
    const lines = c.text.split('\n').filter((l) => /\| \d+\.00$/.test(l)).map((l) => l.replace(/ *\| \d+\.00$/, ''));
    assert.deepStrictEqual(lines, ['\\=合计', '\\【x】', '\\列：a', '编号：x', '\\　　其中：基本支出', '\\ 前有空格', '\\|竖线', '\\#井号', '\\\\反斜杠', '\\t制表符', '尾部 \\# 不是注释']);
  });

  it('titles and side names are read like values: \\# \\| \\\\ \\t', () => {
    const r = parseReport(HEAD + '【情况说明】\n= 一、说明 \\# 不是注释 \\| 竖线  # 这是注释\n正文\n', 'dsl').report;
    assert.strictEqual(r.narrative[0].title.value, '一、说明 # 不是注释 | 竖线');
  });
});

describe('Finding.text and exact ranges in the DSL', () => {
  it('a cell with escapes: its range covers the escapes, its text is the value', () => {
    const text = HEAD + '【表 收入决算表】\n列：本年收入合计\n合计 | 1\\|2\n';
    const r = check(text, 'e.jsgk');
    const f = r.findings.find((x) => x.rule === 'parse.amount')!;
    assert.strictEqual(f.text, '1|2');
    assert.strictEqual(text.slice(f.range.start, f.range.end), '1\\|2');
  });
});

describe('rowFromKey (a row key read without regular expressions)', () => {
  /** The reading it replaced: the code by CODE_KEY, the name trimmed by /\s/. */
  function reference(raw: string): { code?: string; level?: string; name: string; nameAt: number } {
    const m = /^(\d{3}|\d{5}|\d{7})(?=$|[ \u3000]+)[ \u3000]*/.exec(raw);
    let a = m ? m[0].length : 0;
    let b = raw.length;
    while (a < b && /\s/.test(raw[a])) a++;
    while (b > a && /\s/.test(raw[b - 1])) b--;
    return { code: m?.[1], level: m ? (m[1].length === 3 ? '类' : m[1].length === 5 ? '款' : '项') : undefined, name: raw.slice(a, b), nameAt: a };
  }
  it('finds the same code, level, name and name range on generated keys', () => {
    const piece = fc.constantFrom('2', '01', '201', '2010101', '1234', ' ', '\u3000', '\t', '\u00a0', '\u2003', '行政运行', '合计', '-', '（', 'x');
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (ps) => {
      const raw = ps.join('');
      const r = rowFromKey(raw, 10, 10 + raw.length, 0, 10 + raw.length);
      const e = reference(raw);
      assert.deepStrictEqual({ code: r.code, level: r.level, name: r.name }, { code: e.code, level: e.level, name: e.name }, JSON.stringify(raw));
      assert.deepStrictEqual(r.nameRange, { start: 10 + e.nameAt, end: 10 + e.nameAt + e.name.length }, JSON.stringify(raw));
    }), { numRuns: 3000 });
  });
});

describe('normName (kept per name; most names need no replacement)', () => {
  it('gives what the four replacements after the numbering gave, every time it is asked', () => {
    const reference = (s: string) => s.replace(NUMBERING, '').replace(/[ \u3000]/g, '').replace(/[“”"＂]/g, '"').replace(/\(/g, '（').replace(/\)/g, '）');
    const piece = fc.constantFrom('一、', '（一）', '1.', '1.5', ' ', '\u3000', '“', '”', '"', '＂', '(', ')', '（', '三公', '经费', '合计', 'x');
    fc.assert(fc.property(fc.array(piece, { maxLength: 7 }), (ps) => {
      const s = ps.join('');
      assert.strictEqual(normName(s), reference(s), JSON.stringify(s));
      assert.strictEqual(normName(s), reference(s), JSON.stringify(s) + ' (again)');
      assert.strictEqual(normalizeTitle(s), s.replace(/[ \u3000]/g, '').replace(/[“”"＂]/g, '"').replace(/\(/g, '（').replace(/\)/g, '）'), JSON.stringify(s));
    }), { numRuns: 3000 });
  });
});
