/**
 * The fast path for table blocks (frontends/yaml-fast.ts) gives exactly what yaml.ts gives — the
 * same model, ranges, findings and data — on every table block of every sample, example, template
 * (the DSL ones converted), on generated reports and on mutated blocks; where it is not sure, it
 * leaves the block to yaml.ts. It takes most blocks of the real documents.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { splitYamlBlocks, parseYamlBlock } from '../server/src/service/frontends/yaml';
import { parseYamlTableFast } from '../server/src/service/frontends/yaml-fast';
import { RawBlock } from '../server/src/service/frontends/blocks';
import { parseReport, ReportParser } from '../server/src/service/frontends/report-parser';
import { generateLargeReport } from '../scripts/gen-large';
import { plain } from './helpers/samples';
import { corpusIn } from './helpers/corpus';

/** Every report the project ships, in YAML (the DSL ones converted). */
const reports = corpusIn('yaml');
reports.push({ name: 'generated', text: generateLargeReport({ units: 4 }).text });

const tableBlocks = reports.flatMap((r) => splitYamlBlocks(r.text).filter((b) => b.key.startsWith('表')).map((b) => ({ name: r.name, raw: b })));

function same(raw: RawBlock): boolean {
  const fast = parseYamlTableFast(raw);
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
    let taken = 0;
    fc.assert(fc.property(
      fc.integer({ min: 0, max: tableBlocks.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.oneof(fc.constantFrom(...EDITS), fc.string({ maxLength: 4 }))), { minLength: 1, maxLength: 4 }),
      (i, edits) => {
        const raw = tableBlocks[i].raw;
        let t = raw.text;
        for (const [pos, del, ins] of edits) {
          // edit after the key line: the block stays a table block
          const from = t.indexOf('\n') + 1;
          const at = from + (pos % Math.max(1, t.length - from + 1));
          t = t.slice(0, at) + ins + t.slice(at + del);
        }
        const m: RawBlock = { key: raw.key, start: raw.start, end: raw.start + t.length, text: t };
        if (same(m)) taken++;
      },
    ), { numRuns: Number(process.env.FAST_RUNS ?? 4000) });
    assert.ok(taken > 500, `only ${taken} mutated blocks were taken by the fast path: the property says little`);
  });
});
