/**
 * The language service: one facade over parsing, the report model and the checks. It imports
 * neither `vscode` nor `vscode-languageserver`; the LSP server and the CLI are shells over it.
 */
import { Finding, Report } from './model';
import { ParseResult, ReportParser, syntaxOf } from './parser';
import { Syntax } from './model';
import { checkTables, CheckCache, TotalInfo } from './checks/tables';
import { applyAnnotations } from './checks/annotations';
import { checkNarrative, NarrativeCache, NarrativeLink } from './checks/narrative';
import { checkGlossary } from './checks/glossary';
import { checkKemu, KemuCache } from './checks/kemu';
import { builtinCatalogue, Catalogue } from './kemu';
import { LineIndex } from './text';
import { Language, language, setLanguage } from './l10n';

export * from './model';
export { Decimal, readNumeral } from './decimal';
export { LineIndex } from './text';
export { Language, LANGUAGES, language } from './l10n';
export { parseReport, ReportParser, syntaxOf } from './parser';

export interface CheckResult {
  report: Report;
  findings: Finding[];
  /** Every total that was checked, with its computed value (for inlay hints and 显示计算过程). */
  totals: TotalInfo[];
  /** Amounts in the 情况说明 linked to table cells. */
  links: NarrativeLink[];
  lineIndex: LineIndex;
  /** Blocks parsed anew for this check (the rest were reused). */
  reparsed: number;
}

export interface LanguageServiceOptions {
  /** The 科目 catalogue (default: the built-in one). */
  catalogue?: Catalogue;
  /** 科目 edition to check against (default: the report's 科目版本, else its 年度). */
  kemuEdition?: number;
  /**
   * Findings that need other reports (a 部门 report against its 单位 reports): the shell knows the
   * workspace, so it answers them; see `checkUnitSums`. They go through 出错说明 like the others.
   */
  across?: (uri: string, report: Report) => Finding[];
  /**
   * Message language (default 简体中文). It is per process: every service of the process speaks it.
   * Changing it drops every cached result, so that no message stays in the other language.
   */
  language?: Language;
}

export interface LanguageService {
  /** The catalogue in use. */
  readonly catalogue: Catalogue;
  /** Replaces the catalogue (a workspace override was loaded) and/or the edition; later checks use them. */
  configure(options: LanguageServiceOptions): void;
  /** Parses (incrementally, per uri) and checks a document; the syntax defaults to the uri's (*.jsgk: DSL). */
  check(uri: string, text: string, syntax?: Syntax): CheckResult;
  /** The last model of a document, without re-parsing, if it was checked before. */
  lastResult(uri: string): CheckResult | undefined;
  /** Forgets a document. */
  close(uri: string): void;
}

export function getLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  let catalogue = options.catalogue ?? builtinCatalogue();
  let kemuEdition = options.kemuEdition;
  let across = options.across;
  const parsers = new Map<string, ReportParser>();
  const results = new Map<string, CheckResult>();
  let checkCache: CheckCache = new WeakMap();
  let narrativeCache: NarrativeCache = new WeakMap();
  let kemuCache: KemuCache = new WeakMap();
  const setLang = (l: Language) => {
    if (l === language()) return;
    setLanguage(l);
    parsers.clear();
    results.clear();
    checkCache = new WeakMap();
    narrativeCache = new WeakMap();
    kemuCache = new WeakMap();
  };
  if (options.language) setLang(options.language);
  return {
    get catalogue() { return catalogue; },
    configure(o) {
      if (o.catalogue) catalogue = o.catalogue;
      if ('kemuEdition' in o) kemuEdition = o.kemuEdition;
      if (o.across) across = o.across;
      if (o.language) setLang(o.language);
    },
    check(uri, text, syntax) {
      const sx = syntax ?? syntaxOf(uri);
      let p = parsers.get(uri);
      if (!p || p.syntax !== sx) parsers.set(uri, (p = new ReportParser(sx)));
      const r: ParseResult = p.parse(text);
      let li: LineIndex | undefined;
      const lineIndexOf = () => (li ??= new LineIndex(text));
      const tables = checkTables(r.report, checkCache);
      const narrative = checkNarrative(r.report, narrativeCache);
      const glossary = checkGlossary(r.report, text);
      const kemu = checkKemu(r.report, catalogue, kemuEdition, kemuCache);
      const others = across ? across(uri, r.report) : [];
      const all = applyAnnotations([...r.findings, ...tables.findings, ...narrative.findings, ...glossary, ...kemu, ...others], text, lineIndexOf);
      const findings = all.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
      const res: CheckResult = {
        report: r.report, findings, totals: tables.totals, links: narrative.links, reparsed: r.reparsed,
        get lineIndex() { return lineIndexOf(); },
      };
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
export { TotalInfo } from './checks/tables';
export { compareSum } from './checks/rounding';
export { checkUnitSums, listedUnits, listsUnits, unitGroups, unitRowHover, ReportRef, UnitGroup } from './checks/units';
