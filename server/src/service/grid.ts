/**
 * A table part's amounts as numbers in one block of memory, row after row: what the sum rules add up
 * tens of thousands of times in a large report, read without going through the row, cell and decimal
 * objects (which lie scattered in memory: reading them is most of those rules' time).
 *
 * Made by the parser (report-parser.ts) for every table part; a model made any other way has none and
 * the rules read the cells. It says only what agrees() reads from a cell, and never decides alone:
 * a cell it cannot hold exactly is marked ASK, and the rule then reads the cells.
 */
import { TablePart } from './model';
import { HASH_START, mayHoldPlaceholder } from './chars';
import { POW10 } from './decimal';

/** A cell that is not an amount (text, number, percent, or missing: the row is short). */
export const OTHER = -1;
/** An empty cell (written -, —, /). */
export const EMPTY = -2;
/** An amount the grid does not hold (its count of units is not a 32-bit integer): read the cell. */
export const ASK = -3;

export interface AmountGrid {
  /** Columns per row (the part's columns when it was parsed). */
  readonly width: number;
  /** units[r * width + c]: the amount's count of its smallest written unit (Decimal.num), when scale ≥ 0. */
  readonly units: Int32Array;
  /** scales[r * width + c]: the amount's decimals (0 … 100), or OTHER, EMPTY, ASK. */
  readonly scales: Int8Array;
  /**
   * Each row's 科目 code as a number, codeNumber(code), or NO_CODE; undefined when a code of the part is
   * not one that fits 32 bits (codes have 3, 5 or 7 digits): then the rules read the rows' codes.
   */
  readonly codes?: Int32Array;
  /** A hash of `codes` (parts with equal codes have equal hashes). */
  readonly codesHash: number;
  /**
   * Whether a row key or a text cell of the part has a character every template placeholder has (X, Ｘ,
   * ×, or 填写: chars.ts mayHoldPlaceholder); false: placeholder.field need not read its rows.
   */
  readonly mayHoldPlaceholder: boolean;
}

/** A row without a code in AmountGrid.codes. */
export const NO_CODE = -1;

/** How many digits a code number (codeNumber) stands for. */
export const codeLength = (n: number): number => n % 10;

/** The length of the code of row r of a part (0: none): from the grid's code numbers `codes` when there are some, else from the row. */
export function codeLengthAt(codes: Int32Array | undefined, part: TablePart, r: number): number {
  if (!codes) return part.rows[r].code?.length ?? 0;
  return codes[r] === NO_CODE ? 0 : codeLength(codes[r]);
}

/** The first digit of the code a code number stands for (2 for 201, 3 for 30101). */
export function codeFirstDigit(n: number): number {
  const len = n % 10;
  return Math.floor((n - len) / POW10[len]);
}

/** A code of up to nine digits as a number, its digits and their count (201 and 0201 differ); else undefined. */
export function codeNumber(code: string): number | undefined {
  if (code.length === 0 || code.length > 9) return undefined;
  let v = 0;
  for (let i = 0; i < code.length; i++) {
    const d = code.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  // a safe integer (below 10^10); the grid keeps it when it fits 32 bits (every code of seven digits does)
  return v * 10 + code.length;
}

const grids = new WeakMap<TablePart, AmountGrid>();

/** The grid of a part, when the parser made one. */
export function gridOf(part: TablePart): AmountGrid | undefined {
  return grids.get(part);
}

/** Makes (or remakes) the grid of a part from its cells. */
export function makeGrid(part: TablePart): AmountGrid {
  const rows = part.rows;
  const width = part.columns.length;
  const n = rows.length * width;
  const units = new Int32Array(n);
  const scales = new Int8Array(n);
  // the codes, and whether a key or text cell may hold a placeholder: read in the same pass, while each row is in memory
  let codes: Int32Array | undefined = new Int32Array(rows.length);
  let h = HASH_START;
  let hold = false;
  let at0 = 0;
  const put = (k: number, u: number, scale: number) => {
    if (k >= width) return;
    // a count that is not a 32-bit integer: the cell decides (as below)
    if ((u | 0) !== u) scales[at0 + k] = ASK;
    else {
      units[at0 + k] = u;
      scales[at0 + k] = scale;
    }
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (codes) {
      const v = row.code ? codeNumber(row.code) : NO_CODE;
      if (v === undefined || v > 0x7fffffff) codes = undefined;
      else {
        codes[r] = v;
        h = Math.imul(h ^ v, 16777619);
      }
    }
    if (!hold && mayHoldPlaceholder(row.key)) hold = true;
    // a row of plain amounts (frontends/common.ts PlainCells) gives them without making its cells
    at0 = r * width;
    if (row.plainAmounts?.(put)) continue;
    const cells = row.cells;
    for (let c = 0; c < width; c++) {
      const x = cells[c];
      const at = r * width + c;
      if (!x) scales[at] = OTHER;
      else if (x.kind === 'empty') scales[at] = EMPTY;
      else if (x.kind !== 'amount' || !x.value) {
        scales[at] = OTHER;
        if (!hold && x.kind === 'text' && mayHoldPlaceholder(x.raw)) hold = true;
      } else {
        const v = x.value;
        // a count that is not a 32-bit integer (or not safe at all), or decimals past 100: the cell decides
        if ((v.num | 0) !== v.num || v.scale > 100) scales[at] = ASK;
        else {
          units[at] = v.num;
          scales[at] = v.scale;
        }
      }
    }
    // cells past the columns (a row too long): text the placeholder rule reads all the same
    for (let c = width; !hold && c < cells.length; c++) if (cells[c] && cells[c].kind === 'text' && mayHoldPlaceholder(cells[c].raw)) hold = true;
  }
  const g: AmountGrid = { width, units, scales, codes, codesHash: h >>> 0, mayHoldPlaceholder: hold };
  grids.set(part, g);
  return g;
}
