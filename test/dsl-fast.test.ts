/**
 * The fast path for DSL table blocks (frontends/dsl-fast.ts) gives exactly what dsl.ts gives — the
 * same model, ranges and findings — on every table of every report the project ships (the YAML
 * ones converted), on generated reports and on mutated blocks; where it is not sure, it leaves the
 * block to dsl.ts. It takes most blocks of the real documents.
 */
import * as assert from 'assert';
import { splitDslBlocks, parseDslBlock } from '../server/src/service/frontends/dsl';
import { parseDslTableFast } from '../server/src/service/frontends/dsl-fast';
import { RawBlock } from '../server/src/service/frontends/blocks';
import { parseReport, ReportParser } from '../server/src/service/frontends/report-parser';
import { convert } from '../server/src/service/features/convert';
import { generateLargeReport } from '../scripts/gen-large';
import { plain } from './helpers/samples';
import { corpusIn } from './helpers/corpus';
import { mutatedBlocks } from './helpers/mutated-blocks';

/** Every report the project ships, in the DSL (the YAML ones converted). */
const reports = corpusIn('dsl');
const gen = convert(generateLargeReport({ units: 4 }).text, 'yaml', 'dsl');
if (gen.ok) reports.push({ name: 'generated', text: gen.text });

const tableBlocks = reports.flatMap((r) => splitDslBlocks(r.text).filter((b) => b.key.startsWith('表')).map((b) => ({ name: r.name, raw: b })));

function same(raw: RawBlock): boolean {
  const fast = parseDslTableFast(raw);
  if (!fast) return false;
  assert.deepStrictEqual(plain(fast), plain(parseDslBlock(raw)), `${raw.key}\n${raw.text}`);
  return true;
}

describe('the fast path for DSL table blocks', () => {
  it('gives what dsl.ts gives on every table of every report, and takes most of them', () => {
    let taken = 0;
    for (const b of tableBlocks) if (same(b.raw)) taken++;
    assert.ok(tableBlocks.length > 80, `${tableBlocks.length} tables`);
    assert.ok(taken >= tableBlocks.length * 0.9, `${taken} of ${tableBlocks.length} tables taken by the fast path`);
  });

  it('a report parsed with the fast path equals one parsed by dsl.ts alone (the whole model)', () => {
    for (const r of reports) {
      const fast = plain(parseReport(r.text, 'dsl').report);
      const blocks = splitDslBlocks(r.text).map(parseDslBlock);
      const viaDsl = new ReportParser('dsl');
      (viaDsl as unknown as { cache: Map<string, unknown[]> }).cache = new Map(blocks.map((b) => [b.raw.text, [b]]));
      assert.deepStrictEqual(plain(viaDsl.parse(r.text).report), fast, r.name);
    }
  });

  const EDITS = ['\n', ' ', '  ', '|', ' | ', '||', '：', ':', '=', '= ', '= 收入', '= 支出', '#', ' # x', '\\', '\\|', '\t', '\r\n', '【', '】', '\u3000',
    '0', '1.00', '-1.00', '1,000.00', '—', '-', '%', '合计', '列：', '列：a | b', '注：', '说明：x', '类型：', '编号：', '单位：元', '单位：x', '编制部门：', '编制单位：', 'x：y'];

  it('never differs from dsl.ts on mutated table blocks (it answers the same, or leaves the block to dsl.ts)', () => {
    const taken = mutatedBlocks(tableBlocks, EDITS, (m) => same(m));
    assert.ok(taken > 500, `only ${taken} mutated blocks were taken by the fast path: the property says little`);
  });
});
