import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { KeyTable } from './keyTable';

test('keys that share a hash are told apart by their text; the table grows past its first size', () => {
  const table = new KeyTable(4);
  // Every key under one of three hashes (0 among them): each lookup must compare the strings.
  const keys = Array.from({ length: 5000 }, (_, i) => `بغداد ${i}`);
  keys.forEach((k, i) => assert.equal(table.add(k, i % 3, i * 10), i));
  assert.equal(table.find(keys[0], 0), -1, 'not findable before place()');
  table.place();
  assert.equal(table.size, 5000);
  keys.forEach((k, i) => {
    assert.equal(table.find(k, i % 3), i);
    assert.equal(table.entriesOf(i), i * 10);
  });
  assert.equal(table.find('بغداد 1', 0), -1, 'right text, wrong hash');
  assert.equal(table.find('البصرة', 1), -1);
  assert.deepEqual([table.keys.get(0), table.keys.get(1)], ['بغداد 0', 'بغداد 1']);
});

test('a key added again, before or after a place(), gives its entries to the first copy, in the order added', () => {
  const table = new KeyTable();
  table.add('بغداد', 7, 1);
  table.add('البصرة', 7, 2);
  table.add('بغداد', 7, 3);
  table.place();
  table.add('بغداد', 7, 4);
  table.add('بغداد', 7, 3);
  table.place();
  assert.equal(table.find('بغداد', 7), 0);
  assert.deepEqual(table.entriesOf(0), [1, 3, 4]);
  assert.equal(table.size, 2);
  assert.deepEqual(Array.from({ length: table.keys.length }, (_, i) => table.keys.get(i)), ['بغداد', 'البصرة', '', '', '']);
});

test('property: after any adds and places, every key is found under its hash with all its entries in order', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'dd', 'ee'), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.boolean()), { maxLength: 400 }), (adds) => {
      const table = new KeyTable(4);
      // Hash of a key: fixed per key, with high and low bits shared among keys so that slots collide.
      const hashOf = (k: string) => (k.length === 1 ? 0x7ff00000 : 0x7ff00001) ^ (k.charCodeAt(0) << 31);
      const expected = new Map<string, number[]>();
      adds.forEach(([key, , placeNow], id) => {
        table.add(key, hashOf(key), id);
        const list = expected.get(key) ?? [];
        list.push(id);
        expected.set(key, list);
        if (placeNow) table.place();
      });
      table.place();
      assert.equal(table.size, expected.size);
      for (const [key, ids] of expected) {
        const n = table.find(key, hashOf(key));
        assert.notEqual(n, -1, key);
        const got = table.entriesOf(n);
        assert.deepEqual(typeof got === 'number' ? [got] : got, ids);
      }
    }),
    { numRuns: 200 },
  );
});
