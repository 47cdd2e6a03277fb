/**
 * 科目 paths written in a text, in the three ways reports write them:
 *  - names with their levels: 公共安全支出（204类）司法（06款）行政运行（01项）, or without codes
 *    一般公共服务支出（类）商贸事务（款）行政运行（项）（brackets of either width, a level may be left out);
 *  - names joined by dashes in quotes: “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目;
 *  - codes with names: 201（一般公共服务）13（商贸事务）08（招商引资）.
 */
import { alt, WORDS } from './phrases';

export type Level = '类' | '款' | '项';

export interface PathSegment {
  level: Level;
  name: string;
  /** Where the name is written. */
  start: number;
  end: number;
  /** This level's digits as written (204, 06, 01), when the text gives them. */
  digits?: string;
}

export interface KemuPath {
  form: 'levels' | 'dash' | 'codes';
  segments: PathSegment[];
  start: number;
  end: number;
}

const LEVEL_WORD = new Map<string, Level>();
for (const lv of ['类', '款', '项'] as Level[]) for (const w of WORDS.levels[lv]) LEVEL_WORD.set(w, lv);
const LEVEL_ALT = alt([...LEVEL_WORD.keys()]);
const ORDER: Level[] = ['类', '款', '项'];
/** A text without a level mark has no path of names (a quick test before the slow one). */
const LEVEL_MARK = new RegExp(`(?:${LEVEL_ALT})[)）]`);

/** A name: anything but brackets, quotes, punctuation and digits, or a short bracketed part (政府办公厅（室）…). */
const NAME = `(?:[^（）()“”"\\s，。；：:、.．\\d-]|[（(](?!\\d*(?:${LEVEL_ALT})[)）])[^（）()\\d]{1,4}[)）])+?`;
export const SEGMENT = new RegExp(`(${NAME})[（(](\\d{2,3})?(${LEVEL_ALT})[)）]`, 'g');

/** A level mark, as SEGMENT ends with one: （类）, （204类）, (06款) … */
const MARK = new RegExp(`[（(](?:\\d{2,3})?(?:${LEVEL_ALT})[)）]`, 'g');
/** SEGMENT ending where its text ends (at the mark it is looked for before). */
const SEGMENT_AT_END = new RegExp(`${SEGMENT.source}$`);
/** How far before its mark a segment's name is looked for (科目 names are far shorter). */
const NAME_WINDOW = 120;

/**
 * SEGMENT's matches (as matchAll finds them: leftmost, one after the other), each looked for in the
 * NAME_WINDOW characters before a level mark. A name never holds a level mark (NAME refuses one), so
 * a match ends at the first mark after its start; tried from every character of the text, the
 * expression ran to the end of each clause.
 */
export function segments(v: string): Array<{ index: number; length: number; name: string; digits?: string; level: string }> {
  const out: Array<{ index: number; length: number; name: string; digits?: string; level: string }> = [];
  let from = 0;
  MARK.lastIndex = 0;
  for (let mk = MARK.exec(v); mk; mk = MARK.exec(v)) {
    if (mk.index < from) continue;
    const start = Math.max(from, mk.index - NAME_WINDOW);
    const m = SEGMENT_AT_END.exec(v.slice(start, mk.index + mk[0].length));
    if (!m) continue;
    out.push({ index: start + m.index, length: m[0].length, name: m[1], digits: m[2], level: m[3] });
    from = start + m.index + m[0].length;
  }
  return out;
}

function levelPaths(v: string): KemuPath[] {
  const out: KemuPath[] = [];
  let cur: PathSegment[] = [];
  let curStart = 0;
  let lastEnd = -1;
  // one level alone is a path when an amount follows it (一般公共服务支出（类）6021.71万元)
  const flush = () => {
    if (cur.length >= 2 || (cur.length === 1 && /^[ \t\u3000]*-?\d/.test(v.slice(lastEnd, lastEnd + 4)))) out.push({ form: 'levels', segments: cur, start: curStart, end: lastEnd });
    cur = [];
  };
  for (const m of segments(v)) {
    const level = LEVEL_WORD.get(m.level)!;
    const prev = cur[cur.length - 1];
    if (m.index !== lastEnd || (prev && ORDER.indexOf(level) <= ORDER.indexOf(prev.level))) flush();
    if (cur.length === 0) curStart = m.index;
    cur.push({ level, name: m.name, start: m.index, end: m.index + m.name.length, digits: m.digits });
    lastEnd = m.index + m.length;
  }
  flush();
  return out;
}

const DASH = /[“"]([^”"\-\n\d]{2,40}(?:-[^”"\-\n\d]{2,40}){1,2})[”"]/g;

function dashPaths(v: string): KemuPath[] {
  const out: KemuPath[] = [];
  for (const m of v.matchAll(DASH)) {
    const names = m[1].split('-');
    const levels = ORDER.slice(ORDER.length - names.length);
    let at = m.index! + 1;
    const segments = names.map((name, i) => {
      const s = { level: levels[i], name, start: at, end: at + name.length };
      at += name.length + 1;
      return s;
    });
    out.push({ form: 'dash', segments, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

const CODES = /(\d{3})\s*[（(]([^）)]{1,30})[）)]\s*(\d{2})\s*[（(]([^）)]{1,30})[）)](?:\s*(\d{2})\s*[（(]([^）)]{1,30})[）)])?/g;

function codePaths(v: string): KemuPath[] {
  const out: KemuPath[] = [];
  for (const m of v.matchAll(CODES)) {
    const segments: PathSegment[] = [];
    let off = m.index!;
    const parts: Array<[string, string]> = [[m[1], m[2]], [m[3], m[4]]];
    if (m[5]) parts.push([m[5], m[6]]);
    parts.forEach(([digits, name], i) => {
      const at = v.indexOf(name, off + digits.length);
      off = at + name.length;
      segments.push({ level: ORDER[i], name, start: at, end: at + name.length, digits });
    });
    out.push({ form: 'codes', segments, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

export function kemuPaths(v: string): KemuPath[] {
  const out = /\d{3}\s*[（(]/.test(v) ? codePaths(v) : [];
  if (LEVEL_MARK.test(v)) out.push(...levelPaths(v));
  if (/[“"][^”"\n]*-/.test(v)) out.push(...dashPaths(v));
  return out.sort((a, b) => a.start - b.start);
}

/** The code a path spells out, when it gives every level's digits (204 + 06 + 01 → 2040601). */
export function pathCode(p: KemuPath): string | undefined {
  if (p.segments[0].level !== '类' || p.segments.some((s) => !s.digits)) return undefined;
  const code = p.segments.map((s) => s.digits).join('');
  return /^\d{3}(\d{2}){0,2}$/.test(code) ? code : undefined;
}
