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
      // the clipping area (the operator list: costs twice the text) only where text comes near an
      // edge of the page, which is where text overflowing a page (WPS) or hidden outside it lies
      const items = tc.items as Array<{ str?: string; transform: number[]; width: number }>;
      const [bx0, by0, bx1, by1] = page.view as number[];
      const nearEdge = items.some((it) => typeof it.str === 'string' && it.str.trim() !== '' && (it.transform[5] < by0 + 60 || it.transform[5] > by1 - 50 || it.transform[4] < bx0 + 20 || it.transform[4] + it.width > bx1 - 20));
      const visible = nearEdge ? await visibleArea(pdfjs, page, vp.transform) : undefined;
      const frags: Frag[] = [];
      let hidden = 0;
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
        const f: Frag = { text, x0, x1: x0 + Math.max(w - (lead + trail) * perChar, perChar), y0: m[5] - fs0 * 0.88, y1: m[5] + fs0 * 0.12, fs: fs0, page: n };
        // text outside the page or its clipping area is not printed (a page that overflows in WPS)
        const ycen = m[5] - fs0 * 0.35;
        if (visible && (ycen < visible[1] - 0.2 * fs0 || ycen > visible[3] + 0.2 * fs0 || (x0 + f.x1) / 2 < visible[0] || (x0 + f.x1) / 2 > visible[2])) {
          hidden += text.length;
          continue;
        }
        frags.push(f);
      }
      pages.push({ page: n, width: vp.width, height: vp.height, lines: groupLines(frags, n), hiddenChars: hidden || undefined });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}

type Mat = number[];
const mul = (a: Mat, b: Mat): Mat => [a[0] * b[0] + a[2] * b[1], a[1] * b[0] + a[3] * b[1], a[0] * b[2] + a[2] * b[3], a[1] * b[2] + a[3] * b[3], a[0] * b[4] + a[2] * b[5] + a[4], a[1] * b[4] + a[3] * b[5] + a[5]];
const apply = (m: Mat, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * Where text can be seen on the page (top-down coordinates): the page, cut by the clipping paths in
 * force where text is shown (their bounding boxes); the union over all text shown. Undefined when
 * the page shows no text through a clip.
 */
async function visibleArea(pdfjs: any, page: any, vpt: Mat): Promise<[number, number, number, number] | undefined> {
  const ol = await page.getOperatorList();
  const OPS = pdfjs.OPS;
  let ctm: Mat = [1, 0, 0, 1, 0, 0];
  let clip: [number, number, number, number] | undefined;
  const stack: Array<{ ctm: Mat; clip?: [number, number, number, number] }> = [];
  let pendingClip = false;
  let union: [number, number, number, number] | undefined;
  let unclipped = false;
  for (let i = 0; i < ol.fnArray.length; i++) {
    const fn = ol.fnArray[i];
    const args = ol.argsArray[i];
    if (fn === OPS.save) stack.push({ ctm, clip });
    else if (fn === OPS.restore) {
      const s = stack.pop();
      if (s) ({ ctm, clip } = s);
    } else if (fn === OPS.transform) ctm = mul(ctm, args as Mat);
    else if (fn === OPS.clip || fn === OPS.eoClip) pendingClip = true;
    else if (fn === OPS.constructPath) {
      if (!pendingClip) continue;
      pendingClip = false;
      const mm = args[2] as ArrayLike<number> | undefined;
      if (!mm || mm.length < 4) continue;
      const m = mul(vpt, ctm);
      const pts = [apply(m, mm[0], mm[1]), apply(m, mm[2], mm[3]), apply(m, mm[0], mm[3]), apply(m, mm[2], mm[1])];
      const box: [number, number, number, number] = [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
      clip = clip ? [Math.max(clip[0], box[0]), Math.max(clip[1], box[1]), Math.min(clip[2], box[2]), Math.min(clip[3], box[3])] : box;
    } else if (fn === OPS.showText || fn === OPS.showSpacedText) {
      if (!clip) unclipped = true;
      else union = union ? [Math.min(union[0], clip[0]), Math.min(union[1], clip[1]), Math.max(union[2], clip[2]), Math.max(union[3], clip[3])] : [...clip];
    }
  }
  return unclipped ? undefined : union;
}
