/** workspace/executeCommand: 显示计算过程, 导入科目表, 转换, 检查工作区全部报告 (workspace-check.ts), 导入已公开的报告. */
import { Connection } from 'vscode-languageserver/node';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as l10n from '../service/l10n';
import { convert, formatComputation, totalsAt } from '../service/features';
import { syntaxOfDocument, Syntax } from '../service';
import { importKemuToFile, OVERRIDE_FILE } from '../service/workspace/kemu-file';
import { readFileBytes } from '../service/workspace/read';
import { importDocument, importKindOf } from '../service/import';
import { CheckedDocuments } from './documents';
import { Shell } from './shell';
import { WorkspaceCheck } from './workspace-check';

export const COMMANDS = ['jsgk.server.computationAt', 'jsgk.server.importCatalogue', 'jsgk.server.convert', 'jsgk.server.checkWorkspace', 'jsgk.server.importDocument'];

/** A published document to import is read up to this size. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ImportReply {
  ok: boolean;
  /** The report source (DSL, or YAML when asked and possible). */
  text?: string;
  syntax?: 'dsl' | 'yaml';
  pages?: number;
  /** What the importer was not sure of: the page of the original, the message, the 0-based line of its marker. */
  uncertain?: Array<{ page: number; message: string; line?: number; table?: string; row?: string }>;
  /** Why YAML could not be written (the DSL was), or why nothing was. */
  message?: string;
}

/**
 * 导入已公开的报告: the server reads the original (a regular file, at most 200 MB), imports it and
 * returns the text; the client chose the file and writes the result where it decided.
 */
export async function importForClient(file: string | undefined, to: unknown): Promise<ImportReply> {
  if (!file || (to !== undefined && to !== 'dsl' && to !== 'yaml')) return { ok: false, message: l10n.t('需要：要导入的文件和目标格式（dsl 或 yaml）') };
  const r = await readFileBytes(file, MAX_IMPORT_BYTES);
  if (!r.ok) return { ok: false, message: l10n.t('{0}：{1}', path.basename(file), r.message) };
  const kind = importKindOf(file, r.bytes);
  if (!kind) return { ok: false, message: l10n.t('不认识“{0}”的格式：只能导入 PDF、Excel（.xlsx/.xls）或 pdftotext -layout 得到的文本（.txt）', path.basename(file)) };
  try {
    const res = await importDocument(new Uint8Array(r.bytes), kind, { to: to as 'dsl' | 'yaml' | undefined, sourceName: path.basename(file) });
    return { ok: true, text: res.text, syntax: res.syntax, pages: res.pages, uncertain: res.uncertain, message: res.notice };
  } catch (e) {
    return { ok: false, message: l10n.t('无法读取“{0}”：{1}', path.basename(file), (e as Error).message) };
  }
}

/** Registers the commands; returns the workspace check (the server tells it of file events). */
export function registerCommands(connection: Connection, d: CheckedDocuments, shell: Shell, refresh: () => void): WorkspaceCheck {
  const workspace = new WorkspaceCheck(connection, d, shell);
  connection.onExecuteCommand((params, token, workDone) => shell.safe('executeCommand', null as unknown, () => {
    const args = params.arguments ?? [];
    switch (params.command) {
      case 'jsgk.server.checkWorkspace':
        // no arguments → WorkspaceCheckResult (counts per file); progress through the request's workDoneToken
        return workspace.run(token, workDone).catch((e) => {
          shell.log(`检查工作区全部报告出错：${(e as Error)?.stack ?? e}`);
          return { ok: false, message: l10n.t('检查工作区全部报告时出错：{0}', String((e as Error)?.message ?? e)) };
        });
      case 'jsgk.server.importCatalogue': {
        // arguments: [spreadsheet path, edition year, folder to write jsgk-kemu.csv into]
        const [file, edition, folder] = args as [string, number, string?];
        const target = folder ?? shell.folders[0];
        if (!file || !edition || !target) return { ok: false, message: l10n.t('需要：科目表文件、版本年份、工作区文件夹') };
        const out = path.join(target, OVERRIDE_FILE);
        const r = importKemuToFile(file, Number(edition), out);
        if (!r.ok) return { ok: false, message: r.message };
        shell.loadCatalogue();
        refresh();
        return { ok: true, message: r.message, file: pathToFileURL(out).toString(), count: r.count };
      }
      case 'jsgk.server.convert': {
        // arguments: [document uri, 'dsl' | 'yaml'] → { ok, text } or { ok: false, message }
        const [uri, to] = args as [string, Syntax];
        const doc = uri ? d.get(uri) : undefined;
        if (!doc || (to !== 'dsl' && to !== 'yaml')) return { ok: false, message: l10n.t('需要：一个打开的报告和目标格式（dsl 或 yaml）') };
        const r = convert(doc.getText(), syntaxOfDocument(doc.uri, doc.languageId), to);
        return r.ok ? { ok: true, text: r.text } : { ok: false, message: r.message };
      }
      case 'jsgk.server.importDocument': {
        // arguments: [path of the original, 'dsl' | 'yaml'] → ImportReply (asynchronous: pdfjs reads a PDF asynchronously)
        const [file, to] = args as [string | undefined, unknown];
        return importForClient(file, to).catch((e: unknown) => {
          shell.log(`导入出错：${(e as Error)?.stack ?? e}`);
          return { ok: false, message: String((e as Error)?.message ?? e) } as ImportReply;
        });
      }
      case 'jsgk.server.computationAt': {
        const [uri, pos] = args as [string, { line: number; character: number }];
        const doc = uri ? d.get(uri) : undefined;
        if (!doc || !pos) return null;
        const totals = totalsAt(d.result(doc), doc.offsetAt(pos));
        return totals.length ? totals.map((t) => formatComputation(t)).join('\n\n---\n\n') : null;
      }
      default:
        return null;
    }
  }));
  return workspace;
}
