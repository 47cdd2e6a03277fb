/**
 * The line DSL (*.jsgk): the same model as YAML for every sample, the same findings, conversion
 * both ways without loss (values, texts, comments), and clear findings for what it cannot read.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getLanguageService, parseReport } from '../server/src/service';
import { convert } from '../server/src/service/convert';
import { project } from './helpers/project';
import { ROOT, sampleFiles } from './helpers/samples';
import { extractMarkers } from './helpers/markers';

const yamlFiles = () => [
  ...sampleFiles(),
  ...fs.readdirSync(path.join(ROOT, 'examples', '部门与所属单位')).map((f) => path.join(ROOT, 'examples', '部门与所属单位', f)),
  ...fs.readdirSync(path.join(ROOT, 'templates')).map((f) => path.join(ROOT, 'templates', f)),
];
const toDsl = (yaml: string) => {
  const r = convert(yaml, 'yaml', 'dsl');
  assert.ok(r.ok, r.ok ? '' : r.message + '\n' + r.findings.map((f) => f.message).join('\n'));
  return r.text;
};
const toYaml = (dsl: string) => {
  const r = convert(dsl, 'dsl', 'yaml');
  assert.ok(r.ok, r.ok ? '' : r.message + '\n' + r.findings.map((f) => f.message).join('\n'));
  return r.text;
};

describe('the line DSL (*.jsgk)', () => {
  for (const file of yamlFiles()) {
    const name = path.basename(file);
    it(`${name}: YAML → DSL → YAML keeps every value, text and comment, and the findings are the same`, () => {
      const yaml = fs.readFileSync(file, 'utf8');
      const y = parseReport(yaml, 'yaml');
      const dsl = toDsl(yaml);
      const d = parseReport(dsl, 'dsl');
      assert.deepStrictEqual(d.findings.filter((f) => /^(dsl|schema|yaml|table\.cells|parse)/.test(f.rule)).map((f) => f.message), []);
      assert.deepStrictEqual(project(d.report), project(y.report));
      const back = toYaml(dsl);
      assert.deepStrictEqual(project(parseReport(back, 'yaml').report), project(y.report));
      // comments: every comment line of the YAML is in the DSL and back
      const comments = (s: string) => s.split('\n').map((l) => /(?:^|\s)(#.*)$/.exec(l)?.[1]).filter((c): c is string => !!c && !/^#\s*$/.test(c));
      const yamlComments = comments(yaml.split('\n').filter((l) => !/^\s{6,}\S/.test(l) || /^\s*#/.test(l)).join('\n'));
      for (const c of yamlComments) assert.ok(dsl.includes(c), `comment lost in DSL: ${c}`);
      for (const c of yamlComments) assert.ok(back.includes(c), `comment lost in YAML: ${c}`);
      // the same findings, in the same words
      const ls = getLanguageService();
      // …at the same words of the source (the text each finding marks)
      const fy = ls.check('a.jsgk.yaml', yaml).findings.map((f) => `${f.rule} ${f.message} «${yaml.slice(f.range.start, f.range.end)}»`).sort();
      const fd = ls.check('a.jsgk', dsl).findings.map((f) => `${f.rule} ${f.message} «${dsl.slice(f.range.start, f.range.end)}»`).sort();
      assert.deepStrictEqual(fd, fy);
    });
  }
});
