import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { KeyTable } from './keyTable';

test('keys that share a hash are told apart by their text; the table grows past its first size', () => {
  const table = new KeyTable(4);
  // Every key under one of three hashes (0 among them): each lookup must compare the strings.
  const keys = Array.from({ length: 5000 }, (_, i) => `بغداد ${i}`);
  keys.forEach((k, i) => assert.equal(table.add(k, i % 3, i * 10), i));
  assert.equal(table.size, 5000);
  keys.forEach((k, i) => {
    assert.equal(table.find(k, i % 3), i);
    assert.equal(table.ids[i], i * 10);
  });
  assert.equal(table.find('بغداد 1', 0), -1, 'right text, wrong hash');
  assert.equal(table.find('البصرة', 1), -1);
  assert.deepEqual(table.keys.slice(0, 2), ['بغداد 0', 'بغداد 1']);
});

test('reserve keeps every key findable', () => {
  const table = new KeyTable();
  for (let i = 0; i < 100; i++) table.add(`k${i}`, Math.imul(i, 0x9e3779b1), i);
  table.reserve(100_000);
  for (let i = 0; i < 100; i++) assert.equal(table.find(`k${i}`, Math.imul(i, 0x9e3779b1)), i);
});
