/**
 * Positioned text: what every input (PDF, pdftotext text, xlsx) is turned into before tables and
 * sections are found. Coordinates are per page, x to the right, y downwards (top of the page is 0),
 * in PDF points for a PDF; a text file and a spreadsheet use the same scale (see text.ts, xlsx.ts).
 */

/** A run of text printed together: a word, a number, a cell. */
export interface Frag {
  text: string;
  x0: number;
  x1: number;
  /** Top and bottom of the text (y0 < y1). */
  y0: number;
  y1: number;
  /** Font size (the height of a line of text). */
  fs: number;
  /** 1-based page (for a spreadsheet: the sheet's number). */
  page: number;
  /** x0..x1 are the borders of the cell (a spreadsheet), not of the printed text. */
  cell?: boolean;
}

/** Fragments on one baseline, left to right. */
export interface Line {
  frags: Frag[];
  page: number;
  y0: number;
  y1: number;
  fs: number;
}

export interface Page {
  page: number;
  width: number;
  height: number;
  lines: Line[];
  /** Characters printed outside the page or its clipping area (not visible, not imported). */
  hiddenChars?: number;
  /** The name of the sheet, for a spreadsheet. */
  sheet?: string;
}

/** What the input is made of, so that thresholds fit it. */
export type Source = 'pdf' | 'text' | 'xlsx';

export function lineText(l: Line, sep = ' '): string {
  return l.frags.map((f) => f.text).join(sep);
}

export function cx(f: { x0: number; x1: number }): number {
  return (f.x0 + f.x1) / 2;
}

export function cy(f: { y0: number; y1: number }): number {
  return (f.y0 + f.y1) / 2;
}

/** A printed amount or count: 1,234.56  -4.79  0  12.5%  (full-width digits too). */
export const AMOUNT = /^[-－—]?[\d０-９]{1,3}(?:[,，][\d０-９]{3})+(?:[.．][\d０-９]+)?%?$|^[-－]?[\d０-９]+(?:[.．][\d０-９]+)?%?$/;

export function isAmount(s: string): boolean {
  return AMOUNT.test(s.trim());
}

/** Groups fragments into lines by baseline, then sorts and merges neighbours closer than `gap` × font size. */
export function groupLines(frags: Frag[], page: number, joinGap = 0.3): Line[] {
  const sorted = [...frags].sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
  const lines: Line[] = [];
  for (const f of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y1 - f.y1) <= 0.35 * Math.max(last.fs, f.fs)) {
      last.frags.push(f);
      last.y0 = Math.min(last.y0, f.y0);
      last.y1 = Math.max(last.y1, f.y1);
      last.fs = Math.max(last.fs, f.fs);
    } else lines.push({ frags: [f], page, y0: f.y0, y1: f.y1, fs: f.fs });
  }
  for (const l of lines) {
    l.frags.sort((a, b) => a.x0 - b.x0);
    const merged: Frag[] = [];
    for (const f of l.frags) {
      const p = merged[merged.length - 1];
      if (p && !p.cell && !f.cell && f.x0 - p.x1 < joinGap * Math.max(p.fs, f.fs) && !((isAmount(p.text) || isAmount(f.text)) && f.x0 - p.x1 > 0.15 * f.fs)) {
        const space = f.x0 - p.x1 > 0.2 * f.fs && /[\x21-\x7e]$/.test(p.text) && /^[\x21-\x7e]/.test(f.text) ? ' ' : '';
        merged.push({ ...p, text: p.text + space + f.text, x1: Math.max(p.x1, f.x1), y0: Math.min(p.y0, f.y0), y1: Math.max(p.y1, f.y1) });
        merged.splice(merged.length - 2, 1);
      } else merged.push({ ...f });
    }
    l.frags = merged;
  }
  return lines;
}
