/**
 * npm run import:accuracy [-- <samples folder> [<real-documents folder>]] [--all]
 *
 * Imports every PDF / xlsx / pdftotext text in the real-documents folder that has a faithful
 * transcription in the samples folder (NNN-<单位>-<年度><部门|单位><预算|决算>.jsgk[.yaml]) and
 * compares the two through the report model (parseReport):
 *   cells: tables matched by title, sides by order, rows by key (spaces, quote and bracket widths
 *          ignored; the n-th row of a key with the n-th), columns by name; a cell is identical when
 *          its text is; a differing cell is "flagged" when the importer marked its row as uncertain;
 *   narrative: every text outside the tables (封面, 目录, headings, sections, 名词解释, table notes),
 *          whitespace removed, compared character by character (longest common subsequence).
 * Prints per document: cells total / identical / differing and flagged / differing and not
 * flagged, narrative similarity, and the time the import took; --all lists every differing cell
 * (else the first 8). Then the same documents degraded (test/helpers/degrade.ts: every amount moved
 * sideways, less than half a column, four seeds): how many cells differ and whether each is
 * flagged. Then the speed: a 30-page PDF (the real documents' pages put together with qpdf, and a
 * constructed one, which CI can make too), in a fresh process and in a warm one.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import * as os from 'os';
import { importDocument, importKindOf, importPages, readPages, ImportResult } from '../server/src/service/import';
import { degradeLayoutText, degradePages } from '../test/helpers/degrade';
import { makePdf, PlacedText } from '../test/helpers/pdf-writer';
import { parseReport, syntaxOf } from '../server/src/service/frontends/report-parser';
import { Report, Section, Text } from '../server/src/service/model';

const ALL = process.argv.includes('--all');

const norm = (s: string) =>
  s.normalize('NFKC').replace(/[\s\u3000]/g, '').replace(/[“”"＂]/g, '"').replace(/[‘’']/g, "'").replace(/\(/g, '（').replace(/\)/g, '）');

export interface CellStats {
  total: number;
  identical: number;
  flagged: number;
  unflagged: number;
  /** Cells the import has that the transcription does not. */
  extra: number;
  examples: string[];
}

export function compareCells(truth: Report, got: Report, uncertainRows: Set<string>): CellStats {
  const st: CellStats = { total: 0, identical: 0, flagged: 0, unflagged: 0, extra: 0, examples: [] };
  const gotTables = new Map(got.tables.map((t) => [norm(t.title), t]));
  for (const t of truth.tables) {
    const g = gotTables.get(norm(t.title));
    t.parts.forEach((p, pi) => {
      const gp = g?.parts[pi];
      const gcols = new Map((gp?.columns ?? []).map((c, i) => [norm(c.name), i]));
      const seen = new Map<string, number>();
      const grows = new Map<string, number[]>();
      gp?.rows.forEach((r, i) => {
        const k = norm(r.key);
        const l = grows.get(k);
        if (l) l.push(i);
        else grows.set(k, [i]);
      });
      const used = new Set<string>();
      for (const r of p.rows) {
        const k = norm(r.key);
        const n = seen.get(k) ?? 0;
        seen.set(k, n + 1);
        const gi = grows.get(k)?.[n];
        const gr = gi !== undefined ? gp!.rows[gi] : undefined;
        const flagged = !!g && uncertainRows.has(`${norm(g.title)}\u0000${k}`);
        p.columns.forEach((c, ci) => {
          st.total++;
          const gc = gcols.get(norm(c.name));
          const want = (r.cells[ci]?.raw ?? '').trim();
          const have = gr && gc !== undefined ? (gr.cells[gc]?.raw ?? '').trim() : undefined;
          if (have !== undefined) used.add(`${gi},${gc}`);
          if (have !== undefined && have === want) st.identical++;
          else {
            if (flagged) st.flagged++;
            else st.unflagged++;
            if (st.examples.length < (ALL ? Infinity : 8)) st.examples.push(`${t.title}${p.name ? ' ' + p.name : ''} / ${r.key || '（无行名）'} / ${c.name}: 原文“${want}” 导入${have === undefined ? (g ? (gr ? '无此列' : '无此行') : '无此表') : `“${have}”`}`);
          }
        });
      }
      gp?.rows.forEach((r, i) => r.cells.forEach((_, j) => { if (!used.has(`${i},${j}`)) st.extra++; }));
    });
  }
  return st;
}

function sectionText(s: Section, out: string[]): void {
  out.push(s.title.value);
  if (s.body) out.push(s.body.value);
  for (const u of s.units ?? []) out.push(u.cells.map((c) => c.value).join(''));
  for (const c of s.children) sectionText(c, out);
}

export function narrativeText(r: Report): string {
  const out: string[] = [];
  const items: Array<{ start: number; text: string }> = [];
  const push = (start: number, parts: string[]) => items.push({ start, text: parts.join('') });
  for (const p of r.printed ?? []) push(p.range.start, [p.kind === 'heading' ? p.key : '', p.body?.value ?? '']);
  for (const b of r.sectionBlocks ?? []) {
    const parts: string[] = [];
    for (const s of b.sections) sectionText(s, parts);
    push(b.range.start, parts);
  }
  for (const g of r.glossary) push(g.range.start, [g.number ?? '', g.term, g.definition.value]);
  for (const t of r.tables) push(t.range.start, (t.notes ?? []).map((n: { text: Text }) => n.text.value));
  items.sort((a, b) => a.start - b.start);
  for (const i of items) out.push(i.text);
  return out.join('').replace(/[\s\u3000]/g, '');
}

/** Length of the longest common subsequence (Myers' O((N+M)D) edit distance without the path). */
export function lcsLength(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) return (n + m - d) / 2;
    }
  }
  return 0;
}

const SAMPLE = /^\d+-(.+)-(\d{4})(部门|单位)(预算|决算)\.jsgk(\.ya?ml)?$/;

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(2) + '%' : '—');

function flaggedRows(res: ImportResult): Set<string> {
  return new Set(res.uncertain.filter((u) => u.table).map((u) => `${norm(u.table!)}\u0000${norm(u.row ?? '')}`));
}

interface Totals { cells: number; identical: number; flagged: number; differing: number }

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  // defaults: the project's samples/, and the real documents in ../shared/real-documents beside the project
  const root = path.resolve(__dirname, '..', '..');
  const samples = path.resolve(args[0] ?? path.join(root, 'samples'));
  const docs = path.resolve(args[1] ?? path.join(root, '..', 'shared', 'real-documents'));
  if (!fs.existsSync(docs)) {
    console.log(`没有找到原文文件夹 ${docs}：这台机器上没有真实文档（CI 上就是这样），不统计导入准确率；只测速度（构造的 30 页 PDF）。`);
    await speed(undefined);
    return 0;
  }
  if (!fs.existsSync(samples)) {
    console.log(`没有找到转录文件夹 ${samples}`);
    return 2;
  }
  const rows: string[] = [];
  const total: Record<'pdf' | 'text', Totals> = { pdf: { cells: 0, identical: 0, flagged: 0, differing: 0 }, text: { cells: 0, identical: 0, flagged: 0, differing: 0 } };
  const worse: Record<'pdf' | 'text', Totals & { runs: number; flags: number }> = { pdf: { cells: 0, identical: 0, flagged: 0, differing: 0, runs: 0, flags: 0 }, text: { cells: 0, identical: 0, flagged: 0, differing: 0, runs: 0, flags: 0 } };
  const narrative = { truth: 0, same: 0 };
  const realPdfs: string[] = [];
  for (const name of fs.readdirSync(samples).sort()) {
    const m = SAMPLE.exec(name);
    if (!m) continue;
    const base = `${m[1]}${m[2]}年${m[3]}${m[4]}`;
    const truth = parseReport(fs.readFileSync(path.join(samples, name), 'utf8'), syntaxOf(name)).report;
    const truthNarr = narrativeText(truth);
    for (const [dir, ext] of [['pdf', '.pdf'], ['xlsx', '.xlsx'], ['text', '.txt']] as const) {
      const file = path.join(docs, dir, base + ext);
      if (!fs.existsSync(file)) continue;
      const bytes = fs.readFileSync(file);
      const t0 = process.hrtime.bigint();
      let res: ImportResult;
      try {
        res = await importDocument(new Uint8Array(bytes), importKindOf(file, bytes)!, { sourceName: path.basename(file) });
      } catch (e) {
        rows.push(`${name} ← ${dir}/${base}${ext}: 导入失败：${(e as Error).message}`);
        continue;
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const got = parseReport(res.text, res.syntax).report;
      const head = `${name} ← ${dir}/${base}${ext}（${res.pages} ${dir === 'xlsx' ? '个工作表' : '页'}，${ms.toFixed(0)} ms）`;
      if (dir === 'xlsx' && !got.tables.length) {
        // the two xlsx files are reviewers' checklists of the published document, not its tables
        rows.push(`${head}\n  这份 xlsx 里没有表格（第一个工作表是“${res.document.blocks.find((b) => b.kind === 'text')?.kind === 'text' ? (res.document.blocks.find((b) => b.kind === 'text') as { lines: string[] }).lines[0] ?? '' : ''}”），不是这份报告的表格，不比较`);
        continue;
      }
      const cs = compareCells(truth, got, flaggedRows(res));
      const gotNarr = narrativeText(got);
      const lcs = lcsLength(truthNarr, gotNarr);
      const diff = cs.flagged + cs.unflagged;
      rows.push(
        `${head}\n` +
          `  格子：共 ${cs.total}，相同 ${cs.identical}（${pct(cs.identical, cs.total)}），不同且已标注 ${cs.flagged}，不同未标注 ${cs.unflagged}（不同者已标注 ${pct(cs.flagged, diff)}）；导入多出的格子 ${cs.extra}；标注 ${res.uncertain.filter((u) => u.table).length} 行\n` +
          `  正文：原文 ${truthNarr.length} 字，导入 ${gotNarr.length} 字，相同 ${lcs} 字（占原文 ${pct(lcs, truthNarr.length)}，占导入 ${pct(lcs, gotNarr.length)}）` +
          (cs.examples.length ? '\n' + cs.examples.map((e) => '    ' + e).join('\n') : ''),
      );
      if (dir === 'xlsx') continue;
      const tt = total[dir];
      tt.cells += cs.total;
      tt.identical += cs.identical;
      tt.flagged += cs.flagged;
      tt.differing += diff;
      if (dir === 'pdf') {
        narrative.truth += truthNarr.length;
        narrative.same += lcs;
        realPdfs.push(file);
      }
      // the same document degraded: every amount moved sideways, less than half a column
      const pages = dir === 'pdf' ? await readPages(new Uint8Array(bytes), 'pdf') : undefined;
      for (const seed of [1, 2, 3, 4]) {
        const r = pages ? (() => { const p = structuredClone(pages); degradePages(p, seed, 3); return importPages(p, 'pdf'); })() : await importDocument(degradeLayoutText(bytes.toString('utf8'), seed, 4), 'text');
        const c = compareCells(truth, parseReport(r.text, r.syntax).report, flaggedRows(r));
        const w = worse[dir];
        w.runs++;
        w.cells += c.total;
        w.identical += c.identical;
        w.flagged += c.flagged;
        w.differing += c.flagged + c.unflagged;
        w.flags += r.uncertain.filter((u) => u.table).length;
        if (c.unflagged) rows.push(`  扰动（种子 ${seed}）后有 ${c.unflagged} 个不同的格子未标注：\n` + c.examples.map((e) => '    ' + e).join('\n'));
      }
    }
  }
  if (!rows.length) {
    console.log(`在 ${samples} 中没有与 ${docs} 的原文对应的转录（NNN-单位-年度部门预算.jsgk…）`);
    return 0;
  }
  console.log(rows.join('\n'));
  console.log('');
  for (const k of ['pdf', 'text'] as const) {
    const t = total[k];
    console.log(`合计（${k === 'pdf' ? 'PDF' : 'pdftotext 文本'}）：格子 ${t.cells}，相同 ${t.identical}（${pct(t.identical, t.cells)}），不同 ${t.differing}，其中已标注 ${t.flagged}（${pct(t.flagged, t.differing)}）`);
  }
  console.log(`合计（PDF 正文）：原文 ${narrative.truth} 字，相同 ${narrative.same} 字（${pct(narrative.same, narrative.truth)}）`);
  for (const k of ['pdf', 'text'] as const) {
    const w = worse[k];
    console.log(
      `扰动后（${k === 'pdf' ? 'PDF：每个金额左右移动至多 3 个字号' : '文本：每个金额左右移动至多 4 列'}，${w.runs} 次）：格子 ${w.cells}，相同 ${w.identical}（${pct(w.identical, w.cells)}），不同 ${w.differing}，其中已标注 ${w.flagged}（${pct(w.flagged, w.differing)}）；标注 ${w.flags} 行`,
    );
  }
  await speed(realPdfs);
  return 0;
}

/** A constructed 30-page PDF: a table over 30 pages, 28 rows a page, three amount columns. */
function constructedPdf(): Buffer {
  const pages: PlacedText[][] = [];
  for (let p = 0; p < 30; p++) {
    const page: PlacedText[] = [];
    if (p === 0) {
      page.push({ x: 300, y: 560, text: '2026年部门支出预算总表', size: 16 }, { x: 60, y: 535, text: '编制部门：某区某局' }, { x: 760, y: 535, text: '单位：元' });
      page.push({ x: 180, y: 510, text: '项目' }, { x: 560, y: 510, text: '支出预算' }, { x: 200, y: 490, text: '功能分类科目名称' }, { x: 430, y: 490, text: '合计' }, { x: 560, y: 490, text: '基本支出' }, { x: 690, y: 490, text: '项目支出' });
    }
    for (let r = 0; r < 28; r++) {
      const y = 470 - r * 16;
      const code = String(2010101 + p * 100 + r);
      page.push({ x: 62, y, text: code }, { x: 165, y, text: `支出项目${p * 28 + r}` });
      const a = (p * 28 + r) * 100 + 0.5;
      page.push({ x: 500, y, text: (2 * a).toFixed(2), right: true }, { x: 630, y, text: a.toFixed(2), right: true }, { x: 760, y, text: a.toFixed(2), right: true });
    }
    pages.push(page);
  }
  return makePdf(pages);
}

/** The time to import a 30-page PDF, in a fresh process (pdfjs loaded too) and in this one. */
async function speed(realPdfs: string[] | undefined): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jsgk-speed-'));
  const files: Array<[string, string]> = [];
  const built = path.join(tmp, 'constructed-30.pdf');
  fs.writeFileSync(built, constructedPdf());
  files.push(['构造的 30 页 PDF（一张跨 30 页的表，840 行）', built]);
  if (realPdfs && realPdfs.length) {
    // the real documents' pages, put together until there are 30
    const qpdf = spawnSync('qpdf', ['--version'], { encoding: 'utf8' });
    if (qpdf.status === 0) {
      const sorted = [...realPdfs].sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
      const out = path.join(tmp, 'real-30.pdf');
      const r = spawnSync('qpdf', ['--empty', '--pages', sorted[0], '1-z', sorted[1], '1-z', '--', out], { encoding: 'utf8' });
      const cut = path.join(tmp, 'real-30-cut.pdf');
      const r2 = r.status === 0 ? spawnSync('qpdf', [out, '--pages', out, '1-30', '--', cut], { encoding: 'utf8' }) : r;
      if (r2.status === 0) files.push([`真实文档拼成的 30 页 PDF（${path.basename(sorted[0])} 与 ${path.basename(sorted[1])} 的页）`, cut]);
      else console.log(`qpdf 未能拼出 30 页 PDF：${r2.stderr}`);
    } else console.log('没有 qpdf：不测真实文档拼成的 30 页 PDF');
  }
  const entry = path.join(__dirname, '..', 'server', 'src', 'service', 'import', 'index.js');
  for (const [what, file] of files) {
    const script = `const t0=process.hrtime.bigint();const imp=require(${JSON.stringify(entry)});const fs=require('fs');const b=fs.readFileSync(${JSON.stringify(file)});imp.importDocument(new Uint8Array(b),'pdf').then((r)=>{process.stdout.write(JSON.stringify({ms:Number(process.hrtime.bigint()-t0)/1e6,pages:r.pages}));});`;
    const cold = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const c = cold.status === 0 ? (JSON.parse(cold.stdout) as { ms: number; pages: number }) : undefined;
    const bytes = new Uint8Array(fs.readFileSync(file));
    const t0 = process.hrtime.bigint();
    const res = await importDocument(bytes, 'pdf');
    const warm = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`速度：${what}，${res.pages} 页：新进程 ${c ? c.ms.toFixed(0) + ' ms（含载入 pdfjs）' : '失败：' + cold.stderr}，已载入时 ${warm.toFixed(0)} ms（目标：3 秒以内）`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

if (require.main === module) {
  main().then((c) => (process.exitCode = c));
}
