/**
 * Nothing made worse: 修正全部 (fix-all) never increases the errors and never touches a cell no finding
 * pointed at; hovers cannot carry links, images, command: URIs or HTML from a report or a catalogue file.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { builtinCatalogue, Finding, getLanguageService, parseOverrideCsv } from '../server/src/service';
import { fixAll } from '../server/src/service/workspace/fixall';
import { hover } from '../server/src/service/features';
import { allSampleFiles, ROOT } from './helpers/samples';

const errorsOf = (fs_: Finding[]) => fs_.filter((f) => f.severity === 'error').length;

/** The cells of a report as written, by position: [source range, text]. */
function cells(text: string, file: string): Array<{ start: number; end: number; raw: string }> {
  const r = getLanguageService().check(file, text);
  return r.report.tables.flatMap((t) => t.parts.flatMap((p) => p.rows.flatMap((row) => row.cells.map((c) => ({ ...c.range, raw: c.raw })))));
}

describe('修正全部 (fix-all) makes things better, never worse', function () {
  this.timeout(120000);
  const files = [...allSampleFiles(), ...fs.readdirSync(path.join(ROOT, 'examples', '部门与所属单位')).map((f) => path.join(ROOT, 'examples', '部门与所属单位', f))];

  function fixAllOf(file: string, text: string) {
    const ls = getLanguageService();
    return fixAll(text, (t) => ls.check(file, t).findings);
  }

  it('on every sample and example: no more errors after, and no cell changed', () => {
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const before = getLanguageService().check(file, text).findings;
      const res = fixAllOf(file, text);
      const after = getLanguageService().check(file, res.text).findings;
      assert.ok(errorsOf(after) <= errorsOf(before), `${path.basename(file)}: ${errorsOf(before)} → ${errorsOf(after)} errors`);
      assert.deepStrictEqual(cells(res.text, file).map((c) => c.raw), cells(text, file).map((c) => c.raw), path.basename(file));
      // only fixes that change no typed number were applied
      for (const a of res.applied) assert.ok(!/^sum\.|^cross\.|^perf\.|^units\./.test(a.rule), `${a.rule}: ${a.title}`);
    }
  });

  it('on reports with planted errors (a cell, a rate, a repeated word, a unit typo): never more errors, no cell changed', () => {
    const texts = files.filter((f) => f.endsWith('.yaml')).map((f) => ({ f, t: fs.readFileSync(f, 'utf8') }));
    const plant = (t: string, at: number, kind: number): string => {
      const i = at % t.length;
      switch (kind) {
        case 0: { // a digit changed in a number
          const m = /\d/.exec(t.slice(i));
          if (!m) return t;
          const j = i + m.index;
          return t.slice(0, j) + String((Number(t[j]) + 1) % 10) + t.slice(j + 1);
        }
        case 1: { // a word repeated
          const j = t.indexOf('支出', i);
          return j < 0 ? t : t.slice(0, j) + '支出' + t.slice(j);
        }
        case 2: { // 万元 → 万X元 typo
          const j = t.indexOf('万元', i);
          const m = j < 0 ? null : /(\d+\.\d+)万元$/.exec(t.slice(Math.max(0, j - 12), j + 2));
          return !m ? t : t.slice(0, j - m[1].length) + '万' + m[1] + '元' + t.slice(j + 2);
        }
        default: { // a percentage changed
          const j = t.indexOf('%', i);
          return j < 1 || !/\d/.test(t[j - 1]) ? t : t.slice(0, j - 1) + String((Number(t[j - 1]) + 3) % 10) + t.slice(j);
        }
      }
    };
    fc.assert(fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 3 }), (k, plants) => {
      const { f, t: original } = texts[k];
      let t = original;
      for (const [at, kind] of plants) t = plant(t, at, kind);
      const before = getLanguageService().check(f, t).findings;
      const res = fixAllOf(f, t);
      const after = getLanguageService().check(f, res.text).findings;
      assert.ok(errorsOf(after) <= errorsOf(before), `${errorsOf(before)} → ${errorsOf(after)}`);
      assert.deepStrictEqual(cells(res.text, f).map((c) => c.raw), cells(t, f).map((c) => c.raw));
    }), { numRuns: 25 });
  });
});

describe('hovers escape report text (reliability-cases/hover-markdown-injection)', () => {
  const dir = path.join(ROOT, 'test', 'fixtures', 'hover-injection');
  const text = fs.readFileSync(path.join(dir, 'md.jsgk.yaml'), 'utf8');
  const base = builtinCatalogue();
  const catalogue = base.withOverrides(parseOverrideCsv(fs.readFileSync(path.join(dir, 'jsgk-kemu.csv'), 'utf8'), base.editions).entries);
  /** Markdown that would render a link, an image, HTML or a URL. */
  const active = (md: string) => /(^|[^\\])!\[|(^|[^\\])\]\(|(^|[^\\])<[a-z/]|[a-z]+:\/\/|(^|[^\\])command:/i.test(md);

  it('a glossary definition with an image, <img>, a command: link and <script> is shown as text', () => {
    const ls = getLanguageService({ catalogue });
    const r = ls.check('md.jsgk.yaml', text);
    const h = hover(r, text, text.indexOf('基本支出100') + 1, catalogue);
    assert.ok(h, 'a hover');
    assert.ok(h!.contents.includes('attacker'), h!.contents);
    assert.ok(!active(h!.contents), h!.contents);
  });

  it('a 科目 name and description from jsgk-kemu.csv with an image and a command: link are shown as text', () => {
    const t = text.replace('名词解释:', '表 支出决算表:\n  列: [本年支出合计]\n  行:\n    - 2011308 招商引资: 1.00\n\n名词解释:');
    const ls = getLanguageService({ catalogue });
    const r = ls.check('md2.jsgk.yaml', t);
    const h = hover(r, t, t.indexOf('2011308') + 2, catalogue);
    assert.ok(h && h.contents.includes('attacker'), h?.contents);
    assert.ok(!active(h!.contents), h!.contents);
  });
});
