import * as assert from 'assert';
import fc from 'fast-check';
import { parseReport, ReportParser } from '../server/src/service/frontends/report-parser';
import { checkFiles } from '../server/src/cli/jsgk';
import { completion, foldingRanges, hover, inlayHints, outline } from '../server/src/service/features';
import { formatDocument } from '../server/src/service/features/format';
import { plain, sampleFiles } from './helpers/samples';
import { project } from './helpers/project';
import { DSLISH, mutations, YAMLISH } from './helpers/corpus';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const samples = sampleFiles().map((f) => fs.readFileSync(f, 'utf8'));
const mutated = mutations(samples, YAMLISH);

/** Every editor feature answers on a document, broken or not. */
function allFeatures(ls: ReturnType<typeof getLanguageService>, r: ReturnType<ReturnType<typeof getLanguageService>['check']>, t: string, off: number) {
  const o = off % (t.length + 1);
  hover(r, t, o, ls.catalogue);
  completion(r, t, o, ls.catalogue);
  inlayHints(r);
  outline(r.report);
  foldingRanges(r.report);
  formatDocument(t, r.report);
}

const randomText = fc.array(fc.oneof(fc.constantFrom(...YAMLISH), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 60 }).map((a) => a.join(''));

function wellFormed(text: string) {
  const r = parseReport(text);
  for (const f of r.findings) {
    assert.ok(f.range.start >= 0 && f.range.end >= f.range.start && f.range.end <= text.length + 1, `range in text: ${JSON.stringify(f)}`);
    assert.ok(typeof f.message === 'string' && f.message.length > 0);
  }
  return r;
}

describe('robustness (property-based)', () => {
  it('the parser never throws on random text, and every finding has a valid range', () => {
    fc.assert(fc.property(randomText, (t) => { wellFormed(t); }), { numRuns: 400 });
  });

  it('the checker and every editor feature never throw on mutated samples', () => {
    fc.assert(fc.property(mutated, fc.nat(), (t, off) => {
      wellFormed(t);
      const ls = getLanguageService();
      allFeatures(ls, ls.check('m', t), t, off);
    }), { numRuns: 150 });
  });

  it('incremental parsing after random edits equals a fresh parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: samples.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...YAMLISH)), { minLength: 1, maxLength: 4 }), (i, edits) => {
        const p = new ReportParser();
        let t = samples[i];
        p.parse(t);
        for (const [pos, del, ins] of edits) {
          const at = pos % (t.length + 1);
          t = t.slice(0, at) + ins + t.slice(at + del);
          const inc = p.parse(t);
          const fresh = parseReport(t);
          assert.deepStrictEqual(plain(inc.report), plain(fresh.report));
          assert.deepStrictEqual(plain(inc.findings), plain(fresh.findings));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the command line never throws on random bytes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-fuzz-'));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const f = path.join(dir, 'x.jsgk.yaml');
        fs.writeFileSync(f, bytes);
        const out = checkFiles([f]);
        assert.ok(Array.isArray(out));
        assert.ok(out.every((x) => x.line >= 1 && x.column >= 1 && typeof x.message === 'string'));
      }),
      { numRuns: 200 },
    );
  });
});

import { getLanguageService } from '../server/src/service';

describe('incremental checking equals a fresh check (cached table and narrative results)', () => {
  it('after random edits anywhere, the findings of a warm service equal a cold one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: samples.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.constantFrom('\n', ' ', '# x\n', '1', '0.5', '万元', '增加', '。', '占', '%', '合计: 1\n')), { minLength: 1, maxLength: 5 }), (i, edits) => {
        const warm = getLanguageService();
        let t = samples[i];
        warm.check('u', t);
        for (const [pos, del, ins] of edits) {
          const at = pos % (t.length + 1);
          t = t.slice(0, at) + ins + t.slice(at + del);
          const a = warm.check('u', t);
          const b = getLanguageService().check('u', t);
          assert.deepStrictEqual(plain(a.findings), plain(b.findings));
          assert.deepStrictEqual(plain(a.totals.map((x) => [x.rule, x.range, x.label, x.computed.toString(), x.verdict])), plain(b.totals.map((x) => [x.rule, x.range, x.label, x.computed.toString(), x.verdict])));
        }
      }),
      { numRuns: 60 },
    );
  });
});

import { convert } from '../server/src/service/features/convert';

describe('robustness of the line DSL (property-based)', () => {
  const dslSamples = samples.map((s) => { const r = convert(s, 'yaml', 'dsl'); if (!r.ok) throw new Error(r.message); return r.text; });
  const mutatedDsl = mutations(dslSamples, DSLISH);

  it('the DSL parser, the checker and every editor feature never throw, and findings lie in the text', () => {
    fc.assert(fc.property(mutatedDsl, fc.nat(), (t, off) => {
      const ls = getLanguageService();
      const r = ls.check('m.jsgk', t);
      for (const f of r.findings) assert.ok(f.range.start >= 0 && f.range.end >= f.range.start && f.range.end <= t.length + 1, JSON.stringify(f));
      allFeatures(ls, r, t, off);
      // a converted file reads back as the same report
      const y = convert(t, 'dsl', 'yaml');
      if (y.ok) assert.deepStrictEqual(project(parseReport(y.text, 'yaml').report), project(parseReport(t, 'dsl').report));
    }), { numRuns: 150 });
  });

  it('incremental DSL parsing after random edits equals a fresh parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: dslSamples.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...DSLISH)), { minLength: 1, maxLength: 4 }), (i, edits) => {
        const p = new ReportParser('dsl');
        let t = dslSamples[i];
        p.parse(t);
        for (const [pos, del, ins] of edits) {
          const at = pos % (t.length + 1);
          t = t.slice(0, at) + ins + t.slice(at + del);
          assert.deepStrictEqual(plain(p.parse(t).report), plain(parseReport(t, 'dsl').report));
        }
      }),
      { numRuns: 60 },
    );
  });
});
