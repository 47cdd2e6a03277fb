import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as XLSX from '@e965/xlsx';
import { importDocument, importPages, readPages } from '../server/src/service/import';
import { Page } from '../server/src/service/import/geom';
import { compareCells } from '../scripts/import-accuracy';
import { degradeLayoutText, degradePages } from './helpers/degrade';
import { readPdf } from '../server/src/service/import/pdf';
import { readLayoutText } from '../server/src/service/import/text';
import { parseReport } from '../server/src/service/frontends/report-parser';
import { getLanguageService } from '../server/src/service';
import { importCmd } from '../server/src/cli/import';
import { main } from '../server/src/cli/jsgk';
import { spawnSync } from 'child_process';
import { ROOT } from './helpers/samples';
import { makePdf, PlacedText, textWidth } from './helpers/pdf-writer';

/** A table page: title, 编制部门 line, a header with codes in 类/款/项 columns, then rows. */
function tablePage(rows: PlacedText[], withTitle = true): PlacedText[] {
  const head: PlacedText[] = withTitle
    ? [
        { x: 300, y: 540, text: '2026年部门支出预算总表', size: 16 },
        { x: 60, y: 515, text: '编制部门：某区某局' },
        { x: 760, y: 515, text: '单位：元' },
      ]
    : [];
  const cols: PlacedText[] = [
    { x: 180, y: 490, text: '项目' },
    { x: 560, y: 490, text: '支出预算' },
    { x: 62, y: 470, text: '功能分类科目编码' },
    { x: 200, y: 462, text: '功能分类科目名称' },
    { x: 430, y: 462, text: '合计' },
    { x: 560, y: 462, text: '基本支出' },
    { x: 690, y: 462, text: '项目支出' },
    { x: 70, y: 452, text: '类' },
    { x: 105, y: 452, text: '款' },
    { x: 140, y: 452, text: '项' },
  ];
  return [...head, ...(withTitle ? cols : []), ...rows];
}

/** A row: codes in their columns, a name, three numbers right-aligned at the columns' right borders. */
function row(y: number, codes: string[], name: string, nums: Array<string | undefined>, numY = y): PlacedText[] {
  const out: PlacedText[] = [];
  codes.forEach((c, i) => out.push({ x: 62 + 35 * i, y, text: c }));
  if (name) out.push({ x: 165, y, text: name });
  const rights = [500, 630, 760];
  nums.forEach((n, i) => n !== undefined && out.push({ x: rights[i], y: numY, text: n, right: true }));
  return out;
}

describe('import: PDF made in the test', () => {
  let text = '';
  let result: Awaited<ReturnType<typeof importDocument>>;
  before(async () => {
    const page1 = tablePage([
      ...row(430, ['204'], '公共安全支出', ['300.00', '100.00', '200.00']),
      ...row(410, ['204', '06'], '司法', ['300.00', '100.00', '200.00']),
      // a name that wraps onto a second line, its numbers printed between the two lines
      { x: 165, y: 394, text: '机关事业单位基本养老' },
      { x: 165, y: 382, text: '保险缴费支出' },
      ...row(388, ['204', '06', '01'], '', ['100.00', '100.00', '0.00']),
      // the numbers of this row are printed a line above its name
      ...row(352, ['204', '06', '04'], '基层司法业务', ['200.00', '0.00', '200.00'], 364),
    ]);
    // the table goes on over the next page, without its header
    const page2 = tablePage([...row(540, ['208'], '社会保障和就业支出', ['50.00', '50.00', '0.00']), { x: 240, y: 520, text: '合计' }, ...row(520, [], '', ['350.00', '150.00', '200.00'])], false);
    const pdf = makePdf([[{ x: 330, y: 400, text: '某区2026年区级部门预算', size: 18 }, { x: 330, y: 370, text: '预算主管部门：某区某局', size: 14 }], page1, page2]);
    result = await importDocument(new Uint8Array(pdf), 'pdf', { sourceName: 'test.pdf' });
    text = result.text;
  });

  it('reads text with its position (y from the top of the page)', async () => {
    const pdf = makePdf([[{ x: 100, y: 500, text: 'AB 12.50' }, { x: 300, y: 500, text: '合计' }]]);
    const pages = await readPdf(new Uint8Array(pdf));
    assert.strictEqual(pages.length, 1);
    const frags = pages[0].lines.flatMap((l) => l.frags);
    assert.deepStrictEqual(frags.map((f) => f.text), ['AB 12.50', '合计']);
    assert.ok(Math.abs(frags[0].x0 - 100) < 0.5, `x0 ${frags[0].x0}`);
    assert.ok(Math.abs(frags[0].x1 - (100 + textWidth('AB 12.50'))) < 1, `x1 ${frags[0].x1}`);
    assert.ok(Math.abs(frags[0].y1 - (595 - 500) - 1.2) < 1, `y1 ${frags[0].y1}`);
    assert.ok(Math.abs(frags[1].x0 - 300) < 0.5);
  });

  it('finds the table by its title, with 编制部门, 单位 and the columns under 支出预算', () => {
    assert.match(text, /【表 2026年部门支出预算总表】\n编制部门：某区某局\n单位：元\n列：支出预算\/合计 \| 支出预算\/基本支出 \| 支出预算\/项目支出\n/);
  });

  it('joins 科目 codes printed in 类/款/项 columns', () => {
    assert.match(text, /\n204 公共安全支出 \| 300\.00 \| 100\.00 \| 200\.00\n20406 司法 \| 300\.00 \| 100\.00 \| 200\.00\n/);
  });

  it('puts a wrapped name back together, and a number printed a line above its row back on the row', () => {
    assert.match(text, /\n2040601 机关事业单位基本养老保险缴费支出 \| 100\.00 \| 100\.00 \| 0\.00\n/);
    assert.match(text, /\n2040604 基层司法业务 \| 200\.00 \| 0\.00 \| 200\.00\n/);
  });

  it('goes on with the table on the next page, with a page comment', () => {
    assert.match(text, /# 原文第 3 页\n208 社会保障和就业支出 \| 50\.00 \| 50\.00 \| 0\.00\n合计 \| 350\.00 \| 150\.00 \| 200\.00\n/);
    assert.match(text, /# 原文第 2 页\n【表 2026年部门支出预算总表】/);
  });

  it('reads the cover, the report type, year and unit, and the result parses as a report', () => {
    assert.match(text, /【报告】\n类型：部门预算\n年度：2026\n单位：某区某局\n/);
    assert.match(text, /【封面】\n某区2026年区级部门预算\n预算主管部门：某区某局\n/);
    const parsed = parseReport(text, 'dsl');
    const errors = parsed.findings.filter((f) => f.severity === 'error');
    assert.deepStrictEqual(errors.map((f) => f.message), []);
    const t = parsed.report.tables[0];
    assert.strictEqual(t.parts[0].rows.length, 6);
    assert.strictEqual(t.parts[0].rows[2].code, '2040601');
    assert.strictEqual(t.parts[0].rows[5].cells[1].raw, '150.00');
    assert.strictEqual(result.uncertain.length, 0);
  });

  it('flags a number printed between two columns, and keeps it', async () => {
    const page = tablePage([...row(430, ['204'], '公共安全支出', [undefined, undefined, undefined]), { x: 500 + 63, y: 430, text: '7.00', right: true }, ...row(410, ['204', '06'], '司法', ['1.00', '2.00', '3.00'])]);
    const r = await importDocument(new Uint8Array(makePdf([page])), 'pdf');
    const line = r.text.split('\n').find((l) => l.startsWith('204 公共安全支出'))!;
    assert.match(line, /7\.00/);
    assert.match(line, /# 导入待核：“7\.00”在两列之间.*（原文第 1 页）$/);
    assert.strictEqual(r.uncertain.length, 1);
    assert.match(r.uncertain[0].message, /^导入时无法确定：.*请核对原文第 1 页$/);
    assert.strictEqual(r.uncertain[0].row, '204 公共安全支出');
  });
});

describe('import: multi-level headers and two-sided tables', () => {
  it('names columns by the header cells over them and sides by the cell over their 项目', async () => {
    const page: PlacedText[] = [
      { x: 330, y: 540, text: '2026年部门财务收支预算总表', size: 16 },
      { x: 160, y: 500, text: '本年收入' },
      { x: 560, y: 500, text: '本年支出' },
      { x: 90, y: 480, text: '项目' },
      { x: 260, y: 480, text: '预算数' },
      { x: 490, y: 480, text: '项目' },
      { x: 660, y: 480, text: '预算数' },
      { x: 50, y: 460, text: '一、财政拨款收入' },
      { x: 390, y: 460, text: '96,282,213.44', right: true },
      { x: 410, y: 460, text: '一、公共安全支出' },
      { x: 790, y: 460, text: '87,267,272.44', right: true },
      { x: 410, y: 440, text: '二、住房保障支出' },
      { x: 790, y: 440, text: '9,014,941.00', right: true },
      { x: 120, y: 420, text: '收入总计' },
      { x: 390, y: 420, text: '96,282,213.44', right: true },
      { x: 520, y: 420, text: '支出总计' },
      { x: 790, y: 420, text: '96,282,213.44', right: true },
    ];
    const r = await importDocument(new Uint8Array(makePdf([page])), 'pdf');
    assert.match(r.text, /= 本年收入\n列：预算数\n一、财政拨款收入 \| 96,282,213\.44\n收入总计 \| 96,282,213\.44\n= 本年支出\n列：预算数\n一、公共安全支出 \| 87,267,272\.44\n二、住房保障支出 \| 9,014,941\.00\n支出总计 \| 96,282,213\.44\n/);
  });

  it('joins header levels top first, and a row without a name keeps an empty name', async () => {
    const page: PlacedText[] = [
      { x: 250, y: 540, text: '2026年部门“三公”经费和机关运行经费预算表', size: 16 },
      { x: 300, y: 500, text: '“三公”经费预算数' },
      { x: 650, y: 484, text: '机关运行经费预算' },
      { x: 690, y: 472, text: '数' },
      { x: 60, y: 470, text: '合计' },
      { x: 160, y: 470, text: '公务接待费' },
      { x: 380, y: 482, text: '公务用车购置及运行费' },
      { x: 320, y: 458, text: '小计' },
      { x: 450, y: 458, text: '运行费' },
      { x: 120, y: 430, text: '10.81', right: true },
      { x: 240, y: 430, text: '0.83', right: true },
      { x: 380, y: 430, text: '9.98', right: true },
      { x: 520, y: 430, text: '9.98', right: true },
      { x: 760, y: 430, text: '217.83', right: true },
    ];
    const r = await importDocument(new Uint8Array(makePdf([page])), 'pdf');
    assert.match(r.text, /列：“三公”经费预算数\/合计 \| “三公”经费预算数\/公务接待费 \| “三公”经费预算数\/公务用车购置及运行费\/小计 \| “三公”经费预算数\/公务用车购置及运行费\/运行费 \| 机关运行经费预算数\n\| \| 10\.81 \| 0\.83 \| 9\.98 \| 9\.98 \| 217\.83 \|\n/);
  });
});

describe('import: a template without numbers (上海 2024 部门决算模板 layout)', () => {
  let r: Awaited<ReturnType<typeof importDocument>>;
  before(async () => {
    // portrait pages, as the template prints them: the side names right above 项目, no numbers at all
    const p = (x: number, y: number, text: string, size = 10.5): PlacedText => ({ x, y, text, size });
    const contents1 = [p(250, 760, '目   录', 16), p(90, 720, '第一部分 上海市XX局概况'), p(90, 700, '一、主要职能'), p(90, 680, '第二部分 上海市XX局 2024 年度部门决算表'), p(90, 660, '一、收入支出决算总表'), p(90, 640, '第三部分 上海市XX局 2024 年度部门决算情况说明')];
    const contents2 = [p(90, 760, '一、收入支出决算总体情况说明'), p(90, 740, '四、财政拨款收入支出决算总体情况说明'), p(90, 720, '第四部分 名词解释')];
    const overview = [p(200, 760, '第一部分 上海市XX局概况', 16), p(120, 720, '一、主要职能'), p(120, 700, '由主管部门根据三定方案等相关规定中有关主要职能填写。'),
      // a narrative line that happens to be centred and to name a block (单位构成) is no heading
      p(150, 680, '从预算单位构成看，上海市XX局部门决算包括：')];
    const table = [
      p(185, 760, '上海市XX局 2024 年度部门决算表', 16),
      p(256, 735, '收入支出决算总表'),
      p(453, 720, '单位：万元'),
      p(171, 705, '收入'), p(406, 705, '支出'),
      p(142, 689, '项目'), p(256, 689, '决算数'), p(374, 689, '项目'), p(485, 689, '决算数'),
      p(68, 673, '一、一般公共预算财政拨款收入'), p(306, 673, '一、一般公共服务支出'),
      p(68, 657, '二、政府性基金预算财政拨款收入'), p(306, 657, '二、外交支出'),
      p(120, 641, '本年收入合计'), p(360, 641, '本年支出合计'),
    ];
    // the table goes on over the next page with rows that have only their names
    const table2 = [p(306, 760, '十六、金融支出'), p(306, 744, '十七、援助其他地区支出'), p(140, 728, '总计'), p(380, 728, '总计'), p(90, 712, '注：本表反映部门本年度的总收支和年末结转结余情况。')];
    const notes = [p(150, 760, '第三部分 上海市XX局 2024 年度部门决算情况说明', 16), p(120, 720, '一、收入支出决算总体情况说明'), p(90, 700, '上海市XX局 2024 年度收入支出总计XXX万元。'),
      // a numbered line printed centred is a section of 情况说明, not a block of its own
      p(160, 680, '四、财政拨款收入支出决算总体情况说明'), p(90, 660, '财政拨款收入支出总计XXX万元。')];
    r = await importDocument(new Uint8Array(makePdf([[p(240, 600, '上海市 XX 局', 22), p(220, 560, '2024 年度部门决算', 22)], contents1, contents2, overview, table, table2, notes], 595, 842)), 'pdf');
  });

  it('reads an empty two-sided table as two sides (收入, 支出) with their 决算数, and goes on over the next page', () => {
    assert.match(r.text, /【表 收入支出决算总表】\n单位：万元\n= 收入\n列：决算数\n一、一般公共预算财政拨款收入 \| \|\n二、政府性基金预算财政拨款收入 \| \|\n本年收入合计 \| \|\n/);
    assert.match(r.text, /= 支出\n列：决算数\n一、一般公共服务支出 \| \|\n二、外交支出 \| \|\n本年支出合计 \| \|\n# 原文第 6 页\n十六、金融支出 \| \|\n十七、援助其他地区支出 \| \|\n总计 \| \|\n注：本表反映/);
  });

  it('keeps narrative lines in their sections: contents over two pages, parts named as the contents name them', () => {
    assert.match(r.text, /【目录】\n第一部分 上海市XX局概况\n一、主要职能\n第二部分 上海市XX局 2024 年度部门决算表\n一、收入支出决算总表\n第三部分 上海市XX局 2024 年度部门决算情况说明\n一、收入支出决算总体情况说明\n四、财政拨款收入支出决算总体情况说明\n第四部分 名词解释\n/);
    assert.match(r.text, /【第一部分 上海市XX局概况】\n\n# 原文第 4 页\n【部门概况】\n# 原文第 4 页\n= 一、主要职能\n由主管部门根据三定方案等相关规定中有关主要职能填写。\n从预算单位构成看，上海市XX局部门决算包括：\n/);
    assert.match(r.text, /【第二部分 上海市XX局 2024 年度部门决算表】/);
    assert.match(r.text, /【情况说明】\n# 原文第 7 页\n= 一、收入支出决算总体情况说明\n上海市XX局 2024 年度收入支出总计XXX万元。\n= 四、财政拨款收入支出决算总体情况说明\n财政拨款收入支出总计XXX万元。\n/);
    const blocks = r.text.split('\n').filter((l) => l.startsWith('【'));
    assert.deepStrictEqual(blocks, ['【报告】', '【封面】', '【目录】', '【第一部分 上海市XX局概况】', '【部门概况】', '【第二部分 上海市XX局 2024 年度部门决算表】', '【表 收入支出决算总表】', '【第三部分 上海市XX局 2024 年度部门决算情况说明】', '【情况说明】']);
    assert.match(r.text, /类型：部门决算\n年度：2024\n单位：上海市XX局\n/);
    assert.deepStrictEqual(parseReport(r.text, 'dsl').findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
  });
});

describe('import: pdftotext -layout text and xlsx', () => {
  it('reads a layout text: numbers split from the label after them, codes joined', async () => {
    const txt = [
      '                 2026年部门支出预算总表',
      '编制部门：某区某局                          单位：元',
      '         项目                     支出预算',
      '功能分类科目编码',
      '            功能分类科目名称   合计     基本支出    项目支出',
      '类   款   项',
      '204            公共安全支出    300.00      100.00      200.00',
      '204  06   01   行政运行        100.00      100.00        0.00',
      '               合计            300.00      100.00      200.00',
    ].join('\n');
    const pages = readLayoutText('x 12.00 一、收入');
    assert.deepStrictEqual(pages[0].lines[0].frags.map((f) => f.text), ['x', '12.00', '一、收入']);
    const r = await importDocument(txt, 'text');
    assert.match(r.text, /列：支出预算\/合计 \| 支出预算\/基本支出 \| 支出预算\/项目支出\n204 公共安全支出 \| 300\.00 \| 100\.00 \| 200\.00\n2040601 行政运行 \| 100\.00 \| 100\.00 \| 0\.00\n合计 \| 300\.00 \| 100\.00 \| 200\.00\n/);
  });

  it('pdftotext text: columns by the right edges of the numbers on each page, a page without a header placed by the page before', async () => {
    // as pdftotext prints it: the header's CJK text narrower than on paper, the next page scaled
    // differently (every number 7 columns further left), columns with no number on a page
    const line = (...parts: Array<[number, string, 'l' | 'r']>) => {
      let s = '';
      for (const [col, text, align] of parts) {
        const start = align === 'r' ? col - text.length : col;
        s = s.padEnd(start, ' ') + text;
      }
      return s;
    };
    const row = (code: string, name: string, nums: Array<[number, string]>) => line([0, code, 'l'], [16, name, 'l'], ...nums.map(([c, n]) => [c, n, 'r'] as [number, string, 'r']));
    const page1 = [
      line([30, '2026年部门支出预算总表', 'l']),
      line([0, '编制部门：某区某局', 'l'], [73, '单位：元', 'l']),
      '',
      line([24, '项目', 'l'], [54, '支出预算', 'l']),
      '功能分类科目编码',
      line([25, '功能分类科目名称', 'l'], [40, '合计', 'l'], [54, '基本支出', 'l'], [69, '项目支出', 'l']),
      '类     款    项',
      row('204', '公共安全支出', [[51, '87267272.44'], [66, '16726725.44'], [81, '70540547.00']]),
      row('204   06   01', '行政运行', [[51, '16726725.44'], [66, '16726725.44'], [81, '0.00']]),
      row('204   06   04', '基层司法业务', [[51, '21703947.00'], [81, '21703947.00']]),
    ];
    const page2 = [
      row('208   05   06', '机关事业单位职业年金缴费支出', [[44, '919739.00'], [58, '919739.00']]),
      row('210', '卫生健康支出', [[58, '1149678.00']]),
      row('221   02   03', '购房补贴', [[51, '2433600.00']]),
      line([24, '合计', 'l'], [44, '96282213.44', 'r'], [58, '25741666.44', 'r'], [72, '70540547.00', 'r']),
    ];
    const r = await importDocument(page1.join('\n') + '\n\f' + page2.join('\n') + '\n', 'text');
    assert.match(r.text, /列：支出预算\/合计 \| 支出预算\/基本支出 \| 支出预算\/项目支出\n/);
    assert.match(r.text, /2040604 基层司法业务 \| 21703947\.00 \| \| 21703947\.00\n/);
    assert.match(r.text, /2080506 机关事业单位职业年金缴费支出 \| 919739\.00 \| 919739\.00 \| \|\n/);
    assert.match(r.text, /210 卫生健康支出 \| \| 1149678\.00 \| \|\n/);
    assert.match(r.text, /合计 \| 96282213\.44 \| 25741666\.44 \| 70540547\.00\n/);
    // a number printed between two columns of the page is kept, and flagged; no other row is
    assert.match(r.text, /2210203 购房补贴 \|.*2433600\.00.*# 导入待核：“2433600\.00”的列不能确定，放在了“支出预算\/(合计|基本支出)”（原文第 2 页）\n/);
    assert.deepStrictEqual(r.uncertain.map((u) => u.row), ['2210203 购房补贴']);
  });

  it('pdftotext text: an upper header cell covers every column under it, a wrapped cell is one column, a measure over one side is no side name', async () => {
    const sides = [
      '                                2026年预算单位财务收支预算总表',
      '编制单位：某区某局                                                                          单位：元',
      '',
      '         本年收入                                      本年支出',
      '                                                                     预算数',
      '    项目           预算数               项目                               基本支出',
      '                                              合计                                       项目支出',
      '                                                             人员经费          公用经费',
      '一、财政拨款收入        86,959,408.34 一、公共安全支出      79,189,400.34     12,604,173   1,744,680   64,840,547',
      '二、事业收入                   0.00 二、社会保障和就业支出    2,925,857.00   2,925,857.00        0.00         0.00',
      '   收入总计         86,959,408.34      支出总计     86,959,408.34    20,374,181    1,744,680   64,840,547',
    ].join('\n');
    const r1 = await importDocument(sides, 'text');
    assert.match(r1.text, /= 本年收入\n列：预算数\n一、财政拨款收入 \| 86,959,408\.34\n/);
    assert.match(r1.text, /= 本年支出\n列：预算数\/合计 \| 预算数\/基本支出\/人员经费 \| 预算数\/基本支出\/公用经费 \| 预算数\/项目支出\n一、公共安全支出 \| 79,189,400\.34 \| 12,604,173 \| 1,744,680 \| 64,840,547\n/);
    const sangong = [
      '                     2026年单位“三公”经费和机关运行经费预算表',
      '编制单位：某区某局                                                                   单位:万元',
      '',
      '                               “三公”经费预算数',
      '                                                                              机关运行经费预算',
      '                                                公务用车购置及运行费',
      '                                                                                  数',
      '   合计           因公出国(境)费     公务接待费',
      '                                        小计          购置费          运行费',
      '',
      '        10.71         0.00       0.73        9.98         0.00         9.98        184.59',
    ].join('\n');
    const r2 = await importDocument(sangong, 'text');
    assert.match(r2.text, /列：“三公”经费预算数\/合计 \| “三公”经费预算数\/因公出国\(境\)费 \| “三公”经费预算数\/公务接待费 \| “三公”经费预算数\/公务用车购置及运行费\/小计 \| “三公”经费预算数\/公务用车购置及运行费\/购置费 \| “三公”经费预算数\/公务用车购置及运行费\/运行费 \| 机关运行经费预算数\n\| \| 10\.71 \| 0\.00 \| 0\.73 \| 9\.98 \| 0\.00 \| 9\.98 \| 184\.59 \|\n/);
    const income = [
      '                                  2025年部门收入预算总表',
      '编制部门：某区某局                                                                     单位：元',
      '',
      '                   项目                                                收入预算',
      '功能分类科目编码                                                                     事业单位',
      '                       功能分类科目名称         合计           财政拨款收入           事业收入          其他收入',
      '类     款    项                                                                 经营收入',
      '',
      '201             一般公共服务支出             21,601,733.00   21,601,733.00',
      '201   13   01   行政运行                 9,389,913.00    9,389,913.00',
      '                   合计             371,514,655.00   371,514,655.00',
    ].join('\n');
    const r3 = await importDocument(income, 'text');
    assert.match(r3.text, /列：收入预算\/合计 \| 收入预算\/财政拨款收入 \| 收入预算\/事业收入 \| 收入预算\/事业单位经营收入 \| 收入预算\/其他收入\n201 一般公共服务支出 \| 21,601,733\.00 \| 21,601,733\.00 \| \| \| \|\n/);
    assert.deepStrictEqual([r1, r2, r3].map((r) => r.uncertain.length), [0, 0, 0]);
  });

  it('reads an xlsx: merged header cells become multi-level names, several tables on one sheet', async () => {
    const aoa = [
      ['2026年部门支出预算总表', '', '', ''],
      ['编制部门：某区某局', '', '', '单位：元'],
      ['项目', '支出预算', '', ''],
      ['功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['204 公共安全支出', '300.00', '100.00', '200.00'],
      ['合计', '300.00', '100.00', ''],
      ['', '', '', ''],
      ['2026年部门收入预算总表', '', '', ''],
      ['项目', '收入预算', '', ''],
      ['功能分类科目名称', '合计', '财政拨款收入', '其他收入'],
      ['204 公共安全支出', '300.00', '300.00', '0.00'],
    ];
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    ws['!merges'] = [
      { s: { r: 0, c: 0 }, e: { r: 0, c: 3 } },
      { s: { r: 2, c: 1 }, e: { r: 2, c: 3 } },
      { s: { r: 7, c: 0 }, e: { r: 7, c: 3 } },
      { s: { r: 8, c: 1 }, e: { r: 8, c: 3 } },
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, '表');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const r = await importDocument(new Uint8Array(bytes), 'xlsx');
    assert.match(r.text, /【表 2026年部门支出预算总表】\n编制部门：某区某局\n单位：元\n列：支出预算\/合计 \| 支出预算\/基本支出 \| 支出预算\/项目支出\n204 公共安全支出 \| 300\.00 \| 100\.00 \| 200\.00\n合计 \| 300\.00 \| 100\.00 \| \|\n/);
    assert.match(r.text, /【表 2026年部门收入预算总表】\n列：收入预算\/合计 \| 收入预算\/财政拨款收入 \| 收入预算\/其他收入\n204 公共安全支出 \| 300\.00 \| 300\.00 \| 0\.00\n/);
  });
});

describe('import: every cell the importer gets wrong is flagged (a real document, degraded)', function () {
  this.timeout(120000);
  // 上海市普陀区人民政府办公室2025年部门预算 (test/fixtures/import) and its faithful transcription, sample 014
  const FIX = path.join(ROOT, 'test', 'fixtures', 'import');
  const base = '上海市普陀区人民政府办公室2025年部门预算';
  const truthFile = fs.readdirSync(path.join(ROOT, 'samples')).find((f) => f.startsWith('014-'))!;
  const truth = parseReport(fs.readFileSync(path.join(ROOT, 'samples', truthFile), 'utf8'), 'dsl').report;
  const norm = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]/g, '').replace(/[“”"＂]/g, '"').replace(/[‘’']/g, "'").replace(/\(/g, '（').replace(/\)/g, '）');
  const compare = (r: { text: string; syntax: 'dsl' | 'yaml'; uncertain: Array<{ table?: string; row?: string }> }) => {
    const flagged = new Set(r.uncertain.filter((u) => u.table).map((u) => `${norm(u.table!)}\u0000${norm(u.row ?? '')}`));
    return compareCells(truth, parseReport(r.text, r.syntax).report, flagged);
  };
  let pages: Page[];
  before(async () => {
    pages = await readPages(new Uint8Array(fs.readFileSync(path.join(FIX, `${base}.pdf`))), 'pdf');
  });

  it('as published: every cell of the PDF and of its pdftotext text is the transcription\'s, none flagged', async () => {
    const fromPdf = compare(importPages(structuredClone(pages), 'pdf'));
    assert.deepStrictEqual([fromPdf.identical, fromPdf.total, fromPdf.extra], [371, 371, 0], fromPdf.examples.join('\n'));
    const text = await importDocument(fs.readFileSync(path.join(FIX, `${base}.txt`), 'utf8'), 'text');
    const fromText = compare(text);
    assert.deepStrictEqual([fromText.identical, fromText.total, fromText.extra], [371, 371, 0], fromText.examples.join('\n'));
    assert.strictEqual(text.uncertain.length, 0);
  });

  it('PDF with every amount moved sideways (up to 3 font sizes, less than half a column): a wrong cell is always flagged', () => {
    let differing = 0;
    let flags = 0;
    for (const seed of [1, 2, 3, 4]) {
      const worse = structuredClone(pages);
      assert.ok(degradePages(worse, seed, 3) > 200);
      const r = importPages(worse, 'pdf');
      const c = compare(r);
      assert.strictEqual(c.unflagged, 0, `seed ${seed}: ${c.examples.join('\n')}`);
      differing += c.flagged;
      flags += r.uncertain.length;
    }
    // the degradation did put numbers in doubt, and some in the wrong column (flagged)
    assert.ok(flags > 100, `${flags} flags`);
    assert.ok(differing > 0, 'some cell differs (so the test can fail)');
  });

  it('pdftotext text with the numbers of each line moved by up to 4 columns: a wrong cell is always flagged', async () => {
    const text = fs.readFileSync(path.join(FIX, `${base}.txt`), 'utf8');
    let differing = 0;
    let flags = 0;
    for (const seed of [1, 2, 3, 4]) {
      const r = await importDocument(degradeLayoutText(text, seed, 4), 'text');
      const c = compare(r);
      assert.strictEqual(c.unflagged, 0, `seed ${seed}: ${c.examples.join('\n')}`);
      differing += c.flagged;
      flags += r.uncertain.length;
    }
    assert.ok(flags > 100, `${flags} flags`);
    assert.ok(differing > 0, 'some cell differs (so the test can fail)');
  });
});

describe('import: the markers are findings in the editor (import.uncertain)', () => {
  it('each “# 导入待核：…” is an information finding naming the page, with a fix that deletes the marker (not in 修正全部)', () => {
    const text = '【报告】\n类型：部门预算\n年度：2026\n# 导入待核：未能从原文读出单位名称\n单位：某区某局\n\n【表 2026年部门支出预算总表】\n列：合计 | 基本支出 | 项目支出\n204 公共安全支出 | 7.00 | 3.00 | 4.00  # 导入待核：“7.00”在两列之间，放在了“合计”（原文第 3 页）\n';
    const r = getLanguageService().check('x.jsgk', text);
    const marks = r.findings.filter((f) => f.rule === 'import.uncertain');
    assert.deepStrictEqual(marks.map((f) => [f.severity, f.message]), [
      ['information', '导入时无法确定：未能从原文读出单位名称，请核对原文'],
      ['information', '导入时无法确定：“7.00”在两列之间，放在了“合计”，请核对原文第 3 页'],
    ]);
    const apply = (t: string, e: { range: { start: number; end: number }; newText: string }) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end);
    const fixed = marks.map((f) => {
      assert.strictEqual(f.fixes![0].title, '已核对原文，删除此标注');
      assert.strictEqual(f.fixes![0].safe, false);
      return apply(text, f.fixes![0].edits[0]);
    });
    assert.strictEqual(fixed[0], text.replace('# 导入待核：未能从原文读出单位名称\n', ''));
    assert.strictEqual(fixed[1], text.replace('  # 导入待核：“7.00”在两列之间，放在了“合计”（原文第 3 页）', ''));
  });
});

describe('jsgk import (command line)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-import-'));
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const code = await importCmd(args, (s) => (out += s), (s) => (err += s));
    return { code, out, err };
  };
  const src = path.join(tmp, '原文.txt');
  fs.writeFileSync(src, '                 2026年部门支出预算总表\n编制部门：某区某局\n      项目     支出预算\n 功能分类科目名称  合计\n 204 公共安全支出   300.00\n');

  it('writes next to the original, and never overwrites without --force', async () => {
    const r = await run([src]);
    assert.strictEqual(r.code, 0, r.err);
    const dest = path.join(tmp, '原文.jsgk');
    assert.match(fs.readFileSync(dest, 'utf8'), /204 公共安全支出 \| 300\.00/);
    const again = await run([src]);
    assert.strictEqual(again.code, 2);
    assert.match(again.err, /已存在/);
    assert.strictEqual((await run([src, '--force'])).code, 0);
  });

  it('never writes through a symbolic link', async () => {
    const target = path.join(tmp, 'target.txt');
    fs.writeFileSync(target, 'keep');
    const link = path.join(tmp, 'link.jsgk');
    fs.symlinkSync(target, link);
    const r = await run([src, '--out', link, '--force']);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /符号链接/);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'keep');
  });

  it('writes to standard output with --out -, YAML with --to yaml; usage errors exit 2', async () => {
    const r = await run([src, '--out', '-', '--to', 'yaml']);
    assert.strictEqual(r.code, 0, r.err);
    assert.doesNotMatch(r.err, /未能写成 YAML/);
    assert.match(r.out, /表 2026年部门支出预算总表:/);
    assert.strictEqual((await run([])).code, 2);
    assert.strictEqual((await run([src, '--to', 'xml'])).code, 2);
    assert.strictEqual((await run([path.join(tmp, 'missing.pdf')])).code, 2);
  });

  it('exits 1 when the file cannot be read as what it claims to be', async () => {
    const bad = path.join(tmp, 'bad.pdf');
    fs.writeFileSync(bad, '%PDF-1.7 nonsense');
    const r = await run([bad, '--out', '-']);
    assert.strictEqual(r.code, 1);
    assert.match(r.err, /无法读取/);
  });

  it('jsgk main() returns the import\'s exit code (0, 1, 2), and so does the jsgk process; the usage text names import', async () => {
    const bad = path.join(tmp, 'bad2.pdf');
    fs.writeFileSync(bad, '%PDF-1.7 nonsense');
    const quiet = () => undefined;
    assert.strictEqual(await main(['import', bad, '--out', '-'], quiet, quiet), 1);
    assert.strictEqual(await main(['import'], quiet, quiet), 2);
    assert.strictEqual(await main(['import', src, '--out', path.join(tmp, 'main.jsgk')], quiet, quiet), 0);
    const bin = path.join(ROOT, 'bin', 'jsgk.js');
    const p1 = spawnSync(process.execPath, [bin, 'import', bad, '--out', '-'], { encoding: 'utf8' });
    assert.strictEqual(p1.status, 1, p1.stderr);
    const p0 = spawnSync(process.execPath, [bin, 'import', src, '--out', '-'], { encoding: 'utf8' });
    assert.strictEqual(p0.status, 0, p0.stderr);
    assert.match(p0.stdout, /204 公共安全支出 \| 300\.00/);
    let usage = '';
    assert.strictEqual(await main(['--help'], (s) => (usage += s), quiet), 0);
    assert.match(usage, /jsgk import <原文\.pdf\|原文\.xlsx\|原文\.txt>/);
  });
});
