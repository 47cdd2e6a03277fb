/**
 * 修正全部 (source.fixAll): applies the fixes that change no number the user typed (Fix.safe: a
 * repeated word removed, a placeholder replaced by its computed value, a missing definition added
 * …), one at a time, checking the document again after each, and keeps a fix only when the errors
 * did not increase. A fix that would replace a typed number (a total, a rate, an amount) is never
 * applied here: it is offered on its own finding, where the user decides.
 */
import { Finding, Fix, TextEdit } from '../model';

export interface FixAllResult {
  text: string;
  /** The fixes applied, in order. */
  applied: Array<{ rule: string; title: string }>;
}

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error').length;
const keyOf = (f: Finding, fx: Fix) => `${f.rule}|${fx.title}|${f.message}`;

/** Applies edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.range.end > limit) continue; // overlaps the edit after it: skipped
    out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
    limit = e.range.start;
  }
  return out;
}

/** `check` gives the findings of a text (the same settings the user sees). */
export function fixAll(text: string, check: (text: string) => Finding[], maxSteps = 500): FixAllResult {
  let cur = text;
  let findings = check(cur);
  const applied: FixAllResult['applied'] = [];
  const refused = new Set<string>();
  for (let step = 0; step < maxSteps; step++) {
    let candidate: { f: Finding; fx: Fix } | undefined;
    for (const f of findings) {
      const fx = f.fixes?.find((x) => x.safe && !refused.has(keyOf(f, x)));
      if (fx) { candidate = { f, fx }; break; }
    }
    if (!candidate) break;
    const next = applyEdits(cur, candidate.fx.edits);
    const nextFindings = check(next);
    if (next === cur || errors(nextFindings) > errors(findings)) {
      refused.add(keyOf(candidate.f, candidate.fx));
      continue;
    }
    applied.push({ rule: candidate.f.rule, title: candidate.fx.title });
    cur = next;
    findings = nextFindings;
  }
  return { text: cur, applied };
}

/** One edit that turns `a` into `b` (their common start and end kept). */
export function minimalEdit(a: string, b: string): TextEdit | undefined {
  if (a === b) return undefined;
  let s = 0;
  while (s < a.length && s < b.length && a.charCodeAt(s) === b.charCodeAt(s)) s++;
  let ea = a.length;
  let eb = b.length;
  while (ea > s && eb > s && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) { ea--; eb--; }
  return { range: { start: s, end: ea }, newText: b.slice(s, eb) };
}
