/**
 * The line DSL, case by case: source text with «markers» → the model or the findings expected there.
 */
import * as assert from 'assert';
import { getLanguageService, parseReport, ReportParser } from '../server/src/service';
import { convert } from '../server/src/service/convert';
import { completion } from '../server/src/service/features';
import { formatDocument } from '../server/src/service/format';
import { applyFix, extractMarkers } from './helpers/markers';
import { project } from './helpers/project';

const HEAD = '【报告】\n类型：部门决算\n年度：2023\n单位：某单位\n金额单位：万元\n\n';
const check = (text: string) => getLanguageService().check('t.jsgk', text).findings;

describe('line DSL cases', () => {
  it('a row pasted from Excel (tabs) and a row written as in YAML (key | values with spaces) read the same', () => {
    const src = HEAD + '【表 收入决算表】\n列：本年收入合计 | 财政拨款收入 | 其他收入\n合计\t«335.56»\t335.56\t0.00\n201 一般公共服务支出 | «270.38» 270.38 0.00\n';
    const { text, ranges } = extractMarkers(src);
    const t = parseReport(text, 'dsl').report.tables[0];
    assert.deepStrictEqual(t.parts[0].rows.map((r) => [r.key, r.code, r.cells.map((c) => c.raw)]), [
      ['合计', undefined, ['335.56', '335.56', '0.00']],
      ['201 一般公共服务支出', '201', ['270.38', '270.38', '0.00']],
    ]);
    assert.deepStrictEqual(t.parts[0].rows.map((r) => r.cells[0].range), ranges);
    assert.strictEqual(t.kind, '决算02');
  });

  it('| # tab and \\ inside a cell are written \\| \\# \\t \\\\; a comment after a row is not a cell', () => {
    const src = HEAD + '【表 自定义表】\n列：金额\n«a\\|b #1» | 1.00   # 备注\n| 空 |  |\nx\\ty\\\\z | 2.00\n';
    const { text } = extractMarkers(src);
    const p = parseReport(text, 'dsl');
    const rows = p.report.tables[0].parts[0].rows;
    assert.deepStrictEqual(rows.map((r) => [r.key, r.cells.map((c) => [c.kind, c.raw])]), [['a|b #1', [['amount', '1.00']]], ['空', [['empty', '']]], ['x\ty\\z', [['amount', '2.00']]]]);
    assert.deepStrictEqual(p.findings, []);
  });

  it('sections: = and == headings, text kept line by line, 单位构成 rows, a text line starting with = escaped by \\', () => {
    const src = HEAD + '【部门概况】\n= 一、职责\n第一行。\n\n\\= 这不是标题\n== （一）下级\n下级正文\n= 二、单位构成\n单位构成：\n| 1 | 某单位 | 行政单位 |\n';
    const r = parseReport(src, 'dsl').report;
    assert.deepStrictEqual((project(r) as { overview: unknown }).overview, [
      { title: '一、职责', body: '第一行。\n\n= 这不是标题', units: undefined, children: [{ title: '（一）下级', body: '下级正文', units: undefined, children: [] }] },
      { title: '二、单位构成', body: undefined, units: [['1', '某单位', '行政单位']], children: [] },
    ]);
    // each character of the text maps back to the source
    const body = r.overview[0].body!;
    const at = body.value.indexOf('这不是');
    assert.strictEqual(src.slice(body.offsets[at], body.offsets[at] + 3), '这不是');
  });

  it('a value continues on indented lines (注, 名词解释 definitions)', () => {
    const src = HEAD + '【表 收入决算表】\n列：本年收入合计\n合计 | 1.00\n注：1.第一条。\n  2.第二条。\n\n【名词解释】\n1.基本支出：指为保障机构正常运转\n  而发生的人员支出和公用支出。\n2.项目支出：指……\n';
    const r = parseReport(src, 'dsl').report;
    assert.strictEqual(r.tables[0].note!.value, '1.第一条。\n2.第二条。');
    assert.deepStrictEqual(r.glossary.map((e) => [e.number, e.term, e.definition.value]), [['1.', '基本支出', '指为保障机构正常运转\n而发生的人员支出和公用支出。'], ['2.', '项目支出', '指……']]);
  });

  const errors: Array<[string, string, string, string]> = [
    ['a row with a value too few', HEAD + '【表 收入决算表】\n列：本年收入合计 | 财政拨款收入\n合计 | «335.56»\n', 'table.cells', '此行有 1 个值，而表头有 2 列（本年收入合计、财政拨款收入）'],
    ['an amount with a Chinese digit', HEAD + '【表 收入决算表】\n列：本年收入合计\n合计 | «335.5六»\n', 'parse.amount', '金额“335.5六”含有非数字字符“六”'],
    ['text before the first heading', HEAD + '【情况说明】\n«没有标题的正文»\n', 'dsl.syntax', '正文前面要有标题：以“= 标题”开始一节'],
    ['an unknown block', HEAD + '【«附表»】\n', 'schema.block', '未知的块【附表】。可用：【报告】【部门概况】或【单位概况】【表 表名】【情况说明】【名词解释】【绩效自评 项目名称】【其他】【封面】【目录】【第一部分 标题】'],
    ['an unknown key in 报告', HEAD.replace('金额单位：万元', '«颜色»：红'), 'schema', '不认识的键“颜色”。此处可用的键：类型、年度、单位、金额单位、科目版本、标题'],
    ['a year in Chinese numerals', HEAD.replace('年度：2023', '年度：«二〇二三»'), 'schema', '应为四位年份，如 2023，而这里是“二〇二三”'],
    ['a report type that does not exist', HEAD.replace('类型：部门决算', '类型：«部门决算表»'), 'schema', '“类型”应为以下之一：部门决算、单位决算、部门预算、单位预算，而这里是“部门决算表”'],
    ['a table line that is neither a row nor a field', HEAD + '【表 收入决算表】\n列：本年收入合计\n«合计 335.56»\n', 'dsl.syntax', '表的一行写作“行名 | 各列的值”（用“|”分隔），其他内容写作“键：值”'],
    ['text before the first block', '«正文»\n' + HEAD, 'dsl.syntax', '第一个【块】之前只能有注释（以 # 开头），如需正文请写在【部门概况】等块中'],
  ];
  for (const [what, src, rule, message] of errors) {
    it(`says where and what: ${what}`, () => {
      const { text, ranges } = extractMarkers(src);
      const f = parseReport(text, 'dsl').findings;
      assert.deepStrictEqual(f.map((x) => [x.rule, x.message, x.range]), [[rule, message, ranges[0]]]);
    });
  }

  it('content after a block header is said, and what it held is not read', () => {
    const { text, ranges } = extractMarkers('【报告】«类型：部门决算»\n年度：2023\n单位：某单位\n');
    assert.deepStrictEqual(parseReport(text, 'dsl').findings.map((x) => [x.rule, x.message, x.range]), [
      ['dsl.syntax', '【报告】这一行的后面不能再写内容：请换行书写', ranges[0]],
      ['schema', '“报告”缺少必填项“类型”', { start: 1, end: 3 }],
    ]);
  });

  it('a missing 类型 is said at the block header', () => {
    const f = parseReport('【«报告»】\n年度：2023\n单位：某单位\n'.replace(/[«»]/g, ''), 'dsl').findings;
    assert.deepStrictEqual(f.map((x) => [x.message, x.range]), [['“报告”缺少必填项“类型”', { start: 1, end: 3 }]]);
  });

  it('a sum error is found, its fix writes the number, and a 出错说明 after the row justifies it', () => {
    const src = HEAD + '【表 一般公共预算财政拨款支出决算表】\n列：本年支出/小计 | 本年支出/基本支出 | 本年支出/项目支出\n合计 | «336.56» | 224.55 | 111.01\n';
    const { text, ranges } = extractMarkers(src);
    const f = check(text).filter((x) => x.rule === 'sum.columns');
    assert.deepStrictEqual(f.map((x) => [x.message, x.range]), [['合计（本年支出/小计） 336.56 ≠ 基本支出 + 项目支出 335.56（差 1.00）', ranges[0]]]);
    const fixed = applyFix(text, f[0]);
    assert.ok(fixed.includes('合计 | 335.56 | 224.55 | 111.01'));
    assert.deepStrictEqual(check(fixed).filter((x) => x.severity === 'error'), []);
    const justified = text.replace('| 111.01\n', '| 111.01   # 出错说明(sum.columns): 已与财政核对\n');
    assert.deepStrictEqual(check(justified).filter((x) => x.rule === 'sum.columns' || x.rule === 'annotation.unused'), []);
  });

  it('the fix that adds a missing glossary term writes DSL, and the term is then defined', () => {
    const text = HEAD + '【情况说明】\n= 一、说明\n本年基本支出224.55万元。\n\n【名词解释】\n1.项目支出：指……\n';
    const f = check(text).find((x) => x.rule === 'glossary.missing' && x.message.includes('基本支出'))!;
    assert.ok(f, 'glossary.missing');
    const fixed = applyFix(text, f);
    assert.match(fixed, /\n2\.基本支出：指为保障机构正常运转/);
    assert.deepStrictEqual(parseReport(fixed, 'dsl').report.glossary.map((e) => e.term), ['项目支出', '基本支出']);
  });

  it('an edit re-parses only the block it touches', () => {
    const text = HEAD + '【表 收入决算表】\n列：本年收入合计\n合计 | 1.00\n\n【表 支出决算表】\n列：本年支出合计\n合计 | 1.00\n';
    const p = new ReportParser('dsl');
    assert.strictEqual(p.parse(text).reparsed, 3);
    const r = p.parse(text.replace('合计 | 1.00\n\n【表 支出', '合计 | 2.00\n\n【表 支出'));
    assert.strictEqual(r.reparsed, 1);
    assert.strictEqual(r.report.tables[0].parts[0].rows[0].cells[0].raw, '2.00');
  });

  it('a file with format errors is not converted (nothing it could not read is lost)', () => {
    const r = convert(HEAD + '【表 收入决算表】\n列：本年收入合计\n合计 | 335.5六\n', 'dsl', 'yaml');
    assert.strictEqual(r.ok, false);
    assert.strictEqual(!r.ok && r.message, '文件中有 1 处格式错误，转换会丢失读不懂的内容：请先修正（见“问题”面板）再转换');
  });

  it('formatting lines the rows up (key left, amounts right) and changes nothing else', () => {
    const text = HEAD + '【表 收入决算表】\n列：本年收入合计 | 其他收入\n合计 | 335.56 | 0.00\n2011308 招商引资 | 1.5 | 10.00   # 注释\n201 一般公共服务支出\t12.00\t0.00\n';
    const res = getLanguageService().check('t.jsgk', text);
    let out = text;
    for (const e of formatDocument(text, res.report).sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
    assert.ok(out.includes('合计                 | 335.56 | 0.00\n'), out);
    assert.ok(out.includes('201 一般公共服务支出 |  12.00 | 0.00\n'), 'a row pasted with tabs is written with |: ' + out);
    assert.ok(out.includes('2011308 招商引资 | 1.5 | 10.00   # 注释'), 'a row with a comment is left as it is');
    assert.deepStrictEqual(project(parseReport(out, 'dsl').report), project(res.report));
  });

  it('completion: blocks after 【, 科目 in a row key, report types after 类型：', () => {
    const ls = getLanguageService();
    const at = (src: string) => {
      const i = src.indexOf('‸');
      const text = src.replace('‸', '');
      return completion(ls.check('c.jsgk', text), text, i, ls.catalogue).map((c) => c.label);
    };
    assert.ok(at(HEAD + '【‸').includes('【情况说明】'));
    assert.ok(at(HEAD + '【表‸').includes('【表 收入决算表】'));
    const kemu = at(HEAD + '【表 收入决算表】\n列：本年收入合计\n2011308‸');
    assert.deepStrictEqual(kemu.slice(0, 1), ['2011308 招商引资']);
    assert.deepStrictEqual(at('【报告】\n类型：‸'), ['部门决算', '单位决算', '部门预算', '单位预算']);
  });
});
