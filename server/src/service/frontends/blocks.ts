/**
 * Blocks: the unit of incremental parsing. Each front end says where a block starts (a top-level
 * YAML key, a 【…】 line of the DSL); everything up to the next start belongs to it. Each block is
 * parsed alone, so an edit re-parses one block and the others are reused (report-parser.ts).
 */
export interface RawBlock {
  /** The top-level key as written ('' for the prelude before the first key). */
  key: string;
  start: number;
  end: number;
  text: string;
}

/**
 * Splits text into blocks at the lines for which `keyOf` gives a key; what comes before the first
 * such line is a block with the key ''. Shared by the YAML and the DSL front ends. A line that is
 * empty or starts with white space or # starts a block in neither syntax: it is skipped without
 * being asked about (most lines of a report are indented rows).
 */
export function splitByHeaders(text: string, keyOf: (line: string) => string | undefined): RawBlock[] {
  const blocks: RawBlock[] = [];
  let curStart = 0;
  let curKey = '';
  let pos = 0;
  const n = text.length;
  while (pos <= n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    const c = text.charCodeAt(pos);
    const key = pos === eol || c === 32 || c === 9 || c === 13 || c === 35 /* # */ ? undefined : keyOf(text.slice(pos, eol));
    if (key !== undefined) {
      if (pos > curStart || curKey !== '') blocks.push({ key: curKey, start: curStart, end: pos, text: text.slice(curStart, pos) });
      curStart = pos;
      curKey = key;
    }
    if (eol >= n) break;
    pos = eol + 1;
  }
  if (n > curStart || curKey !== '' || blocks.length === 0) blocks.push({ key: curKey, start: curStart, end: n, text: text.slice(curStart, n) });
  return blocks;
}
