/**
 * Imports the 政府收支分类科目 spreadsheet that 财政部 publishes every year (xls, xlsx or csv, read
 * with SheetJS) into catalogue entries: a 科目编码 column (or 类 / 款 / 项 columns), 科目名称 and 说明.
 */
import * as XLSX from '@e965/xlsx';
import { KemuEntry, systemOfCode } from './kemu';
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

export function importSpreadsheet(data: Uint8Array | string, edition: number): ImportResult {
  const wb = typeof data === 'string' ? XLSX.read(data, { type: 'string' }) : isBinaryWorkbook(data) ? XLSX.read(data, { type: 'array' }) : XLSX.read(decodeText(data), { type: 'string' });
  for (const sheetName of wb.SheetNames) {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[sheetName], { header: 1, raw: false, defval: '' });
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

/** The workspace override file's text for some entries (merged with what it already holds). */
export function overrideCsv(entries: KemuEntry[], existing = ''): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const keep = existing.split(/\r?\n/).slice(1).filter((l) => l.trim() && !entries.some((e) => l.startsWith(e.code + ',') && l.split(',').pop()?.includes(String(e.editions[0]))));
  const lines = entries.map((e) => [e.code, q(e.name), q(e.description ?? ''), e.editions.join(';')].join(','));
  return ['科目编码,科目名称,说明,版本', ...keep, ...lines].join('\n') + '\n';
}
