/**
 * Pause (lsp/pause.ts): the server's checks and its checks across reports run once edits have paused;
 * a flood of edits moves one timer on, it does not set one per edit.
 */
import * as assert from 'assert';
import { Pause } from '../server/src/lsp/pause';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Pause: a call once a pause has lasted long enough', () => {
  it('is made once, `wait` after the last touch, not after the first', async () => {
    const calls: number[] = [];
    const t0 = performance.now();
    const p = new Pause(() => calls.push(performance.now() - t0));
    p.touch(60);
    await sleep(40);
    const last = performance.now() - t0;
    p.touch(60);
    await sleep(120);
    assert.strictEqual(calls.length, 1);
    // a busy machine makes timers late, never early: the call comes no sooner than 60 ms after the last touch
    assert.ok(calls[0] >= last + 59, `made at ${calls[0].toFixed(1)} ms, the last touch at ${last.toFixed(1)} ms`);
    assert.strictEqual(p.pending, false);
  });

  it('a touch that makes the call earlier moves the timer earlier; cancel makes no call', async () => {
    let n = 0;
    const p = new Pause(() => n++);
    p.touch(5000);
    p.touch(0);
    await sleep(30);
    assert.strictEqual(n, 1);
    p.touch(20);
    p.cancel();
    await sleep(50);
    assert.strictEqual(n, 1);
    assert.strictEqual(p.pending, false);
  });

  it('sets one timer for a flood of touches, not one per touch', async () => {
    const real = globalThis.setTimeout;
    let set = 0;
    (globalThis as { setTimeout: unknown }).setTimeout = ((...a: Parameters<typeof setTimeout>) => { set++; return real(...a); }) as unknown;
    let n = 0;
    try {
      const p = new Pause(() => n++);
      for (let i = 0; i < 2000; i++) p.touch(30);
    } finally {
      globalThis.setTimeout = real;
    }
    assert.ok(set <= 2, `${set} timers for 2,000 touches`);
    await sleep(80);
    assert.strictEqual(n, 1);
  });
});
