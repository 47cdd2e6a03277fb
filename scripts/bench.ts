/**
 * npm run bench: prints figures (never asserts). A large consolidated report (≥ 2,000 科目 rows,
 * ≥ 20,000 lines) is parsed and checked several times; min and median of each measurement, side
 * by side with the bare `yaml` parse and with yaml-language-server validating the same file
 * against schemas/report.schema.json.
 */
import * as path from 'path';
import { parseDocument } from 'yaml';
import { getLanguageService } from '../server/src/service';
import { parseReport } from '../server/src/service/frontends/report-parser';
import { RuleEngine } from '../server/src/service/rules/context';
import { RULES } from '../server/src/service/rules/registry';
import { builtinCatalogue } from '../server/src/service/kemu';
import { completion, hover } from '../server/src/service/features';
import { generateLargeReport } from './gen-large';
import { convert } from '../server/src/service/features/convert';
import schema from '../schemas/report.schema.json';

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)] };
}

function time(runs: number, fn: (i: number) => void): { min: number; median: number } {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return stats(xs);
}

async function timeAsync(runs: number, fn: () => Promise<unknown>) {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    xs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return stats(xs);
}

const f = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(9);

async function main() {
  const { text, lines, codeRows } = generateLargeReport({ units: 230 });
  console.log(`生成的报告：${lines} 行，${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB，${codeRows} 个科目行（${(text.match(/^表 /gm) ?? []).length} 张表）\n`);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const rows: Array<[string, { min: number; median: number }]> = [];

  rows.push(['yaml 库 parseDocument（整份）', time(runs, () => parseDocument(text))]);
  rows.push(['本项目解析（整份，分块，无缓存）', time(runs, () => parseReport(text))]);
  const report = parseReport(text).report;
  rows.push(['检查规则（只跑规则）', time(runs, () => new RuleEngine().run({ uri: 'bench', text: '', report, catalogue: builtinCatalogue(), rules: RULES }))]);

  // edit → findings: a warm document, one cell changed each time, incremental parse + all checks
  const ls = getLanguageService();
  ls.check('bench', text);
  const at = text.indexOf('    - 20101 人大事务: ') + '    - 20101 人大事务: '.length;
  let cur = text;
  let findings = 0;
  rows.push(['一格修改 → 新的检查结果（增量）', time(runs * 4, (i) => {
    const v = (1000 + i).toFixed(2);
    cur = cur.slice(0, at) + v + cur.slice(cur.indexOf(' ', at));
    findings = ls.check('bench', cur).findings.length;
  })]);
  const res = ls.lastResult('bench')!;
  const off = cur.indexOf('- 合计: ') + 8;
  rows.push(['悬停（用缓存的模型）', time(runs * 10, () => hover(res, cur, off))]);
  const endOff = cur.length;
  rows.push(['补全：顶层块（用缓存的模型）', time(runs * 10, () => completion(res, cur, endOff))]);
  // 科目 completion inside a table row, on the cached model: typed digits, and pinyin initials
  const rowAt = cur.indexOf('    - 20101 人大事务: ');
  const withRow = (typed: string) => {
    const t = cur.slice(0, rowAt) + '    - ' + typed + '\n' + cur.slice(rowAt);
    return { t, off: rowAt + 6 + typed.length };
  };
  const cat = ls.catalogue;
  const d = withRow('2011');
  const resD = ls.check('bench2', d.t);
  let nD = 0;
  rows.push(['补全：科目代码前缀“2011”', time(runs * 10, () => { nD = completion(resD, d.t, d.off, cat).length; })]);
  const p = withRow('zsyz');
  const resP = ls.check('bench3', p.t);
  let nP = 0;
  completion(resP, p.t, p.off, cat); // first call builds the pinyin index (the server warms it at start)
  rows.push(['补全：拼音首字母“zsyz”', time(runs * 10, () => { nP = completion(resP, p.t, p.off, cat).length; })]);
  const u = withRow('');
  const resU = ls.check('bench4', u.t);
  rows.push(['补全：按上一行（类下的款）', time(runs * 10, () => completion(resU, u.t, u.off, cat))]);
  console.log(`（科目补全：“2011”得到 ${nD} 项，“zsyz”得到 ${nP} 项）`);

  // the same report in the line DSL: full parse, and one cell changed → fresh findings
  const conv = convert(text, 'yaml', 'dsl');
  if (conv.ok) {
    const dsl = conv.text;
    rows.push(['DSL：解析（整份，分块，无缓存）', time(runs, () => parseReport(dsl, 'dsl'))]);
    const lsD = getLanguageService();
    lsD.check('bench.jsgk', dsl);
    const key = '20101 人大事务';
    const atD = dsl.indexOf('|', dsl.indexOf('\n' + key)) + 1;
    let curD = dsl;
    let fD = 0;
    rows.push(['DSL：一格修改 → 新的检查结果（增量）', time(runs * 4, (i) => {
      const v = ` ${(1000 + i).toFixed(2)} `;
      curD = curD.slice(0, atD) + v + curD.slice(curD.indexOf('|', atD));
      fD = lsD.check('bench.jsgk', curD).findings.length;
    })]);
    rows.push(['转换：YAML → DSL（整份）', time(Math.min(runs, 3), () => convert(text, 'yaml', 'dsl'))]);
    console.log(`（DSL 与 YAML 的检查结果：${fD} 条 / ${findings} 条）`);
  }

  // yaml-language-server, validating the same text with the same schema
  let ylsRow: [string, { min: number; median: number }] | undefined;
  try {
    const dynImport = new Function('m', 'return import(m)') as (m: string) => Promise<Record<string, unknown>>;
    const yls = await dynImport('yaml-language-server');
    const { TextDocument } = await dynImport('vscode-languageserver-textdocument') as unknown as { TextDocument: { create(u: string, l: string, v: number, t: string): unknown } };
    const service = (yls.getLanguageService as (p: unknown) => { configure(s: unknown): void; doValidation(d: unknown, b: boolean): Promise<unknown[]> })({
      schemaRequestService: async () => JSON.stringify(schema), workspaceContext: { resolveRelativePath: (p: string, r: string) => path.resolve(path.dirname(r), p) },
      clientCapabilities: {}, yamlSettings: undefined, telemetry: undefined,
    });
    service.configure({ validate: true, schemas: [{ uri: 'file:///report.schema.json', fileMatch: ['*.jsgk.yaml'], schema }] });
    let n = 0;
    let k = 0;
    // a fresh document each run: yaml-language-server caches parsed documents by uri and version
    ylsRow = ['yaml-language-server 校验（同一 schema）', await timeAsync(Math.min(runs, 3), async () => {
      const doc = TextDocument.create(`file:///bench-${k++}.jsgk.yaml`, 'yaml', 1, text);
      n = (await service.doValidation(doc, false)).length;
    })];
    // the schema is really applied: a wrong key is reported
    const bad = TextDocument.create('file:///bench-bad.jsgk.yaml', 'yaml', 1, text.replace('  金额单位: 万元', '  金额单位: 万元\n  不存在的键: 1'));
    const nb = (await service.doValidation(bad, false)).length;
    console.log(`（yaml-language-server 对本文件报告 ${n} 条；加入一个未知键后报告 ${nb} 条，说明 schema 已生效）`);
  } catch (e) {
    console.log('yaml-language-server 无法运行：', (e as Error).message);
  }
  if (ylsRow) rows.push(ylsRow);

  global.gc?.();
  const mem = process.memoryUsage();
  console.log('\n' + '测量'.padEnd(34, '　') + '      最小(ms)   中位(ms)');
  for (const [name, s] of rows) console.log(name.padEnd(34, '　') + f(s.min) + '  ' + f(s.median));
  console.log(`\n检查结果：${findings} 条，其中错误 ${res.findings.filter((x) => x.severity === "error").length} 条（生成器在每 20 个单位中植入 1 处差错，每处引起款、类两级和两列的不平）`);
  console.log(`内存：heapUsed ${(mem.heapUsed / 1e6).toFixed(0)} MB，rss ${(mem.rss / 1e6).toFixed(0)} MB（两份模型与缓存都在内存中）`);
  const edit = rows.find((r) => r[0].startsWith('一格修改'))![1];
  if (ylsRow) console.log(`一格修改到新结果比 yaml-language-server 校验快 ${(ylsRow[1].median / edit.median).toFixed(1)} 倍（中位数）`);
}

main();
