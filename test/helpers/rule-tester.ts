/**
 * RuleTester, in the manner of ESLint's: a rule is specified by the texts it accepts (valid), the
 * texts it flags, where and with what message (invalid), the 尾数误差 notes it writes instead of an
 * error (rounding), what its fix makes of the text (fix / output), and the tables it says it could not
 * check and why (uncovered).
 *
 * A case is written once, in YAML, with «markers» around the text of the finding; it is run through
 * getLanguageService in YAML and again in the line DSL (the same text converted with
 * features/convert.ts), where the same finding must sit at the corresponding place: the same
 * occurrence of the marked text. A case that only one syntax can express (a YAML syntax error, a DSL
 * line) says `syntax: 'yaml'` or `syntax: 'dsl'`; it is then run in that syntax only.
 */
import * as assert from 'assert';
import { Finding, getLanguageService, Settings, Syntax, DEFAULT_SETTINGS, TableCoverage, CheckResult } from '../../server/src/service';
import { ReportRef } from '../../server/src/service/workspace/units';
import { Catalogue } from '../../server/src/service/kemu';
import { convert } from '../../server/src/service/features/convert';
import { applyFix, extractMarkers } from './markers';

export const JUE = '报告:\n  类型: 部门决算\n  年度: 2023\n  单位: 测试单位\n  金额单位: 万元\n\n';
export const YU = '报告:\n  类型: 部门预算\n  年度: 2024\n  单位: 测试单位\n  金额单位: 万元\n\n';

interface Common {
  /** What the case is about (the test's title); default: the source's last line. */
  name?: string;
  /** Source, YAML unless `syntax` says otherwise. */
  source: string;
  /** Only in this syntax (the case cannot be written in the other). */
  syntax?: Syntax;
  settings?: Partial<Settings>;
  catalogue?: Catalogue;
  /** Other reports of the workspace (units.sum), as YAML sources keyed by uri. */
  others?: Record<string, string>;
}

export interface ValidCase extends Common {}

export interface InvalidCase extends Common {
  /** Default: the tester's rule. */
  rule?: string;
  message: string | RegExp;
  /** Default: the rule's default severity (any when not given and the rule's findings vary). */
  severity?: Finding['severity'];
  /**
   * The text that replaces the marked range when the finding's first fix is applied (null: no fix is
   * offered). `output` is the alternative for fixes that edit elsewhere: the whole text afterwards.
   */
  fix?: string | null;
  output?: string;
  /** The title of the first fix (what the editor's quick-fix menu shows). */
  fixTitle?: string | RegExp;
  /** The rule reports nothing else in this text (the marked finding is its only one). */
  only?: boolean;
  /** Whether the first fix changes no typed number (may go into 修正全部). */
  safe?: boolean;
  /**
   * The finding lists related locations (the parts of a sum); a list: their messages, in order, each followed
   * by the text it points at in «» when it is in the case's own text (“预算数：100.00万元«100.00万元»”).
   */
  related?: boolean | string[];
}

export interface RoundingCase extends Common {
  rule?: string;
  /** Default: /可能为尾数误差/. */
  message?: string | RegExp;
  /** The note's related locations, as InvalidCase.related lists them. */
  related?: string[];
}

export interface UncoveredCase extends Common {
  /** The table's coverage has a missing entry of this rule with a reason that matches. */
  rule?: string;
  what?: RegExp;
  why: RegExp;
}

export interface RuleTests {
  valid?: Array<string | ValidCase>;
  invalid?: InvalidCase[];
  rounding?: RoundingCase[];
  uncovered?: UncoveredCase[];
}

const URI: Record<Syntax, string> = { yaml: 'mem://case.jsgk.yaml', dsl: 'mem://case.jsgk' };

/** Checks a text as the editor and the CLI would (a fresh service: no cache from another case). */
export function runCheck(text: string, syntax: Syntax, c: Pick<Common, 'settings' | 'catalogue' | 'others'> & { allowInternal?: boolean } = {}): CheckResult {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...c.settings, severity: { ...c.settings?.severity } };
  const ls = getLanguageService({ settings, catalogue: c.catalogue });
  let others: ReportRef[] | undefined;
  if (c.others) {
    others = Object.entries(c.others).map(([uri, src]) => ({ uri, report: ls.check(uri, src, 'yaml').report }));
    ls.configure({ others: () => others });
  }
  const res = ls.check(URI[syntax], text, syntax);
  // whatever a case is about, no rule may crash on it (a crash is reported as rule.internal and the others run)
  const crashed = res.findings.filter((f) => f.rule === 'rule.internal' || f.rule === 'parse.internal');
  if (crashed.length && !c.allowInternal) throw new assert.AssertionError({ message: `${syntax}: ${crashed.map((f) => f.message).join('; ')}` });
  return res;
}

/** The case's text in each syntax it is run in, with the marked ranges there. */
export function variants(source: string, only?: Syntax): Array<{ syntax: Syntax; text: string; ranges: Array<{ start: number; end: number }> }> {
  const { text, ranges } = extractMarkers(source);
  const from: Syntax = only ?? 'yaml';
  const out = [{ syntax: from, text, ranges }];
  if (only) return out;
  const conv = convert(text, 'yaml', 'dsl');
  if (!conv.ok) throw new Error(`the case does not convert to the DSL: ${conv.message} ${JSON.stringify(conv.findings.map((f) => f.message))}`);
  out.push({ syntax: 'dsl', text: conv.text, ranges: ranges.map((r) => corresponding(text, r, conv.text)) });
  return out;
}

/**
 * Where a marked range of the YAML text is in the DSL text: the same occurrence (counted from the
 * start) of the same characters. Values keep their order and spelling through the conversion; keys and
 * punctuation around them change (报告: → 【报告】), so a marker is put around a value, a row name or a
 * term, never around YAML punctuation.
 */
export function corresponding(yaml: string, r: { start: number; end: number }, dsl: string): { start: number; end: number } {
  const needle = yaml.slice(r.start, r.end);
  if (!needle) return r;
  let n = 0;
  for (let i = yaml.indexOf(needle); i >= 0 && i < r.start; i = yaml.indexOf(needle, i + 1)) n++;
  let at = -1;
  for (let k = 0; k <= n; k++) {
    at = dsl.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`“${needle}” (occurrence ${n + 1}) is not in the converted text:\n${dsl}`);
  }
  return { start: at, end: at + needle.length };
}

const show = (fs: Finding[]) => JSON.stringify(fs.map((f) => [f.rule, f.severity, f.range.start, f.range.end, f.message]));

function matches(message: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? message === expected : expected.test(message);
}

function caseName(c: Common, fallback: string): string {
  if (c.name) return c.name;
  const lines = extractMarkers(c.source).text.trim().split('\n');
  return `${fallback}: ${lines[lines.length - 1].trim().slice(0, 80)}`;
}

export class RuleTester {
  /** Runs the cases of one rule as mocha tests (describe/it). */
  static run(rule: string, tests: RuleTests): void {
    describe(`rule ${rule}`, () => {
      for (const v of tests.valid ?? []) {
        const c: ValidCase = typeof v === 'string' ? { source: v } : v;
        it(caseName(c, 'valid'), () => {
          for (const x of variants(c.source, c.syntax)) {
            const fs = runCheck(x.text, x.syntax, c).findings.filter((f) => f.rule === rule);
            assert.deepStrictEqual(fs.map((f) => f.message), [], `${x.syntax}: no ${rule} finding expected in\n${x.text}`);
          }
        });
      }
      for (const c of tests.invalid ?? []) {
        it(caseName(c, 'invalid'), () => {
          for (const x of variants(c.source, c.syntax)) checkInvalid(rule, c, x);
        });
      }
      for (const c of tests.rounding ?? []) {
        it(caseName(c, 'rounding'), () => {
          for (const x of variants(c.source, c.syntax)) {
            const id = c.rule ?? rule;
            const fs = runCheck(x.text, x.syntax, c).findings;
            assert.ok(!fs.some((f) => f.rule === id && !f.rounding && f.severity === 'error'), `${x.syntax}: no ${id} error expected, got ${show(fs)}`);
            const r = x.ranges[0];
            const f = fs.find((y) => y.rule === id && y.rounding && y.range.start === r.start && y.range.end === r.end);
            assert.ok(f, `${x.syntax}: a 尾数误差 note of ${id} expected at “${x.text.slice(r.start, r.end)}” (${r.start}), got ${show(fs)}`);
            assert.strictEqual(f!.severity, 'information');
            assert.ok(matches(f!.message, c.message ?? /可能为尾数误差/), `${x.syntax}: message ${f!.message}`);
            assert.deepStrictEqual(f!.fixes ?? [], [], 'a 尾数误差 note offers no fix');
            if (c.related) assert.deepStrictEqual(relatedOf(f!, x.text), c.related, `${x.syntax}: related locations`);
          }
        });
      }
      for (const c of tests.uncovered ?? []) {
        it(caseName(c, 'not checked'), () => {
          for (const x of variants(c.source, c.syntax)) {
            const res = runCheck(x.text, x.syntax, c);
            const id = c.rule ?? rule;
            const missing = res.coverage.flatMap((t: TableCoverage) => t.missing).filter((m) => m.rule === id);
            assert.ok(missing.some((m) => c.why.test(m.why) && (!c.what || c.what.test(m.what))), `${x.syntax}: coverage of ${id} should say why (${c.why}), got ${JSON.stringify(missing)}`);
            assert.deepStrictEqual(res.findings.filter((f) => f.rule === id).map((f) => f.message), [], 'what could not be checked is no finding');
          }
        });
      }
    });
  }
}

function checkInvalid(rule: string, c: InvalidCase, x: { syntax: Syntax; text: string; ranges: Array<{ start: number; end: number }> }): void {
  const id = c.rule ?? rule;
  const res = runCheck(x.text, x.syntax, c);
  const r = x.ranges[0];
  assert.ok(r, 'an invalid case marks where its finding is: «…»');
  const here = res.findings.filter((f) => f.rule === id && !f.rounding && f.range.start === r.start && f.range.end === r.end);
  assert.ok(here.length > 0, `${x.syntax}: ${id} expected at “${x.text.slice(r.start, r.end)}” (${r.start}–${r.end}), got ${show(res.findings)}\n${x.text}`);
  const f = here.find((y) => matches(y.message, c.message));
  assert.ok(f, `${x.syntax}: message ${c.message} expected, got ${JSON.stringify(here.map((y) => y.message))}`);
  if (c.severity) assert.strictEqual(f!.severity, c.severity, `${x.syntax}: severity`);
  const marked = x.text.slice(r.start, r.end);
  if (f!.text !== undefined && !marked.includes('\n')) assert.strictEqual(f!.text, marked, `${x.syntax}: Finding.text`);
  if (c.only) assert.deepStrictEqual(res.findings.filter((y) => y.rule === id && y !== f).map((y) => y.message), [], `${x.syntax}: no other ${id} finding expected`);
  // the parts a total was compared with: as related locations, or (totals) in the computation its hover shows
  if (Array.isArray(c.related)) {
    assert.deepStrictEqual(relatedOf(f!, x.text), c.related, `${x.syntax}: related locations`);
  } else if (c.related) assert.ok((f!.related ?? []).length > 0 || res.totals.some((t) => t.range.start === f!.range.start && t.parts.length > 0), `${x.syntax}: related locations (or the computation's parts) expected`);
  if (c.fix === null) assert.deepStrictEqual(f!.fixes ?? [], [], `${x.syntax}: no fix expected`);
  if (c.safe !== undefined) assert.strictEqual(!!f!.fixes?.[0]?.safe, c.safe, `${x.syntax}: fix safe = ${c.safe}`);
  if (c.fixTitle !== undefined) {
    const title = f!.fixes?.[0]?.title ?? '';
    assert.ok(matches(title, c.fixTitle), `${x.syntax}: fix title ${c.fixTitle} expected, got “${title}”`);
  }
  if (c.fix !== undefined && c.fix !== null) {
    assert.ok(f!.fixes && f!.fixes.length > 0, `${x.syntax}: a fix expected`);
    const fixed = applyFix(x.text, f!);
    assert.strictEqual(fixed, x.text.slice(0, r.start) + c.fix + x.text.slice(r.end), `${x.syntax}: fix`);
    assertGone(id, f!, fixed, x.syntax, c);
  }
  if (c.output !== undefined) {
    assert.ok(f!.fixes && f!.fixes.length > 0, `${x.syntax}: a fix expected`);
    const fixed = applyFix(x.text, f!);
    // the output is written in the case's syntax; in the other, the fix must still remove the finding
    if (x.syntax === (c.syntax ?? 'yaml')) assert.strictEqual(fixed, extractMarkers(c.output).text, `${x.syntax}: output`);
    assertGone(id, f!, fixed, x.syntax, c);
  }
}

/** A finding's related locations: each message with the text it points at in «» (when it is in this text). */
function relatedOf(f: Finding, text: string): string[] {
  return (f.related ?? []).map((r) => `${r.message}${r.uri ? '' : `«${text.slice(r.range.start, r.range.end)}»`}`);
}

function assertGone(id: string, f: Finding, fixed: string, syntax: Syntax, c: Common): void {
  const after = runCheck(fixed, syntax, c).findings;
  assert.ok(!after.some((y) => y.rule === id && y.message === f.message), `${syntax}: the finding is gone after its fix, got ${show(after)}`);
}
