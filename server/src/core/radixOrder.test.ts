import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { radixSort } from './radixOrder';

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

test('property: a full sort orders values as unsigned integers, stably, with each payload beside its value', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(int32, int32), { maxLength: 2000 }), (pairs) => {
      const values = Int32Array.from(pairs, ([v]) => v);
      const payload = Int32Array.from(pairs, ([, p]) => p);
      radixSort(values, payload, values.length);
      // Reference: Array.prototype.sort is stable (ES2019).
      const expected = pairs.map(([v, p]) => [v >>> 0, p]).sort((a, b) => a[0] - b[0]);
      assert.deepEqual([...values].map((v) => v >>> 0), expected.map(([v]) => v));
      assert.deepEqual([...payload], expected.map(([, p]) => p));
    }),
    { numRuns: 200 },
  );
});

test('property: by the top bits only, values are grouped by those bits in order, ties kept in arrival order', () => {
  fc.assert(
    fc.property(fc.array(int32, { maxLength: 2000 }), fc.integer({ min: 1, max: 32 }), (list, bits) => {
      const values = Int32Array.from(list);
      const order = Int32Array.from(list, (_, i) => i);
      radixSort(values, order, values.length, bits);
      const top = (v: number) => (bits === 32 ? v >>> 0 : (v >>> (32 - bits)) >>> 0);
      const expected = list.map((v, i) => [top(v), i]).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
      assert.deepEqual([...order], expected);
      assert.deepEqual([...values], expected.map((i) => list[i]));
    }),
    { numRuns: 200 },
  );
});
