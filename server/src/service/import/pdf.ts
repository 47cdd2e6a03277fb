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

/**
 * pdfjs needs a DOMMatrix as soon as it is loaded (a constant of its drawing code) and in its
 * worker for the outlines of image masks. Node has none; pdfjs would take the one of @napi-rs/canvas,
 * a native package the .vsix does not carry (drawing only). Reading text needs a 2-D affine matrix
 * and nothing more: this one, installed before pdfjs is loaded when there is no DOMMatrix, so that
 * the command line and the extension read PDFs the same way.
 */
class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: ArrayLike<number> | { a: number; b: number; c: number; d: number; e: number; f: number }) {
    if (!init) return;
    if ('a' in init) [this.a, this.b, this.c, this.d, this.e, this.f] = [init.a, init.b, init.c, init.d, init.e, init.f];
    else if (init.length === 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init);
    else if (init.length === 16) [this.a, this.b, this.c, this.d, this.e, this.f] = [init[0], init[1], init[4], init[5], init[12], init[13]];
  }
  get m11() { return this.a; }
  get m12() { return this.b; }
  get m21() { return this.c; }
  get m22() { return this.d; }
  get m41() { return this.e; }
  get m42() { return this.f; }
  get is2D() { return true; }
  get isIdentity() { return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0; }
  private set(m: number[]): this {
    [this.a, this.b, this.c, this.d, this.e, this.f] = m;
    return this;
  }
  private static times(p: AffineMatrix, q: AffineMatrix): number[] {
    return [p.a * q.a + p.c * q.b, p.b * q.a + p.d * q.b, p.a * q.c + p.c * q.d, p.b * q.c + p.d * q.d, p.a * q.e + p.c * q.f + p.e, p.b * q.e + p.d * q.f + p.f];
  }
  multiplySelf(o?: ConstructorParameters<typeof AffineMatrix>[0]): this { return this.set(AffineMatrix.times(this, new AffineMatrix(o))); }
  preMultiplySelf(o?: ConstructorParameters<typeof AffineMatrix>[0]): this { return this.set(AffineMatrix.times(new AffineMatrix(o), this)); }
  translateSelf(tx = 0, ty = 0): this { return this.multiplySelf([1, 0, 0, 1, tx, ty]); }
  scaleSelf(sx = 1, sy = sx): this { return this.multiplySelf([sx, 0, 0, sy, 0, 0]); }
  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (!det) return this.set([NaN, NaN, NaN, NaN, NaN, NaN]);
    return this.set([this.d / det, -this.b / det, -this.c / det, this.a / det, (this.c * this.f - this.d * this.e) / det, (this.b * this.e - this.a * this.f) / det]);
  }
  multiply(o?: ConstructorParameters<typeof AffineMatrix>[0]) { return new AffineMatrix(this).multiplySelf(o); }
  translate(tx?: number, ty?: number) { return new AffineMatrix(this).translateSelf(tx, ty); }
  scale(sx?: number, sy?: number) { return new AffineMatrix(this).scaleSelf(sx, sy); }
  inverse() { return new AffineMatrix(this).invertSelf(); }
  transformPoint(p: { x?: number; y?: number } = {}) {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
  }
}

export function loadPdfjs(): Promise<any> {
  const g = globalThis as { DOMMatrix?: unknown };
  if (!g.DOMMatrix) g.DOMMatrix = AffineMatrix;
  pdfjsPromise ??= dynamicImport(pathToFileURL(path.join(pdfjsDir(), 'pdf.mjs')).href);
  return pdfjsPromise;
}

/** The text of every page with positions (y downwards from the top of the page). */
export async function readPdf(data: Uint8Array): Promise<Page[]> {
  const pdfjs = await loadPdfjs();
  const root = path.join(pdfjsDir(), '..', '..');
  // What pdfjs reads at run time, besides pdf.mjs and pdf.worker.mjs: the CMaps (cmaps/*.bcmap) of
  // fonts that are not embedded and use a predefined encoding (UniGB-UCS2-H, GBK-EUC-H …; the .vsix
  // carries the GB ones, scripts/bundle.js). Not the standard fonts' programs (useSystemFonts: their
  // text comes from the encoding, the programs are for drawing) and not the image decoders (wasm):
  // text needs neither, and the extension does not carry them (test/package.test.ts).
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    cMapUrl: path.join(root, 'cmaps') + path.sep,
    cMapPacked: true,
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: true,
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
  let ol: { fnArray: number[]; argsArray: any[] };
  try {
    ol = await page.getOperatorList();
  } catch {
    // an operator list that cannot be built (an image pdfjs cannot decode …): no clipping known, all text kept
    return undefined;
  }
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
