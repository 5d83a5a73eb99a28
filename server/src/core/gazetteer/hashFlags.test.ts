import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { HashFlags } from './hashFlags';

test('absent hashes read 0; hash 0, negative and unsigned forms of one hash are the same key', () => {
  const t = new HashFlags();
  assert.equal(t.get(12345), 0);
  t.set(0, 7);
  assert.equal(t.get(0), 7);
  t.set(0x811c9dc5, 3);
  assert.equal(t.get(0x811c9dc5 | 0), 3);
  assert.equal(t.get(0x811c9dc5), 3);
  assert.equal(t.size, 2);
});

test('property: after any sequence of sets (with growth and colliding slots) every hash reads its last value', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 1000 })), { maxLength: 3000 }), (sets) => {
      const t = new HashFlags(4);
      const expected = new Map<number, number>();
      // Many hashes that share their low bits: they land in the same slot and probe on.
      for (const [h, v] of sets) {
        const hash = h & 1 ? h : h << 12;
        t.set(hash, v);
        expected.set(hash === 0 ? 1 : hash, v);
      }
      for (const [h, v] of expected) assert.equal(t.get(h), v);
      assert.equal(t.size, expected.size);
    }),
    { numRuns: 100 },
  );
});
