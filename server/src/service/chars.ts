/** Character classes read by character code (a CJK character read as a string is a new string each time). */

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
