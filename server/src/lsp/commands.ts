/** workspace/executeCommand: 显示计算过程, 导入科目表, 转换, 检查工作区全部报告 (workspace-check.ts). */
import { Connection } from 'vscode-languageserver/node';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as l10n from '../service/l10n';
import { convert, formatComputation, totalsAt } from '../service/features';
import { syntaxOfDocument, Syntax } from '../service';
import { importKemuToFile, OVERRIDE_FILE } from '../service/workspace/kemu-file';
import { CheckedDocuments } from './documents';
import { Shell } from './shell';
import { WorkspaceCheck } from './workspace-check';

export const COMMANDS = ['jsgk.server.computationAt', 'jsgk.server.importCatalogue', 'jsgk.server.convert', 'jsgk.server.checkWorkspace'];

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
