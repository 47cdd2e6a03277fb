/**
 * The line DSL (*.jsgk): the same model as YAML for every sample, the same findings, conversion
 * both ways without loss (values, texts, comments), and clear findings for what it cannot read.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getLanguageService, parseReport } from '../server/src/service';
import { convert } from '../server/src/service/features/convert';
import { outline, OutlineItem } from '../server/src/service/features';
import { project } from './helpers/project';
import { ROOT, sampleFiles } from './helpers/samples';

const yamlFiles = () => [
  ...sampleFiles(),
  ...fs.readdirSync(path.join(ROOT, 'examples', '部门与所属单位')).map((f) => path.join(ROOT, 'examples', '部门与所属单位', f)),
  ...fs.readdirSync(path.join(ROOT, 'templates')).filter((f) => f.endsWith('.jsgk.yaml')).map((f) => path.join(ROOT, 'templates', f)),
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
      // the same outline
      const names = (items: OutlineItem[]): unknown => items.map((i) => [i.name, i.kind, i.detail, names(i.children)]);
      assert.deepStrictEqual(names(outline(d.report)), names(outline(y.report)));
      // …at the same words of the source (the text each finding marks)
      const fy = ls.check('a.jsgk.yaml', yaml).findings.map((f) => `${f.rule} ${f.message} «${yaml.slice(f.range.start, f.range.end)}»`).sort();
      const fd = ls.check('a.jsgk', dsl).findings.map((f) => `${f.rule} ${f.message} «${dsl.slice(f.range.start, f.range.end)}»`).sort();
      assert.deepStrictEqual(fd, fy);
    });
  }
});

describe('docs/dsl.md', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'dsl.md'), 'utf8');
  it('its complete example checks clean and reads exactly as the YAML example of format.md', () => {
    const dsl = /## 四、一份完整的小例子[\s\S]*?```jsgk\n([\s\S]*?)```/.exec(doc)![1];
    const yaml = /## 九、一份完整的小例子[\s\S]*?```yaml\n([\s\S]*?)```/.exec(fs.readFileSync(path.join(ROOT, 'docs', 'format.md'), 'utf8'))![1];
    assert.deepStrictEqual(getLanguageService().check('doc.jsgk', dsl).findings.map((f) => `${f.rule}: ${f.message}`), []);
    assert.deepStrictEqual(project(parseReport(dsl, 'dsl').report), project(parseReport(yaml, 'yaml').report));
  });
  it('the examples of its section 二 read without a format error', () => {
    const text = /## 二、各块[\s\S]*?```text\n([\s\S]*?)```/.exec(doc)![1];
    const r = parseReport(text, 'dsl');
    assert.deepStrictEqual(r.findings.filter((f) => /^(dsl|schema|table\.|parse)/.test(f.rule)).map((f) => f.message), []);
    assert.deepStrictEqual(r.report.glossary.map((e) => e.definition.value)[1], '指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费\n和公务接待费。');
    assert.deepStrictEqual(r.report.perf[0].indicators.map((x) => [x.level1, x.level2, x.level3]), [['产出指标', '数量指标', '接待次数'], ['产出指标', '数量指标', '维修次数']]);
  });
});

describe('examples/DSL示例', () => {
  it('is sample 000 converted to the DSL (only its first comment line differs), and reads the same', () => {
    const name = '000-绥芬河市经济合作促进中心-2023部门决算';
    const yaml = fs.readFileSync(path.join(ROOT, 'samples', `${name}.jsgk.yaml`), 'utf8');
    const dsl = fs.readFileSync(path.join(ROOT, 'examples', 'DSL示例', `${name}.jsgk`), 'utf8');
    const converted = convert(yaml, 'yaml', 'dsl');
    assert.ok(converted.ok);
    assert.strictEqual(dsl.split('\n').slice(1).join('\n'), converted.ok && converted.text.split('\n').slice(1).join('\n'));
    assert.deepStrictEqual(project(parseReport(dsl, 'dsl').report), project(parseReport(yaml, 'yaml').report));
  });
});
