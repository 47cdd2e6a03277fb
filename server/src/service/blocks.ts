/**
 * Splits a YAML report into its independent top-level blocks. A block starts at a line that
 * begins, in column 0, with a mapping key (`表 收入决算表:`); everything up to the next such line
 * belongs to it (its indented content, comments, blank lines). Each block is parsed alone, so an
 * edit re-parses one block and the others are reused (see parser.ts, ReportParser).
 */
export interface RawBlock {
  /** The top-level key as written ('' for the prelude before the first key). */
  key: string;
  start: number;
  end: number;
  text: string;
}

// A line that starts a top-level key: not indented, not a comment, sequence entry, flow
// collection, directive or document marker; has a ':' followed by a space or the line end.
const KEY_LINE = /^(?![\s#\-[\]{},&*!|>%@`])(?:"[^"\n]*"|'[^'\n]*'|[^\n:#]*?(?::(?![ \t\r\n])[^\n:#]*?)*):(?:[ \t]|\r?$)/;

export function splitBlocks(text: string): RawBlock[] {
  return splitByHeaders(text, (line) => {
    if (line.length === 0 || /^[\s#]/.test(line)) return undefined;
    const m = KEY_LINE.exec(line);
    return m ? unquoteKey(m[0].replace(/:[ \t]*\r?$/, '').replace(/:[ \t]$/, '')) : undefined;
  });
}

/**
 * Splits text into blocks at the lines for which `keyOf` gives a key; what comes before the first
 * such line is a block with the key ''. Shared by the YAML and the DSL front ends.
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
    const key = keyOf(text.slice(pos, eol));
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

function unquoteKey(k: string): string {
  k = k.trim();
  if (k.length >= 2 && k.startsWith('"') && k.endsWith('"')) {
    try {
      return String(JSON.parse(k)); // YAML double quotes escape as JSON does (\t, \", \\, \u…)
    } catch {
      return k.slice(1, -1);
    }
  }
  if (k.length >= 2 && k.startsWith("'") && k.endsWith("'")) return k.slice(1, -1).replace(/''/g, "'");
  return k;
}
