/**
 * sum.children and sum.columns count the sums that agree without making their objects (gridAgrees on
 * the part's grid): on any cells it answers what agrees() answers for the ChildrenSum or ColumnsSum it
 * stands for, or leaves the sum to it — or the fast path would count as checked and fine a total that
 * is not.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { Cell, Row, Table, TablePart } from '../../server/src/service/model';
import { Decimal } from '../../server/src/service/decimal';
import { agrees, ChildrenSum, ColumnsSum, gridAgrees } from '../../server/src/service/rules/tables/equality';
import { ASK, codeFirstDigit, codeLength, codeNumber, gridOf, makeGrid, NO_CODE } from '../../server/src/service/grid';
import { sameCodes } from '../../server/src/service/rules/context';
import { parseReport } from '../../server/src/service/frontends/report-parser';
import { generateLargeReport } from '../../scripts/gen-large';

const R = { start: 0, end: 0 };
const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.oneof(fc.integer({ min: -999, max: 999 }).map(BigInt), fc.bigInt({ min: -(2n ** 55n), max: 2n ** 55n }), fc.integer({ min: -2, max: 2 }).map((k) => 2n ** 31n + BigInt(k)), fc.integer({ min: -2, max: 2 }).map((k) => -(2n ** 31n) + BigInt(k))), fc.constantFrom(0, 1, 2, 2, 2))
    .map(([u, s]): Cell => ({ kind: 'amount', raw: '', range: R, value: new Decimal(u, s) })) },
  { weight: 1, arbitrary: fc.constant<Cell>({ kind: 'empty', raw: '-', range: R }) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>({ kind: 'text', raw: 'x', range: R }, { kind: 'number', raw: '1', range: R, value: new Decimal(1n, 0) }, { kind: 'percent', raw: '1%', range: R, value: new Decimal(1n, 0) }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const row = (cells: Array<Cell | undefined>): Row => ({ key: 'r', name: 'r', range: R, keyRange: R, nameRange: R, cells: cells as Cell[] } as unknown as Row);
const part = (rows: Row[], width: number) => ({ name: '', columns: Array.from({ length: width }, (_, i) => ({ name: `c${i}`, path: [`c${i}`], kind: 'amount', range: R })), rows, range: R } as unknown as TablePart);
/** What the rules count: the grid's answer, or agrees() where the grid leaves it. */
const counted = (sure: boolean | undefined, eq: ChildrenSum | ColumnsSum) => sure ?? agrees(eq.totalCell, eq);

describe('the sums counted without their objects', () => {
  it('the grid answers as agrees() on a ChildrenSum, on any cells (sums past 2^53 included)', () => {
    let yes = 0;
    // totals near a sum of the children, so that many cases agree
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 0, maxLength: 6 }), fc.nat(2), fc.boolean(), (kids, c0, exact) => {
      const c = c0 % 2;
      const children = kids.map(row);
      let total: Cell | undefined = { kind: 'amount', raw: '', range: R, value: new Decimal(0n, 2) };
      if (exact) {
        const vals = kids.map((k) => k[c]).filter((x): x is Cell => !!x && x.kind === 'amount');
        if (vals.length) total = { kind: 'amount', raw: '', range: R, value: vals.reduce((a, x) => a.add(x.value!), new Decimal(0n, vals[0].value!.scale)) };
      }
      const parent = row([total, total]);
      const eq = new ChildrenSum({} as Table, { columns: [] } as unknown as TablePart, parent, children, c);
      const a = agrees(eq.totalCell, eq);
      if (a) yes++;
      const g = makeGrid(part([parent, ...children], 2));
      assert.strictEqual(counted(gridAgrees(g, c, children.map((_, k) => k + 1), 2, c), eq), a);
    }), { numRuns: 20000, endOnFailure: true });
    assert.ok(yes > 300, `only ${yes} cases agree: the property says little`);
  });

  it('the grid answers as agrees() on a ColumnsSum, on any cells and signs', () => {
    let yes = 0;
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: 6, maxLength: 6 }), fc.boolean(), (cells, signs, exact) => {
      const cols = cells.map((_, i) => ({ c: i + 1, sign: signs[i] }));
      let total: Cell | undefined = { kind: 'amount', raw: '', range: R, value: new Decimal(0n, 2) };
      const vals = cells.map((x, i) => (x && x.kind === 'amount' ? x.value!.rescale(Math.max(2, x.value!.scale)) : undefined));
      if (exact && vals.every((v) => v)) total = { kind: 'amount', raw: '', range: R, value: vals.reduce<Decimal>((a, v, i) => (signs[i] < 0 ? a.sub(v!) : a.add(v!)), new Decimal(0n, 2)) };
      const r = row([total, ...cells]);
      const eq = new ColumnsSum({ columns: [] } as unknown as TablePart, r, 0, cols);
      const a = agrees(eq.totalCell, eq);
      if (a) yes++;
      const g = makeGrid(part([r], cells.length + 1));
      assert.strictEqual(counted(gridAgrees(g, 0, cols.map((x) => x.c), 1, 0, cols.map((x) => x.sign)), eq), a);
    }), { numRuns: 20000, endOnFailure: true });
    assert.ok(yes > 300, `only ${yes} cases agree: the property says little`);
  });
});

describe('the grid of a table part (grid.ts)', () => {
  it('answers as the cells do for a ChildrenSum, or leaves it to them (a count past 32 bits)', () => {
    let sure = 0;
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 0, maxLength: 3 }), { minLength: 1, maxLength: 7 }), fc.nat(2), fc.boolean(), (cellRows, c, exact) => {
      const rows = cellRows.map(row);
      const kids = rows.slice(1);
      if (exact) {
        const vals = kids.map((k) => k.cells[c]).filter((x): x is Cell => !!x && x.kind === 'amount');
        if (vals.length) rows[0].cells[c] = { kind: 'amount', raw: '', range: R, value: vals.reduce((a, x) => a.add(x.value!), new Decimal(0n, vals[0].value!.scale)) };
      }
      const p = part(rows, 3);
      const g = makeGrid(p);
      const eq = new ChildrenSum({} as Table, p, rows[0], kids, c);
      const want = agrees(eq.totalCell, eq);
      const got = gridAgrees(g, c, kids.map((_, k) => k + 1), 3, c);
      if (got !== undefined) { sure++; assert.strictEqual(got, want); }
      else assert.ok([rows[0], ...kids].some((r) => g.scales[rows.indexOf(r) * 3 + c] === ASK), 'undefined only where a cell is ASK');
    }), { numRuns: 20000, endOnFailure: true });
    assert.ok(sure > 10000, `${sure} answered by the grid`);
  });

  it('answers as the cells do for a ColumnsSum, or leaves it to them', () => {
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: 6, maxLength: 6 }), (cells, signs) => {
      const r = row(cells);
      const cols = cells.slice(1).map((_, i) => ({ c: i + 1, sign: signs[i] }));
      const g = makeGrid(part([r], cells.length));
      const got = gridAgrees(g, 0, cols.map((x) => x.c), 1, 0, cols.map((x) => x.sign));
      const eq = new ColumnsSum(part([r], cells.length), r, 0, cols);
      if (got !== undefined) assert.strictEqual(got, agrees(eq.totalCell, eq));
    }), { numRuns: 20000, endOnFailure: true });
  });

  it('the parser makes one for every table part, holding each amount as its cell has it', () => {
    const report = parseReport(generateLargeReport({ units: 3 }).text).report;
    let amounts = 0;
    for (const t of report.tables) for (const p of t.parts) {
      const g = gridOf(p)!;
      assert.ok(g, `${t.title}`);
      assert.strictEqual(g.width, p.columns.length);
      p.rows.forEach((r, i) => r.cells.slice(0, g.width).forEach((x, c) => {
        if (x.kind === 'amount' && x.value) { amounts++; assert.ok(g.scales[i * g.width + c] === ASK || (g.units[i * g.width + c] === x.value.num && g.scales[i * g.width + c] === x.value.scale)); }
      }));
    }
    assert.ok(amounts > 1000, `${amounts} amounts`);
  });
});

describe('the grid’s codes (parts grouped by their codes)', () => {
  const coded = (codes: Array<string | undefined>) => part(codes.map((code) => ({ ...row([]), code } as Row)), 1);

  it('a code’s number is its digits and their count: equal numbers, equal codes', () => {
    assert.strictEqual(codeNumber('2011308'), 20113087);
    assert.notStrictEqual(codeNumber('201'), codeNumber('0201'));
    assert.strictEqual(codeNumber('20a'), undefined);
    assert.strictEqual(codeNumber(''), undefined);
    fc.assert(fc.property(fc.stringMatching(/^\d{1,9}$/), fc.stringMatching(/^\d{1,9}$/), (a, b) => {
      assert.strictEqual(codeNumber(a) === codeNumber(b), a === b, `${a} ${b}`);
      // what the rules read from it: the code's length and first digit
      assert.strictEqual(codeLength(codeNumber(a)!), a.length, a);
      assert.strictEqual(codeFirstDigit(codeNumber(a)!), a.charCodeAt(0) - 48, a);
    }), { numRuns: 5000 });
  });

  it('rows without a code are NO_CODE; a code that is not digits leaves the grid without codes', () => {
    const g = makeGrid(coded(['201', undefined, '20101']));
    assert.deepStrictEqual([...g.codes!], [codeNumber('201'), NO_CODE, codeNumber('20101')]);
    assert.strictEqual(makeGrid(coded(['201', '2x1'])).codes, undefined);
    assert.strictEqual(makeGrid(coded(['201', '999999999'])).codes, undefined, 'past 32 bits');
  });

  it('says whether a row key or a text cell may hold a placeholder (X, Ｘ, ×, 填写), as the parser makes it', () => {
    const hold = (rows: string) => gridOf(parseReport(`表 支出决算表:\n  列: [本年支出合计, 说明]\n  行:\n${rows}`).report.tables[0].parts[0])!.mayHoldPlaceholder;
    assert.strictEqual(hold('    - 201 一般公共服务支出: 1.00 无\n'), false);
    assert.strictEqual(hold('    - 201 一般公共服务支出: 1.00 无\n    - XX项目: 1.00 无\n'), true, 'a key');
    assert.strictEqual(hold('    - 201 一般公共服务支出: 1.00 请填写\n'), true, 'a text cell');
    assert.strictEqual(hold('    - 201 一般公共服务支出: 1.00 ××\n'), true);
    assert.strictEqual(hold('    - 201 一般公共服务支出: 1.00 填\n'), false, '填 alone');
  });

  it('equal codes give equal hashes; sameCodes tells codes apart row by row', () => {
    const a = makeGrid(coded(['201', '20101', undefined]));
    const b = makeGrid(coded(['201', '20101', undefined]));
    const c = makeGrid(coded(['201', '20102', undefined]));
    assert.strictEqual(a.codesHash, b.codesHash);
    assert.ok(sameCodes(a.codes!, b.codes!));
    assert.ok(!sameCodes(a.codes!, c.codes!));
    assert.ok(!sameCodes(a.codes!, a.codes!.subarray(0, 2)));
  });
});
