/** Character classes read by character code (a CJK character read as a string is a new string each time). */

/** An ASCII digit 0–9 (what \d matches without the u flag). */
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A UTF-16 code unit that /\s/ matches (tested against it on every code unit). */
export const isWhite = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * Whether a string can hold a template placeholder at all (every one has X, Ｘ, × or 填写: rules/format/
 * placeholder.ts): most rows and cells do not.
 */
export function mayHoldPlaceholder(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x58 /* X */ || c === 0xff38 /* Ｘ */ || c === 0xd7 /* × */ || (c === 0x586b /* 填 */ && s.charCodeAt(i + 1) === 0x5199 /* 写 */)) return true;
  }
  return false;
}

/** The start of an FNV-1a hash (hashString): what the rules use to find parts and tables written alike. */
export const HASH_START = 0x811c9dc5;

/** FNV-1a over the UTF-16 code units of `s`, from `h` (equal strings give equal hashes; a hash alone decides nothing). */
export function hashString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}
