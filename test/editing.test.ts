/**
 * Editing as a clerk types (issue 14): 科目 completion that follows what is typed and works on a
 * fresh row (Enter only indented, no “- ” yet; an empty DSL line in a table), Enter continuing the
 * rows (the language configurations' onEnterRules, applied as VS Code applies them), hovers that put
 * the computation first with its parts linked, and the format guide a click away.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { builtinCatalogue, getLanguageService } from '../server/src/service';
import { completion, hover } from '../server/src/service/features';
import { ROOT, sample } from './helpers/samples';

const cat = builtinCatalogue();
const YAML = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n\n表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 221 住房保障支出: 1\n    - 22102 住房改革支出: 1\n    - 2210201 住房公积金: 1\n';
const DSL = '【报告】\n类型：部门决算\n年度：2023\n单位：测试单位\n\n【表 支出决算表】\n列：本年支出合计\n合计 | 1\n201 一般公共服务支出 | 1\n';
const at = (text: string, uri = 'c.jsgk.yaml') => {
  const r = getLanguageService().check(uri, text);
  return completion(r, text, text.length, cat, undefined);
};
/** The text after a completion is accepted: replaceFrom…cursor replaced by insertText. */
const accept = (text: string, item: { insertText: string; replaceFrom?: number }) => text.slice(0, item.replaceFrom ?? text.length) + item.insertText;

describe('科目 completion follows what is typed', () => {
  it('after “- ” under 2210201 the list is its siblings; with “201” typed it is 201 and its 款, 201 first', () => {
    assert.deepStrictEqual(at(YAML + '    - ').map((i) => i.label), ['2210202 提租补贴', '2210203 购房补贴']);
    const typed = at(YAML + '    - 201');
    assert.strictEqual(typed[0].label, '201 一般公共服务支出');
    assert.ok(typed.every((i) => i.label.startsWith('201')));
    assert.strictEqual(accept(YAML + '    - 201', typed[0]), YAML + '    - 201 一般公共服务支出');
  });

  it('on a fresh row (Enter only indented, no “- ”): the 科目, each inserted with its “- ”', () => {
    const empty = at(YAML + '    ');
    assert.deepStrictEqual(empty.map((i) => i.label), ['2210202 提租补贴', '2210203 购房补贴']);
    assert.strictEqual(accept(YAML + '    ', empty[0]), YAML + '    - 2210202 提租补贴');
    const typed = at(YAML + '    201');
    assert.strictEqual(typed[0].label, '201 一般公共服务支出');
    assert.strictEqual(accept(YAML + '    201', typed[0]), YAML + '    - 201 一般公共服务支出');
    const hz = at(YAML + '    招商');
    assert.ok(hz.some((i) => i.label === '2011308 招商引资'));
    const py = at(YAML + '    zsyz');
    assert.strictEqual(py[0].label, '2011308 招商引资');
    // right under 行: too
    const first = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n\n表 支出决算表:\n  列: [本年支出合计]\n  行:\n    ';
    assert.ok(at(first).some((i) => i.label === '201 一般公共服务支出'));
  });

  it('not where no row can be: an indented line under 列 or a 部门概况 text, a line at the table’s own indentation', () => {
    assert.deepStrictEqual(at(YAML + '  '), []);
    assert.deepStrictEqual(at(YAML + '      '), []);
    const overview = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n\n部门概况:\n  - 一、部门职责: |\n      ';
    assert.deepStrictEqual(at(overview), []);
  });

  it('the DSL: an empty line in a table offers 科目 (under the row above); after a note or heading it offers blocks', () => {
    const empty = at(DSL, 'c.jsgk');
    assert.ok(empty.length > 0 && empty.every((i) => i.label.startsWith('201')), empty.map((i) => i.label).join(','));
    assert.strictEqual(at(DSL + '201', 'c.jsgk')[0].label, '201 一般公共服务支出');
    assert.ok(at(DSL + '\n', 'c.jsgk').every((i) => /^\d/.test(i.label)));
    assert.ok(at(DSL + '注：本表反映支出。\n', 'c.jsgk').every((i) => i.label.startsWith('【')));
  });
});

/** VS Code's onEnterRules, as the editor applies them: the first rule whose beforeText (and afterText) match. */
function enter(configFile: string, before: string, after = ''): { indent: string; append: string } | undefined {
  const cfg = JSON.parse(fs.readFileSync(path.join(ROOT, configFile), 'utf8')) as { onEnterRules?: Array<{ beforeText: string; afterText?: string; action: { indent: string; appendText?: string } }> };
  for (const r of cfg.onEnterRules ?? []) {
    if (!new RegExp(r.beforeText).test(before)) continue;
    if (r.afterText && !new RegExp(r.afterText).test(after)) continue;
    return { indent: r.action.indent, append: r.action.appendText ?? '' };
  }
  return undefined;
}

describe('Enter continues the rows (onEnterRules)', () => {
  it('YAML: after a row, and after 行:, the next line starts with “- ”', () => {
    assert.deepStrictEqual(enter('language-configuration.json', '    - 2210201 住房公积金: 1.00 2.00'), { indent: 'none', append: '- ' });
    assert.deepStrictEqual(enter('language-configuration.json', '  行:'), { indent: 'indent', append: '- ' });
    assert.deepStrictEqual(enter('language-configuration.json', '        - [1, 某中心（本级）, 行政单位]'), { indent: 'none', append: '- ' });
  });

  it('YAML: not after a section that opens a text block or a mapping, nor in the middle of a line', () => {
    assert.deepStrictEqual(enter('language-configuration.json', '  - 一、部门职责: |'), { indent: 'indent', append: '' });
    assert.strictEqual(enter('language-configuration.json', '  - 二、机构设置:'), undefined);
    assert.strictEqual(enter('language-configuration.json', '    - 201 一般公共服务支出: 1', '.00'), undefined);
    assert.strictEqual(enter('language-configuration.json', '  列: [本年支出合计]'), undefined);
  });

  it('DSL: after a “| … |” row (单位构成), the next line starts with “| ”; after a table row nothing is added', () => {
    assert.deepStrictEqual(enter('language-configuration-dsl.json', '| 1 | 某中心（本级） | 行政单位 |'), { indent: 'none', append: '| ' });
    assert.strictEqual(enter('language-configuration-dsl.json', '201 一般公共服务支出 | 1.00'), undefined);
  });
});

describe('hover: the computation first, the format guide a click away', () => {
  const GUIDE = 'command:jsgk.openFormatGuide?%5B%22yaml%22%5D';

  it('the hover on a flagged total is its computation, each part linked to its cell when the shell gives links', () => {
    const { text } = sample('000');
    const r = getLanguageService().check('h.jsgk.yaml', text);
    const off = text.indexOf('人员经费合计: 205.97') + '人员经费合计: '.length + 1;
    const f = r.findings.find((x) => x.range.start <= off && off <= x.range.end)!;
    assert.ok(f && !f.related, 'the finding has no related locations above the computation');
    const h = hover(r, text, off, cat, undefined, { link: (x) => `file:///h#${x.start}-${x.end}` })!;
    const lines = h.contents.split('\n');
    assert.match(lines[0], /^\*\*人员经费合计\*\* = 205\.97　Σ 205\.98/);
    const p = text.indexOf('184.88', text.indexOf('301 工资福利支出: 184.88'));
    assert.ok(lines.includes(`- 301 工资福利支出：[184.88](file:///h#${p}-${p + 6})`), h.contents);
  });

  it('a block key says what the block is, a table its standard kind and columns, with a link to the guide', () => {
    const { text } = sample('000');
    const r = getLanguageService().check('h.jsgk.yaml', text);
    const t = hover(r, text, text.indexOf('表 收入决算表:') + 3, cat, undefined, { guide: GUIDE })!;
    assert.match(t.contents, /^\*\*收入决算表\*\*（标准表 决算02 · 公开02表）\n\n列：本年收入合计、财政拨款收入/);
    assert.ok(t.contents.endsWith(`[格式说明](${GUIDE})`), t.contents);
    assert.strictEqual(text.slice(t.range.start, t.range.end), '表 收入决算表');
    const b = hover(r, text, text.indexOf('报告:') + 1, cat, undefined, { guide: GUIDE })!;
    assert.match(b.contents, /^\*\*报告\*\*　报告的类型、年度、单位与金额单位。/);
    // without a guide link (the CLI, tests) no link
    assert.ok(!hover(r, text, text.indexOf('报告:') + 1, cat)!.contents.includes('command:'));
  });

  it('where a format rule found something (a syntax error, a placeholder) the hover links to the guide', () => {
    const text = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: XX单位\n\n表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 合计: 1,68.40\n';
    const r = getLanguageService().check('g.jsgk.yaml', text);
    for (const word of ['XX单位', '1,68.40']) {
      const h = hover(r, text, text.indexOf(word) + 1, cat, undefined, { guide: GUIDE })!;
      assert.strictEqual(h.contents, `写法见[格式说明](${GUIDE})`, word);
    }
    // a term or a total keeps its hover, the link follows it; elsewhere no hover at all
    assert.strictEqual(hover(r, text, text.indexOf('类型') + 1, cat, undefined, { guide: GUIDE }), undefined);
  });
});
