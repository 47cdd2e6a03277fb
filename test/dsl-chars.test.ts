/**
 * dsl.ts's Chars keeps where its characters came from as runs (a line of text appended whole is one
 * entry). These tests hold it to the plain model it replaced — one source offset and end per character —
 * under random sequences of every operation the DSL front end uses.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { Chars } from '../server/src/service/frontends/dsl';

const ESCAPED = '|#\\t';

/** The model: a value and, per character, its source [offset, end). */
class Plain {
  value = '';
  offsets: number[] = [];
  ends: number[] = [];
  at?: number;
  push(ch: string, at: number, end = at + 1): void {
    this.value += ch;
    this.offsets.push(at);
    this.ends.push(end);
  }
  pushVerbatim(src: string, from: number, to: number, base: number): void {
    for (let i = from; i < to; i++) this.push(src[i], base + i);
  }
  append(src: string, from: number, to: number, base: number): void {
    for (let i = from; i < to; i++) {
      if (src[i] === '\\' && i + 1 < to && ESCAPED.includes(src[i + 1])) {
        this.push(src[i + 1] === 't' ? '\t' : src[i + 1], base + i, base + i + 2);
        i++;
      } else this.push(src[i], base + i);
    }
  }
  pop(): void {
    this.value = this.value.slice(0, -1);
    this.offsets.pop();
    this.ends.pop();
  }
  slice(s: number, e: number): Plain {
    const c = new Plain();
    c.value = this.value.slice(s, e);
    c.offsets = this.offsets.slice(s, e);
    c.ends = this.ends.slice(s, e);
    c.at = this.at;
    return c;
  }
  trim(): Plain {
    let s = 0;
    let e = this.value.length;
    while (s < e && /[ \t\u3000]/.test(this.value[s])) s++;
    while (e > s && /[ \t\u3000]/.test(this.value[e - 1])) e--;
    return this.slice(s, e);
  }
  trimEnd(): Plain {
    let e = this.value.length;
    while (e > 0 && /[ \t\u3000]/.test(this.value[e - 1])) e--;
    return this.slice(0, e);
  }
  words(): Plain[] {
    const out: Plain[] = [];
    const re = /[^ \t\u3000]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.value))) out.push(this.slice(m.index, m.index + m[0].length));
    return out.length > 1 ? out : [this];
  }
  range(fallback: number) {
    if (this.value.length) return { start: this.offsets[0], end: this.ends[this.ends.length - 1] };
    const at = this.at ?? fallback;
    return { start: at, end: at };
  }
}

/** What a Chars says of itself: its value, its range and the per-character bounds of its Text. */
function seen(c: Chars | Plain) {
  if (c instanceof Plain) return { value: c.value, range: c.range(-1), offsets: c.offsets, ends: c.ends };
  const t = c.text(-1);
  return { value: c.value, range: c.range(-1), offsets: [...t.offsets], ends: [...t.ends!] };
}

const src = fc.string({ unit: fc.constantFrom('a', '中', ' ', '\u3000', '\t', '\\', '|', '#', 't', '1', '.'), maxLength: 12 });
type Op =
  | { op: 'push'; ch: string; gap: number; width: number }
  | { op: 'verbatim' | 'append'; s: string; cut: number; gap: number }
  | { op: 'pop' | 'trim' | 'trimEnd' | 'words' }
  | { op: 'slice'; a: number; b: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('push' as const), ch: fc.constantFrom('a', '\n', ' ', '中'), gap: fc.nat(2), width: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constantFrom('verbatim' as const, 'append' as const), s: src, cut: fc.nat(3), gap: fc.nat(2) }),
  fc.record({ op: fc.constantFrom('pop' as const, 'trim' as const, 'trimEnd' as const, 'words' as const) }),
  fc.record({ op: fc.constant('slice' as const), a: fc.nat(15), b: fc.nat(15) }),
);

describe('DSL Chars (runs) against one offset per character', () => {
  it('gives the same value, range and character bounds after any sequence of operations', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.nat(5), (ops, at) => {
        let c = new Chars();
        let p = new Plain();
        c.at = p.at = at;
        let pos = 10; // the source offset the next piece is read from
        for (const o of ops) {
          switch (o.op) {
            case 'push':
              pos += o.gap;
              c.push(o.ch, pos, pos + o.width);
              p.push(o.ch, pos, pos + o.width);
              pos += o.width;
              break;
            case 'verbatim':
            case 'append': {
              pos += o.gap;
              const from = Math.min(o.cut, o.s.length);
              c[o.op === 'verbatim' ? 'pushVerbatim' : 'append'](o.s, from, o.s.length, pos);
              p[o.op === 'verbatim' ? 'pushVerbatim' : 'append'](o.s, from, o.s.length, pos);
              pos += o.s.length;
              break;
            }
            case 'pop':
              if (p.value.length) {
                c.pop();
                p.pop();
              }
              break;
            case 'trim':
            case 'trimEnd':
              c = c[o.op]();
              p = p[o.op]();
              break;
            case 'words': {
              const cw = c.words();
              const pw = p.words();
              assert.deepStrictEqual(cw.map(seen), pw.map(seen));
              c = cw[cw.length - 1];
              p = pw[pw.length - 1];
              break;
            }
            case 'slice': {
              const a = Math.min(o.a, o.b, p.value.length);
              const b = Math.min(Math.max(o.a, o.b), p.value.length);
              c = c.slice(a, b);
              p = p.slice(a, b);
              break;
            }
          }
          assert.deepStrictEqual(seen(c), seen(p));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a line appended whole as one run: a character is found at its place in the source', () => {
    const c = new Chars();
    c.pushVerbatim('一二三四', 0, 4, 100);
    c.push('\n', 104, 107);
    c.pushVerbatim('五六', 0, 2, 107);
    c.pop();
    const t = c.text(0);
    assert.strictEqual(t.value, '一二三四\n五');
    assert.deepStrictEqual([...t.offsets], [100, 101, 102, 103, 104, 107]);
    assert.deepStrictEqual([...t.ends!], [101, 102, 103, 104, 107, 108]);
    assert.deepStrictEqual(c.range(0), { start: 100, end: 108 });
  });
});
