import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { readAhead } from './readAhead';

test('results come in input order, at most depth loads run at once, a failure surfaces at its turn', async () => {
  let running = 0;
  let most = 0;
  const load = async (n: number) => {
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, (7 * n) % 5));
    running--;
    if (n === 8) throw new Error('eight');
    return n * 10;
  };
  const seen: number[] = [];
  await assert.rejects(async () => {
    for await (const [n, r] of readAhead([1, 2, 3, 4, 5, 6, 7, 8, 9], 3, load)) {
      assert.equal(r, n * 10);
      seen.push(n);
    }
  }, /eight/);
  assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7]);
  assert.ok(most <= 3 && most >= 2, `${most} at once`);
});
