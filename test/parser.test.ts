import * as assert from 'assert';
import { parseReport, ReportParser } from '../server/src/service/frontends/report-parser';
import { cellAt, findTable, partOf, allSections } from '../server/src/service/query';
import { Finding, Range } from '../server/src/service/model';
import { convert } from '../server/src/service/features/convert';
import { extractMarkers } from './helpers/markers';
import { allSampleFiles, plain, sample, sampleFiles } from './helpers/samples';
import * as fs from 'fs';
import * as path from 'path';

const HEAD = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n  金额单位: 万元\n\n';

describe('samples of the four seeds', () => {
  for (const file of sampleFiles()) {
    it(`${path.basename(file)} parses with no syntax or schema finding`, () => {
      const r = parseReport(fs.readFileSync(file, 'utf8'));
      const bad = r.findings.filter((f) => f.rule.startsWith('yaml') || f.rule.startsWith('schema') || f.rule.startsWith('parse') || f.rule.startsWith('table.'));
      assert.deepStrictEqual(bad.map((f) => `${f.rule}: ${f.message}`), []);
      assert.ok(r.report.meta?.type, 'has a report type');
    });
  }
});

describe('spot checks against the seeds (value, decimals, range)', () => {
  const { text } = sample('000');
  const report = parseReport(text).report;
  // [table, part, row, column, as published]
  const cells: Array<[string, string, string, string, string]> = [
    ['公开01表', '收入', '一、一般公共预算财政拨款收入', '金额', '335.56'],
    ['公开01表', '收入', '本年收入合计', '金额', '335.56'],
    ['公开01表', '收入', '总计', '行次', '30'],
    ['公开01表', '支出', '一、一般公共服务支出', '金额', '270.38'],
    ['公开01表', '支出', '八、社会保障和就业支出', '金额', '38.85'],
    ['公开01表', '支出', '九、卫生健康支出', '金额', '9.88'],
    ['公开01表', '支出', '十九、住房保障支出', '金额', '16.44'],
    ['公开01表', '支出', '总计', '行次', '60'],
    ['公开02表', '', '合计', '本年收入合计', '335.56'],
    ['公开02表', '', '2011308', '财政拨款收入', '111.01'],
    ['公开02表', '', '2011350', '本年收入合计', '159.37'],
    ['公开02表', '', '2080502', '本年收入合计', '21.51'],
    ['公开02表', '', '2080505', '财政拨款收入', '17.34'],
    ['公开02表', '', '2101103', '其他收入', '0.00'],
    ['公开03表', '', '合计', '基本支出', '224.55'],
    ['公开03表', '', '合计', '项目支出', '111.01'],
    ['公开03表', '', '2011308', '基本支出', '0.00'],
    ['公开03表', '', '2101102', '本年支出合计', '8.38'],
    ['公开04表', '支出', '本年支出合计', '一般公共预算财政拨款', '335.56'],
    ['公开04表', '支出', '十九、住房保障支出', '合计', '16.44'],
    ['公开04表', '收入', '总计', '金额', '335.56'],
    ['公开05表', '', '合计', '小计', '335.56'],
    ['公开05表', '', '221', '基本支出', '16.44'],
    ['公开06表', '', '301', '决算数', '184.88'],
    ['公开06表', '', '30101', '决算数', '130.81'],
    ['公开06表', '', '30102', '决算数', '0.10'],
    ['公开06表', '', '303', '决算数', '21.10'],
    ['公开06表', '', '302', '决算数', '18.57'],
    ['公开06表', '', '30239', '决算数', '7.44'],
    ['公开06表', '', '30299', '决算数', '0.03'],
    ['公开06表', '', '人员经费合计', '决算数', '205.97'],
    ['公开06表', '', '公用经费合计', '决算数', '18.57'],
    ['公开09表', '', '合计', '预算数/合计', '41.27'],
    ['公开09表', '', '合计', '决算数/公务接待费', '41.27'],
    ['公开09表', '', '合计', '决算数/因公出国（境）费', '0.00'],
  ];
  for (const [tn, pn, row, col, want] of cells) {
    it(`000 ${tn} ${pn}${row} / ${col} = ${want}`, () => {
      const t = findTable(report, tn);
      assert.ok(t, `table ${tn}`);
      const part = partOf(t!, pn);
      assert.ok(part, `part ${pn}`);
      const c = cellAt(part!, row, col);
      assert.ok(c, `cell ${row}/${col}`);
      assert.strictEqual(c!.raw, want);
      assert.strictEqual(c!.value!.toString(), want);
      assert.strictEqual(c!.value!.scale, (want.split('.')[1] ?? '').length);
      assert.strictEqual(text.slice(c!.range.start, c!.range.end), want, 'range points at the number in the source');
    });
  }

  it('000 公开02表 rows carry 科目 code, name and level with exact ranges', () => {
    const part = partOf(findTable(report, '收入决算表')!)!;
    const r = part.rows.find((x) => x.code === '2080505')!;
    assert.strictEqual(r.name, '机关事业单位基本养老保险缴费支出');
    assert.strictEqual(r.level, '项');
    assert.strictEqual(text.slice(r.codeRange!.start, r.codeRange!.end), '2080505');
    assert.strictEqual(text.slice(r.nameRange.start, r.nameRange.end), '机关事业单位基本养老保险缴费支出');
    assert.strictEqual(part.rows.find((x) => x.code === '201')!.level, '类');
    assert.strictEqual(part.rows.find((x) => x.code === '20113')!.level, '款');
    assert.strictEqual(part.rows[0].code, undefined);
    assert.strictEqual(part.rows[0].name, '合计');
  });

  it('000 recognises every standard table kind and the unit', () => {
    const kinds = report.tables.map((t) => t.kind);
    assert.deepStrictEqual(kinds, ['决算01', '决算02', '决算03', '决算04', '决算05', '决算06', '决算07', '决算08', '决算09']);
    assert.ok(report.tables.every((t) => t.unit === '万元'));
    assert.strictEqual(report.meta!.year!.year, 2023);
  });

  it('000 narrative keeps sentences verbatim with exact offsets', () => {
    const secs = [...allSections(report.narrative)];
    const s = secs.flatMap((x) => x.body?.sentences ?? []).find((x) => x.text.startsWith('1.一般公共预算财政拨款收入335.56万元'));
    assert.ok(s);
    assert.strictEqual(text.slice(s!.range.start, s!.range.end), s!.text);
    const body = secs.find((x) => x.title.value === '（一）年度收入增减变化情况')!.body!;
    const i = body.value.indexOf('11.20%');
    assert.ok(i > 0);
    assert.strictEqual(text.slice(body.offsets[i], body.offsets[i + 5] + 1), '11.20%');
  });

  it('000 glossary has 15 entries in order', () => {
    assert.strictEqual(report.glossary.length, 15);
    assert.strictEqual(report.glossary[0].term, '财政拨款收入');
    assert.strictEqual(report.glossary[13].term, '“三公”经费');
    const g = report.glossary[10];
    assert.strictEqual(g.term, '基本支出');
    assert.strictEqual(text.slice(g.termRange.start, g.termRange.end), '基本支出');
    assert.match(g.definition.value, /^指为保障机构正常运转/);
  });

  it('002 glossary keeps its numbering, duplicates included', () => {
    const r = parseReport(sample('002').text).report;
    assert.strictEqual(r.glossary.length, 26);
    assert.deepStrictEqual(r.glossary.map((g) => g.number).slice(14, 17), ['15.', '12．', '16．']);
    assert.strictEqual(r.glossary.filter((g) => g.term === '基本支出').length, 2);
    assert.strictEqual(r.glossary[11].term, '社会保障和就业支出（208）行政事业单位养老支出（05）机关事业单位基本养老保险缴费支出（05）');
  });

  it('002 绩效自评表: funds, indicators with merged cells filled, total', () => {
    const { text: t2 } = sample('002');
    const r = parseReport(t2).report;
    assert.strictEqual(r.perf.length, 1);
    const p = r.perf[0];
    assert.strictEqual(p.project, '51090423T000008717642-2023招商引资');
    const total = cellAt(p.funds!, '总额', '调整后预算数')!;
    assert.strictEqual(total.value!.toString(), '349.78');
    assert.strictEqual(cellAt(p.funds!, '总额', '预算执行率')!.kind, 'percent');
    assert.strictEqual(p.indicators.length, 14);
    const amount = p.indicators[1];
    assert.strictEqual(amount.level1, '产出指标');
    assert.strictEqual(amount.level2, '数量指标');
    assert.strictEqual(amount.level3, '协议金额');
    assert.strictEqual(amount.score!.value!.toString(), '7.7');
    assert.strictEqual(amount.actual!.value!.toString(), '184.2');
    assert.strictEqual(t2.slice(amount.score!.range.start, amount.score!.range.end), '7.7');
    assert.strictEqual(p.totalScore!.value!.toString(), '97.7');
    assert.strictEqual(p.fields['评价结论'].value, '优秀');
  });

  it('001 has five 绩效自评表 and the 口岸运转费 total of 99', () => {
    const r = parseReport(sample('001').text).report;
    assert.strictEqual(r.perf.length, 5);
    const p = r.perf.find((x) => x.project === '口岸运转费')!;
    assert.strictEqual(p.totalScore!.raw, '99');
    assert.strictEqual(p.indicators.find((x) => x.level3 === '有效提高环保能力')!.score!.raw, '4');
    assert.strictEqual(p.indicators.find((x) => x.level3 === '口岸电费')!.actual!.value!.toString(), '40.63');
    assert.strictEqual(r.overview[1].units![0].name!.value, '额尔古纳市人民政府外事办公室');
  });

  it('004 is a 部门预算 of 2024 with 32 glossary entries', () => {
    const r = parseReport(sample('004').text).report;
    assert.strictEqual(r.meta!.type!.value, '部门预算');
    assert.strictEqual(r.meta!.year!.year, 2024);
    assert.strictEqual(r.glossary.length, 32);
    const s = [...allSections(r.narrative)].flatMap((x) => x.body?.sentences ?? []).find((x) => x.text.includes('下降25.76%'));
    assert.ok(s);
  });
});

/** Data-driven: source with «markers» → the findings expected there. */
interface Case {
  name: string;
  src: string;
  rules: string[];
  message?: RegExp;
}

const BAD: Case[] = [
  { name: 'a Chinese digit inside an amount', src: HEAD + '表 收入决算表:\n  列: [本年收入合计, 财政拨款收入]\n  行:\n    - 合计: 335.56 «335.5六»\n', rules: ['parse.amount'], message: /非数字字符“六”/ },
  { name: 'two decimal points', src: HEAD + '表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 合计: [«12.3.4»]\n', rules: ['parse.amount'], message: /多个小数点/ },
  { name: 'thousands separator in the wrong place', src: HEAD + '表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 合计: «1,68.40»\n', rules: ['parse.amount'], message: /千位分隔符/ },
  { name: 'fewer values than columns', src: HEAD + '表 收入决算表:\n  列: [本年收入合计, 财政拨款收入]\n  行:\n    - 合计: «335.56»\n', rules: ['table.cells'], message: /1 个值，而表头有 2 列/ },
  { name: 'a duplicate key inside a block', src: HEAD + '表 收入决算表:\n  列: [本年收入合计]\n  «列»: [财政拨款收入]\n  行:\n    - 合计: 1\n', rules: ['yaml.syntax'], message: /键重复/ },
  { name: 'a duplicate top-level block', src: HEAD + '名词解释:\n  - 基本支出: 定义\n«名词解释»:\n  - 项目支出: 定义\n', rules: ['yaml.duplicateBlock'], message: /重复/ },
  { name: 'an unknown key in a table', src: HEAD + '表 收入决算表:\n  列: [本年收入合计]\n  «行数»: 3\n', rules: ['schema'], message: /不认识的键“行数”/ },
  { name: 'an unknown top-level block', src: HEAD + '«附录»:\n  - a: b\n', rules: ['schema'], message: /未知的顶层块“附录”/ },
  { name: 'a report type that does not exist', src: '报告:\n  类型: «部门结算»\n  年度: 2023\n  单位: 某单位\n', rules: ['schema'], message: /以下之一：部门决算、单位决算、部门预算、单位预算/ },
  { name: 'a year that is not four digits', src: '报告:\n  类型: 部门决算\n  年度: «23年»\n  单位: 某单位\n', rules: ['schema'], message: /四位年份/ },
  { name: 'a missing 单位 in 报告', src: '«报告»:\n  类型: 部门决算\n  年度: 2023\n', rules: ['schema'], message: /缺少必填项“单位”/ },
  { name: 'a row written as a list item without a key', src: HEAD + '表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - «335.56»\n', rules: ['schema'], message: /每行写作/ },
  { name: 'a percentage in an amount column', src: HEAD + '表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 合计: «50%»\n', rules: ['parse.amount'], message: /百分数/ },
  { name: 'no 报告 block at all', src: '«名词解释:»\n  - 基本支出: 定义\n', rules: ['schema.required'], message: /缺少“报告”块/ },
];

describe('bad input gives its finding at the right range', () => {
  for (const c of BAD) {
    it(c.name, () => {
      const { text, ranges } = extractMarkers(c.src);
      const r = parseReport(text);
      const got = r.findings.filter((f) => c.rules.includes(f.rule));
      assert.ok(got.length >= 1, `expected ${c.rules} in ${JSON.stringify(r.findings.map((f) => f.rule + ':' + f.message))}`);
      const f = got.find((x) => x.range.start === ranges[0].start && x.range.end === ranges[0].end);
      assert.ok(f, `expected at ${JSON.stringify(ranges[0])} "${text.slice(ranges[0].start, ranges[0].end)}", got ${JSON.stringify(got.map((g) => [g.range, text.slice(g.range.start, g.range.end), g.message]))}`);
      if (c.message) assert.match(f!.message, c.message);
    });
  }
});

describe('broken YAML yields findings and a partial model', () => {
  const TABLE = '表 收入决算表:\n  列: [本年收入合计]\n  行:\n    - 合计: 335.56\n\n';
  const GLOSS = '名词解释:\n  - 基本支出: 指为保障机构正常运转的支出。\n';
  const broken: Array<[string, string]> = [
    ['an unclosed quote', '表 支出决算表:\n  列: ["本年支出合计]\n  行:\n    - 合计: 1\n\n'],
    ['bad indentation', '表 支出决算表:\n  列: [本年支出合计]\n    行:\n  - 合计: 1\n\n'],
    ['a tab as indentation', '表 支出决算表:\n\t列: [本年支出合计]\n\n'],
    ['an unclosed bracket', '表 支出决算表:\n  列: [本年支出合计\n  行:\n    - 合计: 1\n\n'],
  ];
  for (const [name, bad] of broken) {
    it(name, () => {
      const r = parseReport(HEAD + TABLE + bad + GLOSS);
      const errs = r.findings.filter((f: Finding) => f.severity === 'error');
      assert.ok(errs.length > 0, 'has an error finding');
      assert.ok(errs.every((f) => f.range.start >= (HEAD + TABLE).length && f.range.start <= (HEAD + TABLE + bad).length), 'errors sit in the broken block: ' + JSON.stringify(errs));
      assert.ok(errs.every((f) => /[\u4e00-\u9fff]/.test(f.message)), 'messages are Chinese');
      assert.strictEqual(r.report.meta!.unitName!.value, '测试单位');
      assert.strictEqual(findTable(r.report, '收入决算表')!.parts[0].rows[0].cells[0].raw, '335.56');
      assert.strictEqual(r.report.glossary[0].term, '基本支出');
    });
  }
});

describe('incremental parsing', () => {
  it('re-parses only the block that changed and gives the same model as a full parse', () => {
    const { text } = sample('000');
    const p = new ReportParser();
    const first = p.parse(text);
    assert.ok(first.reparsed > 5);
    const at = text.indexOf('2011308 招商引资:                     111.01');
    const edited = text.slice(0, at) + '2011308 招商引资:                     111.02' + text.slice(at + '2011308 招商引资:                     111.01'.length);
    const second = p.parse(edited);
    assert.strictEqual(second.reparsed, 1);
    assert.deepStrictEqual(plain(second.report), plain(parseReport(edited).report));
    // an edit that shifts everything below by a few characters
    const ins = edited.indexOf('部门概况:');
    const shifted = edited.slice(0, ins) + '# 一行注释\n' + edited.slice(ins);
    const third = p.parse(shifted);
    assert.ok(third.reparsed <= 2, `reparsed ${third.reparsed}`);
    assert.deepStrictEqual(plain(third.report), plain(parseReport(shifted).report));
    assert.deepStrictEqual(plain(third.findings), plain(parseReport(shifted).findings));
  });

  it('keeps the blocks before and after an edit as they were (found by position), and finds a block moved whole by its text', () => {
    for (const [syntax, text] of [['yaml', sample('000').text], ['dsl', fs.readFileSync(allSampleFiles().find((f) => f.endsWith('.jsgk'))!, 'utf8')]] as const) {
      const p = new ReportParser(syntax);
      const first = p.parse(text);
      const n = first.blocks.length;
      assert.ok(n > 8, `${n} blocks`);
      // one character changed inside the middle block
      const mid = first.blocks[Math.floor(n / 2)].raw;
      const at = mid.start + Math.floor((mid.end - mid.start) / 2);
      const edited = text.slice(0, at) + (text[at] === '1' ? '2' : '1') + text.slice(at + 1);
      const second = p.parse(edited);
      assert.strictEqual(second.reparsed, 1, syntax);
      const same = second.blocks.filter((b, i) => b === first.blocks[i]).length;
      assert.strictEqual(same, n - 1, `${syntax}: ${same} of ${n} blocks kept`);
      assert.deepStrictEqual(plain(second.report), plain(parseReport(edited, syntax).report), syntax);
      // the middle block cut and pasted at the end: every block keeps its text, none is parsed again
      const m = second.blocks[Math.floor(n / 2)].raw;
      const tail = edited.endsWith('\n') ? edited : edited + '\n';
      const moved = tail.slice(0, m.start) + tail.slice(m.end) + (m.text.endsWith('\n') ? m.text : m.text + '\n');
      const third = p.parse(moved);
      assert.ok(third.reparsed <= 2, `${syntax}: reparsed ${third.reparsed}`);
      assert.deepStrictEqual(plain(third.report), plain(parseReport(moved, syntax).report), syntax);
      assert.deepStrictEqual(plain(third.findings), plain(parseReport(moved, syntax).findings), syntax);
    }
  });
});

describe('rows and cells of a parsed table (frontends/common.ts SourceRow, SourceCell)', () => {
  const rowsOf = (r: ReturnType<typeof parseReport>) => r.report.tables.flatMap((t) => t.parts).flatMap((p) => p.rows);
  // a key with an escape: its code and name ranges are read through its keyText
  const yaml = sample('000').text.replace('2011308 招商引资:', '"2011308 招商\\u5f15资":');
  const dsl = (convert(yaml, 'yaml', 'dsl') as { text: string }).text.replace('2011308 招商引资', '2011308 招商\\|引资');

  it('keep the ranges they gave, moved with their block by an edit above it; those not asked for yet are made where the row is now', () => {
    for (const [syntax, text] of [['yaml', yaml], ['dsl', dsl]] as const) {
      const p = new ReportParser(syntax);
      const first = p.parse(text);
      const row = rowsOf(first).find((r) => r.code === '2011308')!;
      assert.ok(row.keyText, `${syntax}: the key is read through its keyText`);
      const other = rowsOf(first).filter((r) => r.code && r.code !== '2011308').pop()!;
      // a row of plain amounts whose cells are made before the edit (a fast path keeps them as text until asked)
      const amounts = rowsOf(first).find((r) => r.code && r.code !== '2011308' && r !== other)!;
      const plainCell = amounts.cells[1];
      const plainWas = { ...plainCell.range };
      // asked for before the edit: the same objects afterwards, moved
      const given = { key: row.keyRange, code: row.codeRange!, name: row.nameRange, row: row.range, cell: row.cells[0].range };
      const was = JSON.parse(JSON.stringify(given));
      const at = text.indexOf(syntax === 'yaml' ? '表 ' : '【表');
      const edited = text.slice(0, at) + '# 一行注释，其后的块都后移\n' + text.slice(at);
      const second = p.parse(edited);
      assert.ok(second.reparsed <= 1, `${syntax}: reparsed ${second.reparsed}`);
      const moved = rowsOf(second).find((r) => r.code === '2011308')!;
      assert.strictEqual(moved, row, `${syntax}: the row was kept`);
      const delta = '# 一行注释，其后的块都后移\n'.length;
      assert.deepStrictEqual({ key: moved.keyRange, code: moved.codeRange, name: moved.nameRange, row: moved.range, cell: moved.cells[0].range },
        Object.fromEntries(Object.entries(was).map(([k, r]) => [k, { start: (r as Range).start + delta, end: (r as Range).end + delta }])), syntax);
      for (const k of Object.keys(given) as Array<keyof typeof given>) assert.strictEqual(({ key: moved.keyRange, code: moved.codeRange, name: moved.nameRange, row: moved.range, cell: moved.cells[0].range })[k], given[k], `${syntax}: ${k} is the same object`);
      // the name reads 招商引资 / 招商|引资 at its range in the edited text, the code 2011308
      assert.strictEqual(edited.slice(moved.codeRange!.start, moved.codeRange!.end), '2011308', syntax);
      assert.ok(edited.slice(moved.nameRange.start, moved.nameRange.end).startsWith('招商'), syntax);
      // a row none of whose ranges was asked for before the edit: made where it is now
      assert.strictEqual(rowsOf(second).filter((r) => r.code && r.code !== '2011308').pop(), other);
      assert.strictEqual(edited.slice(other.keyRange.start, other.keyRange.end), other.key, syntax);
      for (const c of other.cells) assert.strictEqual(edited.slice(c.range.start, c.range.end), c.raw, `${syntax}: a cell made after the edit`);
      // the cell made before the edit: the same cell and range, moved
      assert.strictEqual(amounts.cells[1], plainCell, syntax);
      assert.deepStrictEqual(plainCell.range, { start: plainWas.start + delta, end: plainWas.end + delta }, syntax);
      assert.strictEqual(edited.slice(plainCell.range.start, plainCell.range.end), plainCell.raw, syntax);
      // and the whole model is what a fresh parse of the edited text gives
      assert.deepStrictEqual(plain(second.report), plain(parseReport(edited, syntax).report), syntax);
    }
  });

  it('a cell reads as written whether or not it keeps what was written (an amount is kept as its value when it prints as written)', () => {
    // plain amounts (some printed as written, some not), and what is read otherwise
    const written = ['1483.09', '0.00', '0', '-12.30', '-0.00', '01.50', '00', '-0.5', '-01.5', '1,483.09', '１４８３.０９', '12.345678', '—', '12%', '1e3'];
    for (const syntax of ['yaml', 'dsl'] as const) {
      // one column: the row's one value is read as the fast paths read the values of a row
      const rows = written.map((w, i) => syntax === 'yaml' ? `    - 行${i}: ${w}` : `行${i} | ${w}`).join('\n');
      const text = syntax === 'yaml'
        ? `${HEAD}表 测试表:\n  列: [金额]\n  行:\n${rows}\n`
        : (convert(HEAD, 'yaml', 'dsl') as { text: string }).text + `\n【表 测试表】\n列：金额\n${rows}\n`;
      const r = parseReport(text, syntax);
      const cells = r.report.tables[0].parts[0].rows.map((row) => row.cells[0]);
      assert.deepStrictEqual(cells.map((c) => c.raw), written, syntax);
      for (const c of cells) assert.strictEqual(text.slice(c.range.start, c.range.end), c.raw, syntax);
      // the values as read: the plain ones are amounts, the odd ones as readNumeral reads them
      assert.deepStrictEqual(cells.slice(0, 9).map((c) => [c.kind, c.value?.toString()]), [['amount', '1483.09'], ['amount', '0.00'], ['amount', '0'], ['amount', '-12.30'], ['amount', '0.00'], ['amount', '1.50'], ['amount', '0'], ['amount', '-0.5'], ['amount', '-1.5']], syntax);
    }
  });
});

describe('docs/format.md', () => {
  it('its complete example checks clean, and so do the templates', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'format.md'), 'utf8');
    const m = /## 九、一份完整的小例子[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc);
    assert.ok(m, 'example present');
    const r = parseReport(m![1]);
    assert.deepStrictEqual(r.findings.map((f) => f.message), []);
    const { getLanguageService } = require('../server/src/service') as typeof import('../server/src/service');
    assert.deepStrictEqual(getLanguageService().check('doc', m![1]).findings.map((f) => `${f.rule}: ${f.message}`), []);
    for (const t of ['部门决算.jsgk.yaml', '部门预算.jsgk.yaml']) {
      const text = fs.readFileSync(path.join(__dirname, '..', '..', 'templates', t), 'utf8');
      // a template's only findings are its placeholders (XX单位, “（按三定方案填写…）”), which the user is to replace
      const findings = getLanguageService().check(t, text).findings;
      assert.deepStrictEqual(findings.filter((f) => f.rule !== 'text.placeholder' && f.rule !== 'placeholder.field').map((f) => `${f.rule}: ${f.message}`), [], t);
      assert.deepStrictEqual([...new Set(findings.map((f) => text.slice(f.range.start, f.range.end)))].sort(), ['XX', 'XX单位', '（按三定方案填写主要职能。）'].filter((x) => t.includes('预算') || x !== 'XX'), t);
    }
  });
});
