/**
 * Test sources with markers: «…» marks an expected range. Returns the text without markers and
 * the ranges in marker order.
 */
export function extractMarkers(src: string): { text: string; ranges: Array<{ start: number; end: number }> } {
  let text = '';
  const ranges: Array<{ start: number; end: number }> = [];
  const open: number[] = [];
  for (const ch of src) {
    if (ch === '«') open.push(text.length);
    else if (ch === '»') {
      const s = open.pop();
      if (s === undefined) throw new Error('unbalanced marker');
      ranges.push({ start: s, end: text.length });
    } else text += ch;
  }
  if (open.length) throw new Error('unbalanced marker');
  return { text, ranges };
}
