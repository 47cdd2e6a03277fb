/**
 * npm run bench: prints figures (never asserts) — every figure of issue 14 item 7 and issue 10
 * item 8, each with its target and, where yaml-language-server does the same work, its figure from
 * the same run and the ratio:
 *  - the large report (scripts/gen-large.ts, 21,282 lines): cold open (full parse + all checks) in
 *    both syntaxes, full parse, rules alone, one-cell edit → findings, hover and completion;
 *  - the language server over stdio: the report opened (time to first diagnostics, memory after a
 *    GC), a flood of 2,000 edits written at once (final diagnostics after the last edit, hovers
 *    during the flood) — yaml-language-server 1.25.0 driven the same way, with the same schema;
 *  - a 2,000-report workspace (scripts/gen-workspace.ts): the server's walk (hovers in another
 *    document meanwhile) and `jsgk check` on it (time, CPU, peak memory).
 * In-process figures are the minimum and median of several runs, in wall time and in CPU time (the
 * CPU time does not count waiting for a busy machine; the load average is printed). Each series starts
 * after a full garbage collection: a figure counts the collections of its own work, not of the row before
 * (the yaml library's parse of the whole report, before the rules, leaves hundreds of MB to collect).
 * Two controls say how fast this machine is at the time: the yaml library's parse of the whole report,
 * and memory the process has not touched before, allocated and written, against the same size written
 * again (in a virtual machine that hands freed memory back to its host, the first can cost a hundred
 * times the second; every parse, check and new text pays it).
 * BENCH_RUNS (default 5) runs per in-process figure; BENCH_QUICK=1 skips the workspace part.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { pathToFileURL } from 'url';
import { parseDocument } from 'yaml';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../server/src/service';
import { parseReport } from '../server/src/service/frontends/report-parser';
import { RuleEngine } from '../server/src/service/rules/context';
import { RULES } from '../server/src/service/rules/registry';
import { builtinCatalogue } from '../server/src/service/kemu';
import { completion, hover } from '../server/src/service/features';
import { convert } from '../server/src/service/features/convert';
import { defaultJobs } from '../server/src/cli/jsgk';
import { generateLargeReport } from './gen-large';
import { generateWorkspace } from './gen-workspace';
import { clientFloor, flood, FloodFigures, maxOf, medianOf, serverMemory, startServer, workspaceWalk } from './bench-load';
import { LspClient } from './lsp-client';
import schema from '../schemas/report.schema.json';

const ROOT = path.join(__dirname, '..', '..');
const SCHEMA_FILE = path.join(ROOT, 'schemas', 'report.schema.json');
const YLS_SERVER = require.resolve('yaml-language-server/bin/yaml-language-server');
const runs = Number(process.env.BENCH_RUNS ?? 5);

interface Stat { min: number; median: number; cpuMin?: number; cpuMedian?: number }
const cpuNow = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const stats = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return { min: s[0], median: s[Math.floor(s.length / 2)] }; };

/** A full collection before a series (node --expose-gc): the garbage of the row before is not collected in this one's time. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

function time(n: number, fn: (i: number) => void): Stat {
  const wall: number[] = [];
  const cpu: number[] = [];
  collect();
  for (let i = 0; i < n; i++) {
    const c0 = cpuNow();
    const t0 = performance.now();
    fn(i);
    wall.push(performance.now() - t0);
    cpu.push(cpuNow() - c0);
  }
  const w = stats(wall);
  const c = stats(cpu);
  return { ...w, cpuMin: c.min, cpuMedian: c.median };
}

async function timeAsync(n: number, fn: (i: number) => Promise<unknown>): Promise<Stat> {
  const wall: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    wall.push(performance.now() - t0);
  }
  return stats(wall);
}

// ---------------------------------------------------------------- the table printed at the end
interface Row { name: string; ours: string; target?: string; met?: boolean; yls?: string; ratio?: string }
const rows: Row[] = [];
const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(2) : x < 1000 ? x.toFixed(1) : x.toFixed(0));
const mb = (b: number | undefined) => (b === undefined ? '—' : (b / 1e6).toFixed(0) + ' MB');
const statText = (s: Stat) => `${ms(s.min)} / ${ms(s.median)} ms` + (s.cpuMin !== undefined ? `（CPU ${ms(s.cpuMin)} / ${ms(s.cpuMedian)}）` : '');
function row(name: string, ours: string, opts: { target?: number; value?: number; unit?: string; yls?: number; ylsText?: string } = {}): void {
  const r: Row = { name, ours };
  if (opts.target !== undefined && opts.value !== undefined) {
    r.target = `≤ ${opts.target} ${opts.unit ?? 'ms'}`;
    r.met = opts.value <= opts.target;
  }
  if (opts.yls !== undefined || opts.ylsText) {
    r.yls = opts.ylsText ?? `${ms(opts.yls)} ms`;
    if (opts.yls !== undefined && opts.value !== undefined && opts.value > 0) r.ratio = `快 ${(opts.yls / opts.value).toFixed(1)} 倍`;
    if (opts.yls !== undefined && opts.value !== undefined && opts.value > opts.yls) r.ratio = `慢 ${(opts.value / opts.yls).toFixed(1)} 倍`;
  }
  rows.push(r);
}

// ---------------------------------------------------------------- yaml-language-server, in process and as a server
type YlsService = { configure(s: unknown): void; doValidation(d: unknown, b: boolean): Promise<unknown[]> };
async function ylsService(): Promise<YlsService | undefined> {
  try {
    const dynImport = new Function('m', 'return import(m)') as (m: string) => Promise<Record<string, unknown>>;
    const yls = await dynImport('yaml-language-server');
    const service = (yls.getLanguageService as (p: unknown) => YlsService)({
      schemaRequestService: async () => JSON.stringify(schema), workspaceContext: { resolveRelativePath: (p: string, r: string) => path.resolve(path.dirname(r), p) },
      clientCapabilities: {}, yamlSettings: undefined, telemetry: undefined,
    });
    service.configure({ validate: true, schemas: [{ uri: 'file:///report.schema.json', fileMatch: ['*.jsgk.yaml'], schema }] });
    return service;
  } catch (e) {
    console.log('yaml-language-server 无法运行：', (e as Error).message);
    return undefined;
  }
}

/** RSS of a process from /proc (what the system holds for it), in bytes. */
function rssOf(pid: number | undefined): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** yaml-language-server as a server: open the report, then the same flood of edits. */
async function ylsServer(text: string, edits: number): Promise<{ openMs: number; rss?: number; finalMs?: number; hoverMs: number[] } | undefined> {
  const uri = pathToFileURL(path.join(os.tmpdir(), 'bench-large.jsgk.yaml')).toString();
  const c = new LspClient({
    server: YLS_SERVER,
    configuration: (section) => (section === 'yaml' ? { validate: true, schemas: { [pathToFileURL(SCHEMA_FILE).toString()]: '*.jsgk.yaml' } } : null),
  });
  try {
    await c.init();
    const t0 = performance.now();
    await c.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const first = await c.waitFor(uri, () => true, 120000);
    const openMs = first.at - t0;
    await new Promise((r) => setTimeout(r, 500));
    const rss = rssOf(c.proc.pid);
    // the same edits as jsgk's flood, and hovers on the same place
    const doc = TextDocument.create(uri, 'yaml', 1, text);
    const rowText = '    - 20101 人大事务: ';
    const at = text.indexOf(rowText) + rowText.length;
    const start = doc.positionAt(at);
    const width = text.slice(at).indexOf(' ');
    const hoverAt = doc.positionAt(text.indexOf('- 合计: ', text.indexOf('表 支出决算表（单位100）')) + 8);
    const hovers: Array<Promise<number>> = [];
    for (let i = 0; i < edits; i++) {
      void c.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start, end: { line: start.line, character: start.character + (i === 0 ? width : 7) } }, text: (1000 + (i % 9000)).toFixed(2) }] });
      if ((i + 1) % 100 === 0) {
        const h0 = performance.now();
        hovers.push(c.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverAt }).then(() => performance.now() - h0, () => performance.now() - h0));
      }
    }
    const wEnd = performance.now();
    // its diagnostics carry no version: the last ones published after the flood, once nothing came for 3 s
    const before = c.published.length;
    let last: number | undefined;
    const deadline = performance.now() + 180000;
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const after = c.published.slice(before).filter((p) => p.uri === uri);
      if (after.length) last = after[after.length - 1].at;
      if (last !== undefined && performance.now() - last > 3000) break;
      if (performance.now() > deadline) break;
    }
    const hoverMs = await Promise.race([Promise.all(hovers), new Promise<number[]>((r) => setTimeout(() => r([]), 60000))]);
    return { openMs, rss, finalMs: last === undefined ? undefined : last - wEnd, hoverMs };
  } catch (e) {
    console.log('yaml-language-server（服务器）无法运行：', (e as Error).message);
    return undefined;
  } finally {
    await c.stop();
  }
}

async function main() {
  const cpus = os.cpus();
  console.log(`机器：${cpus.length} 核（${cpus[0]?.model ?? '?'}），Node ${process.version}，负载 ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}（1/5/15 分钟）`);
  const { text, lines, codeRows } = generateLargeReport({ units: 230 });
  console.log(`生成的报告：${lines} 行，${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB，${codeRows} 个科目行（${(text.match(/^表 /gm) ?? []).length} 张表）`);
  const conv = convert(text, 'yaml', 'dsl');
  if (!conv.ok) throw new Error('convert: ' + conv.message);
  const dsl = conv.text;
  // ---------------------------------------------------------------- in process
  // ours first, then yaml-language-server's: the second keeps what it parsed (some 140 MB of heap for
  // the documents it validated), and every full collection of ours would mark that too
  // (each side's models let go before the other's run: ours in this function)
  const ours = (() => {
    const catalogue = builtinCatalogue();
    const coldY = time(runs, (i) => getLanguageService({ catalogue }).check(`cold-${i}.jsgk.yaml`, text));
    const coldD = time(runs, (i) => getLanguageService({ catalogue }).check(`cold-${i}.jsgk`, dsl));
    const py = time(runs, () => parseReport(text));
    const pd = time(runs, () => parseReport(dsl, 'dsl'));
    const yamlLib = time(Math.min(runs, 3), () => parseDocument(text));
    // what memory the process has not touched yet costs here: a one-cell edit makes a new text of this size
    // (V8 builds it whole when it is first read), and every parse and check allocates far more than that
    const fresh = time(runs, () => Buffer.alloc(text.length * 2, 1));
    const reused = Buffer.alloc(text.length * 2);
    const warm = time(runs, () => reused.fill(1));
    const report = parseReport(text).report;
    const rules = time(runs, () => new RuleEngine().run({ uri: 'bench', text: '', report, catalogue, rules: RULES }));

    // edit → findings: a warm document, one cell changed each time
    const ls = getLanguageService({ catalogue });
    ls.check('bench.jsgk.yaml', text);
    const rowKey = '    - 20101 人大事务: ';
    const at = text.indexOf(rowKey) + rowKey.length;
    let cur = text;
    let findings = 0;
    const edit = time(runs * 4, (i) => {
      cur = cur.slice(0, at) + (1000 + i).toFixed(2) + cur.slice(cur.indexOf(' ', at));
      findings = ls.check('bench.jsgk.yaml', cur).findings.length;
    });
    const lenEdit = time(runs * 4, (i) => {
      cur = cur.slice(0, at) + (i % 2 ? '1000.00' : '10.00') + cur.slice(cur.indexOf(' ', at));
      ls.check('bench.jsgk.yaml', cur);
    });
    const lsD = getLanguageService({ catalogue });
    lsD.check('bench.jsgk', dsl);
    const atD = dsl.indexOf('|', dsl.indexOf('\n20101 人大事务')) + 1;
    let curD = dsl;
    let fD = 0;
    const editD = time(runs * 4, (i) => {
      curD = curD.slice(0, atD) + ` ${(1000 + i).toFixed(2)} ` + curD.slice(curD.indexOf('|', atD));
      fD = lsD.check('bench.jsgk', curD).findings.length;
    });
    const res = ls.lastResult('bench.jsgk.yaml')!;
    const off = cur.indexOf('- 合计: ') + 8;
    const hov = time(runs * 10, () => hover(res, cur, off));
    const cat = ls.catalogue;
    const rowAt = cur.indexOf(rowKey);
    const withRow = (typed: string) => ({ t: cur.slice(0, rowAt) + '    - ' + typed + '\n' + cur.slice(rowAt), off: rowAt + 6 + typed.length });
    const d = withRow('2011');
    const resD = ls.check('bench2.jsgk.yaml', d.t);
    const comp = time(runs * 10, () => completion(resD, d.t, d.off, cat));
    const p = withRow('zsyz');
    const resP = ls.check('bench3.jsgk.yaml', p.t);
    completion(resP, p.t, p.off, cat); // the first call builds the pinyin index (the server warms it at start)
    const compP = time(runs * 10, () => completion(resP, p.t, p.off, cat));

    return { coldY, coldD, py, pd, yamlLib, fresh, warm, rules, edit, lenEdit, editD, hov, comp, compP, cur, findings, fD };
  })();
  const { coldY, coldD, py, pd, yamlLib, fresh, warm, rules, edit, lenEdit, editD, hov, comp, compP, cur, findings, fD } = ours;
  collect();

  // yaml-language-server in this process, after ours
  const yls = await ylsService();
  const ylsCold = yls ? await timeAsync(Math.min(runs, 3), async (k) => yls.doValidation(TextDocument.create(`file:///bench-${k}.jsgk.yaml`, 'yaml', 1, text), false)) : undefined;
  let ylsN = 0;
  if (yls) {
    // the schema is really applied: a wrong key is reported
    const bad = TextDocument.create('file:///bench-bad.jsgk.yaml', 'yaml', 1, text.replace('  金额单位: 万元', '  金额单位: 万元\n  不存在的键: 1'));
    ylsN = (await yls.doValidation(bad, false)).length;
  }
  // yaml-language-server has no incremental path: each edit is a new version validated whole
  const ylsEdit = yls ? await timeAsync(Math.min(runs, 3), async (k) => yls.doValidation(TextDocument.create('file:///bench-edit.jsgk.yaml', 'yaml', k + 2, cur), false)) : undefined;

  row('冷打开：完整解析 + 全部检查（YAML）', statText(coldY), { target: 200, value: coldY.min, yls: ylsCold?.min });
  row('冷打开：完整解析 + 全部检查（DSL）', statText(coldD), { target: 200, value: coldD.min, yls: ylsCold?.min });
  row('完整解析（YAML，无缓存）', statText(py));
  row('完整解析（DSL，无缓存）', statText(pd), { target: 60, value: pd.min });
  row('（对照）yaml 库 parseDocument 整份', statText(yamlLib));
  row(`（对照）新分配并写满 ${(text.length * 2 / 1e6).toFixed(1)} MB（文本的大小）／写满已有的同样大小`, `${statText(fresh)}／${ms(warm.min)} ms`);
  row('只跑规则（新的规则引擎，无缓存）', statText(rules), { target: 50, value: rules.min });
  row('一格修改 → 新的检查结果（YAML，宽度不变）', statText(edit), { target: 20, value: edit.min, yls: ylsEdit?.min });
  row('一格修改 → 新的检查结果（YAML，宽度改变，其后各块移位）', statText(lenEdit), { target: 20, value: lenEdit.min, yls: ylsEdit?.min });
  row('一格修改 → 新的检查结果（DSL）', statText(editD), { target: 20, value: editD.min, yls: ylsEdit?.min });
  row('悬停（用最近的检查结果）', statText(hov));
  row('补全：科目代码前缀“2011”', statText(comp));
  row('补全：拼音首字母“zsyz”', statText(compP));
  console.log(`（检查结果：YAML ${findings} 条，DSL ${fD} 条；yaml-language-server 对加了一个未知键的本文件报告 ${ylsN} 条，说明 schema 已生效）`);

  // ---------------------------------------------------------------- the servers
  console.log('启动语言服务器（jsgk 与 yaml-language-server）……');
  const idle = startServer();
  await idle.init();
  await new Promise((r) => setTimeout(r, 1000));
  const idleMem = await serverMemory(idle);
  await idle.stop();
  const f: FloodFigures = await flood(text);
  const yS = await ylsServer(text, f.edits);
  row('服务器：打开报告到第一次诊断', `${ms(f.openMs)} ms`, { yls: yS?.openMs });
  row('服务器内存（打开这份报告，GC 后 rss）', `${mb(f.memory?.rss)}（heapUsed ${mb(f.memory?.heapUsed)}；空闲时 rss ${mb(idleMem?.rss)}）`, { target: 120, value: (f.memory?.rss ?? NaN) / 1e6, unit: 'MB', ylsText: yS?.rss ? `${mb(yS.rss)}（rss）` : undefined });
  row(`洪流：${f.edits} 次修改一次写出（${ms(f.writeMs)} ms）→ 最后一次修改后的最终诊断`, `${ms(f.finalMs)} ms（服务器 CPU ${ms(f.cpuMs)} ms；发布 ${f.published} 次，过期 ${f.stale} 次）`, { target: 1000, value: f.finalMs, yls: yS?.finalMs });
  row('洪流中的悬停（最长 / 中位）', `${ms(maxOf(f.hoverMs))} / ${ms(medianOf(f.hoverMs))} ms`, { target: 200, value: maxOf(f.hoverMs), yls: yS?.hoverMs.length ? maxOf(yS.hoverMs) : undefined });
  // the wait above includes this client writing the 2,000 edits before each hover, one message after another
  row('　其中请求离开本测量客户端之后（最长 / 中位）', `${ms(maxOf(f.hoverAfterSentMs))} / ${ms(medianOf(f.hoverAfterSentMs))} ms`);
  // the client's share, measured alone: the same messages written to a process that drops them
  const floor = await clientFloor();
  row('　（对照）同样的修改与悬停写给只丢弃输入的进程：悬停请求在本客户端中的等待（最长 / 中位）', `${ms(maxOf(floor))} / ${ms(medianOf(floor))} ms`);
  row('洪流之后的服务器内存（GC 后 rss）', `${mb(f.memoryAfterFlood?.rss)}（heapUsed ${mb(f.memoryAfterFlood?.heapUsed)}）`);

  // ---------------------------------------------------------------- the workspace
  if (process.env.BENCH_QUICK !== '1') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-bench-ws-'));
    try {
      const ws = generateWorkspace(dir);
      const w = await workspaceWalk({ dir });
      row(`工作区 ${w.reports} 份报告：打开部门报告到它的诊断（遍历 + 读入 99 个单位 + 检查）`, `${ms(w.deptMs)} ms（units.sum ${w.unitFindings} 条；内存 rss ${mb(w.memory?.rss)}）`);
      row('遍历中另一文档的悬停（最长 / 中位）', `${ms(maxOf(w.hoverMs))} / ${ms(medianOf(w.hoverMs))} ms（${w.hoverMs.length} 次）`, { target: 100, value: maxOf(w.hoverMs) });
      const cli = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', process.execPath, path.join(ROOT, 'bin', 'jsgk.js'), 'check', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
      const m = /([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(cli.stderr ?? '');
      const summary = (cli.stdout ?? '').trim().split('\n').pop();
      if (m) {
        const wall = Number(m[1]) * 1000;
        row(`jsgk check ${ws.files.length} 份报告（${defaultJobs()} 个线程）`, `${(wall / 1000).toFixed(1)} s（CPU ${(Number(m[2]) + Number(m[3])).toFixed(1)} s，峰值内存 ${(Number(m[4]) / 1024).toFixed(0)} MB）`, { target: 10000, value: wall });
        console.log(`（jsgk check：${summary}）`);
      } else console.log('jsgk check 无法计时：', cli.stderr?.slice(0, 300));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  // ---------------------------------------------------------------- the table
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log('\n' + '测量'.padEnd(width, '　') + ' │ 本项目（最小 / 中位）│ 目标 │ yaml-language-server │ 比较');
  for (const r of rows) {
    const mark = r.met === undefined ? '' : r.met ? ' ✓' : ' ✗';
    console.log(`${r.name.padEnd(width, '　')} │ ${r.ours} │ ${r.target ? r.target + mark : ''} │ ${r.yls ?? ''} │ ${r.ratio ?? ''}`);
  }
  console.log(`\n负载（结束时）：${os.loadavg().map((x) => x.toFixed(1)).join(' ')}。时间是墙上时间；括号里是本进程的 CPU 时间（机器忙时墙上时间会变长，CPU 时间受影响较小）。`);
}

void main();
