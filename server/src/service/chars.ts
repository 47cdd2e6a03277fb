/** Character classes read by character code (a CJK character read as a string is a new string each time). */

/** A UTF-16 code unit that /\s/ matches (tested against it on every code unit). */
export const isWhite = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
