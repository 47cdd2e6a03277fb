/**
 * The workspace 科目 file (jsgk-kemu.csv) on disk, for the CLI and the language server alike:
 * read safely (a regular file of bounded size: a link to /dev/zero is refused, not read without
 * end), and written only where asked (import never writes through a symbolic link).
 */
import { KemuEntry, parseOverrideCsv } from '../kemu';
import { importSpreadsheet, overrideCsv } from '../kemu-import';
import * as l10n from '../l10n';
import { readFileBytesSync, readTextFileSync } from './read';
import { inspectTarget, writeFileSafely } from './write';

/** The file a workspace's 科目 additions are kept in, at the root of a workspace folder. */
export const OVERRIDE_FILE = 'jsgk-kemu.csv';
/** jsgk-kemu.csv larger than this is not read. */
export const MAX_OVERRIDE_BYTES = 20 * 1024 * 1024;
/** A 科目 spreadsheet larger than this is not read (财政部's is about 2 MB). */
export const MAX_SHEET_BYTES = 50 * 1024 * 1024;

/**
 * Reads a jsgk-kemu.csv: its entries and the errors of its lines (line numbers of the file), or,
 * when it cannot be read at all, `problem` (and no entries). Never throws.
 */
export function readOverrideFile(file: string, editions: number[]): { entries: KemuEntry[]; errors: Array<{ line: number; message: string }>; problem?: string } {
  const r = readTextFileSync(file, MAX_OVERRIDE_BYTES);
  if (!r.ok) return { entries: [], errors: [], problem: r.message };
  return parseOverrideCsv(r.text, editions);
}

/**
 * Imports a 科目 spreadsheet (xlsx, xls or csv) into the override file `out`, merged with what it
 * holds (see overrideCsv). Refuses a symbolic link, a FIFO… at `out`, and a damaged spreadsheet,
 * with a message. Never throws.
 */
export function importKemuToFile(sheet: string, edition: number, out: string): { ok: true; message: string; count: number } | { ok: false; message: string } {
  const data = readFileBytesSync(sheet, MAX_SHEET_BYTES);
  if (!data.ok) return { ok: false, message: l10n.t('科目表“{0}”：{1}', sheet, data.message) };
  const r = importSpreadsheet(data.bytes, edition);
  if (r.entries.length === 0) return { ok: false, message: r.message };
  const target = inspectTarget(out);
  if (!target.ok) return { ok: false, message: target.message };
  let existing = '';
  if (target.exists) {
    const old = readTextFileSync(out, MAX_OVERRIDE_BYTES);
    if (!old.ok) return { ok: false, message: l10n.t('已有的科目补充文件“{0}”无法读取：{1}', out, old.message) };
    existing = old.text;
  }
  const w = writeFileSafely(out, overrideCsv(r.entries, existing), { overwrite: true });
  if (!w.ok) return { ok: false, message: w.message };
  return { ok: true, message: l10n.t('{0}，写入 {1}', r.message, out), count: r.entries.length };
}
