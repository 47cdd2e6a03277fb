/**
 * sum.children and sum.columns count the sums that agree without making their objects (cellsAgree,
 * columnsAgree): on any cells they answer what agrees() answers for the ChildrenSum or ColumnsSum
 * they stand for — or the fast path would count as checked and fine a total that is not.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { Cell, Row, Table, TablePart } from '../../server/src/service/model';
import { Decimal } from '../../server/src/service/decimal';
import { agrees, cellsAgree, ChildrenSum, columnsAgree, ColumnsSum } from '../../server/src/service/rules/tables/equality';

const R = { start: 0, end: 0 };
const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.oneof(fc.integer({ min: -999, max: 999 }).map(BigInt), fc.bigInt({ min: -(2n ** 55n), max: 2n ** 55n })), fc.constantFrom(0, 1, 2, 2, 2))
    .map(([u, s]): Cell => ({ kind: 'amount', raw: '', range: R, value: new Decimal(u, s) })) },
  { weight: 1, arbitrary: fc.constant<Cell>({ kind: 'empty', raw: '-', range: R }) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>({ kind: 'text', raw: 'x', range: R }, { kind: 'number', raw: '1', range: R, value: new Decimal(1n, 0) }, { kind: 'percent', raw: '1%', range: R, value: new Decimal(1n, 0) }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const row = (cells: Array<Cell | undefined>): Row => ({ key: 'r', name: 'r', range: R, keyRange: R, nameRange: R, cells: cells as Cell[] } as unknown as Row);

describe('the sums counted without their objects', () => {
  it('cellsAgree answers as agrees() on a ChildrenSum, on any cells (sums past 2^53 included)', () => {
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
      assert.strictEqual(cellsAgree(parent.cells[c], children, c), a);
    }), { numRuns: 20000 });
    assert.ok(yes > 300, `only ${yes} cases agree: the property says little`);
  });

  it('columnsAgree answers as agrees() on a ColumnsSum, on any cells and signs', () => {
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
      assert.strictEqual(columnsAgree(r, 0, cols), a);
    }), { numRuns: 20000 });
    assert.ok(yes > 300, `only ${yes} cases agree: the property says little`);
  });
});
