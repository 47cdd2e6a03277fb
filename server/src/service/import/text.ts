/**
 * pdftotext -layout text → positioned text. pdftotext lays every character on a grid of columns
 * (one column a character, CJK or not) and pages apart with a form feed. A line is cut into
 * fragments at runs of two or more spaces, and at a single space between a number and other text
 * ("96,282,213.44 一、公共安全支出": two cells of a two-sided table).
 */
import { Frag, Page, isAmount } from './geom';

/** One column of text = 6 units, one line = 16 units, a font of 12: the scale of a PDF page in points. */
export const COL = 6;
export const PITCH = 16;
const FS = 12;

export function readLayoutText(text: string): Page[] {
  const pages: Page[] = [];
  const raw = text.replace(/\r\n?/g, '\n').split('\f');
  if (raw.length > 1 && raw[raw.length - 1].trim() === '') raw.pop();
  raw.forEach((pt, i) => {
    const page = i + 1;
    const lines = pt.split('\n');
    let width = 0;
    const out: Page = { page, width: 0, height: lines.length * PITCH, lines: [] };
    lines.forEach((ln, li) => {
      const frags: Frag[] = [];
      const re = /\S+(?: \S+)*/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(ln))) {
        // split at a single space next to an amount
        const words = m[0].split(' ');
        let start = m.index;
        let cur: string[] = [];
        let curStart = start;
        const flush = () => {
          if (!cur.length) return;
          const t = cur.join(' ');
          frags.push({ text: t, x0: curStart * COL, x1: (curStart + t.length) * COL, y0: li * PITCH, y1: li * PITCH + FS, fs: FS, page });
          cur = [];
        };
        for (const w of words) {
          const prev = cur[cur.length - 1];
          if (prev !== undefined && (isAmount(w) || isAmount(prev))) {
            flush();
            curStart = start;
          }
          if (!cur.length) curStart = start;
          cur.push(w);
          start += w.length + 1;
        }
        flush();
      }
      width = Math.max(width, ln.length * COL);
      if (frags.length) out.lines.push({ frags, page, y0: li * PITCH, y1: li * PITCH + FS, fs: FS });
    });
    out.width = width;
    pages.push(out);
  });
  return pages;
}
