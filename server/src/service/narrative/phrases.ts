/**
 * The words of a 情况说明 and what they mean (phrases.json, and template.json generated from the
 * official templates), compiled once into the regular expressions the reader uses.
 */
import data from './phrases.json';
import template from './template.json';

export interface Phrase { text: string; seen: string[] }

const texts = (ps: Phrase[]): string[] => ps.map((p) => p.text);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An alternation of words, longest first (so that 年初预算数 wins over 预算数). */
export const alt = (words: readonly string[]): string => [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join('|');

/** Space that may sit between a word and its number. */
export const SP = '[ \\t\\u3000]*';
/** A character SP stands for (space, tab, 全角 space), by its code. */
export const isSp = (c: number): boolean => c === 32 || c === 9 || c === 0x3000;
/** Where the spaces (SP) right before `at` begin: the quick tests look at the character before it. */
export function spacesBefore(v: string, at: number): number {
  let e = at;
  while (e > 0 && isSp(v.charCodeAt(e - 1))) e--;
  return e;
}
export { isWhite } from '../chars';

export type FigureKind = 'initial' | 'full' | 'budget' | 'actual' | 'base' | 'planned';
export const FIGURE_KINDS: readonly FigureKind[] = ['initial', 'full', 'budget', 'actual', 'base', 'planned'];

export const WORDS = {
  totals: texts(data.totals.words),
  shares: texts(data.shares.words),
  up: texts(data.changes.up),
  down: texts(data.changes.down),
  flat: texts(data.changes.flat),
  more: texts(data.compare.more),
  less: texts(data.compare.less),
  equal: texts(data.compare.equal),
  completionInitial: texts(data.completion.initial),
  completionAny: texts(data.completion.any),
  listIntro: texts(data.lists.intro),
  notParts: texts(data.lists.notParts.words),
  bases: texts(data.bases.words),
  zeroBase: texts(data.zeroBase.words),
  figureTails: texts(data.figures.tails),
  placeholders: [...texts(data.placeholders.forms), ...texts(template.placeholders)],
  alternatives: texts(template.alternatives),
  annotations: texts(template.annotations),
  instructions: texts(template.instructions),
  levels: { 类: texts(data.kemuLevels.类), 款: texts(data.kemuLevels.款), 项: texts(data.kemuLevels.项) },
};

/** The figure labels by kind. */
export const FIGURE_WORDS: Record<FigureKind, string[]> = {
  initial: texts(data.figures.initial),
  full: texts(data.figures.full),
  budget: texts(data.figures.budget),
  actual: texts(data.figures.actual),
  base: texts(data.figures.base),
  planned: texts(data.figures.planned),
};

const KIND_OF_LABEL = new Map<string, FigureKind>();
for (const k of FIGURE_KINDS) for (const w of FIGURE_WORDS[k]) KIND_OF_LABEL.set(w, k);

export function figureKindOf(label: string): FigureKind | undefined {
  return KIND_OF_LABEL.get(label);
}

/** Is `word` one that says up? (增加, 增长 …) */
export const isUp = (word: string): boolean => WORDS.up.includes(word);

const OPPOSITE = new Map<string, string>([...data.changes.up, ...data.changes.down].map((p) => [p.text, p.opposite]));

/** The word of the opposite direction with the same form (增加 → 减少, 增长 → 下降). */
export function opposite(word: string): string {
  return OPPOSITE.get(word) ?? (isUp(word) ? WORDS.down[0] : WORDS.up[0]);
}

const CHANGE = alt([...WORDS.up, ...WORDS.down]);

export const RE = {
  /** A change word right before a number (the number at the end of the string). */
  changeBefore: new RegExp(`(${CHANGE})${SP}$`),
  /** A share word before a percentage, naming the whole or not (占 / 占本年支出合计的). */
  shareBefore: new RegExp(`(?:${alt(WORDS.shares)})(?:([^，。；、\\d%]{2,30}?)的)?${SP}$`),
  /** A completion rate (完成年初预算的 / 完成预算的 / 执行率为) before a percentage. */
  completionBefore: new RegExp(`(${alt([...WORDS.completionInitial, ...WORDS.completionAny])})${SP}$`),
  /** A list introduction: 其中、主要包括、具体情况如下 … */
  listIntro: new RegExp(`(${alt(WORDS.listIntro)})[：:]?`, 'g'),
  /** A restated total at the end of a list (合计1170.00万). */
  totalBefore: new RegExp(`(?:${alt(WORDS.totals)})(?:${alt(WORDS.figureTails)})?${SP}$`),
  /** A sentence that opens with its base (与上年相比、比上年、较上年、同比 …). */
  opensWithBase: new RegExp(`^${SP}(?:${alt(WORDS.bases)})`),
  flat: new RegExp(`(${alt(WORDS.flat)})`),
  zeroBase: new RegExp(alt(WORDS.zeroBase)),
  /** 决算数大于（小于）预算数: the comparison word. */
  compare: new RegExp(`(${alt([...WORDS.more, ...WORDS.less, ...WORDS.equal])})`),
};

/** Which way a comparison word goes: 1 (大于), -1 (小于), 0 (持平/等于). */
export function compareSign(word: string): number | undefined {
  if (WORDS.more.includes(word)) return 1;
  if (WORDS.less.includes(word)) return -1;
  if (WORDS.equal.includes(word)) return 0;
  return undefined;
}
