/**
 * The reading of a text, done once per Text object and shared by every rule (ctx.memo): its numbers,
 * labelled figures, change statements, numbered paragraphs, lists and 科目 paths.
 */
import { Report, Section, Text } from '../model';
import { allSections } from '../query';
import { RuleContext } from '../rules/types';
import { Change, changes, Comparison, comparisons, RateChange, rateChanges } from './changes';
import { Figure, figures, ReadingContext } from './figures';
import { numberedLines, Numbered } from './items';
import { KemuPath, kemuPaths } from './kemu-path';
import { ListSum, listSums } from './lists';
import { Tok, tokens } from './tokens';

export interface Reading {
  toks: Tok[];
  figures: Figure[];
  changes: Change[];
  rateChanges: RateChange[];
  comparisons: Comparison[];
  numbered: Numbered[];
  lists: ListSum[];
  paths: KemuPath[];
}

export function readText(v: string, rc: ReadingContext): Reading {
  const toks = tokens(v);
  const figs = figures(v, toks, rc);
  const numbered = numberedLines(v);
  return {
    toks, figures: figs, numbered,
    changes: changes(v, toks),
    rateChanges: rateChanges(v, toks, figs, numbered),
    comparisons: comparisons(v, figs),
    lists: listSums(v, toks, figs, numbered),
    paths: kemuPaths(v),
  };
}

export function readingContext(report: Report): ReadingContext {
  return {
    year: report.meta?.year?.year ?? 0,
    budget: report.meta?.type?.value.endsWith('预算') ?? false,
    unitName: report.meta?.unitName?.value ?? '',
  };
}

/** A key that changes when what a reading depends on changes (the year, the report type, the unit name). */
export function readingKey(rc: ReadingContext): string {
  return `${rc.year}|${rc.budget ? 'b' : 'a'}|${rc.unitName}`;
}

/** The reading of a text, shared by the rules of one check and kept while the text is unchanged. */
/**
 * The report's readingKey for this check, made once (every rule reads every text: the same string,
 * not a new one each time); what the rules' cached results of a text depend on besides the text.
 */
export function readingKeyOf(ctx: RuleContext): string {
  return ctx.memo(ctx.model, 'narrative:readingKey', (m) => `narrative:${readingKey(readingContext(m))}`);
}

export function read(ctx: RuleContext, t: Text): Reading {
  return ctx.memo(t, readingKeyOf(ctx), () => readText(t.value, readingContext(ctx.model)));
}

/** The texts the 情况说明 checks read: 情况说明 and 其他 sections, in document order. */
export function narrativeTexts(report: Report): Array<{ text: Text; section: Section }> {
  const out: Array<{ text: Text; section: Section }> = [];
  for (const secs of [report.narrative, report.others]) for (const s of allSections(secs)) if (s.body) out.push({ text: s.body, section: s });
  return out;
}
