/**
 * How names compare. Every check that matches a name written by a person goes through one of these.
 */

/** Numbering before a row name or a glossary term: 一、 （一） 1. */
export const NUMBERING = /^[ \u3000]*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d))[ \u3000]*/;

/**
 * The one normalisation of names written by people (titles, rows, columns, terms): spaces, quote
 * styles and bracket widths ignored ("三公" = “三公”, 因公出国(境)费 = 因公出国（境）费).
 */
export function normalizeTitle(s: string): string {
  // most names have nothing to change: one test instead of four replacements
  if (!/[ \u3000“”"＂()]/.test(s)) return s;
  return s.replace(/[ \u3000]/g, '').replace(/[“”"＂]/g, '"').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** normName's results: the same row and column names are compared again and again (cleared when large). */
const normalized = new Map<string, string>();

/** Row names and terms: their numbering (一、 （一） 1.) dropped, then normalizeTitle. */
export function normName(s: string): string {
  let n = normalized.get(s);
  if (n === undefined) {
    if (normalized.size >= 20000) normalized.clear();
    // kept as a string of its own: a name read from a report is often a slice of the whole text, and
    // the cache held every such text (the command line's 2,000 reports: each one's text kept until the
    // cache was cleared, and copied by the young-generation collections on the way)
    const k = own(s);
    normalized.set(k, (n = normalizeTitle(k.replace(NUMBERING, ''))));
  }
  return n;
}

/** Whether a string may be a view into a longer one (V8 makes a slice of 13 characters or more a view into its source). */
const mayBeSlice = (s: string): boolean => s.length >= 13;

/** The same characters in a string that refers to no longer one (see mayBeSlice). */
export function own(s: string): string {
  return mayBeSlice(s) ? (' ' + s).slice(1) : s;
}

/** 科目 names: spaces, bracket widths and quotes ignored. */
export function normKemuName(s: string): string {
  return s.replace(/\s|\u3000/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/[“”"]/g, '');
}

/** The numbering before a 名词解释 term (“1.”, “十二、”, “8、”, “（3）”), and what it takes with the spaces after it. */
export const GLOSSARY_NUMBER = /^[ \u3000]*((?:\d+|[一二三四五六七八九十百]+)[ \u3000]*[.、．,，]|[（(](?:\d+|[一二三四五六七八九十]+)[)）])[ \u3000]*/;
