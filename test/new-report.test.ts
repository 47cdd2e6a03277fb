/**
 * 新建决算报告 / 新建预算报告 (client/src/newReport.ts) on the real templates: the 单位 and 年度 are
 * filled in everywhere, the filled report reads back with them and has no finding but its
 * placeholders, the DSL templates are the YAML ones converted, and the schema line of a new YAML
 * report resolves without a network in yaml-language-server (what other editors use).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { defaultYear, fillTemplate, firstPlaceholder, reportFileName, ReportKind, SCHEMA_COPY, Syntax, templateName, unitProblem, yearProblem } from '../client/src/newReport';
import { convert } from '../server/src/service/features/convert';
import { parseReport } from '../server/src/service/frontends/report-parser';
import { getLanguageService } from '../server/src/service';
import { ROOT } from './helpers/samples';

const template = (kind: ReportKind, syntax: Syntax) => fs.readFileSync(path.join(ROOT, 'templates', templateName(kind, syntax)), 'utf8');
const KINDS: ReportKind[] = ['决算', '预算'];
const SYNTAXES: Syntax[] = ['yaml', 'dsl'];

describe('新建报告: the templates filled in with 单位 and 年度', () => {
  for (const kind of KINDS) {
    for (const syntax of SYNTAXES) {
      it(`部门${kind} (${syntax}): every XX单位 and year is replaced, and the report reads back with them`, () => {
        const tpl = template(kind, syntax);
        const tplYear = Number(/年度[:：] ?(\d{4})/.exec(tpl)![1]);
        const text = fillTemplate(tpl, '绥芬河市经济合作促进中心', 2031, syntax === 'yaml' ? SCHEMA_COPY : undefined);
        assert.ok(!text.includes('XX单位'), text);
        assert.ok(!new RegExp(`(?<!\\d)${tplYear}(?!\\d)`).test(text), `模板的年度 ${tplYear} 仍在：\n${text}`);
        const r = parseReport(text, syntax);
        assert.strictEqual(r.report.meta?.unitName?.value, '绥芬河市经济合作促进中心');
        assert.strictEqual(r.report.meta?.year?.year, 2031);
        assert.strictEqual(r.report.meta?.type?.value, `部门${kind}`);
        assert.match(text, /绥芬河市经济合作促进中心2031年度|2031年/);
        // no finding but the parts the clerk is still to write
        const findings = getLanguageService().check(`new.${syntax === 'yaml' ? 'jsgk.yaml' : 'jsgk'}`, text).findings;
        assert.deepStrictEqual(findings.filter((f) => !/placeholder/.test(f.rule)).map((f) => `${f.rule}: ${f.message}`), []);
        if (syntax === 'yaml') assert.strictEqual(text.split('\n')[0], `# yaml-language-server: $schema=${SCHEMA_COPY}`);
        const p = firstPlaceholder(text);
        assert.ok(p && text.slice(p.start, p.end).startsWith('（按三定方案填写'), text.slice(0, 400));
      });
    }

    it(`部门${kind}: the DSL template is the YAML template converted (below its first comment line)`, () => {
      const r = convert(template(kind, 'yaml'), 'yaml', 'dsl');
      assert.ok(r.ok);
      const body = (t: string) => t.replace(/^(#.*\n)+/, '');
      const dsl = template(kind, 'dsl');
      assert.strictEqual(body(dsl), body(r.text), `重新生成：node bin/jsgk.js convert templates/${templateName(kind, 'yaml')} --to dsl --out - ，保留 templates/${templateName(kind, 'dsl')} 的第一行注释`);
      assert.match(dsl.split('\n')[0], /^# 部门.{2}公开报告（行式 DSL）。格式说明：docs\/dsl\.md/);
      assert.match(template(kind, 'yaml').split('\n')[1], /^# 部门.{2}公开报告。格式说明：docs\/format\.md/);
    });
  }

  it('names the file 单位-年度部门决算.jsgk.yaml / .jsgk', () => {
    assert.strictEqual(reportFileName('决算', '某市某中心', 2024, 'yaml'), '某市某中心-2024部门决算.jsgk.yaml');
    assert.strictEqual(reportFileName('预算', '某市某中心', 2025, 'dsl'), '某市某中心-2025部门预算.jsgk');
  });

  it('says why a 单位 or 年度 cannot be used', () => {
    assert.strictEqual(unitProblem('某市经济合作促进中心（本级）'), undefined);
    assert.deepStrictEqual(unitProblem('  '), ['请输入单位名称']);
    assert.deepStrictEqual(unitProblem('某局/某中心')?.[1], '/');
    assert.deepStrictEqual(unitProblem('某局,某中心')?.[1], ',');
    assert.deepStrictEqual(unitProblem('某局|某中心')?.[1], '|');
    assert.deepStrictEqual(unitProblem('.某局'), ['单位名称不能以 {0} 开头', '.']);
    assert.strictEqual(yearProblem('2024'), undefined);
    assert.deepStrictEqual(yearProblem('24'), ['请输入四位年份，如 {0}', '2024']);
    assert.deepStrictEqual(yearProblem('1999'), ['年度应在 {0} 到 {1} 之间', '2000', '2099']);
    assert.strictEqual(defaultYear('决算', new Date(2026, 2, 1)), 2025);
    assert.strictEqual(defaultYear('预算', new Date(2026, 2, 1)), 2026);
  });
});

describe('新建报告: the schema line resolves offline (yaml-language-server 1.25.0)', function () {
  this.timeout(30000);
  type Diag = { message: string };
  let validate: (file: string, text: string) => Promise<Diag[]>;
  const requested: string[] = [];

  before(async () => {
    const dynImport = new Function('m', 'return import(m)') as (m: string) => Promise<Record<string, unknown>>;
    const yls = await dynImport('yaml-language-server');
    const { TextDocument } = (await dynImport('vscode-languageserver-textdocument')) as unknown as { TextDocument: { create(u: string, l: string, v: number, t: string): unknown } };
    const service = (yls.getLanguageService as (p: unknown) => { configure(s: unknown): void; doValidation(d: unknown, b: boolean): Promise<Diag[]> })({
      // no network: file: URIs are read from disk, anything else fails as it would offline
      schemaRequestService: async (uri: string) => {
        requested.push(uri);
        if (!uri.startsWith('file:')) throw new Error(`offline: ${uri}`);
        return fs.readFileSync(new URL(uri), 'utf8');
      },
      workspaceContext: { resolveRelativePath: (p: string, r: string) => new URL(p, r).toString() },
      clientCapabilities: {}, yamlSettings: undefined, telemetry: undefined,
    });
    service.configure({ validate: true, schemas: [] });
    let v = 0;
    validate = (file, text) => service.doValidation(TextDocument.create(pathToFileURL(file).toString(), 'yaml', ++v, text), false);
  });

  it('a new report beside its .jsgk/report.schema.json is validated with that schema', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-new-'));
    fs.mkdirSync(path.join(dir, '.jsgk'));
    fs.copyFileSync(path.join(ROOT, 'schemas', 'report.schema.json'), path.join(dir, SCHEMA_COPY));
    const file = path.join(dir, reportFileName('决算', '某中心', 2024, 'yaml'));
    const text = fillTemplate(template('决算', 'yaml'), '某中心', 2024, SCHEMA_COPY);
    requested.length = 0;
    assert.deepStrictEqual((await validate(file, text)).map((d) => d.message), []);
    assert.deepStrictEqual(requested, [pathToFileURL(path.join(dir, SCHEMA_COPY)).toString()]);
    // the schema is applied: a key the schema does not have is reported
    const bad = await validate(file, text.replace('  金额单位: 万元', '  金额单位: 万元\n  颜色: 红'));
    assert.ok(bad.some((d) => /颜色/.test(d.message)), JSON.stringify(bad));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the templates’ own schema line (../schemas/report.schema.json) resolves in the extension', async () => {
    const file = path.join(ROOT, 'templates', templateName('预算', 'yaml'));
    requested.length = 0;
    assert.deepStrictEqual((await validate(file, template('预算', 'yaml'))).map((d) => d.message), []);
    assert.deepStrictEqual(requested, [pathToFileURL(path.join(ROOT, 'schemas', 'report.schema.json')).toString()]);
  });

  it('(the former https://jsgk.invalid/… line could not be read offline)', async () => {
    const text = template('预算', 'yaml').replace(/\$schema=\S+/, '$schema=https://jsgk.invalid/schemas/report.schema.json');
    const d = await validate(path.join(os.tmpdir(), 'x.jsgk.yaml'), text);
    assert.ok(d.some((x) => /jsgk\.invalid/.test(x.message)), JSON.stringify(d));
  });
});
