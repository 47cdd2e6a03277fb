/**
 * Consistency checks of the tables (表内 and 表间 勾稽关系). Each equality is a small named rule;
 * the equalities between standard tables are data (data/rules.json), the hierarchy of 科目 codes
 * (类 = Σ 款, 款 = Σ 项; 301 = Σ 301xx) and 合计 = Σ 类 are generic.
 *
 * Every check compares a stated total with the sum of its parts by the interval rule
 * (rounding.ts): a real discrepancy is an error under the rule's id; a difference that rounding
 * can explain is an information under the id `rounding`.
 */
import { Decimal } from '../decimal';
import { Cell, Finding, PerfEval, Range, Report, Row, Table, TablePart } from '../model';
import { compareSum, formatLike, Verdict } from './rounding';
import rules from '../data/rules.json';

/** A total that was checked: what the editor shows next to it (Σ 335.57 ✓) and how it was computed. */
export interface TotalInfo {
  rule: string;
  range: Range;
  label: string;
  stated: Decimal;
  computed: Decimal;
  verdict: Verdict;
  parts: Array<{ label: string; raw: string; range: Range }>;
}

export interface TableCheckResult {
  findings: Finding[];
  totals: TotalInfo[];
}

interface Ref {
  cell: Cell;
  label: string;
}

const NUMBERING = /^[ \u3000]*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d))[ \u3000]*/;

/** Row names compare after numbering, spaces and quote/bracket styles are removed. */
export function normName(s: string): string {
  return s.replace(NUMBERING, '').replace(/[ \u3000]/g, '').replace(/[“”"＂]/g, '"').replace(/\(/g, '（').replace(/\)/g, '）');
}

function hasNumbering(r: Row): boolean {
  return NUMBERING.test(r.name);
}

function alternatives(spec: string): string[] {
  return spec.split('|').map(normName);
}

function findRowIn(part: TablePart, spec: string, opts: { numbered?: boolean; from?: number } = {}): Row | undefined {
  const names = alternatives(spec);
  const rows = part.rows.slice(opts.from ?? 0);
  const ok = (r: Row) => (opts.numbered ? hasNumbering(r) : true);
  return rows.find((r) => ok(r) && r.code === spec) ?? rows.find((r) => ok(r) && names.includes(normName(r.name)));
}

function colIndex(part: TablePart, spec: string): number {
  for (const alt of spec.split('|')) {
    const i = part.columns.findIndex((c) => c.name === alt);
    if (i >= 0) return i;
    const j = part.columns.findIndex((c) => c.path[c.path.length - 1] === alt);
    if (j >= 0) return j;
  }
  return -1;
}

function getPart(t: Table, name?: string): TablePart | undefined {
  return name ? t.parts.find((p) => p.name === name) : t.parts.find((p) => p.name === '') ?? t.parts[0];
}

function tablesOfKind(report: Report, kinds: string[]): Table[] {
  return report.tables.filter((t) => t.kind && kinds.includes(t.kind));
}

const usable = (c: Cell | undefined): c is Cell => !!c && (c.kind === 'amount' || c.kind === 'number' || c.kind === 'percent') && !!c.value;
const isEmpty = (c: Cell | undefined) => !c || c.kind === 'empty';

function rowLabel(r: Row): string {
  return r.code ? `${r.code} ${r.name}` : r.name;
}

function cellLabel(t: Table, part: TablePart, r: Row, col: number, withTable: boolean): string {
  const cname = part.columns[col]?.name ?? '';
  const amountCols = part.columns.filter((c) => c.kind === 'amount').length;
  const colText = amountCols > 1 ? `（${cname}）` : '';
  const tbl = withTable ? `${t.number?.value ?? t.title}${part.name ? ' ' + part.name : ''} ` : '';
  return `${tbl}${rowLabel(r)}${colText}`;
}

export class TableChecker {
  readonly findings: Finding[] = [];
  readonly totals: TotalInfo[] = [];

  constructor(private readonly report: Report) {}

  run(): TableCheckResult {
    for (const t of this.report.tables) {
      for (const part of t.parts) {
        this.hierarchy(t, part);
        this.grandTotal(t, part);
      }
    }
    this.rowRules();
    this.columnRules();
    this.crossRules();
    for (const p of this.report.perf) this.perf(p);
    return { findings: this.findings, totals: this.totals };
  }

  /** Compares a stated total with its parts and records the finding and the computation. */
  check(rule: string, total: Ref, parts: Ref[], what: string): void {
    if (!usable(total.cell)) return;
    if (parts.some((p) => !usable(p.cell) && !isEmpty(p.cell))) return; // an unreadable part was reported already
    if (parts.length === 0) return;
    const values = parts.map((p) => (usable(p.cell) ? p.cell.value : undefined));
    // 分值/得分 are exact points, not rounded amounts: no rounding tolerance for them.
    const cmp = compareSum(total.cell.value!, values, total.cell.kind === 'number');
    const maxScale = Math.max(total.cell.value!.scale, ...values.map((v) => v?.scale ?? 0));
    const computedText = cmp.computed.rescale(maxScale).toString();
    this.totals.push({
      rule, range: total.cell.range, label: total.label, stated: total.cell.value!, computed: cmp.computed, verdict: cmp.verdict,
      parts: parts.map((p) => ({ label: p.label, raw: p.cell.raw, range: p.cell.range })),
    });
    if (cmp.verdict === 'ok') return;
    const diff = cmp.diff.abs().rescale(maxScale).toString();
    // Lead to the parts that carry a value; a long list of zeros helps nobody in the Problems panel.
    const relevant = parts.length > 6 ? parts.filter((p) => !usable(p.cell) || !p.cell.value!.isZero()) : parts;
    const related = relevant.slice(0, 30).map((p) => ({ range: p.cell.range, message: `${p.label}：${p.cell.raw || '（空）'}` }));
    if (cmp.verdict === 'error') {
      const fixed = formatLike(cmp.computed, total.cell);
      this.findings.push({
        rule, severity: 'error', range: total.cell.range, related,
        message: `${total.label} ${total.cell.raw} ≠ ${what} ${computedText}（差 ${diff}）`,
        fixes: [{ title: `将${total.label}改为 ${fixed}`, edits: [{ range: total.cell.range, newText: fixed }] }],
      });
    } else {
      this.findings.push({
        rule: 'rounding', severity: 'information', range: total.cell.range, related,
        message: `${total.label} ${total.cell.raw} ≠ ${what} ${computedText}（差 ${diff}，在舍入误差 ±${cmp.tolerance.toString()} 以内，可能为尾数误差）［${rule}］`,
      });
    }
  }

  /** 类 = Σ 款, 款 = Σ 项 (and 301 = Σ 301xx): wherever the children are listed. */
  hierarchy(t: Table, part: TablePart): void {
    const coded = part.rows.filter((r) => r.code);
    if (coded.length < 2) return;
    for (const r of coded) {
      const c = r.code!;
      const below = coded.filter((x) => x !== r && x.code!.length > c.length && x.code!.startsWith(c));
      if (below.length === 0) continue;
      const len = Math.min(...below.map((x) => x.code!.length));
      const children = below.filter((x) => x.code!.length === len);
      const what = r.level === '类' && len === 5 ? '其下各款之和' : r.level === '款' && len === 7 ? '其下各项之和' : '其下各科目之和';
      part.columns.forEach((col, i) => {
        if (col.kind !== 'amount') return;
        this.check('sum.children', { cell: r.cells[i], label: cellLabel(t, part, r, i, false) },
          children.map((x) => ({ cell: x.cells[i], label: cellLabel(t, part, x, i, false) })), what);
      });
    }
  }

  /** 合计 / 总计 = Σ of the top-level 科目 rows, in a table keyed by codes. */
  grandTotal(t: Table, part: TablePart): void {
    const coded = part.rows.filter((r) => r.code);
    if (coded.length === 0) return;
    const top = Math.min(...coded.map((r) => r.code!.length));
    const tops = coded.filter((r) => r.code!.length === top);
    for (const r of part.rows) {
      if (r.code || !/^(合计|总计)$/.test(normName(r.name))) continue;
      part.columns.forEach((col, i) => {
        if (col.kind !== 'amount') return;
        this.check('sum.total', { cell: r.cells[i], label: cellLabel(t, part, r, i, false) },
          tops.map((x) => ({ cell: x.cells[i], label: cellLabel(t, part, x, i, false) })), '各类之和');
      });
    }
  }

  rowRules(): void {
    for (const rr of rules.rowRules as Array<{ id: string; tables: string[]; part?: string; total: string; parts: string[] | { numbered: boolean }; optional?: boolean; after?: boolean }>) {
      for (const t of tablesOfKind(this.report, rr.tables)) {
        const part = getPart(t, rr.part);
        if (!part) continue;
        const total = findRowIn(part, rr.total);
        if (!total) continue;
        const ti = part.rows.indexOf(total);
        let partRows: Row[] = [];
        if (Array.isArray(rr.parts)) {
          let missing = false;
          for (const spec of rr.parts) {
            const r = findRowIn(part, spec, { from: rr.after ? ti + 1 : 0 });
            if (r && r !== total) partRows.push(r);
            else missing = true;
          }
          if (missing && !rr.optional) continue;
        } else {
          partRows = part.rows.slice(0, ti).filter((r) => hasNumbering(r) && !r.code);
        }
        if (partRows.length === 0) continue;
        part.columns.forEach((col, i) => {
          if (col.kind !== 'amount') return;
          this.check(rr.id, { cell: total.cells[i], label: cellLabel(t, part, total, i, false) },
            partRows.map((x) => ({ cell: x.cells[i], label: cellLabel(t, part, x, i, false) })), '各项之和');
        });
      }
    }
  }

  columnRules(): void {
    for (const cr of rules.columnRules as Array<{ id: string; tables: string[]; part?: string; total: string; parts: string[]; optional?: boolean }>) {
      for (const t of tablesOfKind(this.report, cr.tables)) {
        const part = getPart(t, cr.part);
        if (!part) continue;
        const ti = colIndex(part, cr.total);
        if (ti < 0) continue;
        const pis = cr.parts.map((p) => colIndex(part, p));
        if (pis.some((i) => i < 0) && !cr.optional) continue;
        const present = pis.filter((i) => i >= 0);
        if (present.length === 0) continue;
        const short = (i: number) => {
          const path = part.columns[i].path;
          const leaf = path[path.length - 1];
          return /^(小计|合计)$/.test(leaf) && path.length > 1 ? path[path.length - 2] : leaf;
        };
        const names = present.map(short).join(' + ');
        for (const r of part.rows) {
          this.check(cr.id, { cell: r.cells[ti], label: `${rowLabel(r)}（${part.columns[ti].name}）` },
            present.map((i) => ({ cell: r.cells[i], label: `${rowLabel(r)}（${part.columns[i].name}）` })), names);
        }
      }
    }
  }

  crossRules(): void {
    type Side = { table: string; part?: string; row?: string; rows?: string[]; column: string; numbered?: boolean };
    for (const xr of rules.crossRules as Array<{ id: string; a: Side; b: Side }>) {
      const ta = tablesOfKind(this.report, [xr.a.table])[0];
      const tb = tablesOfKind(this.report, [xr.b.table])[0];
      if (!ta || !tb) continue;
      const pa = getPart(ta, xr.a.part);
      const pb = getPart(tb, xr.b.part);
      if (!pa || !pb) continue;
      const ca = colIndex(pa, xr.a.column);
      const cb = colIndex(pb, xr.b.column);
      if (ca < 0 || cb < 0) continue;
      const ref = (t: Table, p: TablePart, r: Row, c: number): Ref => ({ cell: r.cells[c], label: cellLabel(t, p, r, c, true) });
      const what = `${ta.number?.value ?? ta.title}`;
      if (xr.a.row === '*类') {
        // every expenditure 类 of table a against the same 类 (by name) in table b
        const classes = pa.rows.filter((r) => r.level === '类');
        if (classes.length === 0) continue;
        const bRows = pb.rows.filter((r) => (r.code ? r.level === '类' : hasNumbering(r)));
        for (const br of bRows) {
          const ar = classes.find((x) => normName(x.name) === normName(br.name));
          const bc = br.cells[cb];
          if (ar) this.check(xr.id, ref(tb, pb, br, cb), [ref(ta, pa, ar, ca)], `${what}中同类的数`);
          else if (usable(bc) && !bc.value!.isZero()) {
            this.findings.push({
              rule: xr.id, severity: 'error', range: bc.range,
              message: `${cellLabel(tb, pb, br, cb, true)} 为 ${bc.raw}，但${what}中没有“${normName(br.name)}”这一类（应为 0 或在${what}中列出）`,
            });
          }
        }
        continue;
      }
      const br = findRowIn(pb, xr.b.row ?? '', { numbered: xr.b.numbered });
      if (!br) continue;
      const aRows = (xr.a.rows ?? [xr.a.row ?? '']).map((s) => findRowIn(pa, s, { numbered: xr.a.numbered }));
      if (aRows.some((r) => !r)) continue;
      this.check(xr.id, ref(tb, pb, br, cb), (aRows as Row[]).map((r) => ref(ta, pa, r, ca)), aRows.length > 1 ? `${what}中${aRows.map((r) => r!.name).join(' + ')}` : `${what}中的数`);
    }
  }

  /** 项目支出绩效自评表: 资金 总额 = Σ 其余各行; 合计 = 资金分值/得分 + Σ 指标分值/得分; 得分 ≤ 分值. */
  perf(p: PerfEval): void {
    const f = p.funds;
    if (f && f.rows.length > 1) {
      const [first, ...rest] = f.rows;
      f.columns.forEach((col, i) => {
        if (col.kind !== 'amount') return;
        this.check('perf.funds', { cell: first.cells[i], label: `${first.name}（${col.name}）` }, rest.map((r) => ({ cell: r.cells[i], label: `${r.name}（${col.name}）` })), '各项资金之和');
      });
    }
    const wi = f ? f.columns.findIndex((c) => /^(分值|权重)$/.test(c.name)) : -1;
    const si = f ? f.columns.findIndex((c) => c.name === '得分') : -1;
    const fundsRow = f?.rows[0];
    for (const [total, idx, pick, name] of [[p.totalWeight, wi, 'weight', '分值'], [p.totalScore, si, 'score', '得分']] as const) {
      if (!total || !usable(total) || p.indicators.length === 0) continue;
      const parts: Ref[] = p.indicators.map((x) => ({ cell: x[pick] ?? { kind: 'empty', raw: '', range: x.range }, label: `${x.level3}（${name}）` }));
      if (fundsRow && idx >= 0) parts.unshift({ cell: fundsRow.cells[idx], label: `${fundsRow.name}（${name}）` });
      this.check('perf.total', { cell: total, label: `合计（${name}）` }, parts, `资金与各指标${name}之和`);
    }
    for (const x of p.indicators) {
      if (usable(x.score) && usable(x.weight) && x.score.value!.cmp(x.weight.value!) > 0) {
        this.findings.push({
          rule: 'perf.score', severity: 'error', range: x.score.range,
          message: `指标“${x.level3}”得分 ${x.score.raw} 超过其分值 ${x.weight.raw}`,
          related: [{ range: x.weight.range, message: `分值：${x.weight.raw}` }],
        });
      }
    }
  }
}

export function checkTables(report: Report): TableCheckResult {
  return new TableChecker(report).run();
}
