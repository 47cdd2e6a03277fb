/**
 * The language service: one facade over parsing, the report model, the rules and the settings. It
 * imports neither `vscode` nor `vscode-languageserver`; the LSP server and the CLI are shells over it.
 */
import { Finding, Range, Report, Syntax } from './model';
import { ParseResult, ReportParser } from './frontends/report-parser';
import { syntaxOf } from './workspace/files';
import { EngineResult, RuleEngine } from './rules/context';
import { RULES } from './rules/registry';
import { applyAnnotations } from './rules/annotations/unused';
import { importMarkerFindings } from './rules/annotations/import-marker';
import { coverageFindings } from './rules/tables/coverage';
import { NarrativeLink, TableCoverage, TotalInfo } from './rules/types';
import { reportEdition } from './rules/kemu/common';
import { ReportRef } from './workspace/units';
import { builtinCatalogue, Catalogue } from './kemu';
import { LineIndex, loneCrAsLf } from './text';
import { visible, hasInvisible } from './workspace/visible';
import { Language, language, setLanguage } from './l10n';
import { applySettings, DEFAULT_SETTINGS, editionSetting, Settings } from './settings';
import * as l10n from './l10n';

export * from './model';
export { Decimal, readNumeral } from './decimal';
export { LineIndex, lineStarts } from './text';
export { Language, LANGUAGES, language } from './l10n';
export { parseReport, ReportParser } from './frontends/report-parser';
export { syntaxOf, syntaxOfDocument, convertedName, REPORT_FILE, REPORT_GLOB } from './workspace/files';
export { Settings, DEFAULT_SETTINGS, readSettings, applySettings } from './settings';
export { TotalInfo, NarrativeLink, TableCoverage } from './rules/types';
export { TotalChunk, LazyTotals, totalsOver } from './rules/totals';
import { TotalChunk } from './rules/totals';
export { RULES, RULE_IDS, ruleMeta } from './rules/registry';

export interface CheckResult {
  report: Report;
  /** The findings as the settings show them (rules turned off left out, severities overridden). */
  findings: Finding[];
  /** Every total that was checked, with its computed value (all of them made: features read totalChunks over a range). */
  totals: TotalInfo[];
  /** The checked totals as recorded (rules/totals.ts: totalsOver makes only the chunks over a range). */
  totalChunks: readonly TotalChunk[];
  /** Amounts in the 情况说明 linked to table cells. */
  links: NarrativeLink[];
  /** Per standard table: how many equalities were checked, and which could not be and why. */
  coverage: TableCoverage[];
  lineIndex: LineIndex;
  /** Blocks parsed anew for this check (the rest were reused). */
  reparsed: number;
  /** How many candidates each rule examined in this check (a rule absent here did not run on it). */
  examined: ReadonlyMap<string, number>;
}

export interface LanguageServiceOptions {
  /** The 科目 catalogue (default: the built-in one). */
  catalogue?: Catalogue;
  /** The settings (default: DEFAULT_SETTINGS); their language is per process. */
  settings?: Settings;
  /**
   * The other reports of the workspace, for the checks that need them (a 部门 report against its
   * 单位 reports): the shell knows the workspace. Undefined: those checks do not run.
   */
  others?: (uri: string, report: Report) => readonly ReportRef[] | undefined;
  /**
   * False: each document is checked once (the command line): no rule result is kept for a later check
   * of it. Default true (an editor checks the same document again after every edit).
   */
  recheck?: boolean;
}

export interface LanguageService {
  readonly catalogue: Catalogue;
  readonly settings: Settings;
  /** Replaces the catalogue, the settings or the workspace; later checks use them. */
  configure(options: LanguageServiceOptions): void;
  /** Parses (incrementally, per uri) and checks a document; the syntax defaults to the uri's (*.jsgk: DSL). */
  check(uri: string, text: string, syntax?: Syntax): CheckResult;
  /** The last result of a document, without re-parsing, if it was checked before. */
  lastResult(uri: string): CheckResult | undefined;
  /** Forgets a document. */
  close(uri: string): void;
}

/** A message that quotes an invisible character (a NUL in an amount) names it: 335⟨不可见字符 U+0000 NUL⟩56. */
function named(f: Finding): Finding {
  return hasInvisible(f.message) ? { ...f, message: visible(f.message) } : f;
}

/** No fix where the source could not be mapped exactly (Report.inexact): its edits might land beside the text. */
function exactOnly(f: Finding, inexact: Range[] | undefined): Finding {
  if (!inexact || !f.fixes) return f;
  const hit = (r: Range) => inexact.some((x) => x.start <= r.end && r.start <= x.end);
  return hit(f.range) || f.fixes.some((fx) => fx.edits.some((e) => hit(e.range))) ? { ...f, fixes: undefined } : f;
}

/**
 * A check's result. A class, not an object literal with getters: getters closing over the check's
 * variables made V8 keep each result — and its report — past the check (see RuleRun).
 */
class Checked implements CheckResult {
  readonly links: NarrativeLink[];
  readonly coverage: TableCoverage[];
  readonly examined: ReadonlyMap<string, number>;
  readonly totalChunks: readonly TotalChunk[];
  constructor(
    readonly report: Report,
    readonly findings: Finding[],
    private readonly ran: EngineResult,
    readonly reparsed: number,
    private readonly text: string,
    private li: LineIndex | undefined,
  ) {
    this.links = ran.links;
    this.coverage = ran.coverage;
    this.examined = ran.examined;
    this.totalChunks = ran.totalChunks;
  }
  get totals(): TotalInfo[] {
    return this.ran.totals;
  }
  /** Made when first read (the annotations may have made it already). */
  get lineIndex(): LineIndex {
    return (this.li ??= new LineIndex(this.text));
  }
}

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  let catalogue = options.catalogue ?? builtinCatalogue();
  let settings = options.settings ?? DEFAULT_SETTINGS;
  let others = options.others;
  const parsers = new Map<string, ReportParser>();
  const results = new Map<string, CheckResult>();
  const engine = new RuleEngine(options.recheck ?? true);
  const setLang = (l: Language) => {
    if (l === language()) return;
    setLanguage(l);
    parsers.clear();
    results.clear();
    engine.reset();
  };
  if (options.settings) setLang(settings.language);
  return {
    get catalogue() { return catalogue; },
    get settings() { return settings; },
    configure(o) {
      if (o.catalogue) catalogue = o.catalogue;
      if (o.settings) { settings = o.settings; setLang(settings.language); }
      if (o.others) others = o.others;
    },
    check(uri, given, syntax) {
      // a lone CR (old Mac line endings) is a line break, one character for one: offsets stay the document's
      const text = loneCrAsLf(given);
      const sx = syntax ?? syntaxOf(uri);
      let p = parsers.get(uri);
      // nothing kept for a later check (the command line): neither are the parsed blocks
      if (!p || p.syntax !== sx) parsers.set(uri, (p = new ReportParser(sx, options.recheck ?? true)));
      const r: ParseResult = p.parse(text);
      let li: LineIndex | undefined;
      const lineIndexOf = () => (li ??= new LineIndex(text));
      const edition = reportEdition(r.report, editionSetting(settings));
      const ran = engine.run({ uri, text, report: r.report, catalogue, edition, rules: RULES, others: others?.(uri, r.report) });
      const crashed: Finding[] = ran.crashed.map((c) => ({
        rule: 'rule.internal', severity: 'error', range: { start: 0, end: 0 },
        message: l10n.t('内部错误：规则 {0} 出错（{1}）。其余规则照常检查；请报告此问题。', c.rule, c.error.split('\n')[0]),
      }));
      const all = applyAnnotations([...r.findings, ...ran.findings, ...coverageFindings(ran.coverage), ...crashed, ...importMarkerFindings(text)], text, lineIndexOf);
      const findings = applySettings(all, settings).map((f) => exactOnly(named(f), r.report.inexact)).sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
      const res = new Checked(r.report, findings, ran, r.reparsed, text, li);
      results.set(uri, res);
      return res;
    },
    lastResult(uri) {
      return results.get(uri);
    },
    close(uri) {
      parsers.delete(uri);
      results.delete(uri);
    },
  };
}
export * from './query';
export { Catalogue, KemuEntry, builtinCatalogue, parseOverrideCsv } from './kemu';
export { importSpreadsheet, overrideCsv } from './kemu-import';
export { compareSum } from './rules/rounding';
export { listedUnits, listsUnits, unitGroups, unitRowHover, ReportRef, UnitGroup } from './workspace/units';
// what the LSP shell needs of the workspace (server.ts imports the facade and lsp/ only)
export { OVERRIDE_FILE } from './workspace/kemu-file';
export { WorkspaceReports } from './workspace/reports';
