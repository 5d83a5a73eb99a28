// The start-up pass over the annotator's path: it must really walk it (open, annotate, read the sidecar back),
// and leave nothing behind.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { test } from 'node:test';
import { warmUp } from './warmUp';

test('the warm-up walks open, annotate, reopen with the sidecar and close without an error, and removes its folder', async () => {
  const before = readdirSync(tmpdir()).filter((f) => f.startsWith('hashiya-warm-up-'));
  const result = await warmUp();
  assert.equal(result.error, undefined, `warm-up failed: ${result.error}`);
  assert.ok(result.ms > 0);
  const after = readdirSync(tmpdir()).filter((f) => f.startsWith('hashiya-warm-up-'));
  assert.deepEqual(after, before, 'its temporary folder is removed');
});
