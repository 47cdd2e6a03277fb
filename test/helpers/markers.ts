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

/** Applies the first fix of a finding to a text (edits from the end, so offsets stay valid). */
export function applyFix(text: string, f: { fixes?: Array<{ edits: Array<{ range: { start: number; end: number }; newText: string }> }> }): string {
  let t = text;
  for (const e of [...f.fixes![0].edits].sort((a, b) => b.range.start - a.range.start)) t = t.slice(0, e.range.start) + e.newText + t.slice(e.range.end);
  return t;
}
