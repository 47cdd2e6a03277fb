/**
 * jsgk: the command line over the language service.
 *
 *   jsgk check <files or folders> [--format text|json]
 *
 * Text output is one line per finding, `path:line:col: severity rule: message`, which a VS Code
 * problem matcher reads. Exit code: 0 when no errors, 1 when errors, 2 on usage errors.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isMainThread, MessageChannel, MessagePort, receiveMessageOnPort, Worker, workerData } from 'worker_threads';
import { setLanguage } from '../service/l10n';
import * as l10n from '../service/l10n';
import { convert } from '../service/features/convert';
import { coverageLine, coverageSummary } from '../service/features/coverage';
import { syntaxOf, Syntax, builtinCatalogue, Language, Catalogue, getLanguageService, LineIndex, ReportRef, Severity, Settings, readSettings } from '../service';
import { headMetaValues, metaValues, wantedKeysOf } from '../service/workspace/reports';
import { keptForOthers, UNIT_TYPE, unitKey } from '../service/workspace/units';
import { findReportsSync, WalkProblem } from '../service/workspace/discovery';
import { convertedName, REPORT_FILE } from '../service/workspace/files';
import { MAX_REPORT_BYTES, readHeadSync, readTextFileSync } from '../service/workspace/read';
import { writeFileSafely } from '../service/workspace/write';
import { importKemuToFile, readOverrideFile } from '../service/workspace/kemu-file';
import { visible } from '../service/workspace/visible';

export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

const USAGE = `用法：
  jsgk check <文件或文件夹>… [--format text|json] [--kemu 科目补充.csv] [--lang zh-cn|en]
             [--config 设置文件] [--severity 规则=级别]… [--rounding 级别] [--kemu-edition 年份] [--jobs 线程数]
      检查决算/预算公开报告源文件（*.jsgk.yaml 或 DSL *.jsgk）。文件夹中查找 *.jsgk.yaml、*.jsgk.yml 与 *.jsgk。
      当前目录有 jsgk-kemu.csv 时自动作为科目补充文件。--lang en（或环境变量 JSGK_LANG=en）：检查结果用英文。
      设置：当前目录的 jsgk.config.json，没有时 package.json 的 "jsgk" 键（与编辑器的 jsgk.* 设置同名：
      severity、rounding、kemuEdition、language、inlayHints）；命令行选项优先。级别：error、warning、
      information、hint、off。设置有误（不认识的键、规则或值）时不检查，退出码 2。
      --jobs：同时检查的线程数（默认为核数的一半，至多 4；1 即在本线程检查）。
      退出码：0 无错误，1 有错误，2 用法错误。
  jsgk convert <报告文件> [--to dsl|yaml] [--out 文件|-] [--force]
      把 YAML 报告转换为 DSL（*.jsgk），或反过来；默认转换为另一种，写在原文件旁（不覆盖已有文件，除非 --force）。
      有格式错误的文件不转换（会丢失读不懂的内容）。
  jsgk import <原文.pdf|原文.xlsx|原文.txt> [--to dsl|yaml] [--out 文件|-] [--force]
      读取已公开的报告（PDF、Excel 或 pdftotext -layout 文本），写成报告源文件（默认 DSL，写在原文旁）；
      无法确定的格子在行末标注“导入待核”。jsgk import --help 看详细说明。
  jsgk import-kemu <科目表.xls|.xlsx|.csv> --edition 年份 [--out jsgk-kemu.csv]
      导入财政部发布的政府收支分类科目表（科目编码、科目名称、说明），写入科目补充文件。`;

/** The command line checks at most this many report files at once. */
const MAX_FILES = 50_000;

/** Reads a report file (a regular file, UTF-8 or UTF-16 with BOM, at most 20 MB), or says in Chinese why it cannot. */
export function readReportFile(file: string): { text: string; notes: string[] } | { error: string } {
  const r = readTextFileSync(file, MAX_REPORT_BYTES);
  if (!r.ok) return { error: r.message };
  if (r.text.length === 0) return { error: l10n.t('文件为空：报告至少应有“报告”块（类型、年度、单位）') };
  if (r.text.trim() === '') return { error: l10n.t('文件只有空白：报告至少应有“报告”块（类型、年度、单位）') };
  return { text: r.text, notes: r.notes };
}

export function loadCatalogue(file?: string): { catalogue: Catalogue; errors: string[] } {
  const base = builtinCatalogue();
  if (!file) return { catalogue: base, errors: [] };
  const r = readOverrideFile(file, base.editions);
  const errors = r.errors.map((e) => `${file}:${e.line}: ${e.message}`);
  if (r.problem) errors.push(`${file}: ${r.problem}`);
  return { catalogue: base.withOverrides(r.entries), errors };
}

/** The coverage of one file's standard tables, for the command line (text: one line; json: per table). */
export interface CliCoverage {
  file: string;
  line: string;
  tables: Array<{ title: string; kind: string; line: number; checked: number; missing: Array<{ rule: string; what: string; why: string }> }>;
}

export function checkFiles(files: string[], catalogue?: Catalogue, settings?: Settings): CliFinding[] {
  return checkFilesWithCoverage(files, catalogue, settings).findings;
}

/** How the command line checks many files: on several cores (worker threads) when there are enough of them. */
export interface ParallelOptions {
  /** Worker threads (default: defaultJobs()); 1: in this thread. */
  workers?: number;
  /** The 科目 supplement file each worker loads (the catalogue itself cannot be sent to a thread). */
  kemu?: string;
  /** The catalogue already loaded from `kemu`, for a check in this thread (else it is loaded). */
  catalogue?: Catalogue;
  language?: Language;
  /** At least this many files per worker (default FILES_PER_WORKER). */
  minFilesPerWorker?: number;
  /** The settings of the run (severities, rounding display, 科目 edition). */
  settings?: Settings;
}

/** At least this many files per worker before threads are worth starting. */
const FILES_PER_WORKER = 100;

/**
 * Threads that check at once by default: half the cores (at most 4), so that each has a core left for
 * its garbage collector and compiler threads. On 2 cores two threads took as long as one (2,000
 * reports: 10.4–11.9 s against 9.3–10.2 s in one thread) and used 1.4 times the CPU.
 */
export function defaultJobs(cores = os.availableParallelism?.() ?? os.cpus().length): number {
  return Math.max(1, Math.min(4, Math.floor(cores / 2)));
}

/**
 * checkFilesWithCoverage on several threads: each 部门 report goes to one thread with its units,
 * the other files are dealt out; the results come back in the order of `files`. Synchronous (the
 * command line's main is): this thread waits on a shared counter and reads the workers' ports.
 */
export function checkFilesParallel(files: string[], opts: ParallelOptions = {}): { findings: CliFinding[]; coverage: CliCoverage[] } {
  const n = Math.min(opts.workers ?? defaultJobs(), Math.floor(files.length / (opts.minFilesPerWorker ?? FILES_PER_WORKER)));
  if (n < 2) return checkFilesWithCoverage(files, opts.catalogue ?? loadCatalogue(opts.kemu).catalogue, opts.settings);
  // the threads start (and load the checker) while this one reads every report's 报告 block; each
  // gets its files once they are planned
  const done = new Int32Array(new SharedArrayBuffer(4));
  const threads = Array.from({ length: n }, () => {
    const { port1, port2 } = new MessageChannel();
    const w = new Worker(__filename, { workerData: { jsgkCheck: true, kemu: opts.kemu, language: opts.language ?? 'zh-cn', settings: opts.settings, port: port2, done }, transferList: [port2] });
    w.unref();
    return { w, port: port1 };
  });
  let plan: ReturnType<typeof planChecks>;
  try {
    plan = planChecks(files);
  } catch (e) {
    for (const t of threads) void t.w.terminate();
    throw e;
  }
  // groups (a 部门 report and its units, or one file) dealt out, the largest first, to the least loaded thread
  const groups = plan.groups.sort((a, b) => b.length - a.length);
  const buckets: string[][] = Array.from({ length: n }, () => []);
  for (const g of groups) buckets.reduce((m, b) => (b.length < m.length ? b : m)).push(...g);
  const ports = buckets.map((bucket, i) => {
    const unitsOf = bucket.filter((f) => plan.unitsOf.has(f)).map((f) => [f, plan.unitsOf.get(f)!] as const);
    threads[i].port.postMessage({ order: bucket, unitsOf });
    return threads[i].port;
  });
  while (Atomics.load(done, 0) < n) Atomics.wait(done, 0, Atomics.load(done, 0), 1000);
  const found = new Map<string, { findings: CliFinding[]; coverage?: CliCoverage }>();
  for (const port of ports) {
    const m = receiveMessageOnPort(port);
    const r = m?.message as { error?: string; results: Array<[string, { findings: CliFinding[]; coverage?: CliCoverage }]> } | undefined;
    if (!r || r.error) throw new Error(r?.error ?? 'a worker gave no result');
    for (const [f, x] of r.results) found.set(f, x);
    port.close();
  }
  return {
    findings: files.flatMap((f) => found.get(f)?.findings ?? []),
    coverage: files.map((f) => found.get(f)?.coverage).filter((c): c is CliCoverage => !!c),
  };
}

if (!isMainThread && (workerData as { jsgkCheck?: boolean } | null)?.jsgkCheck) {
  const d = workerData as { kemu?: string; language: Language; settings?: Settings; port: MessagePort; done: Int32Array };
  let catalogue: Catalogue | undefined;
  let failed: unknown;
  try {
    setLanguage(d.language);
    catalogue = loadCatalogue(d.kemu).catalogue;
  } catch (e) {
    failed = e;
  }
  // its files, once the main thread has planned them
  d.port.once('message', (m: { order: string[]; unitsOf: Array<[string, string[]]> }) => {
    try {
      if (failed) throw failed;
      d.port.postMessage({ results: [...checkPlanned(m.order, new Map(m.unitsOf), catalogue, d.settings)] });
    } catch (e) {
      d.port.postMessage({ error: (e as Error)?.stack ?? String(e), results: [] });
    } finally {
      Atomics.add(d.done, 0, 1);
      Atomics.notify(d.done, 0);
    }
  });
}

/**
 * Which files belong together: every file's 报告 block is read (type, year, unit; a 部门 report's
 * units too); each 部门 report comes right after its units. Also the groups for parallel checks.
 */
function planChecks(files: string[]): { order: string[]; unitsOf: Map<string, string[]>; groups: string[][] } {
  const byKey = new Map<string, string[]>();
  const wants = new Map<string, string[]>();
  for (const file of files) {
    const syntax = syntaxOf(file);
    // most 报告 blocks are in the first lines: the rest of the file is read by the thread that checks it
    const head = readHeadSync(file);
    let meta = head && headMetaValues(head, syntax);
    let text: string | undefined;
    if (!meta) {
      const r = readReportFile(file);
      if (!('text' in r)) continue;
      text = r.text;
      meta = metaValues(text, syntax);
    }
    const key = meta.type && meta.year && meta.unit !== undefined ? `${meta.type}|${meta.year}|${unitKey(meta.unit)}` : '';
    if (key) {
      const l = byKey.get(key);
      if (l) l.push(file);
      else byKey.set(key, [file]);
    }
    if (meta.type && UNIT_TYPE[meta.type]) {
      if (text === undefined) {
        const r = readReportFile(file);
        if (!('text' in r)) continue;
        text = r.text;
      }
      const keys = wantedKeysOf(text, syntax);
      if (keys.size) wants.set(file, [...keys]);
    }
  }
  // each 部门 report right after its units; a unit's model is kept until its last 部门 is checked
  const unitsOf = new Map<string, string[]>();
  for (const [dept, keys] of wants) unitsOf.set(dept, [...new Set(keys.flatMap((k) => byKey.get(k) ?? []))].filter((f) => f !== dept));
  const order: string[] = [];
  const groups: string[][] = [];
  const placed = new Set<string>();
  const place = (f: string, g: string[]) => { if (!placed.has(f)) { placed.add(f); order.push(f); g.push(f); } };
  for (const file of files) {
    const us = unitsOf.get(file);
    if (!us) continue;
    const g: string[] = [];
    for (const u of us) place(u, g);
    place(file, g);
    groups.push(g);
  }
  for (const file of files) {
    const g: string[] = [];
    place(file, g);
    if (g.length) groups.push(g);
  }
  // a unit listed by two 部门 reports dealt to different threads is read by both: merge their groups
  return { order, unitsOf, groups: mergeShared(groups, unitsOf) };
}

/** Groups that share a unit report (two 部门 reports listing it) become one. */
function mergeShared(groups: string[][], unitsOf: Map<string, string[]>): string[][] {
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => { for (const f of g) groupOf.set(f, i); });
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const [dept, us] of unitsOf) for (const u of us) parent[find(groupOf.get(u)!)] = find(groupOf.get(dept)!);
  const merged = new Map<number, string[]>();
  groups.forEach((g, i) => { const r = find(i); merged.set(r, [...(merged.get(r) ?? []), ...g]); });
  return [...merged.values()];
}

/**
 * Checks report files, each once. A 部门 report that lists its units is checked against the 单位
 * reports of those units: first every file's 报告 block is read (type, year, unit; a 部门 report's
 * units too), then each 部门 report is checked right after its units, whose models are kept only
 * until the last 部门 report that lists them is checked — so memory is bounded by the largest group,
 * not by the number of files, and the grouping is a lookup by key (never each file against each).
 */
export function checkFilesWithCoverage(files: string[], catalogue?: Catalogue, settings?: Settings): { findings: CliFinding[]; coverage: CliCoverage[] } {
  const { order, unitsOf } = planChecks(files);
  const r = checkPlanned(order, unitsOf, catalogue, settings);
  return { findings: files.flatMap((f) => r.get(f)?.findings ?? []), coverage: files.map((f) => r.get(f)?.coverage).filter((c): c is CliCoverage => !!c) };
}

/** Checks files in the planned order (each 部门 report after its units), each once. */
function checkPlanned(order: string[], unitsOf: Map<string, string[]>, catalogue?: Catalogue, settings?: Settings): Map<string, { findings: CliFinding[]; coverage?: CliCoverage }> {
  let refs: ReportRef[] = [];
  const ls = getLanguageService({ catalogue, settings, others: () => refs, recheck: false });
  const uses = new Map<string, number>();
  for (const us of unitsOf.values()) for (const u of us) uses.set(u, (uses.get(u) ?? 0) + 1);
  // check each file once, in that order
  const kept = new Map<string, ReportRef>();
  const found = new Map<string, { findings: CliFinding[]; coverage?: CliCoverage }>();
  for (const file of order) {
    const r = readReportFile(file);
    const out: CliFinding[] = [];
    const entry: { findings: CliFinding[]; coverage?: CliCoverage } = { findings: out };
    found.set(file, entry);
    if ('error' in r) {
      out.push({ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'file', message: r.error });
      continue;
    }
    for (const note of r.notes) out.push({ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', rule: 'file', message: note });
    const us = unitsOf.get(file);
    refs = us ? us.map((u) => kept.get(u)).filter((x): x is ReportRef => !!x) : [];
    const res = ls.check(file, r.text);
    ls.close(file);
    refs = [];
    if (uses.get(file)) kept.set(file, { uri: file, report: keptForOthers(res.report) });
    for (const u of us ?? []) {
      const n = (uses.get(u) ?? 1) - 1;
      uses.set(u, n);
      if (n === 0) kept.delete(u);
    }
    const li = res.lineIndex;
    entry.coverage = {
      file, line: coverageLine(res),
      tables: coverageSummary(res).map((v) => ({ title: v.title, kind: v.kind, line: li.position(v.range.start).line + 1, checked: v.checked, missing: v.missing })),
    };
    for (const f of res.findings) {
      const a = li.position(f.range.start);
      const b = li.position(f.range.end);
      out.push({ file, line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1, severity: f.severity, rule: f.rule, message: f.message });
    }
  }
  return found;
}

/**
 * The command line. Asynchronous because `jsgk import` reads a PDF asynchronously (pdfjs); the promise
 * resolves to the exit code of the command that ran (check, convert and import-kemu finish before it).
 */
export async function main(argv: string[], stdout: (s: string) => void = (s) => process.stdout.write(s), stderr: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const args = [...argv];
  if (args.length === 0 || args[0] === '-h' || args[0] === '--help') {
    (args.length === 0 ? stderr : stdout)(USAGE + '\n');
    return args.length === 0 ? 2 : 0;
  }
  const cmd = args.shift();
  if (cmd === 'import-kemu') return importKemu(args, stdout, stderr);
  if (cmd === 'convert') return convertCmd(args, stdout, stderr);
  // loaded only for import: checking never loads pdfjs
  if (cmd === 'import') return (require('./import') as typeof import('./import')).importCmd(args, stdout, stderr);
  if (cmd !== 'check') {
    stderr(`未知的命令“${cmd}”。\n${USAGE}\n`);
    return 2;
  }
  let format = 'text';
  let kemu: string | undefined;
  let lang: Language | undefined = process.env.JSGK_LANG === 'en' ? 'en' : undefined;
  let config: string | undefined;
  let jobs: number | undefined;
  const flags: { severity: Record<string, string>; rounding?: string; kemuEdition?: string } = { severity: {} };
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const opt = (name: string): string | undefined => (a === name ? args[++i] ?? '' : a.startsWith(name + '=') ? a.slice(name.length + 1) : undefined);
    let v: string | undefined;
    if ((v = opt('--config')) !== undefined) {
      if (!v || !fs.existsSync(v)) { stderr(`找不到设置文件“${v}”\n`); return 2; }
      config = v;
    } else if ((v = opt('--severity')) !== undefined) {
      const m = /^([^=]+)=(.*)$/.exec(v);
      if (!m) { stderr(`--severity 应写作 规则=级别（如 --severity text.flat=off），而这里是“${v}”\n`); return 2; }
      flags.severity[m[1]] = m[2];
    } else if ((v = opt('--rounding')) !== undefined) flags.rounding = v;
    else if ((v = opt('--kemu-edition')) !== undefined) flags.kemuEdition = v;
    else if ((v = opt('--jobs')) !== undefined) {
      if (!/^[1-9]\d{0,2}$/.test(v)) { stderr(`--jobs 应是 1 到 999 的整数（同时检查的线程数），而这里是“${v}”\n`); return 2; }
      jobs = Number(v);
    }
    else if (a === '--format' || a === '-f') {
      format = args[++i] ?? '';
      if (format !== 'text' && format !== 'json') {
        stderr(`--format 只能是 text 或 json，而这里是“${format}”\n`);
        return 2;
      }
    } else if (a.startsWith('--format=')) {
      format = a.slice('--format='.length);
      if (format !== 'text' && format !== 'json') {
        stderr(`--format 只能是 text 或 json，而这里是“${format}”\n`);
        return 2;
      }
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a === '--lang' ? args[++i] ?? '' : a.slice('--lang='.length);
      if (v !== 'zh-cn' && v !== 'en') {
        stderr(`--lang 只能是 zh-cn 或 en，而这里是“${v}”\n`);
        return 2;
      }
      lang = v;
    } else if (a === '--kemu') {
      kemu = args[++i];
      if (!kemu || !fs.existsSync(kemu)) {
        stderr(`找不到科目补充文件“${kemu ?? ''}”\n`);
        return 2;
      }
    } else if (a.startsWith('-')) {
      stderr(`未知的选项“${a}”。\n${USAGE}\n`);
      return 2;
    } else paths.push(a);
  }
  if (!kemu && fs.existsSync('jsgk-kemu.csv')) kemu = 'jsgk-kemu.csv';
  if (paths.length === 0) {
    stderr(`没有给出要检查的文件或文件夹。\n${USAGE}\n`);
    return 2;
  }
  for (const p of paths) {
    if (!fs.existsSync(p)) {
      stderr(`找不到“${p}”\n`);
      return 2;
    }
  }
  const settings = cliSettings(config, flags, lang, stderr);
  if (!settings) return 2;
  setLanguage(settings.language);
  // one walk for the CLI and the server: links and loops not followed twice, only regular files
  // of at most 20 MB, a report reached twice taken once, unreadable folders reported
  const walk = findReportsSync(paths, { pattern: REPORT_FILE, maxFiles: MAX_FILES, maxBytes: MAX_REPORT_BYTES });
  const files = walk.files.map((f) => f.path);
  const line = (f: CliFinding) => `${visible(f.file)}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${visible(f.message)}\n`;
  if (files.length === 0) {
    for (const p of walk.problems) stderr(line(problemFinding(p)));
    stderr(`在 ${paths.join('、')} 中没有找到报告文件（*.jsgk.yaml）\n`);
    return 2;
  }
  const cat = loadCatalogue(kemu);
  for (const e of cat.errors) stderr(visible(e) + '\n');
  // many files and cores: on several threads, each 部门 report with its units in one thread
  const checked = checkFilesParallel(files, { kemu, catalogue: cat.catalogue, language: settings.language, settings, workers: jobs });
  const findings = [...walk.problems.map(problemFinding), ...checked.findings];
  if (format === 'json') stdout(JSON.stringify({ findings, coverage: checked.coverage }, null, 2) + '\n');
  else {
    const out = pieces(stdout);
    for (const f of findings) out.write(line(f));
    // what was checked in each file: silence means "checked and fine" only where every rule ran
    for (const c of checked.coverage) out.write(`${visible(c.file)}: ${l10n.t('覆盖')} ${c.line}\n`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    out.write(l10n.t('检查了 {0} 个文件：{1} 个错误，{2} 个警告，{3} 条提示', files.length, errors, warnings, findings.length - errors - warnings) + '\n');
    out.flush();
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/**
 * Lines written in pieces of about `size` characters: one write per line was a system call per finding
 * (40,000 for a workspace of 2,000 reports; standard output to a file or pipe is written synchronously).
 */
export function pieces(out: (s: string) => void, size = 1 << 15): { write(s: string): void; flush(): void } {
  let parts: string[] = [];
  let length = 0;
  const flush = () => {
    if (parts.length) out(parts.join(''));
    parts = [];
    length = 0;
  };
  return {
    write(s: string) {
      parts.push(s);
      length += s.length;
      if (length >= size) flush();
    },
    flush,
  };
}

/** The project's settings: jsgk.config.json in the current folder (or --config), else package.json's "jsgk" key. */
export function projectSettings(config?: string): { source?: string; raw?: unknown; problem?: string } {
  const file = config ?? (fs.existsSync('jsgk.config.json') ? 'jsgk.config.json' : undefined);
  if (file) {
    const r = readTextFileSync(file, 1 << 20);
    if (!r.ok) return { source: file, problem: r.message };
    try {
      return { source: file, raw: JSON.parse(r.text) };
    } catch (e) {
      return { source: file, problem: `不是有效的 JSON（${(e as Error).message}）` };
    }
  }
  if (fs.existsSync('package.json')) {
    try {
      const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as Record<string, unknown>;
      if (pkg && typeof pkg === 'object' && 'jsgk' in pkg) return { source: 'package.json（"jsgk" 键）', raw: pkg.jsgk };
    } catch {
      // a package.json that is not JSON is no concern of jsgk's
    }
  }
  return {};
}

/**
 * The settings of a run: the project's, then the flags over them (the same readSettings as the
 * editor's, so unknown keys, rule ids and values are said, never ignored). Undefined after saying why.
 */
function cliSettings(config: string | undefined, flags: { severity: Record<string, string>; rounding?: string; kemuEdition?: string }, lang: Language | undefined, stderr: (s: string) => void): Settings | undefined {
  const p = projectSettings(config);
  if (p.problem) { stderr(`${p.source}: ${p.problem}\n`); return undefined; }
  const fromFile = readSettings(p.raw);
  const whole = fromFile.problems.find((x) => x.key === 'jsgk');
  if (whole) { stderr(`${p.source}: ${whole.message}\n`); return undefined; }
  const base = (p.raw ?? {}) as Record<string, unknown>;
  const sev = base.severity;
  const sevIsMap = sev !== null && typeof sev === 'object' && !Array.isArray(sev);
  const merged: Record<string, unknown> = { ...base, severity: sev === undefined || sevIsMap ? { ...(sev as object), ...flags.severity } : sev };
  if (flags.rounding !== undefined) merged.rounding = flags.rounding;
  if (flags.kemuEdition !== undefined) merged.kemuEdition = flags.kemuEdition;
  if (lang) merged.language = lang;
  const r = readSettings(merged);
  const fileKeys = new Set(fromFile.problems.map((x) => x.key));
  for (const x of r.problems) stderr(`${fileKeys.has(x.key) ? p.source : '命令行'}: ${x.key}: ${x.message}\n`);
  return r.problems.length ? undefined : r.settings;
}

/** A problem of the workspace walk as a finding of its file: an error for a path given on the command line, else a warning. */
function problemFinding(p: WalkProblem): CliFinding {
  return { file: p.path, line: 1, column: 1, endLine: 1, endColumn: 1, severity: p.root ? 'error' : 'warning', rule: 'file', message: p.message };
}

function convertCmd(args: string[], stdout: (s: string) => void, stderr: (s: string) => void): number {
  let file: string | undefined;
  let to: Syntax | undefined;
  let out: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--to') {
      const v = args[++i];
      if (v !== 'dsl' && v !== 'yaml') { stderr(`--to 只能是 dsl 或 yaml，而这里是“${v ?? ''}”\n`); return 2; }
      to = v;
    } else if (a === '--out') out = args[++i];
    else if (a === '--force') force = true;
    else if (a.startsWith('-')) { stderr(`未知的选项“${a}”。\n${USAGE}\n`); return 2; }
    else file = a;
  }
  if (!file) { stderr(`需要一个报告文件。\n${USAGE}\n`); return 2; }
  if (!fs.existsSync(file)) { stderr(`找不到“${file}”\n`); return 2; }
  const r = readReportFile(file);
  if ('error' in r) { stderr(`${file}: ${r.error}\n`); return 1; }
  const from = syntaxOf(file);
  const target: Syntax = to ?? (from === 'dsl' ? 'yaml' : 'dsl');
  const res = convert(r.text, from, target);
  if (!res.ok) {
    const li = new LineIndex(r.text);
    for (const f of res.findings) {
      const p = li.position(f.range.start);
      stderr(`${file}:${p.line + 1}:${p.character + 1}: ${f.rule}: ${f.message}\n`);
    }
    stderr(res.message + '\n');
    return 1;
  }
  const dest = out ?? convertedName(file, target);
  if (dest === '-') { stdout(res.text); return 0; }
  // never through a symbolic link (a dangling r.jsgk would create its target anywhere), never over a file without --force
  const w = writeFileSafely(dest, res.text, { overwrite: force });
  if (!w.ok) {
    if (w.reason === 'exists') { stderr(`“${dest}”已存在：换一个 --out，或加 --force 覆盖\n`); return 2; }
    stderr(w.message + '\n');
    return 1;
  }
  stdout(`写入 ${dest}\n`);
  return 0;
}

function importKemu(args: string[], stdout: (s: string) => void, stderr: (s: string) => void): number {
  let edition: number | undefined;
  let out = 'jsgk-kemu.csv';
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--edition') edition = Number(args[++i]);
    else if (args[i] === '--out') out = args[++i] ?? out;
    else if (!args[i].startsWith('-')) file = args[i];
    else { stderr(`未知的选项“${args[i]}”\n`); return 2; }
  }
  if (!file || !edition || !/^\d{4}$/.test(String(edition))) {
    stderr(`需要科目表文件和 --edition 年份。\n${USAGE}\n`);
    return 2;
  }
  if (!fs.existsSync(file)) { stderr(`找不到“${file}”\n`); return 2; }
  // a damaged spreadsheet, a symbolic link or a FIFO at --out: a message, nothing written
  const r = importKemuToFile(file, edition, out);
  if (!r.ok) { stderr(r.message + '\n'); return 1; }
  stdout(r.message + '\n');
  return 0;
}

/**
 * `jsgk check … | head`: the reader closes the pipe, the next write fails with EPIPE. That is the
 * reader's choice, not a crash: exit with the command's code (once it is known), without a stack trace.
 */
export function exitQuietlyOnClosedPipe(result?: Promise<number>): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      const exit = (code: number | undefined) => process.exit(e.code === 'EPIPE' ? code ?? 0 : code || 1);
      if (result) result.then(exit, () => exit(1));
      else exit(typeof process.exitCode === 'number' ? process.exitCode : undefined);
    });
  }
}

/** Runs the command line in this process: its exit code when it ends, quietly on a closed pipe. */
export function run(argv: string[]): Promise<number> {
  const result = main(argv);
  exitQuietlyOnClosedPipe(result);
  return result.then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`jsgk: ${(e as Error).stack ?? e}\n`);
      return (process.exitCode = 1);
    },
  );
}

if (require.main === module && isMainThread) void run(process.argv.slice(2));
