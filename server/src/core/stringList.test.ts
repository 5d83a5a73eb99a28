import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { StringList } from './stringList';

test('a list across several blocks: every string where it was pushed or set', () => {
  const list = new StringList();
  const n = 200_000;
  for (let i = 0; i < n; i++) assert.equal(list.push(`k${i}`), i);
  assert.equal(list.length, n);
  list.set(65_536, 'changed');
  for (const i of [0, 65_535, 65_537, 131_072, n - 1]) assert.equal(list.get(i), `k${i}`);
  assert.equal(list.get(65_536), 'changed');
});
