/**
 * The rule engine: runs every registered rule over a report through one context, which records
 * findings, 尾数误差 notes, checked totals, narrative links and coverage, and keeps per-object caches
 * across checks of the same document (an unchanged table is not checked again; what it reported is
 * replayed, moved with its block).
 */
import { Finding, Range, Report, Severity, Table, TablePart, Text } from '../model';
import { Catalogue } from '../kemu';
import { rangeText } from '../text';
import { FindingInput, NarrativeLink, Rule, RuleContext, RuleMeta, TableCoverage, TotalInfo } from './types';
import { ReportRef } from '../workspace/units';
import { allTotals, TotalChunk } from './totals';
import { gridOf } from '../grid';
import * as l10n from '../l10n';

interface Sink {
  /** How many candidates each rule examined (a rule that never examines anything never ran); made when first needed. */
  examined?: Map<string, number>;
  /** Examined by the running rule and not yet added to `examined` (most rules count one row at a time). */
  self: number;
  findings: Finding[];
  /**
   * The checked totals in chunks (tens of thousands per report): a cached table's are replayed as
   * its chunk, not one by one; `open` is the chunk this sink appends to.
   */
  totals: TotalChunk[];
  open?: TotalInfo[];
  links: NarrativeLink[];
  /** `owned`: an entry this sink created (it may count on; a replayed entry is shared with a cache). */
  coverage: Array<{ table: Table; checked: number; missing?: { rule: string; what: string; why: string }; owned?: boolean }>;
}

interface Recorded extends Omit<Sink, 'open'> {
  base: number;
  version: unknown;
}

const newSink = (): Sink => ({ self: 0, findings: [], totals: [], links: [], coverage: [] });

/** What a cached result keeps of an empty list: one shared empty array (most tables have no finding, link or note). */
const NONE: never[] = Object.freeze([]) as never[];
const kept = <T>(xs: T[]): T[] => (xs.length ? xs : NONE);

/** Adds what rule `id` examined and has not yet added. */
function flushSelf(s: Sink, id: string): void {
  if (s.self === 0) return;
  const m = (s.examined ??= new Map());
  m.set(id, (m.get(id) ?? 0) + s.self);
  s.self = 0;
}

/** Copies the ranges of findings into objects of their own (a range shared within a finding stays shared). */
function own(findings: Finding[]): Finding[] {
  if (findings.length === 0) return findings;
  const copies = new Map<Range, Range>();
  const cp = (r: Range) => {
    let c = copies.get(r);
    if (!c) copies.set(r, (c = { start: r.start, end: r.end }));
    return c;
  };
  return findings.map((f) => ({
    ...f,
    range: cp(f.range),
    related: f.related?.map((x) => (x.uri ? x : { ...x, range: cp(x.range) })),
    fixes: f.fixes?.map((fx) => ({ ...fx, edits: fx.edits.map((e) => ({ ...e, range: cp(e.range) })) })),
  }));
}

/** Moves findings whose ranges are their own by delta (after the block they sit in moved). */
export function moveFindings(fs: Finding[], delta: number): void {
  const done = new Set<Range>();
  const mv = (r: Range) => {
    if (done.has(r)) return;
    done.add(r);
    r.start += delta;
    r.end += delta;
  };
  for (const f of fs) {
    mv(f.range);
    for (const x of f.related ?? []) if (!x.uri) mv(x.range);
    for (const fx of f.fixes ?? []) for (const e of fx.edits) mv(e.range);
  }
}

export interface EngineInput {
  uri: string;
  text: string;
  report: Report;
  catalogue: Catalogue;
  edition?: number;
  /** Rules to run (default: all that have a run). */
  rules: readonly Rule[];
  /** The other reports of the workspace, when the shell knows them: rules that need them run only then. */
  others?: readonly ReportRef[];
}

export interface EngineResult {
  findings: Finding[];
  /** Every checked total (every chunk made: see totalChunks). */
  totals: TotalInfo[];
  /** The checked totals as recorded, in the order checked (rules/totals.ts reads a range of them). */
  totalChunks: readonly TotalChunk[];
  links: NarrativeLink[];
  coverage: TableCoverage[];
  /** Rules that threw (a defect): their id and the error; the other rules ran. */
  crashed: Array<{ rule: string; error: string }>;
  /** How many candidates each rule examined (equalities, rows, sentences …). */
  examined: Map<string, number>;
}

/**
 * A value a rule works out once per check of a report and shares across its tables (what tables written
 * alike have in common), kept with the report's model; made again in another message language, since
 * its strings are in it.
 */
export function perCheck<T>(ctx: RuleContext, name: string, make: () => T): T {
  return ctx.memo(ctx.model, `${name}:${l10n.language()}`, make);
}

/**
 * The first part of this check whose rows have the same codes, in the same order, as `part` (`part`
 * itself when it is the first, or when the parser made no grid of its codes): the unit tables of a
 * consolidated report are written alike. Found by the hash of the grid's codes (grid.ts), then compared
 * code by code; once per part and check.
 */
function codeShape(ctx: RuleContext, part: TablePart): TablePart {
  const g = gridOf(part);
  const codes = g?.codes;
  if (!g || !codes) return part;
  const s = perCheck(ctx, 'codes:shapes', () => ({ of: new Map<TablePart, TablePart>(), byHash: new Map<number, TablePart[]>() }));
  const known = s.of.get(part);
  if (known) return known;
  const list = s.byHash.get(g.codesHash);
  const shape = list?.find((x) => sameCodes(gridOf(x)!.codes!, codes)) ?? part;
  if (shape === part) addSeen(s.byHash, part, g.codesHash);
  s.of.set(part, shape);
  return shape;
}

/** Two parts' codes (AmountGrid.codes) equal, row by row. */
export function sameCodes(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A value that depends only on the codes of a part's rows (as row numbers, never as its rows' objects),
 * made once per check for all the parts with the same codes (codeShape).
 */
export function perCodes<T>(ctx: RuleContext, name: string, part: TablePart, make: () => T): T {
  const values = perCheck(ctx, name, () => new Map<TablePart, T>());
  const shape = codeShape(ctx, part);
  if (values.has(shape)) return values.get(shape) as T;
  const v = make();
  values.set(shape, v);
  return v;
}

/**
 * Whether `items` (what a rule reads of table `t`, kept with the table) equal a list in `seen` (what it
 * read of the tables before, by hash): found by hash, then compared with `same`. The list it equalled is
 * kept with the table under `name`, so that a check after an edit elsewhere, with that list still
 * there, compares nothing again (the unit tables of a consolidated report are written alike).
 */
export function seenAlike<T>(ctx: RuleContext, t: Table, name: string, seen: Map<number, T[][]>, items: T[], hash: number, same: (a: T[], b: T[]) => boolean): boolean {
  const list = seen.get(hash);
  if (!list) return false;
  const kept = ctx.memo(t, name, (): { like?: T[] } => ({}));
  const before = kept.like;
  if (before && list.includes(before)) return true;
  // the list it equalled last time was of a table made anew since (an edit in the first of tables written
  // alike): the list found equal to it in this run stands for it, for every table after (each compared once)
  const now = before && (successors.get(seen)?.get(before) as T[] | undefined);
  if (now && list.includes(now)) {
    kept.like = now;
    return true;
  }
  const like = list.find((x) => same(x, items));
  if (like) {
    kept.like = like;
    // `items` are this table's as memoised with `kept` (both kept with the table): equal to `before` then, to `like` now
    if (before) (successors.get(seen) ?? successors.set(seen, new Map()).get(seen)!).set(before, like);
  }
  return like !== undefined;
}

/** Per run of a rule (its `seen` map): which list stands for a list a table equalled in an earlier check (seenAlike). */
const successors = new WeakMap<object, Map<unknown, unknown>>();

/** Adds an item (a part, a table's rows or names) to `seen` under its hash (for seenAlike and codeShape). */
export function addSeen<T>(seen: Map<number, T[]>, item: T, hash: number): void {
  const list = seen.get(hash);
  if (list) list.push(item);
  else seen.set(hash, [item]);
}

/** Memos by object, then by name. */
interface Memos {
  get(key: object): Map<string, unknown> | undefined;
  set(key: object, value: Map<string, unknown>): unknown;
}

/**
 * What a run found. A class, not an object literal with a getter: a getter closing over the run's
 * variables made V8 keep each run's totals — and through them its report — past the run, so that
 * every young-generation collection of the command line copied the reports checked before it
 * (measured: about 80 KB of every report promoted to the old generation, against 2 KB without).
 */
class RuleRun implements EngineResult {
  private all?: TotalInfo[];
  constructor(
    readonly findings: Finding[],
    readonly links: NarrativeLink[],
    readonly coverage: TableCoverage[],
    readonly crashed: Array<{ rule: string; error: string }>,
    readonly examined: Map<string, number>,
    readonly totalChunks: readonly TotalChunk[],
  ) {}
  /** Flattened when first read (tests, the whole list), not at every check. */
  get totals(): TotalInfo[] {
    return (this.all ??= allTotals(this.totalChunks));
  }
}

/** One per language service: caches live as long as the objects of the documents it checks. */
export class RuleEngine {
  /**
   * What each rule recorded for an object (a table, a text), by the rule's slot: one weak entry per
   * object rather than one per object and rule (a large report has thousands of tables and texts, and
   * weak entries cost the garbage collector).
   */
  private caches = new WeakMap<object, Array<Recorded | undefined>>();
  private readonly slots = new Map<string, number>();
  /** What rules memoised per object (ctx.memo): kept while the objects live (a later check reuses them). */
  private readonly memos = new WeakMap<object, Map<string, unknown>>();
  /** Extra data for workspace rules (the other reports), set by the service before a run. */
  extras: Record<string, unknown> = {};

  /**
   * `keep` false: nothing is kept for a later check of the same document (the command line checks
   * each file once): ctx.cached runs its function in place, without recording what it reports.
   */
  constructor(private readonly keep = true) {}

  /** Forgets every cached result (the message language changed). */
  reset(): void {
    this.caches = new WeakMap();
  }

  run(input: EngineInput): EngineResult {
    const out = newSink();
    // nothing kept for a later check (the command line): this run's memos in a plain map, let go with it
    // (weak entries cost the garbage collector, and no later check would read them)
    const memos: Memos = this.keep ? this.memos : new Map<object, Map<string, unknown>>();
    const crashed: EngineResult['crashed'] = [];
    for (const rule of input.rules) {
      if (!rule.run || (rule.meta.workspace && !input.others)) continue;
      const ctx = this.context(input, rule.meta, out, memos);
      try {
        rule.run(ctx);
      } catch (e) {
        crashed.push({ rule: rule.meta.id, error: (e as Error)?.stack ?? String(e) });
      } finally {
        flushSelf(out, rule.meta.id);
      }
    }
    return new RuleRun(out.findings, out.links, coverageOf(out.coverage), crashed, out.examined ?? new Map(), out.totals);
  }

  private context(input: EngineInput, meta: RuleMeta, root: Sink, memos: Memos): RuleContext & { extras: Record<string, unknown> } {
    let sink = root;
    const caches = this.caches;
    const slot = this.slots.get(meta.id) ?? this.slots.set(meta.id, this.slots.size).get(meta.id)!;
    const keep = this.keep;
    const id0 = meta.id;
    const count = (id: string, n: number) => {
      if (id === id0) sink.self += n;
      else {
        const m = (sink.examined ??= new Map());
        m.set(id, (m.get(id) ?? 0) + n);
      }
    };
    const mk = (f: FindingInput, severity: Severity, rounding: boolean): Finding => {
      count(f.rule ?? meta.id, 1);
      const x: Finding = { rule: f.rule ?? meta.id, severity, message: f.message, range: f.range };
      if (rounding) x.rounding = true;
      const text = f.text ?? rangeText(f.range);
      if (text !== undefined) x.text = text;
      if (f.related?.length) x.related = f.related;
      if (f.fixes?.length) x.fixes = f.fixes.map((fx) => (fx.safe === undefined ? { ...fx, safe: meta.fixable === 'safe' } : fx));
      return x;
    };
    const ctx: RuleContext & { extras: Record<string, unknown> } = {
      model: input.report,
      text: input.text,
      uri: input.uri,
      catalogue: input.catalogue,
      edition: input.edition,
      rule: meta,
      others: input.others,
      extras: this.extras,
      report(f) { sink.findings.push(mk(f, f.severity ?? meta.severity, false)); },
      rounding(f) { sink.findings.push(mk(f, 'information', true)); },
      total(t) {
        if (!sink.open) sink.totals.push((sink.open = []));
        sink.open.push(t);
        count(t.rule, 1);
      },
      agreed(within, n, make) {
        if (n <= 0) return;
        sink.totals.push({ within, count: n, make });
        sink.open = undefined;
        count(meta.id, n);
      },
      examined(n = 1, rule) { count(rule ?? meta.id, n); },
      link(l) { sink.links.push(l); },
      checked(table, n = 1) {
        // consecutive equalities of one table count into one entry (a table has thousands)
        const last = sink.coverage[sink.coverage.length - 1];
        if (last && last.table === table && !last.missing && last.owned) last.checked += n;
        else sink.coverage.push({ table, checked: n, owned: true });
      },
      couldNot(table, what, why) { sink.coverage.push({ table, checked: 0, missing: { rule: meta.id, what, why } }); },
      cached(key, fn, version) {
        if (!keep) {
          fn();
          return;
        }
        let recs = caches.get(key);
        if (!recs) caches.set(key, (recs = []));
        let rec = recs[slot];
        const base = key.range.start;
        if (!rec || rec.version !== version) {
          const outer = sink;
          sink = newSink();
          try {
            fn();
          } finally {
            for (const c of sink.coverage) c.owned = false;
            rec = { self: sink.self, examined: sink.examined, findings: kept(own(sink.findings)), totals: kept(sink.totals), links: kept(sink.links), coverage: kept(sink.coverage), base, version };
            sink = outer;
          }
          recs[slot] = rec;
        } else if (rec.base !== base) {
          moveFindings(rec.findings, base - rec.base);
          rec.base = base;
        }
        for (const x of rec.findings) sink.findings.push(x);
        for (const x of rec.totals) sink.totals.push(x);
        sink.open = undefined;
        for (const x of rec.links) sink.links.push(x);
        for (const x of rec.coverage) sink.coverage.push(x);
        if (rec.self) sink.self += rec.self;
        if (rec.examined) for (const [id, n] of rec.examined) count(id, n);
      },
      memo(key, name, fn) {
        let m = memos.get(key);
        if (!m) memos.set(key, (m = new Map()));
        if (!m.has(name)) m.set(name, fn(key));
        return m.get(name) as ReturnType<typeof fn>;
      },
    };
    return ctx;
  }
}

function coverageOf(entries: Sink['coverage']): TableCoverage[] {
  const by = new Map<Table, TableCoverage>();
  for (const e of entries) {
    let c = by.get(e.table);
    if (!c) by.set(e.table, (c = { table: e.table, checked: 0, missing: [] }));
    c.checked += e.checked;
    // the same operand missing for the same rule (one per side or column it would have compared) is said once
    const m = e.missing;
    if (m && !c.missing.some((x) => x.rule === m.rule && x.why === m.why)) c.missing.push(m);
  }
  return [...by.values()].sort((a, b) => a.table.range.start - b.table.range.start);
}

/** A Text's keyed cache entry needs a range: Text has one. (Type helper for rules.) */
export type Cacheable = Table | Text | { range: Range };
