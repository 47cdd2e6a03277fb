/**
 * jsgk: the command line over the language service.
 *
 *   jsgk check <files or folders> [--format text|json]
 *
 * Text output is one line per finding, `path:line:col: severity rule: message`, which a VS Code
 * problem matcher reads. Exit code: 0 when no errors, 1 when errors, 2 on usage errors.
 */
import * as fs from 'fs';
import * as path from 'path';
import { setLanguage } from '../service/l10n';
import * as l10n from '../service/l10n';
import { convert } from '../service/convert';
import { syntaxOf, Syntax, builtinCatalogue, CheckResult, Language, listsUnits, Catalogue, checkUnitSums, getLanguageService, importSpreadsheet, LineIndex, overrideCsv, parseOverrideCsv, ReportRef, Severity } from '../service';

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
      检查决算/预算公开报告源文件（*.jsgk.yaml 或 DSL *.jsgk）。文件夹中查找 *.jsgk.yaml、*.jsgk.yml 与 *.jsgk。
      当前目录有 jsgk-kemu.csv 时自动作为科目补充文件。--lang en（或环境变量 JSGK_LANG=en）：检查结果用英文。
      退出码：0 无错误，1 有错误，2 用法错误。
  jsgk convert <报告文件> [--to dsl|yaml] [--out 文件|-] [--force]
      把 YAML 报告转换为 DSL（*.jsgk），或反过来；默认转换为另一种，写在原文件旁（不覆盖已有文件，除非 --force）。
      有格式错误的文件不转换（会丢失读不懂的内容）。
  jsgk import-kemu <科目表.xls|.xlsx|.csv> --edition 年份 [--out jsgk-kemu.csv]
      导入财政部发布的政府收支分类科目表（科目编码、科目名称、说明），写入科目补充文件。`;

const REPORT_FILE = /\.jsgk(\.ya?ml)?$/i;

function collect(p: string, out: string[]): void {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const q = path.join(p, name);
      let s: fs.Stats;
      try {
        s = fs.statSync(q);
      } catch {
        continue;
      }
      if (s.isDirectory()) collect(q, out);
      else if (REPORT_FILE.test(name)) out.push(q);
    }
  } else out.push(p);
}

/** Reads a file as UTF-8 text, or says in Chinese why it cannot. */
export function readReportFile(file: string): { text: string } | { error: string } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'EACCES' ? l10n.t('无法读取文件：没有读取权限') : code === 'EISDIR' ? l10n.t('这是文件夹，不是文件') : l10n.t('无法读取文件（{0}）', code ?? (e as Error).message) };
  }
  if (buf.length === 0) return { error: l10n.t('文件为空：报告至少应有“报告”块（类型、年度、单位）') };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return { error: l10n.t('文件不是 UTF-8 编码（可能是 GBK）：请在编辑器中以 UTF-8 重新保存') };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { error: l10n.t('文件只有空白：报告至少应有“报告”块（类型、年度、单位）') };
  return { text };
}

export function loadCatalogue(file?: string): { catalogue: Catalogue; errors: string[] } {
  const base = builtinCatalogue();
  if (!file) return { catalogue: base, errors: [] };
  const r = parseOverrideCsv(fs.readFileSync(file, 'utf8'), base.editions);
  return { catalogue: base.withOverrides(r.entries), errors: r.errors.map((e) => `${file}:${e.line}: ${e.message}`) };
}

export function checkFiles(files: string[], catalogue?: Catalogue): CliFinding[] {
  const refs = new Map<string, ReportRef>();
  const ls = getLanguageService({ catalogue, across: (uri, report) => checkUnitSums({ uri, report }, [...refs.values()]) });
  const texts = new Map(files.map((f) => [f, readReportFile(f)] as const));
  const results = new Map<string, CheckResult>();
  for (const [file, r] of texts) {
    if (!('text' in r)) continue;
    const res = ls.check(file, r.text);
    refs.set(file, { uri: file, report: res.report });
    results.set(file, res);
  }
  // A 部门 report may come before its 单位 reports: now that all are read, check it again
  // (its blocks and tables come from the cache; only the comparison with the units is new).
  for (const [file, res] of results) if (listsUnits(res.report)) results.set(file, ls.check(file, (texts.get(file) as { text: string }).text));
  const out: CliFinding[] = [];
  for (const file of files) {
    const r = texts.get(file)!;
    if ('error' in r) {
      out.push({ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', rule: 'file', message: r.error });
      continue;
    }
    const idx = new LineIndex(r.text);
    for (const f of results.get(file)!.findings) {
      const s = idx.position(f.range.start);
      const e = idx.position(f.range.end);
      out.push({ file, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, severity: f.severity, rule: f.rule, message: f.message });
    }
  }
  return out;
}

export function main(argv: string[], stdout: (s: string) => void = (s) => process.stdout.write(s), stderr: (s: string) => void = (s) => process.stderr.write(s)): number {
  const args = [...argv];
  if (args.length === 0 || args[0] === '-h' || args[0] === '--help') {
    (args.length === 0 ? stderr : stdout)(USAGE + '\n');
    return args.length === 0 ? 2 : 0;
  }
  const cmd = args.shift();
  if (cmd === 'import-kemu') return importKemu(args, stdout, stderr);
  if (cmd === 'convert') return convertCmd(args, stdout, stderr);
  if (cmd === 'import') { void require('./import').importCmd(args, stdout, stderr).then((c: number) => { process.exitCode = c; }); return 0; }
  if (cmd !== 'check') {
    stderr(`未知的命令“${cmd}”。\n${USAGE}\n`);
    return 2;
  }
  let format = 'text';
  let kemu: string | undefined;
  let lang: Language = process.env.JSGK_LANG === 'en' ? 'en' : 'zh-cn';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a === '-f') {
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
  const files: string[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) {
      stderr(`找不到“${p}”\n`);
      return 2;
    }
    collect(p, files);
  }
  if (files.length === 0) {
    stderr(`在 ${paths.join('、')} 中没有找到报告文件（*.jsgk.yaml）\n`);
    return 2;
  }
  setLanguage(lang);
  const cat = loadCatalogue(kemu);
  for (const e of cat.errors) stderr(e + '\n');
  const findings = checkFiles(files, cat.catalogue);
  if (format === 'json') stdout(JSON.stringify(findings, null, 2) + '\n');
  else {
    for (const f of findings) stdout(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message}\n`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    stdout(l10n.t('检查了 {0} 个文件：{1} 个错误，{2} 个警告，{3} 条提示', files.length, errors, warnings, findings.length - errors - warnings) + '\n');
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
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
  const dest = out ?? (target === 'dsl' ? file.replace(/\.jsgk\.ya?ml$/i, '').replace(/\.ya?ml$/i, '') + '.jsgk' : file.replace(/\.jsgk$/i, '') + '.jsgk.yaml');
  if (dest === '-') { stdout(res.text); return 0; }
  if (fs.existsSync(dest) && !force) { stderr(`“${dest}”已存在：换一个 --out，或加 --force 覆盖\n`); return 2; }
  fs.writeFileSync(dest, res.text);
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
  const r = importSpreadsheet(fs.readFileSync(file), edition);
  if (r.entries.length === 0) { stderr(r.message + '\n'); return 1; }
  fs.writeFileSync(out, overrideCsv(r.entries, fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : ''));
  stdout(`${r.message}，写入 ${out}\n`);
  return 0;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
