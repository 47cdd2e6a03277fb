/**
 * Invisible characters named in messages: a NUL byte, a zero-width space or a bidi control in an
 * amount or a name shows as nothing (or moves the text around) when a message quotes it. `visible`
 * replaces each such character by ⟨invisible character U+0000 NUL⟩ (in the message language);
 * text without them is returned as it is (the function is idempotent).
 */
import * as l10n from '../l10n';

/** C0/C1 controls except tab and line feed, format characters (zero-width, bidi, BOM), separators other than the space and the ideographic space, lone surrogates, fillers. */
const INVISIBLE = /[\0-\x08\x0b-\x1f\x7f-\x9f\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u00a0\u1680\u2000-\u200a\u202f\u205f\u115f\u1160\u3164\uffa0\u2800]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

const NAMES: Record<number, string> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'BS', 0x0b: 'VT', 0x0c: 'FF', 0x0d: 'CR', 0x1b: 'ESC', 0x7f: 'DEL', 0x85: 'NEL',
  0xa0: 'NBSP', 0xad: 'SHY', 0x200b: 'ZWSP', 0x200c: 'ZWNJ', 0x200d: 'ZWJ', 0x200e: 'LRM', 0x200f: 'RLM',
  0x2028: 'LSEP', 0x2029: 'PSEP', 0x202a: 'LRE', 0x202b: 'RLE', 0x202c: 'PDF', 0x202d: 'LRO', 0x202e: 'RLO',
  0x2060: 'WJ', 0x2066: 'LRI', 0x2067: 'RLI', 0x2068: 'FSI', 0x2069: 'PDI', 0xfeff: 'BOM',
};

/** U+0000 NUL: the code point and, where it has one, its usual abbreviation. */
export function codePointName(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return NAMES[cp] ? `${hex} ${NAMES[cp]}` : hex;
}

export function hasInvisible(s: string): boolean {
  return INVISIBLE.test(s);
}

/** The text with every invisible character named: 335⟨不可见字符 U+0000 NUL⟩56. */
export function visible(s: string): string {
  if (!INVISIBLE.test(s)) return s;
  return s.replace(INVISIBLE_ALL, (c) => l10n.t('⟨不可见字符 {0}⟩', codePointName(c)));
}
