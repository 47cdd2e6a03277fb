/** What the 情况说明 rules share: the texts they read, the reading of each, and how a wrong rate is reported. */
import { groupThousands, Decimal } from '../../decimal';
import { Range, RelatedInfo, Section, Text } from '../../model';
import { namedRange } from '../../text';
import { allSections } from '../../query';
import { narrativeTexts, read, Reading, readingKeyOf } from '../../narrative/reader';
import { Tok } from '../../narrative/tokens';
import { RuleContext } from '../types';

export { read };
export type { Reading };

/** The source range of value[s, e) of a text; what it reads is recorded (Finding.text of a finding at it, rangeText). */
export const rr = (t: Text, s: number, e: number): Range => namedRange(t, s, e);

/** The 情况说明 and 其他 texts of the report, once per check. */
export function texts(ctx: RuleContext): Array<{ text: Text; section: Section }> {
  return ctx.memo(ctx.model, 'narrative:texts', () => narrativeTexts(ctx.model));
}

/** What the cached results of a text depend on besides the text (the year, the report type, the unit name). */
export function version(ctx: RuleContext): string {
  return readingKeyOf(ctx);
}

/**
 * Runs `fn` on every text with its reading; what it reports is kept while the text is unchanged. A text
 * whose reading has nothing the rule looks at (`relevant` false) is skipped.
 */
export function eachText(ctx: RuleContext, fn: (t: Text, r: Reading) => void, relevant?: (r: Reading, t: Text) => boolean): void {
  const v = version(ctx);
  for (const { text } of texts(ctx)) {
    const r = read(ctx, text);
    ctx.examined();
    if (!relevant || relevant(r, text)) ctx.cached(text, () => fn(text, r), v);
  }
}

/** An amount written like another one (with thousands separators if it had them). */
export const fmt = (d: Decimal, like?: Tok): string => (like && like.raw.includes(',') ? groupThousands(d.toString()) : d.toString());

export interface RateReport {
  range: Range;
  verdict: 'error' | 'rounding';
  /** The computed rate (without %), how it was computed (“a ÷ b = c%”), and the rate as written. */
  computed: string;
  how: string;
  written: string;
  related: () => RelatedInfo[];
  error: (computed: string, how: string, written: string) => string;
  fix: (computed: string) => string;
  rounding: (how: string, written: string) => string;
}

/** A percentage against the one computed: an error with a fix writing the computed rate, or a 尾数误差 note. */
export function reportRate(ctx: RuleContext, x: RateReport): void {
  if (x.verdict === 'error') {
    ctx.report({ range: x.range, message: x.error(x.computed, x.how, x.written), related: x.related(), fixes: [{ title: x.fix(x.computed), edits: [{ range: x.range, newText: `${x.computed}%` }] }] });
  } else {
    ctx.rounding({ range: x.range, message: x.rounding(x.how, x.written) });
  }
}

/** Every free text of the report (a template leftover may sit anywhere): 情况说明, 其他, 概况, 名词解释, notes under tables. */
export function allTexts(ctx: RuleContext): Text[] {
  return ctx.memo(ctx.model, 'narrative:allTexts', (m) => {
    const out: Text[] = texts(ctx).map((x) => x.text);
    for (const s of allSections(m.overview)) if (s.body) out.push(s.body);
    for (const g of m.glossary) out.push(g.definition);
    for (const t of m.tables) for (const n of t.notes) out.push(n.text);
    return out;
  });
}
