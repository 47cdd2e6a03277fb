/**
 * npm run import:accuracy [-- <samples folder> [<real-documents folder>]]
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
 * flagged, narrative similarity, and the time the import took.
 */
import * as fs from 'fs';
import * as path from 'path';
import { importDocument, importKindOf, ImportResult } from '../server/src/service/import';
import { parseReport, syntaxOf } from '../server/src/service/frontends/report-parser';
import { Report, Section, Text } from '../server/src/service/model';

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
            if (st.examples.length < 8) st.examples.push(`${t.title}${p.name ? ' ' + p.name : ''} / ${r.key || '（无行名）'} / ${c.name}: 原文“${want}” 导入${have === undefined ? (g ? (gr ? '无此列' : '无此行') : '无此表') : `“${have}”`}`);
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

async function main(): Promise<number> {
  const samples = path.resolve(process.argv[2] ?? 'samples');
  const docs = path.resolve(process.argv[3] ?? '/work/shared/real-documents');
  if (!fs.existsSync(docs)) {
    console.log(`没有找到原文文件夹 ${docs}：这台机器上没有真实文档（CI 上就是这样），不统计导入准确率。`);
    return 0;
  }
  if (!fs.existsSync(samples)) {
    console.log(`没有找到转录文件夹 ${samples}`);
    return 2;
  }
  const rows: string[] = [];
  let totalCells = 0;
  let totalIdentical = 0;
  let totalFlagged = 0;
  let totalDiff = 0;
  for (const name of fs.readdirSync(samples).sort()) {
    const m = SAMPLE.exec(name);
    if (!m) continue;
    const base = `${m[1]}${m[2]}年${m[3]}${m[4]}`;
    const truthText = fs.readFileSync(path.join(samples, name), 'utf8');
    const truth = parseReport(truthText, syntaxOf(name)).report;
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
      const unc = new Set(res.uncertain.filter((u) => u.table).map((u) => `${norm(u.table!)}\u0000${norm(u.row ?? '')}`));
      const cs = compareCells(truth, got, unc);
      const gotNarr = narrativeText(got);
      const lcs = lcsLength(truthNarr, gotNarr);
      const recall = truthNarr.length ? lcs / truthNarr.length : 1;
      const precision = gotNarr.length ? lcs / gotNarr.length : 1;
      const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(2) + '%' : '—');
      const diff = cs.flagged + cs.unflagged;
      rows.push(
        `${name} ← ${dir}/${base}${ext}（${res.pages} ${dir === 'xlsx' ? '个工作表' : '页'}，${ms.toFixed(0)} ms）\n` +
          `  格子：共 ${cs.total}，相同 ${cs.identical}（${pct(cs.identical, cs.total)}），不同且已标注 ${cs.flagged}，不同未标注 ${cs.unflagged}（不同者已标注 ${pct(cs.flagged, diff)}）；导入多出的格子 ${cs.extra}\n` +
          `  正文：原文 ${truthNarr.length} 字，导入 ${gotNarr.length} 字，相同 ${lcs} 字（占原文 ${pct(lcs, truthNarr.length)}，占导入 ${pct(lcs, gotNarr.length)}）` +
          (cs.examples.length ? '\n' + cs.examples.map((e) => '    ' + e).join('\n') : ''),
      );
      void recall;
      void precision;
      if (dir !== 'xlsx') {
        totalCells += cs.total;
        totalIdentical += cs.identical;
        totalFlagged += cs.flagged;
        totalDiff += diff;
      }
    }
  }
  if (!rows.length) {
    console.log(`在 ${samples} 中没有与 ${docs} 的原文对应的转录（NNN-单位-年度部门预算.jsgk…）`);
    return 0;
  }
  console.log(rows.join('\n'));
  console.log(`合计（PDF 与文本）：格子 ${totalCells}，相同 ${totalIdentical}（${totalCells ? ((100 * totalIdentical) / totalCells).toFixed(2) : '—'}%），不同 ${totalDiff}，其中已标注 ${totalFlagged}`);
  return 0;
}

if (require.main === module) {
  main().then((c) => (process.exitCode = c));
}
