/**
 * Degraded input for the import tests and npm run import:accuracy: the same document with its
 * numbers moved sideways, as a worse PDF producer or pdftotext would print them. The importer
 * cannot know where a number belongs once it sits right under another column; what it must do is
 * put every number that is not clearly in a column where it fits best and flag it. So a number is
 * moved by less than half the distance between two columns.
 */
import { Page, isAmount } from '../../server/src/service/import/geom';

/** A small seeded generator (mulberry32): the same degradation for the same seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Moves every number with decimals (an amount, not a 科目 code) of the given pages sideways by up
 * to `spread` font sizes, each by its own random amount. Returns how many were moved.
 */
export function degradePages(pages: Page[], seed: number, spread = 3): number {
  const rnd = random(seed);
  let moved = 0;
  for (const p of pages)
    for (const l of p.lines)
      for (const f of l.frags) {
        if (!isAmount(f.text) || !/[.,]/.test(f.text)) continue;
        const dx = (rnd() * 2 - 1) * spread * f.fs;
        f.x0 += dx;
        f.x1 += dx;
        moved++;
      }
  return moved;
}

/**
 * pdftotext text with the numbers of every table line moved left or right by up to `spread`
 * columns (each line its own way, each number its own amount; never into its neighbour).
 */
export function degradeLayoutText(text: string, seed: number, spread = 4): string {
  const rnd = random(seed);
  const moves = (w: string) => isAmount(w) && /[.,]/.test(w);
  // page by page (the form feeds between pages kept), line by line
  return text.split('\f').map((page) => page
    .split('\n')
    .map((line) => {
      const words = [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index! }));
      if (!words.some((w) => moves(w.text))) return line;
      let out = '';
      let prevEnd = -1;
      for (const w of words) {
        // a word keeps its distance to the one before when it is one space (the same piece of text)
        const gap = prevEnd < 0 ? 0 : Math.min(2, w.start - prevEnd);
        let start = w.start + (moves(w.text) ? Math.round((rnd() * 2 - 1) * spread) : 0);
        start = Math.max(start, out.length + gap);
        out = out.padEnd(start, ' ') + w.text;
        prevEnd = w.start + w.text.length;
      }
      return out;
    })
    .join('\n')).join('\f');
}
