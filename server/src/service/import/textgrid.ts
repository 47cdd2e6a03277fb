/**
 * Tables in pdftotext -layout text, where positions are poor: pdftotext writes every character in
 * one column whatever its width (a CJK character is printed about twice as wide as a digit), puts
 * a word where its left edge falls, and scales each page on its own. So, within a page, the left
 * edges of words and the right edges of right-aligned numbers are trustworthy; the right edge of
 * CJK text and anything compared across pages are not.
 *
 * - The header (textHeader): a header cell's width is its display width (CJK = 2 columns). The
 *   lowest cells are the columns; each cell above them covers a run of neighbouring columns: the
 *   run whose middle is nearest to the cell's middle, under the constraints of a header (runs nest;
 *   a column whose top, seen from its vertical centre, lies below the top of the header must be
 *   under some cell). When two readings are almost as good, the header is flagged as uncertain.
 * - The body (assignTextColumns): numbers of a page are grouped by their right edges; a row that
 *   has a number in every column says which group is which column; the other groups are placed
 *   between them, by the header of the page or, on a page without a header, by the right edges
 *   found on the page before. A number whose column is not certain is flagged.
 */
import { Frag } from './geom';

/** One column of text in the units of text.ts (duplicated there: text.ts imports nothing from here). */
const COL = 6;
const PITCH = 16;

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6“”‘’]/;

/** Display width in columns: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

export interface TextCell {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** The printed pieces (a wrapped cell has several). */
  parts: Frag[];
  /** A wrapped cell whose lines lie above and below another header line: centred in a tall cell, a column. */
  straddles?: boolean;
}

export interface TextHeader {
  /** Leaf cells, left to right. */
  leaves: TextCell[];
  /** Display extent of every leaf (x0, x1) and its centre. */
  spans: Array<[number, number]>;
  /** Column names: the cells over a leaf, top first, joined with “/”. */
  columns: string[];
  /** Why the header's levels are not certain, if they are not. */
  uncertain?: string;
}

/** A cell's display extent: from its left edge, as wide as its widest piece, not into the next cell on its line. */
function displaySpan(c: TextCell, all: Frag[]): [number, number] {
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const p of c.parts) {
    let right = p.x0 + displayWidth(p.text) * COL;
    const next = all.filter((f) => f !== p && Math.abs(f.y0 - p.y0) < 0.5 * PITCH && f.x0 > p.x0).sort((a, b) => a.x0 - b.x0)[0];
    if (next) right = Math.min(right, Math.max(p.x1, next.x0 - COL / 2));
    x0 = Math.min(x0, p.x0);
    x1 = Math.max(x1, right);
  }
  return [x0, x1];
}

/**
 * The columns of one side of a text header. `cells` are the value cells of the side (not the
 * label headers, not the side's name); `frags` every header fragment (for display widths).
 */
export function textHeader(cells: TextCell[], frags: Frag[]): TextHeader {
  if (!cells.length) return { leaves: [], spans: [], columns: [] };
  const span = new Map(cells.map((c) => [c, displaySpan(c, frags)] as const));
  const mid = (c: TextCell) => (span.get(c)![0] + span.get(c)![1]) / 2;
  const overlap = (a: TextCell, b: TextCell) => Math.min(span.get(a)![1], span.get(b)![1]) - Math.max(span.get(a)![0], span.get(b)![0]);
  const below = (low: TextCell, high: TextCell) => low.y0 >= high.y1 - 0.1 * PITCH;
  // a cell with a cell under it (on a lower line, overlapping it) is over other columns
  const parents = cells.filter((p) => !p.straddles && cells.some((w) => w !== p && below(w, p) && overlap(w, p) > 0));
  const leaves = cells.filter((c) => !parents.includes(c)).sort((a, b) => mid(a) - mid(b));
  const spans = leaves.map((l) => span.get(l)!);
  if (!parents.length) return { leaves, spans, columns: leaves.map((l) => l.text) };
  const top = Math.min(...cells.map((c) => c.y0));
  const bottom = Math.max(...cells.map((c) => c.y1)) + 0.3 * PITCH;
  // a cell is centred between its top and the bottom of the header: where its top is
  const cellTop = (c: TextCell) => c.y0 + c.y1 - bottom;
  const must = leaves.map((l) => cellTop(l) > top + 0.5 * PITCH);
  // parents from the lowest up; each covers a run of units (leaves or parents already placed)
  const order = [...parents].sort((a, b) => b.y0 - a.y0 || mid(a) - mid(b));
  interface Unit { first: number; last: number; node: TextCell | number }
  let best: { cost: number; cover: Map<TextCell, Unit[]> } | undefined;
  const leavesOfUnit = (u: Unit): number[] => {
    const out: number[] = [];
    for (let i = u.first; i <= u.last; i++) out.push(i);
    return out;
  };
  let second = Infinity;
  const n = leaves.length;
  const search = (k: number, roots: Unit[], cost: number, cover: Map<TextCell, Unit[]>) => {
    if (best && cost >= second && cost >= best.cost) return;
    if (k === order.length) {
      // a column's top lies under the cell just over it (a column two levels under its only parent
      // skipped a level), and a column under no cell reaches the top of the header
      let total = cost;
      const lowest = new Map<number, TextCell>();
      for (const p of order) for (const u of cover.get(p) ?? []) for (const i of leavesOfUnit(u)) if (!lowest.has(i)) lowest.set(i, p);
      leaves.forEach((l, i) => {
        const p = lowest.get(i);
        if (!p) total += must[i] ? 100 : 0;
        else total += 3 * Math.max(0, (cellTop(l) - p.y1) / PITCH - 2.5);
      });
      if (!best || total < best.cost) {
        if (best) second = Math.min(second, best.cost);
        best = { cost: total, cover: new Map(cover) };
      } else second = Math.min(second, total);
      return;
    }
    const p = order[k];
    const eligible = (u: Unit) => (typeof u.node === 'number' ? cellTop(leaves[u.node]) >= p.y1 - 0.9 * PITCH : below(u.node, p));
    const sorted = [...roots].sort((a, b) => a.first - b.first);
    const options: Array<{ from: number; to: number; cost: number }> = [];
    for (let i = 0; i < sorted.length; i++) {
      if (!eligible(sorted[i])) continue;
      for (let j = i; j < sorted.length && eligible(sorted[j]); j++) {
        const count = j - i + 1;
        if (count < 2 && !(i === j && sorted[i].last > sorted[i].first)) continue;
        const centre = (spans[sorted[i].first][0] + spans[sorted[j].last][1]) / 2;
        const sx0 = spans[sorted[i].first][0];
        const sx1 = spans[sorted[j].last][1];
        // the cell lies over its columns
        if (span.get(p)![1] < sx0 || span.get(p)![0] > sx1) continue;
        options.push({ from: i, to: j, cost: Math.abs(centre - mid(p)) / COL + (count < 2 ? 3 : 0) });
      }
    }
    if (!options.length) {
      search(k + 1, roots, cost + 50, cover);
      return;
    }
    options.sort((a, b) => a.cost - b.cost);
    for (const o of options) {
      const taken = sorted.slice(o.from, o.to + 1);
      const unit: Unit = { first: taken[0].first, last: taken[taken.length - 1].last, node: p };
      cover.set(p, taken);
      search(k + 1, [...sorted.slice(0, o.from), unit, ...sorted.slice(o.to + 1)], cost + o.cost, cover);
      cover.delete(p);
    }
  };
  if (order.length <= 6 && n <= 24) search(0, leaves.map((_, i) => ({ first: i, last: i, node: i })), 0, new Map());
  const names = leaves.map((l) => [l.text]);
  if (best) {
    const b: { cost: number; cover: Map<TextCell, Unit[]> } = best;
    // lowest parent first, each in front of what is already there: the names end up top first
    const leavesOf = (u: Unit): number[] => (typeof u.node === 'number' ? [u.node] : b.cover.get(u.node)!.flatMap(leavesOf));
    for (const p of order) {
      const units = b.cover.get(p);
      if (!units) continue;
      for (const i of units.flatMap(leavesOf)) names[i].unshift(p.text);
    }
  }
  const columns = leaves.map((_, i) => names[i].join('/'));
  let uncertain: string | undefined;
  if (!best || best.cost >= 50) uncertain = '表头的层次未能读出';
  else if (second - best.cost < 1) uncertain = '表头的层次不能确定（上层表头可能跨的列不止一种读法）';
  return { leaves, spans, columns, uncertain };
}

/** What a side remembers from one page to the next, in the coordinates of the last page read. */
export interface TextColumnsState {
  /** Per column: the right edge of its numbers, where they were seen. */
  rights?: Array<number | undefined>;
  /** Per column: where its numbers' right edge can be (after the middle of its header, before the next one's). */
  ranges?: Array<[number, number]>;
}

export interface TextRowCells {
  cells: string[];
  uncertain: string[];
}

interface Group {
  members: Array<{ v: Frag; r: number }>;
  right: number;
  /** The column by the rows that have a number in every column. */
  voted?: number;
  leaf?: number;
  sure: boolean;
}

/** The increasing maps of m groups into n columns (each group its own column), at most `limit`. */
function* placements(m: number, n: number, fixed: Array<number | undefined>, limit = 20000): Generator<number[]> {
  const cur: number[] = [];
  let count = 0;
  function* rec(k: number, from: number): Generator<number[]> {
    if (count >= limit) return;
    if (k === m) {
      count++;
      yield [...cur];
      return;
    }
    for (let j = from; j <= n - (m - k); j++) {
      if (fixed[k] !== undefined && fixed[k] !== j) continue;
      cur.push(j);
      yield* rec(k + 1, j + 1);
      cur.pop();
    }
  }
  yield* rec(0, 0);
}

/**
 * The numbers of the rows of one side of one page → cells. `spans` is the page's own header (the
 * display extent of every column's header cell), undefined on a page without a header. `names` are
 * the column names (for messages).
 */
export function assignTextColumns(rows: Frag[][], names: string[], spans: Array<[number, number]> | undefined, state: TextColumnsState): TextRowCells[] {
  const n = names.length;
  const out: TextRowCells[] = rows.map(() => ({ cells: new Array(n).fill(''), uncertain: [] }));
  if (!n) return rows.map((vals) => ({ cells: vals.map((v) => v.text), uncertain: [] }));
  // groups of right edges (pdftotext moves a number by a column or two at most within a page)
  const all = rows.flatMap((vals, r) => vals.map((v) => ({ v, r }))).sort((a, b) => a.v.x1 - b.v.x1);
  let groups: Group[] = [];
  for (const m of all) {
    const g = groups[groups.length - 1];
    if (g && m.v.x1 - g.members[g.members.length - 1].v.x1 <= 2.5 * COL) g.members.push(m);
    else groups.push({ members: [m], right: 0, sure: false });
  }
  const median = (g: Group) => {
    const xs = g.members.map((m) => m.v.x1).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)];
  };
  // one column's numbers split in two groups (moved by a column or two): neighbours close by that
  // never share a row are one group
  for (let i = 0; i + 1 < groups.length; ) {
    const a = groups[i];
    const b = groups[i + 1];
    const rowsA = new Set(a.members.map((m) => m.r));
    if (median(b) - median(a) <= 4.5 * COL && !b.members.some((m) => rowsA.has(m.r))) {
      groups.splice(i, 2, { members: [...a.members, ...b.members], right: 0, sure: false });
    } else i++;
  }
  // rows with a number in every column say which group is which column
  const inFull = new Set(rows.filter((vals) => vals.length === n).flat());
  // more groups than columns: the smaller of the two nearest groups joins the other; its numbers
  // (between two columns) are not sure
  const stray = new Set<Frag>();
  while (groups.length > n) {
    let k = 0;
    for (let i = 1; i + 1 < groups.length; i++) if (median(groups[i + 1]) - median(groups[i]) < median(groups[k + 1]) - median(groups[k])) k = i;
    const weight = (g: Group) => g.members.filter((m) => inFull.has(m.v)).length * 1000 + g.members.length;
    const [keep, drop] = weight(groups[k]) >= weight(groups[k + 1]) ? [groups[k], groups[k + 1]] : [groups[k + 1], groups[k]];
    for (const m of drop.members) stray.add(m.v);
    groups = [...groups.slice(0, k), { members: [...keep.members, ...drop.members], right: median(keep), sure: false }, ...groups.slice(k + 2)];
  }
  for (const g of groups) g.right = median({ ...g, members: g.members.filter((m) => !stray.has(m.v)) });
  const groupOf = new Map<Frag, number>();
  groups.forEach((g, i) => g.members.forEach((m) => groupOf.set(m.v, i)));
  const votes = groups.map(() => new Map<number, number>());
  for (const vals of rows) {
    if (vals.length !== n) continue;
    [...vals].sort((a, b) => a.x1 - b.x1).forEach((v, j) => {
      const vm = votes[groupOf.get(v)!];
      vm.set(j, (vm.get(j) ?? 0) + 1);
    });
  }
  let last = -1;
  groups.forEach((g, i) => {
    if (!votes[i].size) return;
    const [leaf] = [...votes[i].entries()].sort((a, b) => b[1] - a[1])[0];
    if (leaf > last && votes[i].size === 1) g.voted = last = leaf;
  });
  // where each column's numbers can be on this page: the header of the page, or what the page
  // before showed, moved by the shift that fits best (pdftotext scales each page on its own)
  const ranges: Array<[number, number]> | undefined = spans
    ? spans.map((sp, j) => [(sp[0] + sp[1]) / 2, j + 1 < n ? (spans[j + 1][0] + spans[j + 1][1]) / 2 : Infinity])
    : state.ranges;
  const rights = spans ? undefined : state.rights;
  const costOf = (right: number, j: number, shift: number): number => {
    const x = right - shift;
    const r = rights?.[j];
    if (r !== undefined) return Math.abs(x - r) / COL;
    const rg = ranges?.[j];
    if (!rg) return 2;
    return (x < rg[0] ? (rg[0] - x) / COL : x > rg[1] ? (x - rg[1]) / COL : 0) + 0.5;
  };
  const evaluate = (pl: number[]): { cost: number; shift: number; each: number[] } => {
    let shift = 0;
    if (!spans) {
      const d = pl.map((j, k) => (rights?.[j] !== undefined ? groups[k].right - rights[j]! : undefined)).filter((x): x is number => x !== undefined).sort((a, b) => a - b);
      shift = d.length ? d[Math.floor(d.length / 2)] : 0;
    }
    const each = pl.map((j, k) => costOf(groups[k].right, j, shift));
    return { cost: each.reduce((a, b) => a + b, 0) + (spans ? 0 : (0.3 * Math.abs(shift)) / COL), shift, each };
  };
  const fixed = groups.map((g) => g.voted);
  const tried: Array<{ pl: number[]; cost: number; shift: number; each: number[] }> = [];
  for (const pl of placements(groups.length, n, fixed)) tried.push({ pl, ...evaluate(pl) });
  if (!tried.length) for (const pl of placements(groups.length, n, groups.map(() => undefined))) tried.push({ pl, ...evaluate(pl) });
  tried.sort((a, b) => a.cost - b.cost);
  const best = tried[0];
  const known = !!spans || !!rights || !!ranges;
  groups.forEach((g, k) => {
    g.leaf = best.pl[k];
    // sure: the rows with every column said so, or there is one way only, or every placement
    // nearly as good puts the group in the same column, which fits
    const rivals = tried.filter((t) => t !== best && t.cost < best.cost + 2 && t.pl[k] !== best.pl[k]);
    // and a group whose right edges spread over more than a few columns is no clear column
    const xs = g.members.filter((m) => !stray.has(m.v)).map((m) => m.v.x1);
    const tight = !xs.length || Math.max(...xs) - Math.min(...xs) <= 3.5 * COL;
    g.sure = tight && (g.voted !== undefined || (known && (tried.length === 1 || (rivals.length === 0 && best.each[k] <= 2))));
  });
  // remember where each column's numbers are, for the next page
  const newRights: Array<number | undefined> = names.map((_, j) => (rights?.[j] !== undefined ? rights[j]! + best.shift : undefined));
  for (const g of groups) if (g.sure) newRights[g.leaf!] = g.right;
  state.rights = newRights;
  state.ranges = ranges?.map(([a, b]) => [a + best.shift, b + best.shift]);
  // the cells
  rows.forEach((vals, r) => {
    const o = out[r];
    const full = vals.length === n;
    [...vals].sort((a, b) => a.x1 - b.x1).forEach((v, k) => {
      const g = groups[groupOf.get(v)!];
      const leaf = full ? k : g.leaf!;
      if (o.cells[leaf]) {
        o.uncertain.push(`“${v.text}”与“${o.cells[leaf]}”落在同一列（${names[leaf]}）`);
        o.cells[leaf] = `${o.cells[leaf]} ${v.text}`;
        return;
      }
      o.cells[leaf] = v.text;
      // away from where the other numbers of its column end: not sure either
      const away = Math.abs(v.x1 - g.right) > 2.5 * COL;
      if (full ? away && g.leaf !== k : !g.sure || stray.has(v) || away) o.uncertain.push(`“${v.text}”的列不能确定，放在了“${names[leaf]}”`);
    });
  });
  return out;
}
