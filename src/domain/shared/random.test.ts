import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SeededRandom } from './random.ts';

describe('SeededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new SeededRandom(7)),
    );
    const b = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new SeededRandom(7)),
    );
    const c = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.next()
      )(new SeededRandom(8)),
    );
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  it('stays in range and covers it', () => {
    const r = new SeededRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      const n = r.int(1, 6);
      assert.ok(n >= 1 && n <= 6);
      seen.add(n);
    }
    assert.equal(seen.size, 6);
    assert.throws(() => r.pick([]));
  });
});
