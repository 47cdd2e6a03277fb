/**
 * Imports the 政府收支分类科目 spreadsheet that 财政部 publishes every year (xls, xlsx or csv, read
 * with SheetJS) into catalogue entries: a 科目编码 column (or 类 / 款 / 项 columns), 科目名称 and 说明.
 */
import type * as XLSXT from '@e965/xlsx';

/** SheetJS, loaded when a spreadsheet is first read (it weighs ~30 MB in memory: the server and the CLI check reports without it). */
let sheetjs: typeof XLSXT | undefined;
const XLSX = (): typeof XLSXT => (sheetjs ??= require('@e965/xlsx') as typeof XLSXT);
import { csvCell, parseCsvRecords, unescapeFormula } from './csv';
import { KemuEntry, overrideColumns, systemOfCode } from './kemu';
import * as l10n from './l10n';

export interface ImportResult {
  entries: KemuEntry[];
  skipped: number;
  sheet: string;
  message: string;
}

const cellText = (v: unknown) => (v === undefined || v === null ? '' : String(v)).replace(/\s|\u3000/g, '');

/** xlsx (a zip: PK) or xls (an OLE file: D0 CF 11 E0); anything else is read as text (csv). */
function isBinaryWorkbook(b: Uint8Array): boolean {
  return (b[0] === 0x50 && b[1] === 0x4b) || (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0);
}

/** A csv exported from Excel is UTF-8 (often with a BOM) or GB18030. */
function decodeText(b: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(b);
  }
}

/** The workbook, or a message saying why the file cannot be read as one (SheetJS throws on a damaged file). */
function readWorkbook(data: Uint8Array | string): XLSXT.WorkBook | string {
  const kind = typeof data === 'string' || !isBinaryWorkbook(data) ? 'text' : data[0] === 0x50 ? 'xlsx' : 'xls';
  try {
    return typeof data === 'string' ? XLSX().read(data, { type: 'string' }) : kind !== 'text' ? XLSX().read(data, { type: 'array' }) : XLSX().read(decodeText(data), { type: 'string' });
  } catch (e) {
    const why = String((e as Error)?.message ?? e).split('\n')[0].slice(0, 200);
    if (kind === 'xlsx') return l10n.t('无法读取科目表：文件以“PK”开头，应是 .xlsx 工作簿（zip 压缩包），但它已损坏、不完整或加了密（{0}）。请在 Excel 中打开后另存为 .xlsx 或 .csv 再导入', why);
    if (kind === 'xls') return l10n.t('无法读取科目表：文件应是旧版 .xls 工作簿，但它已损坏或加了密（{0}）。请在 Excel 中打开后另存为 .xlsx 或 .csv 再导入', why);
    return l10n.t('无法读取科目表：文件既不是 Excel 工作簿（.xlsx/.xls），也不是能读懂的 CSV 文本（{0}）', why);
  }
}

/** Reads the 科目 of a spreadsheet. Never throws: a damaged file gives no entries and a message saying so. */
export function importSpreadsheet(data: Uint8Array | string, edition: number): ImportResult {
  try {
    return importWorkbook(data, edition);
  } catch (e) {
    return { entries: [], skipped: 0, sheet: '', message: l10n.t('无法读取科目表：{0}', String((e as Error)?.message ?? e).split('\n')[0].slice(0, 200)) };
  }
}

function importWorkbook(data: Uint8Array | string, edition: number): ImportResult {
  const wb = readWorkbook(data);
  if (typeof wb === 'string') return { entries: [], skipped: 0, sheet: '', message: wb };
  for (const sheetName of wb.SheetNames) {
    const rows = XLSX().utils.sheet_to_json<unknown[]>(wb.Sheets[sheetName], { header: 1, raw: false, defval: '' });
    const hi = rows.findIndex((r) => r.some((c) => /科目编码|科目代码|^编码$|^代码$/.test(cellText(c))) || (r.some((c) => cellText(c) === '类') && r.some((c) => cellText(c) === '款')));
    if (hi < 0) continue;
    const head = rows[hi].map(cellText);
    const ci = head.findIndex((h) => /科目编码|科目代码|^编码$|^代码$/.test(h));
    const li = head.indexOf('类');
    const ki = head.indexOf('款');
    const xi = head.indexOf('项');
    const ni = head.findIndex((h) => /科目名称|^名称$/.test(h));
    const di = head.findIndex((h) => /说明|^注释$/.test(h));
    if (ni < 0) continue;
    const entries: KemuEntry[] = [];
    let skipped = 0;
    let lastClass = '';
    let lastKuan = '';
    for (const r of rows.slice(hi + 1)) {
      let code = '';
      if (ci >= 0) code = cellText(r[ci]);
      else {
        const l = cellText(r[li]);
        const k = ki >= 0 ? cellText(r[ki]) : '';
        const x = xi >= 0 ? cellText(r[xi]) : '';
        if (l) { lastClass = l; lastKuan = ''; }
        if (k) lastKuan = k.length === 5 ? k.slice(3) : k;
        code = x ? lastClass + lastKuan + (x.length === 7 ? x.slice(5) : x) : k ? lastClass + lastKuan : l;
      }
      const name = cellText(r[ni]);
      if (!/^(\d{3}|\d{5}|\d{7})$/.test(code) || !name) {
        if (code || name) skipped++;
        continue;
      }
      entries.push({
        code, name, level: code.length === 3 ? '类' : code.length === 5 ? '款' : '项', system: systemOfCode(code), editions: [edition],
        description: di >= 0 && cellText(r[di]) ? String(r[di]).trim() : undefined, status: 'workspace', sources: [`导入的科目表（${edition}）`],
      });
    }
    return { entries, skipped, sheet: sheetName, message: l10n.t('从工作表“{0}”导入 {1} 个科目（{2} 版）', sheetName, entries.length, edition) + (skipped ? l10n.t('，跳过 {0} 行无法识别的行', skipped) : '') };
  }
  return { entries: [], skipped: 0, sheet: '', message: l10n.t('没有找到含“科目编码”（或“类/款/项”）和“科目名称”列的工作表') };
}

/**
 * The workspace override file's text for some entries, merged with what it already holds: an
 * existing record with the same code and edition is replaced (records are read as CSV, so a 说明
 * spanning lines is one record); the others are kept as written. Cells that a spreadsheet would
 * run as formulas are escaped (csvCell).
 */
export function overrideCsv(entries: KemuEntry[], existing = ''): string {
  const HEADER = '科目编码,科目名称,说明,版本';
  const records = parseCsvRecords(existing.replace(/^\uFEFF/, ''));
  const col = overrideColumns(records[0]?.cells ?? []);
  const keep: string[] = [];
  if (col.code < 0 || col.name < 0) {
    // not an override file's header: keep every line, under ours (the checker then names the bad ones)
    for (const r of records) if (r.cells.some((c) => c.trim())) keep.push(r.raw);
  } else {
    const standard = col.code === 0 && col.name === 1 && col.description === 2 && col.edition === 3;
    for (const r of records.slice(1)) {
      const cells = r.cells.map(unescapeFormula);
      if (!cells.some((c) => c.trim())) continue;
      const code = (cells[col.code] ?? '').trim();
      const editions = col.edition >= 0 ? (cells[col.edition] ?? '').split(/[;；、\s]+/).filter(Boolean) : [];
      if (entries.some((e) => e.code === code && e.editions.some((y) => editions.includes(String(y))))) continue;
      const comment = (cells[0] ?? '').trim().startsWith('#');
      // a record of a file with other columns is written in ours
      keep.push(standard || comment ? r.raw : [code, cells[col.name] ?? '', col.description >= 0 ? cells[col.description] ?? '' : '', col.edition >= 0 ? cells[col.edition] ?? '' : ''].map(csvCell).join(','));
    }
  }
  const lines = entries.map((e) => [e.code, e.name, e.description ?? '', e.editions.join(';')].map(csvCell).join(','));
  return [HEADER, ...keep, ...lines].join('\n') + '\n';
}
