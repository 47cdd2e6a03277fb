/**
 * Ranges that fixes can trust (issue 10, item 1): for every finding that names its text
 * (Finding.text), the source at its range, decoded, is that text — in YAML (every scalar style:
 * plain, quoted with every escape, folded, literal and folded blocks) and in the DSL (\| \# \\ \t,
 * continuation lines, leading \), on every sample, example and template, converted to the other
 * syntax, and on randomly edited ones.
 *
 * The decoding here does not use the report model: YAML slices are read through the yaml library's
 * own nodes (and a slice inside double quotes is read again by the library on its own), DSL slices
 * by the escaping rules of docs/dsl.md.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { isScalar, parseDocument, Scalar, visit } from 'yaml';
import { Finding, getLanguageService, parseReport, Range, Report, Syntax } from '../server/src/service';
import { splitYamlBlocks } from '../server/src/service/frontends/yaml';
import { decodeYamlScalar, makeText, textRange } from '../server/src/service/text';
import { convert } from '../server/src/service/features/convert';
import { allSections } from '../server/src/service/query';
import { corpus, DSLISH, mutations, YAMLISH } from './helpers/corpus';
import { ROOT } from './helpers/samples';
import * as fs from 'fs';
import * as path from 'path';

/** The innermost YAML scalar around [a, b), decoded by the yaml library; undefined if the range is not inside one. */
function yamlSlice(src: string, r: Range): { text: string } | { error: string } {
  for (const block of splitYamlBlocks(src)) {
    if (r.start < block.start || r.end > block.end) continue;
    const doc = parseDocument(block.text, { schema: 'failsafe', uniqueKeys: false });
    let best: Scalar | undefined;
    visit(doc, {
      Scalar(_k, n) {
        if (!n.range) return;
        const [s, e] = [block.start + n.range[0], block.start + n.range[1]];
        if (s <= r.start && r.end <= e && (!best || n.range[1] - n.range[0] < best.range![1] - best.range![0])) best = n;
      },
    });
    // not inside a scalar (an alias *a): the source as it is
    if (!best) return { text: src.slice(r.start, r.end) };
    const n = best;
    const base = block.start + n.range![0];
    const written = block.text.slice(n.range![0], n.range![1]);
    const d = decodeYamlScalar(written, n.type, String(n.value ?? ''));
    if (!d) return { error: `the scalar ${JSON.stringify(written)} did not decode to the library's value` };
    let out = '';
    for (let i = 0; i < d.value.length; i++) {
      const s = base + d.starts[i];
      const e = base + d.ends[i];
      const inside = r.start <= s && e <= r.end && (e > s || (r.start <= s && s < r.end));
      const cut = (s < r.start && r.start < e) || (s < r.end && r.end < e);
      if (cut) return { error: `the range cuts ${JSON.stringify(written.slice(d.starts[i], d.ends[i]))} in two` };
      if (inside) out += d.value[i];
    }
    // inside double quotes and on one line, the library reads the slice alone the same way
    const inner = src.slice(r.start, r.end);
    if (n.type === 'QUOTE_DOUBLE' && r.start > base && r.end < base + written.length && !/[\r\n]/.test(inner) && !/\\$/.test(inner)) {
      const again = parseDocument(`"${inner}"`, { schema: 'failsafe' });
      if (again.errors.length === 0 && isScalar(again.contents) && String(again.contents.value) !== out) return { error: `the library reads ${JSON.stringify(inner)} as ${JSON.stringify(again.contents.value)}` };
    }
    return { text: out };
  }
  return { error: 'not inside one block' };
}

/** The DSL source at a range, decoded: text lines are as written (a leading \ escapes), values unescape \| \# \\ \t. */
function dslSlice(src: string, r: Range, isText: boolean): string {
  const lines = src.slice(r.start, r.end).split(/\r?\n/);
  const unescape = (l: string) => l.replace(/\\([|#\\t])/g, (_m, c: string) => (c === 't' ? '\t' : c));
  return lines.map((line, i) => {
    let l = line;
    if (i > 0) {
      if (!isText) l = l.replace(/^[ \t\u3000]+/, '');
      if (l[0] === '\\' && (isText || l.length === 1 || !'|#\\'.includes(l[1]))) l = l.slice(1);
    }
    return isText ? l : unescape(l);
  }).join('\n');
}

/** The ranges of text lines (section bodies, printed blocks) of a DSL report. */
function textRanges(r: Report): Range[] {
  const out: Range[] = [];
  for (const b of r.sectionBlocks) for (const s of allSections(b.sections)) if (s.body) out.push(s.body.range);
  for (const p of r.printed) if (p.body) out.push(p.body.range);
  return out;
}

/** Findings whose range does not read as their text (empty when all do). */
function wrongRanges(text: string, syntax: Syntax, ls = getLanguageService()): string[] {
  const res = ls.check(syntax === 'dsl' ? 'm.jsgk' : 'm.jsgk.yaml', text, syntax);
  const inexact = res.report.inexact ?? [];
  const texts = syntax === 'dsl' ? textRanges(res.report) : [];
  const bad: string[] = [];
  const show = (f: Finding, why: string) => `${f.rule} ${JSON.stringify(f.text)} at ${f.range.start}-${f.range.end} ${JSON.stringify(text.slice(f.range.start, f.range.end))}: ${why}`;
  for (const f of res.findings) {
    if (f.text === undefined || inexact.some((x) => x.start <= f.range.end && f.range.start <= x.end)) continue;
    if (syntax === 'yaml') {
      const got = yamlSlice(text, f.range);
      if ('error' in got) bad.push(show(f, got.error));
      else if (got.text !== f.text) bad.push(show(f, `reads ${JSON.stringify(got.text)}`));
    } else {
      const isText = texts.some((x) => x.start <= f.range.start && f.range.end <= x.end);
      const got = dslSlice(text, f.range, isText);
      if (got !== f.text) bad.push(show(f, `reads ${JSON.stringify(got)}`));
    }
  }
  return bad;
}

const files = corpus();

describe('exact ranges: a finding\'s range reads as its text (the ranges fixes edit)', function () {
  this.timeout(600000);

  it('in every sample, example and template, and each converted to the other syntax', () => {
    let checked = 0;
    for (const f of files) {
      const r = getLanguageService().check('x', f.text, f.syntax);
      assert.strictEqual(r.report.inexact, undefined, `${f.name}: every scalar decodes as the yaml library reads it`);
      checked += r.findings.filter((x) => x.text !== undefined).length;
      assert.deepStrictEqual(wrongRanges(f.text, f.syntax), [], f.name);
      const other: Syntax = f.syntax === 'yaml' ? 'dsl' : 'yaml';
      const c = convert(f.text, f.syntax, other);
      assert.ok(c.ok, `${f.name}: ${!c.ok && c.message}`);
      assert.deepStrictEqual(wrongRanges(c.text, other), [], `${f.name} → ${other}`);
    }
    assert.ok(checked > 60, `findings with a text: ${checked}`);
  });

  it('a 部门 report checked against its 单位 reports (units.sum), in both syntaxes', () => {
    const dir = path.join(ROOT, 'examples', '部门与所属单位');
    const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
    const others = ['某市商务局（本级）-2023单位决算.jsgk.yaml', '某市招商服务中心-2023单位决算.jsgk.yaml'].map((f) => ({ uri: f, report: parseReport(read(f)).report }));
    const dept = read('某市商务局-2023部门决算.jsgk.yaml');
    const ls = getLanguageService({ others: () => others });
    const units = ls.check('d.jsgk.yaml', dept).findings.filter((f) => f.rule === 'units.sum');
    assert.ok(units.length > 0 && units.every((f) => f.text !== undefined), 'units.sum findings name their text');
    assert.deepStrictEqual(wrongRanges(dept, 'yaml', getLanguageService({ others: () => others })), []);
    const dsl = convert(dept, 'yaml', 'dsl') as { text: string };
    assert.deepStrictEqual(wrongRanges(dsl.text, 'dsl', getLanguageService({ others: () => others })), []);
  });

  it('quickfix-escaped-string-corrupts-number: the text.duplicate fix inside "…\\t…" removes the word, not a digit', () => {
    const src = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'reliability', 'quickfix-escaped-string-corrupts-number.jsgk.yaml'), 'utf8');
    const r = getLanguageService().check('q.jsgk.yaml', src);
    const f = r.findings.find((x) => x.rule === 'text.duplicate')!;
    assert.strictEqual(src.slice(f.range.start, f.range.end), '支出支出');
    const e = f.fixes![0].edits[0];
    const fixed = src.slice(0, e.range.start) + e.newText + src.slice(e.range.end);
    assert.ok(fixed.includes('"第一句。\\t（三）资本性支出 655.67万元。"'), fixed);
    // the share finding of the text that starts with \t points at the number it names
    const share = r.findings.find((x) => x.rule === 'text.share')!;
    assert.strictEqual(src.slice(share.range.start, share.range.end), share.text);
    assert.strictEqual(share.text, '50.00%');
  });

  it('a row whose values are a block scalar (| and |-, found by the random test): each cell\'s range reads as its text', () => {
    for (const header of ['|', '|-', '|+']) {
      const src = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n  金额单位: 万元\n\n表 收入决算表:\n  列: [本年收入合计, 财政拨款收入]\n  行:\n'
        + `    - 2011350 事业运行: ${header}\n        159.37 1é59.37\n`;
      const r = getLanguageService().check('b.jsgk.yaml', src);
      const bad = r.findings.find((f) => f.rule === 'parse.amount');
      assert.ok(bad, header);
      assert.strictEqual(src.slice(bad.range.start, bad.range.end), '1é59.37', header);
      assert.deepStrictEqual(wrongRanges(src, 'yaml'), [], header);
    }
  });

  it('where a text cannot be mapped exactly (Report.inexact), its findings are shown without fixes', () => {
    const src = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'reliability', 'quickfix-escaped-string-corrupts-number.jsgk.yaml'), 'utf8');
    // as if the decoder had disagreed with the yaml library on every scalar (it does not on any sample or random input)
    const text = require('../server/src/service/text') as { makeText: typeof makeText };
    const exact = text.makeText;
    text.makeText = (...a: Parameters<typeof makeText>) => ({ ...exact(...a), inexact: true });
    try {
      const r = getLanguageService().check('i.jsgk.yaml', src);
      assert.ok((r.report.inexact ?? []).length > 0);
      const dup = r.findings.find((x) => x.rule === 'text.duplicate')!;
      assert.ok(dup, 'the finding is still shown');
      assert.strictEqual(dup.fixes, undefined, 'but no fix is offered');
    } finally {
      text.makeText = exact;
    }
    const r = getLanguageService().check('e.jsgk.yaml', src);
    assert.strictEqual(r.report.inexact, undefined);
    assert.strictEqual(r.findings.find((x) => x.rule === 'text.duplicate')!.fixes!.length, 1);
  });

  it('every scalar style and escape maps each character to what it was read from', () => {
    const cases: Array<[string, string]> = [
      ['"a\\tb\\n\\"c\\\\d\\u00e9\\U0001F600\\x41 \\/"', 'a\tb\n"c\\dé😀A /'],
      ['"folded\n   line\n\n   para  \n   end"', 'folded line\npara end'],
      ['"escaped \\\n   break"', 'escaped break'],
      ["'it''s\n  folded'", "it's folded"],
      ['|\n    one\n      two\n\n    three\n', 'one\n  two\n\nthree\n'],
      ['>-\n    a\n    b\n\n      c\n    d\n', 'a b\n\n  c\nd'],
      ['|+\n  keep\n\n', 'keep\n\n'],
      ['plain\n  continued', 'plain continued'],
      // unterminated at the end of a block (a syntax error): the final line break, LF or CRLF, is where the quote was missing
      ['"1,\n', '1,'],
      ['"1,\r\n', '1,'],
    ];
    for (const [src, value] of cases) {
      const d = decodeYamlScalar(src, src[0] === '"' ? 'QUOTE_DOUBLE' : src[0] === "'" ? 'QUOTE_SINGLE' : src[0] === '|' ? 'BLOCK_LITERAL' : src[0] === '>' ? 'BLOCK_FOLDED' : 'PLAIN', value);
      assert.ok(d, src);
      const t = makeText(value, src, 0, { start: 0, end: src.length }, src[0] === '"' ? 'QUOTE_DOUBLE' : src[0] === "'" ? 'QUOTE_SINGLE' : src[0] === '|' ? 'BLOCK_LITERAL' : src[0] === '>' ? 'BLOCK_FOLDED' : 'PLAIN');
      assert.ok(!t.inexact);
      // every character of the value that is not white space is the source character at its start
      for (let i = 0; i < value.length; i++) {
        if (/\s/.test(value[i])) continue;
        const r = textRange(t, i, i + 1);
        const s = src.slice(r.start, r.end);
        assert.ok(s === value[i] || s.startsWith('\\') || /^''$/.test(s), `${JSON.stringify(src)}[${i}] ${JSON.stringify(value[i])} ← ${JSON.stringify(s)}`);
      }
    }
    // the tab escape covers both source characters: a word after it starts after the escape
    const t = makeText('\t本年', '"\\t本年"', 10, { start: 10, end: 16 }, 'QUOTE_DOUBLE');
    assert.deepStrictEqual(textRange(t, 0, 1), { start: 11, end: 13 });
    assert.deepStrictEqual(textRange(t, 1, 3), { start: 13, end: 15 });
    // what cannot be decoded as the library read it is inexact (its fixes are not offered)
    const odd = makeText('something else', '"x"', 0, { start: 0, end: 3 }, 'QUOTE_DOUBLE');
    assert.strictEqual(odd.inexact, true);
  });

  it('with every value re-written in random scalar styles, folded at random widths, tabs and escapes inserted (fast-check)', () => {
    const yaml = files.filter((f) => f.syntax === 'yaml').map((f) => f.text);
    const STYLES = [Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED];
    let styled = 0;
    let withText = 0;
    fc.assert(fc.property(fc.integer({ min: 0, max: yaml.length - 1 }), fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), fc.integer({ min: 20, max: 120 }), (i, dice, width) => {
      const doc = parseDocument(yaml[i], { schema: 'failsafe' });
      let k = 0;
      visit(doc, {
        Scalar(key, n) {
          const d = dice[k++ % dice.length];
          if (d % 3 === 0) return;
          // keys stay on one line (a block scalar as a key would be a “? ” key, which reports do not use)
          n.type = (key === 'key' ? STYLES[d % 3] : STYLES[d % STYLES.length]) as Scalar.Type;
          // a tab or an accented letter in a long text: written as an escape in double quotes
          if (typeof n.value === 'string' && n.value.length > 30 && d % 7 === 1) n.value = n.value.slice(0, d % n.value.length) + (d % 2 ? '\t' : 'é') + n.value.slice(d % n.value.length);
        },
      });
      const t = doc.toString({ lineWidth: width, minContentWidth: 10 });
      const r = getLanguageService().check('s.jsgk.yaml', t);
      if (r.findings.some((f) => f.rule === 'schema.required')) return; // the styles made the blocks unreadable: nothing to compare
      styled++;
      withText += r.findings.filter((f) => f.text !== undefined).length;
      assert.deepStrictEqual(wrongRanges(t, 'yaml'), []);
    }), { numRuns: 40 });
    assert.ok(styled >= 30 && withText > 100, `${styled} documents, ${withText} findings with a text`);
  });

  it('on randomly edited YAML and DSL (fast-check)', () => {
    const yaml = files.filter((f) => f.syntax === 'yaml').map((f) => f.text);
    const dsl = files.map((f) => (f.syntax === 'dsl' ? f.text : (convert(f.text, 'yaml', 'dsl') as { text: string }).text));
    fc.assert(fc.property(mutations(yaml, YAMLISH), (t) => { assert.deepStrictEqual(wrongRanges(t, 'yaml'), []); }), { numRuns: 150 });
    fc.assert(fc.property(mutations(dsl, DSLISH), (t) => { assert.deepStrictEqual(wrongRanges(t, 'dsl'), []); }), { numRuns: 150 });
  });
});
