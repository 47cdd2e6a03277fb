/**
 * Tables from positioned text. A table region (the lines after a title, over one or more pages) is
 * read as: the 编制部门 / 单位 line, the header (cells merged where their text wraps), the body
 * (rows put together by position: a label that wraps onto the next line, or a number printed half a
 * line above its label, belongs to the nearest row that has what it lacks), and the notes under it.
 *
 * Columns come from the header: a column is a header cell with no header cell under it; its name is
 * the path of the cells over it joined with “/”. Header cells over the row labels (项目, 类/款/项 …,
 * see layout.ts) are not columns; two groups of them make a two-sided table, and the cell over a
 * whole side names the side (本年收入 / 本年支出). The body's numbers go to columns in order when a
 * row has one number per column, else by position; a number whose column is not clear is kept where
 * it fits best and flagged.
 */
import { Frag, Line, Source, cx, cy, isAmount } from './geom';
import { defaultSides, isKnownHeader, isLabelHeader, isNoteStart, isRowStart, matchPreparedBy, matchUnit } from './layout';
import { NUMBERING } from '../names';
import { TextColumnsState, assignTextColumns, displayWidth, textHeader } from './textgrid';

export interface ImportedRow {
  key: string;
  cells: string[];
  page: number;
  /** What the importer is not sure of in this row (written as a marker comment). */
  uncertain: string[];
}

export interface ImportedPart {
  name: string;
  columns: string[];
  rows: ImportedRow[];
}

export interface ImportedTable {
  title: string;
  kind?: string;
  page: number;
  preparedBy?: [string, string];
  unit?: '元' | '万元';
  parts: ImportedPart[];
  notes: string[];
  /** Text in the table's region that is not a cell, a header or a note. */
  unplaced: Array<{ page: number; text: string }>;
}

export interface TableRegion {
  title: string;
  kind?: string;
  twoSided: boolean;
  page: number;
  lines: Line[];
}

interface HCell {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  fs: number;
  label: boolean;
  /** The printed pieces (a wrapped cell has several). */
  parts: Frag[];
  /** Its lines lie above and below another header line (pdftotext: a wrapped cell centred in a tall cell). */
  straddles?: boolean;
}

const CODE = /^\d{2,7}$/;

/** A line of the body: a number or a 科目 code, or only labels that start a row (合计, 一、…). */
function isBodyLine(l: Line): boolean {
  if (l.frags.some((f) => isAmount(f.text) && !/^[类款项]$/.test(f.text))) return true;
  const rowLabel = (t: string) => isRowStart(t) || (NUMBERING.test(t) && t.replace(NUMBERING, '').length > 0);
  return rowLabel(l.frags[0].text) && l.frags.every((f) => rowLabel(f.text));
}

function joinText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return /[\x21-\x7e]$/.test(a) && /^[\x21-\x7e]/.test(b) && !/[.．]$/.test(a) ? `${a} ${b}` : a + b;
}

/** Header fragments → cells, joining the lines of a wrapped cell. */
function headerCells(lines: Line[], source: Source): HCell[] {
  const frags = lines.flatMap((l) => l.frags).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const cells: HCell[] = [];
  for (const f of frags) {
    let best: (typeof cells)[number] | undefined;
    let bestD = Infinity;
    if (source !== 'xlsx') {
      const gapMax = source === 'text' ? 2.6 * f.fs : 0.75 * f.fs;
      for (const c of cells) {
        const gap = f.y0 - c.y1;
        if (gap < -0.2 * f.fs || gap > gapMax) continue;
        const centred = Math.abs(cx(f) - cx(c)) < 1.5 * f.fs;
        const inside = f.x0 >= c.x0 - 0.6 * f.fs && f.x1 <= c.x1 + 0.6 * f.fs;
        const leftAligned = Math.abs(f.x0 - c.x0) < 0.5 * f.fs;
        if (!centred && !inside && !leftAligned) continue;
        const joined = joinText(c.text, f.text);
        // a cell the layout data knows (事业收入, 基本支出) is no continuation of the cell above it,
        // unless the two make a known name (事业单位 + 经营收入)
        if (source === 'text' && isKnownHeader(f.text) && !isKnownHeader(joined)) continue;
        // across a line between them (pdftotext puts a cell centred on two lines above and below
        // its row): only when that line has cells on both sides, siblings of the wrapped cell, or
        // for the last character or two of a wrapped cell (机关运行经费预算 / 数), or a known name
        if (gap > 0.75 * f.fs) {
          const mid = frags.filter((g) => g.y0 > c.y1 - 0.1 * f.fs && g.y1 < f.y0 + 0.1 * f.fs);
          const siblings = mid.some((g) => g.x1 < Math.min(c.x0, f.x0)) && mid.some((g) => g.x0 > Math.max(c.x1, f.x1));
          const tail = source === 'text' && [...f.text].length <= 2 && f.x0 >= c.x0 - 0.5 * f.fs && f.x0 <= c.x0 + displayWidth(c.text) * 6;
          if (!siblings && !tail && !(source === 'text' && isKnownHeader(joined))) continue;
        }
        // nothing else printed between them
        if (frags.some((g) => g !== f && !c.parts.includes(g) && g.y0 >= c.y1 - 0.1 * f.fs && g.y1 <= f.y0 + 0.1 * f.fs && g.x1 > Math.max(c.x0, f.x0) && g.x0 < Math.min(c.x1, f.x1))) continue;
        const d = gap + Math.abs(cx(f) - cx(c)) / 10;
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
    }
    if (best) {
      if (f.y0 - best.y1 > 0.75 * f.fs) best.straddles = true;
      best.text = joinText(best.text, f.text);
      best.x0 = Math.min(best.x0, f.x0);
      best.x1 = Math.max(best.x1, f.x1);
      best.y1 = Math.max(best.y1, f.y1);
      best.parts.push(f);
    } else cells.push({ text: f.text, x0: f.x0, x1: f.x1, y0: f.y0, y1: f.y1, fs: f.fs, label: false, parts: [f] });
  }
  for (const c of cells) c.label = isLabelHeader(c.text);
  return cells;
}

interface Side {
  name: string;
  left: number;
  right: number;
  labels: HCell[];
  leaves: HCell[];
  columns: string[];
  labelBoundary: number;
  /** Text input: the display extent of the leaves' header cells on the page being read (none on a page without a header). */
  pageSpans?: Array<[number, number]>;
  /** Text input: why the header's levels are uncertain. */
  headerUncertain?: string;
  /** Text input: where each column's numbers were on the last page. */
  textState?: TextColumnsState;
}

/** The header's geometry: sides, their columns and where the row labels end. */
interface Geometry {
  sides: Side[];
}

function buildGeometry(cells: HCell[], twoSided: boolean, source: Source, bodyFrags: Frag[]): Geometry {
  if (!cells.length) return { sides: [] };
  const allFrags = cells.flatMap((c) => c.parts);
  const fs = Math.max(...cells.map((c) => c.fs));
  const headerBottom = Math.max(...cells.map((c) => c.y1)) + 0.4 * fs;
  const cellTop = (c: HCell) => 2 * cy(c) - headerBottom;
  // the horizontal extent of a cell among the cells of its band
  const extent = (c: HCell, within: HCell[]): [number, number] => {
    const band = within.filter((d) => d.y0 < c.y1 - 0.1 * fs && d.y1 > c.y0 + 0.1 * fs).sort((a, b) => cx(a) - cx(b));
    const i = band.indexOf(c);
    const prev = band[i - 1];
    const next = band[i + 1];
    return [prev ? Math.min(c.x0, (prev.x1 + c.x0) / 2) : -Infinity, next ? Math.max(c.x1, (c.x1 + next.x0) / 2) : Infinity];
  };
  const covers = (p: HCell, l: HCell, within: HCell[]) => {
    if (p === l) return false;
    if (source === 'xlsx') {
      if (!(l.y0 >= p.y1 - 0.1 * fs)) return false;
      return cx(l) > p.x0 && cx(l) < p.x1;
    }
    if (source === 'text' ? l.y0 < p.y1 : cellTop(l) < p.y1 + (l.label ? -0.3 : 0.2) * fs) return false;
    const [a, b] = extent(p, within);
    return cx(l) > a && cx(l) < b;
  };
  // sides: label cells at the left of each side
  const labels = cells.filter((c) => c.label).sort((a, b) => a.x0 - b.x0);
  const values = cells.filter((c) => !c.label);
  const starts: HCell[] = [];
  for (const l of labels) {
    const prevStart = starts[starts.length - 1];
    if (!prevStart) starts.push(l);
    else if (values.some((v) => cx(v) > prevStart.x1 && cx(v) < l.x0 && !labels.some((o) => o !== l && o.y1 <= v.y0 && cx(v) > o.x0 && cx(v) < o.x1))) starts.push(l);
  }
  const splits: number[] = [];
  if (twoSided || starts.length > 1) {
    for (const s of starts.slice(1)) {
      // the side begins where its label column begins: left of the label header and of any body label under it
      const under = bodyFrags.filter((f) => !isAmount(f.text) && f.x0 < s.x1 && f.x1 > s.x0 - 4 * fs && f.x0 > Math.max(...values.filter((v) => cx(v) < s.x0).map((v) => v.x1), -Infinity));
      splits.push(Math.min(s.x0, ...under.map((f) => f.x0)) - 0.3 * fs);
    }
  }
  const bounds = [-Infinity, ...splits, Infinity];
  const sides: Side[] = [];
  const sideNames = splits.length ? defaultSides() : [''];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const left = bounds[i];
    const right = bounds[i + 1];
    const inSide = cells.filter((c) => cx(c) > left && cx(c) < right);
    const sLabels = inSide.filter((c) => c.label);
    const sValues = inSide.filter((c) => !c.label);
    // a cell over the side's label cells names the side (本年收入) or is a caption over the whole table
    // text: only a cell on the header's top line, above every label cell, names the side (a measure
    // such as 预算数 over the columns of one side is a line lower, just above 项目)
    const topLine = Math.min(...cells.map((c) => c.y0));
    const named = sValues.filter((v) => sLabels.some((l) => covers(v, l, inSide)) && (source !== 'text' || (v.y0 <= topLine + 0.5 * fs && sLabels.every((l) => l.y0 >= v.y1 - 0.1 * fs))));
    const vals = sValues.filter((v) => !named.includes(v));
    let leaves: HCell[];
    let columns: string[];
    let pageSpans: Array<[number, number]> | undefined;
    let headerUncertain: string | undefined;
    if (source === 'text') {
      // pdftotext positions: display widths, runs of columns under each upper cell (textgrid.ts)
      const th = textHeader(vals, allFrags);
      leaves = th.leaves as HCell[];
      columns = th.columns;
      pageSpans = th.spans;
      headerUncertain = th.uncertain;
    } else {
      leaves = vals.filter((v) => !vals.some((w) => covers(v, w, inSide))).sort((a, b) => cx(a) - cx(b));
      columns = leaves.map((leaf) => {
        const path = vals.filter((p) => p !== leaf && covers(p, leaf, inSide)).sort((a, b) => a.y0 - b.y0);
        return [...path, leaf].map((c) => c.text).join('/');
      });
    }
    const labelRight = sLabels.length ? Math.max(...sLabels.map((c) => c.x1)) : -Infinity;
    const firstLeaf = leaves[0];
    let labelBoundary: number;
    if (source === 'xlsx') labelBoundary = firstLeaf ? firstLeaf.x0 : Infinity;
    else if (!sLabels.length) labelBoundary = firstLeaf ? firstLeaf.x0 - 1.5 * fs : left;
    else labelBoundary = firstLeaf ? (Math.min(labelRight, firstLeaf.x0) + firstLeaf.x0) / 2 : Infinity;
    let name = splits.length ? sideNames[Math.min(i, 1)] : '';
    if (splits.length && named.length) name = named.sort((a, b) => a.y0 - b.y0)[0].text;
    sides.push({ name, left, right, labels: sLabels, leaves, columns, labelBoundary, pageSpans, headerUncertain });
  }
  return { sides };
}

interface Item {
  y: number;
  page: number;
  labels: Frag[];
  values: Frag[];
  side: number;
}

/** Numbers printed outside their side's columns (a PDF): placed, and flagged. */
const between = new WeakSet<Frag>();

/** Reads a table region. */
export function readTable(region: TableRegion, source: Source): ImportedTable {
  const t: ImportedTable = { title: region.title, kind: region.kind, page: region.page, parts: [], notes: [], unplaced: [] };
  const byPage = new Map<number, Line[]>();
  for (const l of region.lines) {
    const a = byPage.get(l.page);
    if (a) a.push(l);
    else byPage.set(l.page, [l]);
  }
  let geo: Geometry | undefined;
  const parts: ImportedPart[] = [];
  let inNotes = false;
  let first = true;
  for (const [page, lines] of byPage) {
    let i = 0;
    // 编制部门 / 单位 lines
    if (first) {
      while (i < lines.length && !isBodyLine(lines[i])) {
        const l = lines[i];
        const rest: Frag[] = [];
        let meta = false;
        for (const f of l.frags) {
          const u = matchUnit(f.text);
          if (u) {
            t.unit = u;
            meta = true;
          } else rest.push(f);
        }
        const text = rest.map((f) => f.text).join('');
        const pb = matchPreparedBy(text);
        if (pb) {
          t.preparedBy = pb;
          meta = true;
        } else if (meta && rest.length) t.unplaced.push({ page, text });
        if (!meta) break;
        i++;
      }
    }
    const headStart = i;
    while (i < lines.length && !isBodyLine(lines[i]) && !isNoteStart(lines[i].frags[0].text)) i++;
    const headLines = lines.slice(headStart, i);
    const body = lines.slice(i);
    const bodyFrags = body.flatMap((l) => l.frags);
    if (headLines.length) {
      const g = buildGeometry(headerCells(headLines, source), region.twoSided, source, bodyFrags);
      if (!geo || (g.sides.length === geo.sides.length && g.sides.every((s, k) => s.leaves.length === geo!.sides[k].leaves.length))) {
        // a header repeated on a later page: its positions, the first page's names
        if (geo) g.sides.forEach((s, k) => { s.columns = geo!.sides[k].columns; s.name = geo!.sides[k].name; s.textState = geo!.sides[k].textState; s.headerUncertain = geo!.sides[k].headerUncertain; });
        geo = g;
      } else if (!first) {
        for (const l of headLines) t.unplaced.push({ page, text: l.frags.map((f) => f.text).join(' ') });
      } else geo = g;
    }
    if (!geo || !geo.sides.length) geo = { sides: [{ name: '', left: -Infinity, right: Infinity, labels: [], leaves: [], columns: [], labelBoundary: Infinity }] };
    if (first) {
      for (const s of geo.sides) parts.push({ name: s.name, columns: s.columns, rows: [] });
      if (geo.sides.length === 1 && !geo.sides[0].leaves.length && !headLines.length) {
        /* no header at all: rows keep their numbers as cells of unnamed columns (below) */
      }
    }
    first = false;
    // body items per side
    const items: Item[][] = geo.sides.map(() => []);
    const noteLines: Line[] = [];
    for (const l of body) {
      if (inNotes || isNoteStart(l.frags[0].text)) {
        inNotes = true;
        noteLines.push(l);
        continue;
      }
      const lineItems: Item[] = [];
      geo.sides.forEach((s, k) => {
        const fr = l.frags.filter((f) => cx(f) > s.left && cx(f) <= s.right);
        if (!fr.length) return;
        let labels = source === 'text' ? textLabels(fr, s) : fr.filter((f) => (source === 'xlsx' ? cx(f) < s.labelBoundary : cx(f) < s.labelBoundary && !(isAmount(f.text) && !CODE.test(f.text) && f.x1 > s.labelBoundary)));
        // an amount in the label column of the second side is the first side's, printed past its cell
        if (source !== 'xlsx' && k > 0) {
          const firstColumn = source === 'text' ? s.pageSpans?.[0]?.[0] ?? s.leaves[0]?.x0 ?? -Infinity : s.labelBoundary;
          const strays = fr.filter((f) => isAmount(f.text) && !CODE.test(f.text) && (labels.includes(f) || f.x1 < firstColumn));
          if (strays.length) {
            labels = labels.filter((f) => !strays.includes(f));
            for (const f of strays) between.add(f);
            const prev = lineItems.find((it) => it.side === k - 1);
            if (prev) prev.values.push(...strays);
            else lineItems.push({ y: (l.y0 + l.y1) / 2, page, labels: [], values: strays, side: k - 1 });
          }
        }
        const values = fr.filter((f) => !labels.includes(f) && !between.has(f));
        if (labels.length || values.length) lineItems.push({ y: (l.y0 + l.y1) / 2, page, labels, values, side: k });
      });
      for (const it of lineItems) items[it.side].push(it);
    }
    for (const l of noteLines) {
      const text = l.frags.map((f) => f.text).join(' ');
      if (isNoteStart(text) || !t.notes.length) t.notes.push(text);
      else t.notes[t.notes.length - 1] = joinText(t.notes[t.notes.length - 1], text);
    }
    geo.sides.forEach((s, k) => readRows(items[k], s, parts[k], source, page));
    // the header's positions hold for its own page only (pdftotext scales each page on its own)
    for (const s of geo.sides) s.pageSpans = undefined;
  }
  // a one-sided table printed in column groups side by side (the 上海 决算 template's 基本支出决算表:
  // two groups of 科目编码 | 科目名称 | 决算数): one table, the groups one after the other
  if (!region.twoSided && parts.length > 1 && parts.every((p) => p.columns.join('|') === parts[0].columns.join('|'))) {
    parts.splice(0, parts.length, { name: '', columns: parts[0].columns, rows: parts.flatMap((p) => p.rows) });
  }
  // a printed row with no name and no value is not a row (docs/format.md): never written
  for (const p of parts) p.rows = p.rows.filter((r) => r.key || r.cells.some((c) => c.trim()));
  t.parts = parts;
  // unnamed columns for a table without a header
  for (const p of t.parts) {
    const n = Math.max(0, ...p.rows.map((r) => r.cells.length));
    if (p.columns.length < n) {
      for (let c = p.columns.length; c < n; c++) p.columns.push(`列${c + 1}`);
      for (const r of p.rows) if (!r.uncertain.some((u) => u.includes('表头'))) r.uncertain.push('表头未能读出，列名为暂拟');
    }
    for (const r of p.rows) while (r.cells.length < p.columns.length) r.cells.push('');
  }
  return t;
}

/**
 * pdftotext text: a row's label and its numbers by order, not by position (positions move from
 * line to line): the 科目 codes at its start (类 3 digits, then 款 and 项 2 digits each), then its
 * name; the numbers are the amounts after the last piece of the name.
 */
function textLabels(fr: Frag[], side: Side): Frag[] {
  const sorted = [...fr].sort((a, b) => a.x0 - b.x0);
  const labels: Frag[] = [];
  let k = 0;
  const firstLeaf = side.pageSpans?.[0]?.[0] ?? side.leaves[0]?.x0 ?? Infinity;
  while (k < sorted.length && (k === 0 ? /^\d{3}(\d{2}){0,2}$/.test(sorted[k].text) : /^\d{2}$/.test(sorted[k].text) && /^\d{3}$/.test(sorted[0].text)) && sorted[k].x1 < firstLeaf) labels.push(sorted[k++]);
  let lastName = -1;
  for (let j = k; j < sorted.length; j++) if (!isAmount(sorted[j].text)) lastName = j;
  for (let j = k; j <= lastName; j++) labels.push(sorted[j]);
  return labels;
}

function rowKey(labels: Frag[]): string {
  const sorted = [...labels].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  // 科目 codes printed in 类/款/项 columns: digits only, left to right, wherever their line is
  const codeFrags = sorted.filter((f) => CODE.test(f.text)).sort((a, b) => a.x0 - b.x0);
  const codes: string[] = [];
  for (const f of codeFrags) {
    if (codes.length === 0 ? /^\d{3}(\d{2}){0,2}$/.test(f.text) : f.text.length === 2) codes.push(f.text);
    else break;
  }
  const rest = sorted.filter((f) => !codeFrags.slice(0, codes.length).includes(f));
  let name = '';
  for (const f of rest) name = joinText(name, f.text);
  const code = codes.join('');
  return code ? (name ? `${code} ${name}` : code) : name;
}

function startsRow(labels: Frag[]): boolean {
  const first = [...labels].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)[0];
  if (!first) return false;
  return isRowStart(first.text) || (NUMBERING.test(first.text) && first.text.replace(NUMBERING, '').length > 0);
}

function readRows(items: Item[], side: Side, part: ImportedPart, source: Source, page: number): void {
  if (!items.length) return;
  const fs = Math.max(...items.flatMap((it) => [...it.labels, ...it.values]).map((f) => f.fs), 1);
  const anchors = items.filter((it) => it.values.length);
  const loose = items.filter((it) => !it.values.length);
  const tol = source === 'text' ? 1.1 * 16 : source === 'xlsx' ? 0 : 1.05 * fs;
  const extra = new Map<Item, Array<{ item: Item; note?: string }>>();
  const standalone: Item[] = [];
  // labels first go to rows that have numbers but no label, then continue the nearest row's label
  const pending: Item[] = [];
  const bareTol = source === 'text' ? 1.1 * 16 : source === 'xlsx' ? 0 : 1.6 * fs;
  for (const it of loose) {
    const near = anchors.filter((a) => a.page === it.page && Math.abs(a.y - it.y) <= bareTol + 0.01);
    const bare = near.filter((a) => !a.labels.length && !(extra.get(a) ?? []).length).sort((a, b) => Math.abs(a.y - it.y) - Math.abs(b.y - it.y));
    if (bare.length) extra.set(bare[0], [{ item: it }]);
    else pending.push(it);
  }
  for (const it of pending) {
    // a label that starts a row (一、 1. 合计 …) continues no other row
    if (startsRow(it.labels)) {
      standalone.push(it);
      continue;
    }
    const near = anchors.filter((a) => a.page === it.page && Math.abs(a.y - it.y) <= tol + 0.01).sort((a, b) => Math.abs(a.y - it.y) - Math.abs(b.y - it.y));
    if (!near.length) {
      standalone.push(it);
      continue;
    }
    let note: string | undefined;
    if (near.length > 1 && Math.abs(Math.abs(near[0].y - it.y) - Math.abs(near[1].y - it.y)) < 0.15 * fs) note = `“${rowKey(it.labels)}”在两行之间，归入了此行`;
    const l = extra.get(near[0]) ?? [];
    l.push({ item: it, note });
    extra.set(near[0], l);
  }
  if (!anchors.length && source !== 'xlsx') {
    // a table without numbers (a template): a name wrapped above and below its code, centred in a
    // tall cell (其他文化旅游体育与传媒支 / 20799 / 出), is one row with the code
    const codeFirst = (it: Item) => /^\d{3,7}$/.test([...it.labels].sort((a, b) => a.x0 - b.x0)[0]?.text ?? '');
    const heads = standalone.filter((it) => codeFirst(it) || startsRow(it.labels));
    const pieces = standalone.filter((it) => !heads.includes(it));
    for (const it of pieces) {
      const near = heads.filter((h) => h.page === it.page && Math.abs(h.y - it.y) <= 1.6 * fs && codeFirst(h)).sort((a, b) => Math.abs(a.y - it.y) - Math.abs(b.y - it.y))[0];
      if (!near) continue;
      near.labels.push(...it.labels);
      standalone.splice(standalone.indexOf(it), 1);
    }
  }
  if (source === 'text') {
    // per page, by the right edges of the numbers (textgrid.ts)
    side.textState ??= {};
    const assigned = assignTextColumns(anchors.map((a) => a.values), side.columns, side.pageSpans, side.textState);
    const rows: Array<{ y: number; row: ImportedRow }> = [];
    anchors.forEach((a, i) => {
      const parts = [a, ...(extra.get(a) ?? []).map((e) => e.item)];
      const uncertain = [...(extra.get(a) ?? []).map((e) => e.note).filter((x): x is string => !!x), ...assigned[i].uncertain];
      if (side.headerUncertain) uncertain.push(side.headerUncertain);
      rows.push({ y: a.y, row: { key: rowKey(parts.flatMap((p) => p.labels)), cells: assigned[i].cells, page: a.page, uncertain } });
    });
    for (const s of standalone) rows.push({ y: s.y, row: { key: rowKey(s.labels), cells: side.columns.map(() => ''), page: s.page, uncertain: side.headerUncertain ? [side.headerUncertain] : [] } });
    rows.sort((a, b) => a.y - b.y);
    part.rows.push(...rows.map((r) => r.row));
    return;
  }
  const n = side.leaves.length;
  const rights: number[][] = side.leaves.map(() => []);
  for (const a of anchors) if (a.values.length === n) [...a.values].sort((p, q) => p.x1 - q.x1).forEach((v, j) => rights[j].push(v.x1));
  const R = rights.map((l) => (l.length ? l.sort((p, q) => p - q)[Math.floor(l.length / 2)] : undefined));
  const rows: Array<{ y: number; row: ImportedRow }> = [];
  for (const a of anchors) {
    const parts = [a, ...(extra.get(a) ?? []).map((e) => e.item)];
    const uncertain = (extra.get(a) ?? []).map((e) => e.note).filter((x): x is string => !!x);
    const labels = parts.flatMap((p) => p.labels);
    const cells = assignCells(a.values, side, source, fs, uncertain, R);
    rows.push({ y: a.y, row: { key: rowKey(labels), cells, page: a.page, uncertain } });
  }
  for (const s of standalone) rows.push({ y: s.y, row: { key: rowKey(s.labels), cells: side.columns.map(() => ''), page: s.page, uncertain: [] } });
  rows.sort((a, b) => a.y - b.y);
  part.rows.push(...rows.map((r) => r.row));
  void page;
}

/** Numbers of a row → its columns. */
function assignCells(values: Frag[], side: Side, source: Source, fs: number, uncertain: string[], R: Array<number | undefined>): string[] {
  const n = side.leaves.length;
  // numbers are right-aligned: their order is the order of their right edges
  const vals = [...values].sort((a, b) => a.x1 - b.x1);
  if (!n) return vals.map((v) => v.text);
  const cells: string[] = new Array(n).fill('');
  const strayNote = (v: Frag, j: number) => {
    if (between.has(v)) uncertain.push(`“${v.text}”印在另一栏里，放在了“${side.name ? side.name + ' ' : ''}${side.columns[j]}”`);
  };
  if (vals.length === n && source !== 'xlsx') {
    // in order; a number far from where its column's numbers end may have changed places with its neighbour
    vals.forEach((v, i) => {
      cells[i] = v.text;
      if (between.has(v)) strayNote(v, i);
      else if (R[i] !== undefined && Math.abs(v.x1 - R[i]!) > 1.5 * fs) uncertain.push(`“${v.text}”不在“${side.columns[i]}”一列的位置上，按顺序放在了这一列`);
    });
    return cells;
  }
  const leafCx = side.leaves.map((l) => cx(l));
  for (const v of vals) {
    let best = 0;
    let doubt = false;
    if (source === 'xlsx') {
      let bestD = Infinity;
      side.leaves.forEach((leaf, j) => {
        const d = cx(v) > leaf.x0 && cx(v) < leaf.x1 ? 0 : Math.min(Math.abs(cx(v) - leaf.x0), Math.abs(cx(v) - leaf.x1)) + 1;
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      });
      doubt = bestD > 0;
    } else if (isAmount(v.text)) {
      // a number is printed right-aligned in its cell, whose header is centred: its right end lies
      // after the centre of its own header and before the centre of the next one
      best = 0;
      for (let j = 0; j < leafCx.length; j++) if (v.x1 > leafCx[j]) best = j;
      const r = R[best];
      doubt = r !== undefined ? Math.abs(v.x1 - r) > (source === 'text' ? 3 : 1.5) * fs : Math.abs(v.x1 - leafCx[best]) < 0.6 * fs || (best + 1 < leafCx.length && Math.abs(v.x1 - leafCx[best + 1]) < 0.6 * fs);
    } else {
      let bestD = Infinity;
      leafCx.forEach((c, j) => {
        const d = Math.abs(cx(v) - c);
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      });
    }
    if (cells[best]) {
      uncertain.push(`“${v.text}”与“${cells[best]}”落在同一列（${side.columns[best]}）`);
      cells[best] = `${cells[best]} ${v.text}`;
    } else {
      cells[best] = v.text;
      if (between.has(v)) strayNote(v, best);
      else if (doubt) uncertain.push(`“${v.text}”在两列之间，放在了“${side.columns[best]}”`);
    }
  }
  return cells;
}
