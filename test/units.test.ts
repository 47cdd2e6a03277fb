/**
 * Checks across reports: a 部门 report against its 单位 reports (部门汇总 = Σ 单位), on the
 * constructed example in examples/部门与所属单位 and variations of it.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Finding, getLanguageService, parseReport, Report, ReportRef, unitGroups, unitRowHover } from '../server/src/service';
import { TablePart } from '../server/src/service/model';
import { keptForOthers, pairingIndex, sumCell } from '../server/src/service/workspace/units';
import { ROOT } from './helpers/samples';
import rulesData from '../server/src/service/data/rules.json';
import { applyFix } from './helpers/markers';
import { corpus } from './helpers/corpus';

const DIR = path.join(ROOT, 'examples', '部门与所属单位');
const DEPT = '某市商务局-2023部门决算.jsgk.yaml';
const SELF = '某市商务局（本级）-2023单位决算.jsgk.yaml';
const CENTRE = '某市招商服务中心-2023单位决算.jsgk.yaml';
const read = (f: string) => fs.readFileSync(path.join(DIR, f), 'utf8');

/** Checks the 部门 text against unit texts, through the language service (出错说明 included). */
function check(dept: string, units: Record<string, string>, view: (r: Report) => Report = (r) => r): Finding[] {
  const refs: ReportRef[] = Object.entries(units).map(([uri, text]) => ({ uri, report: view(parseReport(text).report) }));
  const ls = getLanguageService({ others: () => refs });
  return ls.check('dept', dept).findings;
}
const units = () => ({ self: read(SELF), centre: read(CENTRE) });
const unitFindings = (fs: Finding[]) => fs.filter((f) => f.rule === 'units.sum');
/** The cells of the tables units.sum compares, as parsed and as kept (SumPart), in the same form. */
const wholeCells = (r: Report) => r.tables.filter((t) => t.kind && t.kind in rulesData.unitSums.tables).map((t) => ({
  kind: t.kind, unit: t.unit, parts: t.parts.map((p) => ({
    name: p.name, side: p.side, rows: p.rows.map((row) => ({ code: row.code, name: row.name, cells: row.cells.map((c) => ({ kind: c.kind, raw: c.raw, range: c.range, value: c.value?.toString() })) })),
  })),
}));
const keptCells = (r: Report) => r.sums!.map((t) => ({
  kind: t.kind, unit: t.unit, parts: t.parts.map((p) => ({
    name: p.name, side: p.side, rows: p.names.map((name, i) => ({
      code: p.codes[i], name,
      cells: Array.from({ length: p.width }, (_, j) => sumCell(p, i * p.width + j)).filter((c) => c).map((c) => ({ kind: c!.kind, raw: c!.raw, range: c!.range, value: c!.value?.toString() })),
    })),
  })),
}));

describe('部门汇总 = 各单位之和 (checks across reports)', () => {
  it('the example: 2011308 is 120.00 in the 部门 table, 80.00 + 450,000.00元 in the units; totals above are consequences', () => {
    const text = read(DEPT);
    const f = unitFindings(check(text, units()));
    assert.deepStrictEqual(f.map((x) => [x.severity, text.slice(x.range.start, x.range.end), x.message]), [
      ['error', '120.00', '公开05表 2011308 招商引资（本年支出/小计） 120.00 ≠ 所属 2 个单位之和 125.00（差 5.00）；20113、201、合计 因此同样不等'],
      ['error', '120.00', '公开05表 2011308 招商引资（本年支出/项目支出） 120.00 ≠ 所属 2 个单位之和 125.00（差 5.00）；20113、201、合计 因此同样不等'],
    ]);
    // each unit's cell is a related location in that unit's document, 元 said where units differ
    const rel = f[0].related!;
    assert.deepStrictEqual(rel.map((r) => [r.uri, r.message]), [['self', '某市商务局（本级）：80.00'], ['centre', '某市招商服务中心：450,000.00 元']]);
    assert.strictEqual(units().centre.slice(rel[1].range.start, rel[1].range.end), '450,000.00');
    // the fix writes the sum the way the cell is written
    assert.strictEqual(applyFix(text, f[0]).slice(f[0].range.start, f[0].range.start + 6), '125.00');
  });

  it('finds the same with the unit reports kept as the view the command line and the server keep (keptForOthers)', () => {
    const text = read(DEPT);
    const full = unitFindings(check(text, units()));
    assert.ok(full.length > 0);
    assert.deepStrictEqual(unitFindings(check(text, units(), keptForOthers)), full);
    // and with one 单位 cell changed, both see it
    const changed = { ...units(), centre: units().centre.replace('450,000.00', '400,000.00') };
    const full2 = unitFindings(check(text, changed));
    assert.notDeepStrictEqual(full2.map((f) => f.message), full.map((f) => f.message));
    assert.deepStrictEqual(unitFindings(check(text, changed, keptForOthers)), full2);
    // the view lets the texts go, and keeps of the tables units.sum compares their rows' codes, names and cells
    const whole = parseReport(units().self).report;
    const v = keptForOthers(whole);
    assert.ok(whole.blocks.length > 0 && whole.tables.length > 0);
    assert.deepStrictEqual([v.narrative, v.glossary, v.blocks, v.printed, v.overview, v.tables], [[], [], [], [], [], []]);
    assert.deepStrictEqual(v.meta, whole.meta);
    const summed = Object.keys(rulesData.unitSums.tables);
    assert.deepStrictEqual(v.sums!.map((t) => t.kind), whole.tables.map((t) => t.kind).filter((k) => k && summed.includes(k)));
    assert.ok(v.sums!.length > 0, JSON.stringify(whole.tables.map((t) => t.kind)));
    // a table units.sum does not compare (one of no standard kind) goes
    const extra = parseReport(units().self.trimEnd() + '\n\n表 本单位自定义统计表:\n  列: [金额]\n  行:\n    - 合计: 1.00\n').report;
    assert.deepStrictEqual(extra.tables.map((t) => t.title).slice(-1), ['本单位自定义统计表']);
    assert.deepStrictEqual(keptForOthers(extra).sums!.map((t) => t.kind), v.sums!.map((t) => t.kind));
    // every cell comes back as parsed (kind, text, range, value)
    assert.deepStrictEqual(keptCells(v), wholeCells(whole));
    // a 部门 report kept for another keeps its 单位构成
    const dept = parseReport(text).report;
    assert.strictEqual(keptForOthers(dept).overview, dept.overview);
  });

  it('keeps every cell of the compared tables as parsed (kind, text, range, value), on every report the project ships and on odd cells', () => {
    let cells = 0;
    for (const f of corpus()) {
      const whole = parseReport(f.text, f.syntax).report;
      const want = wholeCells(whole);
      assert.deepStrictEqual(keptCells(keptForOthers(whole)), want, f.name);
      cells += want.flatMap((t) => t.parts.flatMap((p) => p.rows.flatMap((r) => r.cells))).length;
    }
    assert.ok(cells > 1000, `only ${cells} cells compared: the test says little`);
    // texts that are not how their value prints, values that are not safe integers, cells that are not amounts
    const odd = ['1,687.40', '-0.00', '0.50', '-0.50', '+3.00', '007.00', '3.', '.50', '３．００', '123456789012345678.12', '1.000000000000000000001', '-', '—', '12.5%', '', '100', '-100', '0', '1.0E3', ' 5.00'];
    const text = `报告:\n  类型: 单位决算\n  年度: 2023\n  单位: 甲\n  金额单位: 万元\n\n表 支出决算表:\n  编号: 公开05表\n  列: [合计]\n  行:\n${odd.map((o, i) => `    - ${2010100 + i} 第${i}项: ${JSON.stringify(o)}\n`).join('')}`;
    const whole = parseReport(text).report;
    assert.strictEqual(whole.tables[0].parts[0].rows.length, odd.length);
    const want = wholeCells(whole);
    assert.deepStrictEqual(keptCells(keptForOthers(whole)), want);
    // the odd cells are of several kinds, some of them with values
    const kinds = new Set(want[0].parts[0].rows.map((r) => r.cells[0]?.kind));
    assert.ok(kinds.has('amount') && kinds.size > 1, [...kinds].join());
  });

  it('pairs rows by 科目代码 or normalised name (a key written twice is left out) and columns by name; a kept unit report is indexed when kept', () => {
    const part = (): TablePart => ({
      name: '', range: { start: 0, end: 0 },
      columns: [{ name: '合计', kind: 'amount' }, { name: '基本 支出', kind: 'amount' }, { name: '基本支出', kind: 'amount' }, { name: '科目', kind: 'text' }].map((c) => ({ ...c, path: [c.name], range: { start: 0, end: 0 } })) as TablePart['columns'],
      rows: ['2010101 行政运行', '合 计', '其他', '其他', '2010101 行政运行（重复）'].map((k) => ({ key: k, name: k.replace(/^\d+ /, ''), code: /^\d+/.exec(k)?.[0], keyRange: { start: 0, end: 0 }, nameRange: { start: 0, end: 0 }, cells: [] })) as unknown as TablePart['rows'],
    });
    const x = pairingIndex(part());
    // 2010101 written twice: ambiguous, left out like 其他; 合 计 keyed as 合计
    assert.deepStrictEqual([...x.rows.keys()], ['合计']);
    assert.deepStrictEqual([...x.columns], [['合计', 0], ['基本支出', 1]]);
    // keptForOthers indexes every part of the view then: a later change of the parsed row is not seen
    const whole = parseReport(units().self).report;
    const view = keptForOthers(whole);
    const t = whole.tables.find((x) => x.kind === view.sums![0].kind)!;
    const row = t.parts[0].rows.find((r) => r.code)!;
    const code = row.code!;
    row.code = '9999999';
    const p = view.sums![0].parts[0];
    assert.strictEqual(p.rows.get(code), t.parts[0].rows.indexOf(row));
    assert.strictEqual(p.codes[p.rows.get(code)!], code);
    assert.ok(!p.rows.has('9999999'));
  });

  it('the 06 table and every other row of 05 agree (no finding for them)', () => {
    const f = unitFindings(check(read(DEPT), units()));
    assert.ok(f.every((x) => x.message.startsWith('公开05表 2011308')), f.map((x) => x.message).join('\n'));
  });

  it('says nothing when one listed unit has no report, or two reports claim the same unit', () => {
    assert.deepStrictEqual(unitFindings(check(read(DEPT), { self: read(SELF) })), []);
    assert.deepStrictEqual(unitFindings(check(read(DEPT), { ...units(), again: read(CENTRE) })), []);
    const g = unitGroups([{ uri: 'dept', report: parseReport(read(DEPT)).report }, { uri: 'self', report: parseReport(read(SELF)).report }]);
    assert.deepStrictEqual(g.map((x) => [x.complete, x.units.map((u) => [u.name, u.report?.uri])]), [[false, [['某市商务局（本级）', 'self'], ['某市招商服务中心', undefined]]]]);
  });

  it('matches units by year and report type, and names whatever their bracket width or spaces', () => {
    assert.deepStrictEqual(unitFindings(check(read(DEPT), { self: read(SELF), centre: read(CENTRE).replace('年度: 2023', '年度: 2024') })), []);
    assert.deepStrictEqual(unitFindings(check(read(DEPT), { self: read(SELF), centre: read(CENTRE).replace('类型: 单位决算', '类型: 单位预算') })), []);
    const renamed = read(SELF).replace('单位: 某市商务局（本级）', '单位: 某市商务局 (本级)');
    assert.strictEqual(unitFindings(check(read(DEPT), { self: renamed, centre: read(CENTRE) })).length, 2);
  });

  it('a table that one unit does not publish is not compared', () => {
    const centre = read(CENTRE).replace(/表 一般公共预算财政拨款支出决算表:[\s\S]*?\n\n/, '');
    assert.deepStrictEqual(unitFindings(check(read(DEPT), { self: read(SELF), centre })), []);
  });

  it('a 部门 that lists only itself is its own sum', () => {
    const dept = read(DEPT).replace('        - [1, 某市商务局（本级）, 行政单位]\n        - [2, 某市招商服务中心, 事业单位]', '        - [1, 某市商务局, 行政单位]');
    const self = read(SELF).replace('单位: 某市商务局（本级）', '单位: 某市商务局');
    assert.deepStrictEqual(unitFindings(check(dept, { self })), []);
  });

  it('a difference that rounding explains is a 尾数误差 note, not an error', () => {
    const dept = read(DEPT).replace('2011308 招商引资:     120.00 0.00 120.00', '2011308 招商引资:     125.01 0.00 125.01')
      .replace(/合计: +420\.00 300\.00 120\.00/, '合计: 425.01 300.00 125.01').replace(/201 一般公共服务支出: 420\.00 300\.00 120\.00/, '201 一般公共服务支出: 425.01 300.00 125.01')
      .replace(/20113 商贸事务: +420\.00 300\.00 120\.00/, '20113 商贸事务: 425.01 300.00 125.01');
    const f = check(dept, units()).filter((x) => x.rule === 'units.sum');
    assert.ok(f.length > 0 && f.every((x) => x.rule === 'units.sum' && x.rounding && x.severity === 'information'), f.map((x) => x.message).join('\n'));
    assert.deepStrictEqual(f.map((x) => x.message), [
      '公开05表 2011308 招商引资（本年支出/小计） 125.01 ≠ 所属 2 个单位之和 125.00（差 0.01，在舍入误差 ±0.0100005 以内，可能为尾数误差）；20113、201、合计 因此同样不等',
      '公开05表 2011308 招商引资（本年支出/项目支出） 125.01 ≠ 所属 2 个单位之和 125.00（差 0.01，在舍入误差 ±0.0100005 以内，可能为尾数误差）；20113、201、合计 因此同样不等',
    ]);
  });

  it('a 科目 that a unit spends on and the 部门 table does not list is reported on the table', () => {
    const centre = read(CENTRE).replace('    - 2011350 事业运行:', '    - 2011399 其他商贸事务支出: 0.00 0.00 0.00\n    - 2011350 事业运行:');
    assert.deepStrictEqual(unitFindings(check(read(DEPT), { self: read(SELF), centre })).length, 2, 'a zero row is no money');
    const centre2 = read(CENTRE).replace('2011308 招商引资:     450,000.00 0.00 450,000.00', '2011308 招商引资:     400,000.00 0.00 400,000.00\n    - 2011399 其他商贸事务支出: 50,000.00 0.00 50,000.00');
    const text = read(DEPT);
    const f = unitFindings(check(text, { self: read(SELF), centre: centre2 }));
    assert.deepStrictEqual(f.map((x) => [text.slice(x.range.start, x.range.end), x.message]), [
      ['表 一般公共预算财政拨款支出决算表', '某市招商服务中心的公开05表有 2011399 其他商贸事务支出（本年支出/小计）50,000.00 元，部门汇总表中没有这一行；20113、201、合计 因此同样不等'],
      ['表 一般公共预算财政拨款支出决算表', '某市招商服务中心的公开05表有 2011399 其他商贸事务支出（本年支出/项目支出）50,000.00 元，部门汇总表中没有这一行；20113、201、合计 因此同样不等'],
    ]);
    assert.strictEqual(f[0].related![0].uri, 'centre');
  });

  it('money between the 部门 and its units (上级补助收入 …) is not compared', () => {
    const table = (a: string) => `表 收入决算表:\n  编号: 公开02表\n  列: [本年收入合计, 财政拨款收入, 上级补助收入, 事业收入, 经营收入, 附属单位上缴收入, 其他收入]\n  行:\n    - 合计: ${a}\n`;
    const dept = read(DEPT) + '\n' + table('100.00 100.00 0.00 0.00 0.00 0.00 0.00');
    const self = read(SELF) + '\n' + table('80.00 60.00 0.00 0.00 0.00 20.00 0.00');
    const centre = read(CENTRE) + '\n' + table('600,000.00 400,000.00 200,000.00 0.00 0.00 0.00 0.00');
    const f = unitFindings(check(dept, { self, centre }));
    assert.deepStrictEqual(f.filter((x) => x.message.startsWith('公开02表')).map((x) => x.message), []);
    const wrong = dept.replace('合计: 100.00 100.00', '合计: 100.00 90.00');
    assert.deepStrictEqual(unitFindings(check(wrong, { self, centre })).filter((x) => x.message.startsWith('公开02表')).map((x) => x.message),
      ['公开02表 合计（财政拨款收入） 90.00 ≠ 所属 2 个单位之和 100.00（差 10.00）']);
  });

  it('a 出错说明 on the 部门 row justifies the findings of that row', () => {
    const text = read(DEPT).replace('    - 2011308 招商引资:     120.00 0.00 120.00', '    # 出错说明(units.sum): 中心的 5 万元为代管资金，不计入部门汇总\n    - 2011308 招商引资:     120.00 0.00 120.00');
    const f = check(text, units());
    assert.deepStrictEqual(f.filter((x) => x.rule === 'units.sum' || x.rule === 'annotation.unused').map((x) => x.rule), []);
  });

  it('the 部门 report itself, checked alone, has no finding about its units', () => {
    const ls = getLanguageService();
    assert.deepStrictEqual(unitFindings(ls.check('dept', read(DEPT)).findings), []);
  });

  it('hover on a 单位构成 row says which report stands for the unit, and whether the sums were compared', () => {
    const text = read(DEPT);
    const dept = { uri: 'dept', report: parseReport(text).report };
    const refs = Object.entries(units()).map(([uri, t]) => ({ uri, report: parseReport(t).report }));
    const at = text.indexOf('某市招商服务中心, 事业单位');
    const h = unitRowHover(dept, refs, at, (u) => `<${u}>`)!;
    assert.strictEqual(h.contents, '**某市招商服务中心**\n\n单位报告：<centre>\n\n部门各表已与所属 2 个单位报告之和核对（规则 units.sum）');
    assert.strictEqual(text.slice(h.range.start, h.range.end), '[2, 某市招商服务中心, 事业单位]');
    const alone = unitRowHover(dept, refs.filter((r) => r.uri === 'self'), at, (u) => u)!;
    assert.strictEqual(alone.contents, '**某市招商服务中心**\n\n没有找到这个单位 2023 年的单位决算报告（报告中写“单位：某市招商服务中心”的文件）\n\n还缺 1 个单位的报告（某市招商服务中心）：部门汇总数未与各单位核对');
    // two reports for the unit: neither counts, and the hover names both
    const twice = unitRowHover(dept, [...refs, { uri: 'centre-copy', report: refs.find((r) => r.uri === 'centre')!.report }], at, (u) => `<${u}>`)!;
    assert.strictEqual(twice.contents, '**某市招商服务中心**\n\n这个单位 2023 年的单位决算报告找到 2 份，不知以哪一份为准：<centre>、<centre-copy>\n\n1 个单位各有不止一份报告（某市招商服务中心）：部门汇总数未与各单位核对');
    assert.strictEqual(unitRowHover(dept, refs, text.indexOf('纳入本部门'), (u) => u), undefined, 'not on a row');
  });
});
