/**
 * The fast paths for table blocks and for blocks of text (frontends/yaml-fast.ts) give exactly what
 * yaml.ts gives — the same model, ranges, findings and data — on every such block of every sample,
 * example, template (the DSL ones converted), on generated reports and on mutated blocks; where they
 * are not sure, they leave the block to yaml.ts. They take most blocks of the real documents.
 */
import * as assert from 'assert';
import { splitYamlBlocks, parseYamlBlock } from '../server/src/service/frontends/yaml';
import { parseYamlPreludeFast, parseYamlProseFast, parseYamlTableFast } from '../server/src/service/frontends/yaml-fast';
import { blockKindOf } from '../server/src/service/frontends/common';
import { RawBlock } from '../server/src/service/frontends/blocks';
import { parseReport, ReportParser } from '../server/src/service/frontends/report-parser';
import { generateLargeReport } from '../scripts/gen-large';
import { plain } from './helpers/samples';
import { corpusIn } from './helpers/corpus';
import { mutatedBlocks } from './helpers/mutated-blocks';

/** Every report the project ships, in YAML (the DSL ones converted). */
const reports = corpusIn('yaml');
reports.push({ name: 'generated', text: generateLargeReport({ units: 4 }).text });

const tableBlocks = reports.flatMap((r) => splitYamlBlocks(r.text).filter((b) => b.key.startsWith('表')).map((b) => ({ name: r.name, raw: b })));

const PROSE = ['meta', 'overview', 'narrative', 'others', 'glossary'];
const proseBlocks = reports.flatMap((r) => splitYamlBlocks(r.text).filter((b) => PROSE.includes(blockKindOf(b.key))).map((b) => ({ name: r.name, raw: b })));

function same(raw: RawBlock, fastPath = parseYamlTableFast): boolean {
  const fast = fastPath(raw);
  if (!fast) return false;
  assert.deepStrictEqual(plain(fast), plain(parseYamlBlock(raw)), `${raw.key}\n${raw.text}`);
  return true;
}

describe('the fast path for table blocks', () => {
  it('gives what yaml.ts gives on every table of every sample, example and template, and takes most of them', () => {
    let taken = 0;
    for (const b of tableBlocks) if (same(b.raw)) taken++;
    assert.ok(tableBlocks.length > 80, `${tableBlocks.length} tables`);
    assert.ok(taken >= tableBlocks.length * 0.9, `${taken} of ${tableBlocks.length} tables taken by the fast path`);
  });

  it('a report parsed with the fast path equals one parsed by yaml.ts alone (the whole model)', () => {
    for (const r of reports) {
      const slow = plain(parseReport(r.text).report);
      // ReportParser uses the fast path; every block through yaml.ts for comparison
      const blocks = splitYamlBlocks(r.text).map(parseYamlBlock);
      const viaYaml = new ReportParser('yaml');
      (viaYaml as unknown as { cache: Map<string, unknown[]> }).cache = new Map(blocks.map((b) => [b.raw.text, [b]]));
      assert.deepStrictEqual(plain(viaYaml.parse(r.text).report), slow, r.name);
    }
  });

  const EDITS = ['\n', ' ', '  ', ':', ': ', '- ', '-', '[', ']', ',', ', ', '"', "'", '#', ' #', '|', '|-', '>', '\t', '\r\n', '&a', '*a', '!', '?', '{', '}',
    '0', '1.00', '-1.00', '1,000.00', '—', '%', '合计', '收入', '支出', '列', '行', '注', '说明', '类型', '编号', '单位', '万元', '元', '\u3000', '\\', '\\n', '""', 'x: y'];

  it('never differs from yaml.ts on mutated table blocks (it answers the same, or leaves the block to yaml.ts)', () => {
    const taken = mutatedBlocks(tableBlocks, EDITS, (m) => same(m));
    assert.ok(taken > 500, `only ${taken} mutated blocks were taken by the fast path: the property says little`);
  });
  it('gives what yaml.ts gives on every block of text (报告, 概况, 情况说明, 其他, 名词解释) of every sample, example and template, and takes most of them', () => {
    let taken = 0;
    for (const b of proseBlocks) if (same(b.raw, parseYamlProseFast)) taken++;
    assert.ok(proseBlocks.length > 60, `${proseBlocks.length} blocks of text`);
    assert.ok(taken >= proseBlocks.length * 0.8, `${taken} of ${proseBlocks.length} blocks of text taken by the fast path`);
  });

  it('reads a prelude of comment lines as yaml.ts does (nothing in it), takes those of the samples, and leaves to yaml.ts any other prelude', () => {
    const preludes = reports.map((r) => splitYamlBlocks(r.text)[0]).filter((b) => b.key === '');
    let taken = 0;
    for (const b of preludes) if (same(b, parseYamlPreludeFast)) taken++;
    assert.ok(preludes.length > 10 && taken === preludes.length, `${taken} of ${preludes.length} preludes`);
    const raw = (text: string): RawBlock => ({ key: '', start: 0, end: text.length, text });
    for (const t of ['# a\n', '\n\n# a\n  # b\n\n', '#\n', '   \n', '# x: [1, 2\n']) assert.ok(same(raw(t), parseYamlPreludeFast), JSON.stringify(t));
    // anything else (content, a directive, a tab, a byte-order mark, a document marker) goes to yaml.ts, which says what it is
    for (const t of ['x\n', '%YAML 1.2\n', '\t# a\n', '\ufeff# a\n', '---\n', '# a\nb: 1\n', ' - 1\n']) {
      assert.strictEqual(parseYamlPreludeFast(raw(t)), undefined, JSON.stringify(t));
    }
    // the mutated preludes: taken only when yaml.ts reads them the same
    mutatedBlocks(preludes.map((b) => ({ raw: b })), ['#', ' ', '\n', 'x', ':', '%', '\t', '---', '- '], (m) => same(m, parseYamlPreludeFast));
  });

  it('leaves to yaml.ts what it does not read as yaml.ts does: a comment line inside a block scalar, a key not deeper than its item, a long key', () => {
    const cases = [
      '情况说明:\n  - 一、收入:\n      说明一\n#\n      说明二\n',
      '情况说明:\n  - 一、收入: |\n      说明一\n#\n      说明二\n',
      '情况说明:\n  - 一、收入:\n    正文: 说明\n',
      `名词解释:\n  - ${'长'.repeat(1030)}: 指\n`,
      '名词解释:\n  - 基本支出: 指\n    人员支出\n',
      '报告:\n  类型: 部门决算\n  类型: 单位决算\n',
      '报告:\n  年度: 2024\u2028\n',
      // found by the mutation property: a line of spaces past the indentation after the last line is content to YAML
      '部门概况:\n  - 一、单位构成: |\n     纳入单位\n        \n\n',
      '名词解释:\n  - 基本支出: |\n      指人员支出\n         \n  - 项目支出: 指\n',
    ];
    for (const text of cases) {
      const raw: RawBlock = { key: text.slice(0, text.indexOf(':')), start: 0, end: text.length, text };
      assert.strictEqual(parseYamlProseFast(raw), undefined, text);
    }
    // the same in a table's 注
    const note = '表 x:\n  列: [a]\n  行:\n    - 合计: 1\n  注: |\n    说明\n       \n';
    assert.strictEqual(parseYamlTableFast({ key: '表 x', start: 0, end: note.length, text: note }), undefined);
    assert.ok(same({ key: '表 x', start: 0, end: note.length - 8, text: note.slice(0, -8) + '\n' }));
    // and reads the usual forms
    const ok = '情况说明:\n  - 一、收入:\n      - （一）总体: |\n          说明一\n\n          说明二\n  - 二、支出:\n      正文: 总支出1.00万元。\n      小节:\n        - （一）基本支出: 1.00万元\n  - 三、其他:\n';
    assert.ok(same({ key: '情况说明', start: 5, end: 5 + ok.length, text: ok }, parseYamlProseFast));
    // 单位构成 as rows of flow sequences, with or without its own columns
    for (const units of [
      '部门概况:\n  - 一、单位构成:\n      正文: |\n        共2家。\n      单位构成:\n        - [1, 某局本级, 行政单位]\n        - [2, "某中心", 事业单位]\n',
      '部门概况:\n  - 一、单位构成:\n      单位构成:\n        列: [序号, 单位名称, 单位性质]\n        行:\n          - [1, 某局本级, 行政单位]\n          - [2, 某中心, 事业单位]\n  - 二、职责: 负责。\n',
    ]) {
      const raw: RawBlock = { key: '部门概况', start: 0, end: units.length, text: units };
      assert.ok(same(raw, parseYamlProseFast), units);
      assert.strictEqual(parseYamlProseFast(raw)!.sections![0].units!.length, 2);
    }
  });

  it('never differs from yaml.ts on mutated blocks of text (it answers the same, or leaves the block to yaml.ts)', () => {
    const taken = mutatedBlocks(proseBlocks, [...EDITS, '正文', '小节', '单位构成', '一、', '（一）', '\n  - ', '\n      ', '\n#', '- [1, a, b]', '\n        - ['], (m) => same(m, parseYamlProseFast));
    assert.ok(taken > 500, `only ${taken} mutated blocks were taken by the fast path: the property says little`);
  });
});
