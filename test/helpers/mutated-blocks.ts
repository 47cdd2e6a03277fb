/**
 * The fast paths' mutation property (yaml-fast, dsl-fast): random edits after a block's key line (the
 * block keeps its key), each edited block given to `same`, which compares the fast path with the front
 * end or says the fast path left the block alone. Returns how many the fast path took.
 */
import fc from 'fast-check';
import { RawBlock } from '../../server/src/service/frontends/blocks';

export function mutatedBlocks(blocks: ReadonlyArray<{ raw: RawBlock }>, edits: readonly string[], same: (b: RawBlock) => boolean): number {
  let taken = 0;
  fc.assert(fc.property(
    fc.integer({ min: 0, max: blocks.length - 1 }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.oneof(fc.constantFrom(...edits), fc.string({ maxLength: 4 }))), { minLength: 1, maxLength: 4 }),
    (i, changes) => {
      const raw = blocks[i].raw;
      let t = raw.text;
      for (const [pos, del, ins] of changes) {
        // edit after the key line: the block stays a block of its kind
        const from = t.indexOf('\n') + 1;
        const at = from + (pos % Math.max(1, t.length - from + 1));
        t = t.slice(0, at) + ins + t.slice(at + del);
      }
      if (same({ key: raw.key, start: raw.start, end: raw.start + t.length, text: t })) taken++;
    },
  ), { numRuns: Number(process.env.FAST_RUNS ?? 4000) });
  return taken;
}
