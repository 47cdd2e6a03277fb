/** Every report file of the project (samples, examples, templates) and random edits of them, for the property tests. */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { ROOT } from './samples';
import { Syntax } from '../../server/src/service';
import { convert } from '../../server/src/service/features/convert';

export interface CorpusFile {
  name: string;
  syntax: Syntax;
  text: string;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (/\.jsgk(\.ya?ml)?$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** samples/, examples/ and templates/: every *.jsgk.yaml and *.jsgk. */
export function corpus(): CorpusFile[] {
  return ['samples', 'examples', 'templates'].flatMap((d) => walk(path.join(ROOT, d))).map((f) => ({
    name: path.relative(ROOT, f), syntax: f.endsWith('.jsgk') ? 'dsl' : 'yaml', text: fs.readFileSync(f, 'utf8'),
  }));
}

/** Every report of the corpus in one syntax: those written in the other converted (named “… → YAML/DSL”; a file that does not convert is left out). */
export function corpusIn(syntax: Syntax): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const f of corpus()) {
    if (f.syntax === syntax) out.push({ name: path.basename(f.name), text: f.text });
    else {
      const r = convert(f.text, f.syntax, syntax);
      if (r.ok) out.push({ name: `${path.basename(f.name)} → ${syntax === 'dsl' ? 'DSL' : 'YAML'}`, text: r.text });
    }
  }
  return out;
}

/** One of `texts` with a few random edits (insert, delete, replace) at random places, from `alphabet` or random strings. */
export function mutations(texts: string[], alphabet: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: texts.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.constantFrom(...alphabet), fc.string({ maxLength: 6 }))), { minLength: 1, maxLength: 6 }),
    )
    .map(([i, edits]) => {
      let t = texts[i];
      for (const [pos, del, ins] of edits) {
        const at = pos % (t.length + 1);
        t = t.slice(0, at) + ins + t.slice(at + del);
      }
      return t;
    });
}

/** What random edits of YAML insert. */
export const YAMLISH = ['\n', ' ', '  ', ':', '- ', '[', ']', '{', '}', '"', "'", '#', '|', '>', '\t', '表 ', '报告', '合计', '335.56', '1,687.40', '３３５．５６', '-', '—', '%', '：', '，', '万元', '&a', '*a', '!!str', '---', '?', '\r\n', '\u3000', '\\'];
/** What random edits of the DSL insert. */
export const DSLISH = ['\n', ' ', '|', '\t', '【', '】', '【表 收入决算表】\n', '= ', '== ', '#', ' # ', '\\', '\\|', '：', ':', '合计', '335.56', '1,687.40', '-', '——', '%', '单位构成：\n', '列：a | b\n', '\r\n', '\u3000'];
