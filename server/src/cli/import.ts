/**
 * jsgk import <file.pdf|file.xlsx|file.txt> [--to yaml|dsl] [--out 文件|-] [--force]
 *
 * Reads a published disclosure and writes a report source file next to it (or to --out). Never
 * overwrites a file without --force, never writes through a symbolic link. Exit 0 ok, 1 failed, 2 usage.
 */
import * as fs from 'fs';
import * as path from 'path';
import { importDocument, importKindOf } from '../service/import';
import { parseReport } from '../service/frontends/report-parser';
import { LineIndex } from '../service';
import { writeFileSafely } from '../service/workspace/write';

export const IMPORT_USAGE = `用法：
  jsgk import <原文.pdf|原文.xlsx|原文.txt> [--to dsl|yaml] [--out 文件|-] [--force]
      读取已公开的报告（PDF；从决算/预算软件导出的 Excel；pdftotext -layout 得到的文本），
      写成报告源文件：默认 DSL（*.jsgk），--to yaml 写 YAML（*.jsgk.yaml）。默认写在原文旁边，
      --out - 写到标准输出。已有文件不覆盖（除非 --force），不经符号链接写入。
      无法确定的格子在行末标注“# 导入待核：…（原文第 N 页）”，并逐条列出。
      退出码：0 成功，1 读取失败，2 用法错误。`;

export async function importCmd(args: string[], stdout: (s: string) => void, stderr: (s: string) => void): Promise<number> {
  let file: string | undefined;
  let to: 'dsl' | 'yaml' = 'dsl';
  let out: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') {
      stdout(IMPORT_USAGE + '\n');
      return 0;
    } else if (a === '--to' || a.startsWith('--to=')) {
      const v = a === '--to' ? args[++i] : a.slice(5);
      if (v !== 'dsl' && v !== 'yaml') {
        stderr(`--to 只能是 dsl 或 yaml，而这里是“${v ?? ''}”\n`);
        return 2;
      }
      to = v;
    } else if (a === '--out' || a.startsWith('--out=')) {
      out = a === '--out' ? args[++i] : a.slice(6);
      if (!out) {
        stderr(`--out 后面需要文件名（或 - 表示标准输出）\n`);
        return 2;
      }
    } else if (a === '--force') force = true;
    else if (a.startsWith('-') && a !== '-') {
      stderr(`未知的选项“${a}”。\n${IMPORT_USAGE}\n`);
      return 2;
    } else if (file) {
      stderr(`只能导入一个文件，多了“${a}”。\n${IMPORT_USAGE}\n`);
      return 2;
    } else file = a;
  }
  if (!file) {
    stderr(`需要一个要导入的文件。\n${IMPORT_USAGE}\n`);
    return 2;
  }
  if (!fs.existsSync(file)) {
    stderr(`找不到“${file}”\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    stderr(`无法读取“${file}”（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）\n`);
    return 1;
  }
  const kind = importKindOf(file, bytes);
  if (!kind) {
    stderr(`不认识“${file}”的格式：只能导入 PDF、Excel（.xlsx/.xls）或 pdftotext -layout 得到的文本（.txt）\n`);
    return 2;
  }
  const dest = out ?? file.replace(/\.(pdf|xlsx|xls|xlsm|txt)$/i, '') + (to === 'yaml' ? '.jsgk.yaml' : '.jsgk');
  if (dest !== '-') {
    let st: fs.Stats | undefined;
    try {
      st = fs.lstatSync(dest);
    } catch {
      st = undefined;
    }
    if (st?.isSymbolicLink()) {
      stderr(`“${dest}”是符号链接：不经符号链接写入，请换一个 --out\n`);
      return 2;
    }
    if (st && !force) {
      stderr(`“${dest}”已存在：换一个 --out，或加 --force 覆盖\n`);
      return 2;
    }
    if (st?.isDirectory()) {
      stderr(`“${dest}”是文件夹\n`);
      return 2;
    }
  }
  let res;
  const t0 = Date.now();
  try {
    res = await importDocument(new Uint8Array(bytes), kind, { to, sourceName: path.basename(file) });
  } catch (e) {
    stderr(`${file}: 无法读取（${(e as Error).message}）\n`);
    return 1;
  }
  if (res.notice) stderr(res.notice + '\n');
  if (dest === '-') stdout(res.text);
  else {
    // never through a symbolic link, never over a file without --force (checked above; writeFileSafely again, atomically)
    const w = writeFileSafely(dest, res.text, { overwrite: force });
    if (!w.ok) {
      stderr((w.reason === 'exists' ? `“${dest}”已存在：换一个 --out，或加 --force 覆盖` : w.message) + '\n');
      return w.reason === 'exists' ? 2 : 1;
    }
    stdout(`写入 ${dest}（${res.pages} ${kind === 'xlsx' ? '个工作表' : '页'}，${Date.now() - t0} ms）\n`);
  }
  // the findings of the result, and what the importer was not sure of
  const parsed = parseReport(res.text, res.syntax);
  const li = new LineIndex(res.text);
  const name = dest === '-' ? '<stdout>' : dest;
  const errs = parsed.findings.filter((f) => f.severity === 'error');
  for (const f of errs.slice(0, 20)) {
    const p = li.position(f.range.start);
    stderr(`${name}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.rule}: ${f.message}\n`);
  }
  if (errs.length > 20) stderr(`……另有 ${errs.length - 20} 处格式问题\n`);
  for (const u of res.uncertain) stderr(`${name}:${u.line !== undefined ? u.line + 1 : 1}: information import.uncertain: ${u.message}\n`);
  stdout(`导入完成：${res.uncertain.length} 处需要核对原文\n`);
  return 0;
}
