/**
 * PDF → positioned text, through pdfjs-dist (its legacy build, which runs on Node 20). pdfjs-dist is
 * an ES module: it is loaded with a dynamic import that TypeScript's CommonJS output keeps as import().
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Frag, Page, groupLines } from './geom';

// eslint-disable-next-line @typescript-eslint/no-implied-eval
const dynamicImport = new Function('s', 'return import(s)') as (s: string) => Promise<any>;

let pdfjsPromise: Promise<any> | undefined;

/** Where pdfjs-dist's legacy build is: in node_modules, or copied next to the bundle (dist/pdfjs). */
function pdfjsDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(path.dirname(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')));
  } catch {
    /* not installed as a package: the bundle's copy */
  }
  candidates.push(path.join(__dirname, 'pdfjs', 'legacy', 'build'), path.join(__dirname, '..', 'pdfjs', 'legacy', 'build'));
  for (const c of candidates) if (fs.existsSync(path.join(c, 'pdf.mjs'))) return c;
  throw new Error('找不到 pdfjs-dist（读取 PDF 所需）：请运行 npm install');
}

export function loadPdfjs(): Promise<any> {
  pdfjsPromise ??= dynamicImport(pathToFileURL(path.join(pdfjsDir(), 'pdf.mjs')).href);
  return pdfjsPromise;
}

/** The text of every page with positions (y downwards from the top of the page). */
export async function readPdf(data: Uint8Array): Promise<Page[]> {
  const pdfjs = await loadPdfjs();
  const root = path.join(pdfjsDir(), '..', '..');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: Page[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const tc = await page.getTextContent();
      const frags: Frag[] = [];
      for (const it of tc.items as Array<{ str?: string; transform: number[]; width: number; height: number }>) {
        if (typeof it.str !== 'string' || it.str.trim() === '') continue;
        const m = pdfjs.Util.transform(vp.transform, it.transform) as number[];
        const fs0 = Math.hypot(m[2], m[3]) || it.height || 10;
        const text = it.str.replace(/\s+$/, '').replace(/^\s+/, '');
        const lead = it.str.length - it.str.replace(/^\s+/, '').length;
        const w = it.width * (vp.scale ?? 1);
        const perChar = it.str.length ? w / it.str.length : 0;
        const trail = it.str.length - it.str.replace(/\s+$/, '').length;
        const x0 = m[4] + lead * perChar;
        frags.push({ text, x0, x1: x0 + Math.max(w - (lead + trail) * perChar, perChar), y0: m[5] - fs0 * 0.88, y1: m[5] + fs0 * 0.12, fs: fs0, page: n });
      }
      pages.push({ page: n, width: vp.width, height: vp.height, lines: groupLines(frags, n) });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
