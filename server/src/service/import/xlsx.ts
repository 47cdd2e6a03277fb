/**
 * xlsx (or xls) → positioned text, through SheetJS. Every sheet is a "page"; every non-empty cell a
 * fragment whose x0..x1 are the borders of the cell (merged cells: of the whole merge), so that a
 * merged header cell lies over the columns it spans, as on paper. Rows are 24 units apart, twice a
 * font of 12 (a spreadsheet cell is never a wrapped line of its neighbour).
 */
import type * as XLSXT from '@e965/xlsx';

/** SheetJS, loaded when a spreadsheet is first read (it weighs ~30 MB in memory: the server and the CLI check reports without it). */
let sheetjs: typeof XLSXT | undefined;
const XLSX = (): typeof XLSXT => (sheetjs ??= require('@e965/xlsx') as typeof XLSXT);
import { Frag, Page, groupLines } from './geom';

const ROW = 24;
const FS = 12;

export function readWorkbook(data: Uint8Array): Page[] {
  const wb = XLSX().read(data, { type: 'array', cellDates: false });
  const pages: Page[] = [];
  wb.SheetNames.forEach((name, si) => {
    const ws = wb.Sheets[name];
    if (!ws || !ws['!ref']) return;
    const range = XLSX().utils.decode_range(ws['!ref']);
    const cols = ws['!cols'] ?? [];
    const xs: number[] = [0];
    for (let c = 0; c <= range.e.c + 1; c++) {
      const ci = cols[c];
      const w = ci?.hidden ? 0 : ci?.wch ? ci.wch * 6 : ci?.wpx ? ci.wpx * 0.75 : ci?.width ? ci.width * 6 : 54;
      xs.push(xs[c] + w);
    }
    const merges = ws['!merges'] ?? [];
    const mergeAt = new Map<string, XLSXT.Range>();
    const covered = new Set<string>();
    for (const m of merges) {
      mergeAt.set(`${m.s.r},${m.s.c}`, m);
      for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(`${r},${c}`);
    }
    const frags: Frag[] = [];
    const page = si + 1;
    for (let r = range.s.r; r <= range.e.r; r++) {
      for (let c = range.s.c; c <= range.e.c; c++) {
        if (covered.has(`${r},${c}`)) continue;
        const cell = ws[XLSX().utils.encode_cell({ r, c })] as XLSXT.CellObject | undefined;
        if (!cell) continue;
        let text = cell.w !== undefined ? String(cell.w) : cell.v !== undefined && cell.v !== null ? String(cell.v) : '';
        text = text.replace(/\s*\n\s*/g, '').replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, '');
        if (!text) continue;
        const m = mergeAt.get(`${r},${c}`);
        const r1 = m ? m.e.r : r;
        const c1 = m ? m.e.c : c;
        const yc = ((r + r1) / 2) * ROW + FS / 2;
        frags.push({ text, x0: xs[c], x1: xs[c1 + 1], y0: yc - FS / 2, y1: yc + FS / 2, fs: FS, page, cell: true });
      }
    }
    pages.push({ page, width: xs[range.e.c + 1], height: (range.e.r + 1) * ROW, lines: groupLines(frags, page), sheet: name });
  });
  return pages;
}
