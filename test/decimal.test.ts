import * as assert from 'assert';
import fc from 'fast-check';
import { Decimal, plainAmount, readNumeral, shareZero, sliceSharingZero, sum, trimTo } from '../server/src/service/decimal';

describe('Decimal (exact amounts)', () => {
  const d = (s: string) => {
    const r = readNumeral(s);
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };

  const cases: Array<[string, string, number]> = [
    ['335.56', '335.56', 2],
    ['0', '0', 0],
    ['0.00', '0.00', 2],
    ['1,687.40', '1687.40', 2],
    ['３３５．５６', '335.56', 2],
    ['-4.79', '-4.79', 2],
    ['－4.79', '-4.79', 2],
    ['12,345,678.9', '12345678.9', 1],
    ['100.00%', '100.00', 2],
  ];
  for (const [raw, str, scale] of cases) {
    it(`reads ${raw} as ${str} with ${scale} decimals`, () => {
      const v = d(raw);
      assert.strictEqual(v.toString(), str);
      assert.strictEqual(v.scale, scale);
    });
  }

  it('marks a trailing % as a percentage', () => {
    const r = readNumeral('49.75%');
    assert.ok(r.ok && r.percent);
    const r2 = readNumeral('49.75');
    assert.ok(r2.ok && !r2.percent);
  });

  const bad: Array<[string, RegExp]> = [
    ['335.5六', /非数字字符“六”/],
    ['12.3.4', /多个小数点/],
    ['1,68.40', /千位分隔符/],
    ['12.', /小数点前后应有数字/],
    ['4-5', /正负号/],
    ['abc', /非数字字符“a”/],
  ];
  for (const [raw, re] of bad) {
    it(`rejects ${raw} with a clear message`, () => {
      const r = readNumeral(raw);
      assert.ok(!r.ok);
      assert.match((r as { message: string }).message, re);
    });
  }

  it('adds exactly where floats do not (0.1 + 0.2 = 0.3)', () => {
    assert.strictEqual(d('0.1').add(d('0.2')).toString(), '0.3');
    assert.ok(d('0.1').add(d('0.2')).eq(d('0.30')));
  });

  it('sums the 301 children of seed 000 (公开06表) to 184.88', () => {
    const parts = ['130.81', '0.10', '4.05', '0.00', '4.58', '17.34', '0.00', '8.38', '1.50', '1.68', '16.44', '0.00', '0.00'];
    assert.strictEqual(sum(parts.map(d)).toString(), '184.88');
  });

  it('compares across scales and keeps the widest scale', () => {
    assert.strictEqual(d('353.2').cmp(d('353.20')), 0);
    assert.strictEqual(d('5').add(d('0.25')).toString(), '5.25');
    assert.ok(d('205.97').cmp(d('205.98')) < 0);
  });

  it('rounds half away from zero when narrowing', () => {
    assert.strictEqual(d('49.755').rescale(2).toString(), '49.76');
    assert.strictEqual(d('-49.755').rescale(2).toString(), '-49.76');
    assert.strictEqual(d('49.754').rescale(2).toString(), '49.75');
  });

  it('knows the half-unit of the last written place', () => {
    assert.strictEqual(d('335.56').halfUlp().toString(), '0.005');
    assert.strictEqual(d('12').halfUlp().toString(), '0.5');
  });

  it('shifts by powers of ten exactly (元 ↔ 万元)', () => {
    assert.strictEqual(d('380.96').shift(-4).toString(), '0.038096');
    assert.strictEqual(d('0.04').shift(4).toString(), '400');
    assert.strictEqual(Decimal.fromInt(3).toString(), '3');
  });
});

import { compareSum } from '../server/src/service/rules/rounding';

describe('compareSum (interval rule), fast and general paths agree', () => {
  const d = (s: string) => { const r = readNumeral(s); if (!r.ok) throw new Error(r.message); return r.value; };
  const cases: Array<[string, string[], string, string]> = [
    ['205.97', ['184.88', '21.10'], 'rounding', '205.98'],
    ['205.98', ['184.88', '21.10'], 'ok', '205.98'],
    ['206.98', ['184.88', '21.10'], 'error', '205.98'],
    ['353.2', ['309.59', '43.61'], 'ok', '353.20'],
    ['353.2', ['309.59', '43.66'], 'rounding', '353.25'],
    ['353.3', ['309.59', '43.61'], 'error', '353.20'],
    ['353.4', ['309.59', '43.61'], 'error', '353.20'],
    ['100', ['99.6'], 'rounding', '99.6'],
    ['99999999999999999.99', ['99999999999999999.98', '0.01'], 'ok', '99999999999999999.99'],
  ];
  for (const [t, ps, verdict, computed] of cases) {
    it(`${t} vs ${ps.join(' + ')} → ${verdict}`, () => {
      const r = compareSum(d(t), ps.map(d));
      assert.strictEqual(r.verdict, verdict);
      assert.ok(r.computed.eq(d(computed)));
      assert.strictEqual(r.computed.toString(Math.max(...ps.map((p) => (p.split('.')[1] ?? '').length))), computed);
    });
  }
  it('exact mode (分值/得分) has no tolerance', () => {
    assert.strictEqual(compareSum(d('100'), [d('99')], true).verdict, 'error');
    assert.strictEqual(compareSum(d('97.7'), [d('87.7'), d('10')], true).verdict, 'ok');
  });
});

describe('plainAmount (the cells’ fast reading)', () => {
  /** What plainAmount read before it was written digit by digit: the regular expression and Number. */
  function reference(raw: string): Decimal | undefined {
    if (!/^-?\d{1,15}(?:\.\d{1,6})?$/.test(raw)) return undefined;
    const dot = raw.indexOf('.');
    const scale = dot < 0 ? 0 : raw.length - dot - 1;
    const n = Number(dot < 0 ? raw : raw.slice(0, dot) + raw.slice(dot + 1));
    if (n === 0) return Decimal.ofUnits(0, scale);
    return Number.isSafeInteger(n) ? Decimal.ofUnits(n, scale) : undefined;
  }
  const same = (raw: string) => {
    const a = plainAmount(raw);
    const b = reference(raw);
    assert.strictEqual(a === undefined, b === undefined, `${JSON.stringify(raw)}: ${a?.toString()} / ${b?.toString()}`);
    if (a && b) assert.ok(a.num === b.num && a.scale === b.scale, `${JSON.stringify(raw)}: ${a.toString()} ≠ ${b.toString()}`);
  };

  it('reads what the expression reads, the same value and decimals, and refuses the rest', () => {
    for (const raw of ['0', '0.00', '-0.00', '335.56', '-4.79', '12', '1.', '.5', '-', '', '1,687.40', '１２', '1.1234567', '123456789012345', '1234567890123456', '999999999999999.999999', '9007199254740.99', '90071992547409.93', '1e5', '+1', '--1', '1.2.3', ' 1', '1 ']) same(raw);
    fc.assert(fc.property(fc.array(fc.constantFrom('0', '1', '5', '9', '.', '-', 'a', ' ', '０'), { maxLength: 24 }), (cs) => same(cs.join(''))), { numRuns: 5000 });
  });

  it('reads a piece of a longer text in place as it reads the piece cut out', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('0', '1', '5', '9', '.', '-', 'a', ' ', '万'), { maxLength: 24 }), fc.nat(24), fc.nat(24), (cs, x, y) => {
      const s = cs.join('');
      const a = Math.min(x, y, s.length);
      const b = Math.min(Math.max(x, y), s.length);
      const inPlace = plainAmount(s, a, b);
      const cut = plainAmount(s.slice(a, b));
      assert.strictEqual(inPlace?.toString(), cut?.toString(), `${JSON.stringify(s)} [${a}, ${b})`);
      if (inPlace && cut) assert.strictEqual(inPlace.scale, cut.scale);
    }), { numRuns: 5000 });
  });
});

describe('sliceSharingZero', () => {
  it('gives what shareZero gives for the slice, the shared zero strings included', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('0', '.', '1', ' ', '00'), { maxLength: 9 }), fc.nat(9), fc.nat(9), (cs, x, y) => {
      const s = ' ' + cs.join('') + ' ';
      const a = Math.min(x, s.length);
      const b = Math.max(a, Math.min(y, s.length));
      const got = sliceSharingZero(s, a, b);
      const want = shareZero(s.slice(a, b));
      assert.strictEqual(got, want, JSON.stringify([s, a, b]));
    }), { numRuns: 5000 });
    assert.strictEqual(sliceSharingZero('|0.00|', 1, 5), shareZero('0.00'));
  });
});

describe('Decimal arithmetic on safe integers', () => {
  // the reference: the same operation on the exact bigints, as the class did before its number paths
  const big = (x: Decimal) => x.units;
  const scaled = (x: Decimal, s: number) => big(x) * 10n ** BigInt(s - x.scale);
  const near = fc.oneof(
    fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
    fc.integer({ min: -1000000, max: 1000000 }).map(BigInt),
    fc.integer({ min: -3, max: 3 }).map((k) => 2n ** 53n - 1n + BigInt(k)),
    fc.integer({ min: -3, max: 3 }).map((k) => -(2n ** 53n) + 1n + BigInt(k)),
    fc.integer({ min: 0, max: 18 }).map((k) => 9n * 10n ** BigInt(k)),
  );
  const dec = fc.tuple(near, fc.integer({ min: 0, max: 20 })).map(([u, s]) => new Decimal(u, s));

  it('adds, compares, widens, negates and signs exactly as the bigints do, across 2^53', () => {
    fc.assert(fc.property(dec, dec, fc.integer({ min: 0, max: 24 }), (a, b, w) => {
      const s = Math.max(a.scale, b.scale);
      const sum = a.add(b);
      assert.strictEqual(sum.scale, s);
      assert.strictEqual(sum.units, scaled(a, s) + scaled(b, s), `${a} + ${b}`);
      assert.strictEqual(a.sub(b).units, scaled(a, s) - scaled(b, s), `${a} − ${b}`);
      const c = scaled(a, s) < scaled(b, s) ? -1 : scaled(a, s) > scaled(b, s) ? 1 : 0;
      assert.strictEqual(a.cmp(b), c, `${a} <> ${b}`);
      assert.strictEqual(a.eq(b), c === 0);
      if (w >= a.scale) assert.strictEqual(a.rescale(w).units, scaled(a, w), `${a} to ${w} decimals`);
      assert.strictEqual(a.neg().units, -big(a));
      assert.strictEqual(a.abs().units, big(a) < 0n ? -big(a) : big(a));
      assert.strictEqual(a.sign(), big(a) < 0n ? -1 : big(a) > 0n ? 1 : 0);
      assert.strictEqual(a.isZero(), big(a) === 0n);
      // the number it keeps is the exact count whenever it is safe, and never −0
      assert.strictEqual(Number.isNaN(sum.num), !Number.isSafeInteger(Number(sum.units)), `${sum}`);
      if (!Number.isNaN(sum.num)) assert.ok(BigInt(sum.num) === sum.units && !Object.is(sum.num, -0), `${sum}`);
    }), { numRuns: 20000 });
  });

  it('multiplies, divides (rounding half away from zero) and shifts exactly as the bigints do, across 2^52', () => {
    const pow = (k: number) => 10n ** BigInt(k);
    fc.assert(fc.property(dec, dec, fc.integer({ min: 0, max: 6 }), fc.integer({ min: -8, max: 8 }), (a, b, s, k) => {
      const p = a.mul(b);
      assert.strictEqual(p.scale, a.scale + b.scale);
      assert.strictEqual(p.units, big(a) * big(b), `${a} × ${b}`);
      if (!Number.isNaN(p.num)) assert.ok(BigInt(p.num) === p.units && !Object.is(p.num, -0), `${p}`);
      if (big(b) !== 0n) {
        let n = big(a) * pow(b.scale + s);
        let d = big(b) * pow(a.scale);
        if (d < 0n) { n = -n; d = -d; }
        const q = n / d;
        const r = n % d;
        const want = (r < 0n ? -r : r) * 2n >= d ? q + (n < 0n ? -1n : 1n) : q;
        const got = a.div(b, s);
        assert.strictEqual(got.scale, s);
        assert.strictEqual(got.units, want, `${a} ÷ ${b} to ${s} decimals`);
        if (!Number.isNaN(got.num)) assert.ok(!Object.is(got.num, -0), `${got}`);
      }
      const sh = a.shift(k);
      // 10^k times the value, exactly: the same count at scale − k, or (past the decimals) a wider count
      const want = k <= a.scale ? big(a) * pow(0) : big(a) * pow(k - a.scale);
      assert.strictEqual(sh.units, want, `${a} shifted ${k}`);
      assert.strictEqual(sh.scale, Math.max(0, a.scale - k));
    }), { numRuns: 20000 });
    // near the quotient's edges: exact halves, negative operands, a divisor of one
    assert.strictEqual(new Decimal(1n, 0).div(new Decimal(8n, 0), 2).toString(), '0.13');
    assert.strictEqual(new Decimal(-1n, 0).div(new Decimal(8n, 0), 2).toString(), '-0.13');
    assert.strictEqual(new Decimal(1n, 0).div(new Decimal(-3n, 0), 3).toString(), '-0.333');
    assert.strictEqual(new Decimal(2n ** 52n - 1n, 0).div(new Decimal(1n, 0), 0).units, 2n ** 52n - 1n);
  });

  it('writes itself and drops trailing zeros (trimTo) as the bigint digits say, on both sides of 2^53', () => {
    // the reference: the digits of the exact count, a point `scale` places from the right
    const written = (u: bigint, scale: number) => {
      const digits = (u < 0n ? -u : u).toString().padStart(scale + 1, '0');
      return (u < 0n ? '-' : '') + (scale > 0 ? `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}` : digits);
    };
    fc.assert(fc.property(dec, fc.integer({ min: 0, max: 8 }), (a, keep) => {
      assert.strictEqual(a.toString(), written(big(a), a.scale), `${big(a)}/${a.scale}`);
      let u = big(a);
      let s = a.scale;
      while (s > keep && u % 10n === 0n) { u /= 10n; s--; }
      assert.strictEqual(trimTo(a, keep), written(s < keep ? u * 10n ** BigInt(keep - s) : u, Math.max(s, keep)), `${big(a)}/${a.scale} to ${keep}`);
    }), { numRuns: 20000 });
    assert.strictEqual(trimTo(new Decimal(-4250000, 6), 2), '-4.25');
    assert.strictEqual(trimTo(new Decimal(0, 4), 0), '0');
    assert.strictEqual(new Decimal(-5, 3).toString(), '-0.005');
  });

  it('half a unit of the last place, the same object for each scale', () => {
    assert.strictEqual(new Decimal(12345n, 2).halfUlp().toString(), '0.005');
    assert.strictEqual(new Decimal(1n, 0).halfUlp().toString(), '0.5');
    assert.strictEqual(new Decimal(7n, 2).halfUlp(), new Decimal(-3n, 2).halfUlp());
  });
});
