/**
 * Rules, in the manner of ESLint's: each rule is a module exporting its metadata (id, group, default
 * severity, whether and how it fixes, its messages with their English, a one-line description and
 * an example) and `run(ctx)`. The registry (registry.ts) lists them; the context (context.ts) gives
 * a rule the report, the settings, a per-object cache and one way to report a finding, a rounding
 * note, a checked total, or that it could not run (coverage).
 */
import { Cell, Fix, Range, RelatedInfo, Report, Severity, Table, Text } from '../model';
import { Catalogue } from '../kemu';
import { Decimal } from '../decimal';
import { Verdict } from './rounding';
import { ReportRef } from '../workspace/units';

export type RuleGroup = 'format' | 'tables' | 'perf' | 'narrative' | 'glossary' | 'kemu' | 'units' | 'annotations';

export interface RuleMeta {
  id: string;
  group: RuleGroup;
  /** Severity of its findings unless the settings say otherwise (its 尾数误差 notes follow jsgk.rounding). */
  severity: Severity;
  /**
   * 'safe': its fixes change no number the user typed (they may go into 修正全部);
   * 'number': its fixes replace a typed number (a total, a rate): offered on the finding only.
   */
  fixable?: 'safe' | 'number';
  /** One line, 简体中文, and its English. */
  description: string;
  descriptionEn: string;
  /** What it catches, as a reader would see it. */
  example: string;
  /** The messages it writes (简体中文 → English); l10n takes them from here. */
  messages: Record<string, string>;
  /** Findings made by the front ends while parsing (the rule has no run of its own). */
  parse?: boolean;
  /** Needs other reports (the 部门 against its 单位): runs only when the workspace is known. */
  workspace?: boolean;
}

export interface Rule {
  meta: RuleMeta;
  run?(ctx: RuleContext): void;
}

/** A checked total: what the editor shows next to it (Σ 335.57 ✓) and how it was computed. */
export interface TotalInfo {
  rule: string;
  range: Range;
  label: string;
  stated: Decimal;
  computed: Decimal;
  verdict: Verdict;
  parts: Array<{ label: string; raw: string; range: Range }>;
}

/** A narrative amount linked to a table cell. */
export interface NarrativeLink {
  range: Range;
  text: string;
  cell: Cell;
  where: string;
  verdict: Verdict;
  /** The cell's unit when it is not the text's (a table in 元 against a text in 万元). */
  unit?: string;
}

/** What a finding is reported with; the rule id and the default severity come from the rule. */
export interface FindingInput {
  range: Range;
  message: string;
  /** The text at range as the report reads it (see Finding.text). */
  text?: string;
  severity?: Severity;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** Another rule of the same module family (cross.01-02 …); default: the running rule. */
  rule?: string;
}

/** Coverage of one standard table: how many equalities were checked, and which could not be, and why. */
export interface TableCoverage {
  table: Table;
  checked: number;
  missing: Array<{ rule: string; what: string; why: string }>;
}

export interface RuleContext {
  /** The report being checked. */
  readonly model: Report;
  /** The source text. */
  readonly text: string;
  readonly uri: string;
  readonly catalogue: Catalogue;
  /** 科目 edition to check against (the setting, else the report's 科目版本, else its 年度). */
  readonly edition?: number;
  /** The running rule. */
  readonly rule: RuleMeta;
  /** The other reports of the workspace, when the shell knows them (the 部门/单位 check). */
  readonly others?: readonly ReportRef[];
  report(f: FindingInput): void;
  /** A 尾数误差 note: a difference within rounding (an information unless jsgk.rounding says otherwise). */
  rounding(f: Omit<FindingInput, 'severity' | 'fixes'>): void;
  total(t: TotalInfo): void;
  /**
   * `n` equalities within `within` (a table part) that all agreed: recorded as a count, the totals
   * made by `make` only when something reads them there (a hover, inlay hints over them).
   */
  agreed(within: { range: Range }, n: number, make: () => TotalInfo[]): void;
  /** The rule examined `n` candidates (rows, entries, sentences) — whether or not it found anything. */
  examined(n?: number, rule?: string): void;
  link(l: NarrativeLink): void;
  /** Coverage: `n` equalities of a standard table were checked. */
  checked(table: Table, n?: number): void;
  /** Coverage: an equality of a standard table could not be checked (an operand not found). */
  couldNot(table: Table, what: string, why: string): void;
  /**
   * Runs `fn` once for `key` (a table, a text, a 绩效自评表) while it is unchanged, and replays what
   * it reported (findings, notes, totals, coverage) afterwards, moved with the block it sits in.
   * `version` invalidates the cache when something else it read changed (the catalogue, the year).
   */
  cached(key: Table | Text | { range: Range }, fn: () => void, version?: unknown): void;
  /** Data derived from an object once, shared by every rule (the tokens of a text, its change statements). */
  memo<K extends object, T>(key: K, name: string, fn: (key: K) => T): T;
}
