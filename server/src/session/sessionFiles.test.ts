// Debris of killed writers beside a sidecar: removed when its article opens, whoever's process is gone; what a
// live process holds is kept.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../core/training/testdata/corpus';
import { lockPathFor, nodeSessionFiles } from './sessionFiles';

test('a dead writer\'s temporary is removed, a live lock and other sidecars\' files are kept, and asked again it is still kept', async () => {
  const dir = await tempDir('hashiya-debris-');
  const sidecar = path.join(dir, 'a.ann.json');
  const dead = path.join(dir, `.a.ann.json.999999999.${Date.now()}.0.tmp`);
  const otherSidecars = path.join(dir, `.b.ann.json.999999999.${Date.now()}.0.tmp`);
  const lock = lockPathFor(sidecar);
  await writeFile(dead, '{"half": ');
  await writeFile(otherSidecars, '{"half": ');
  // Held by this very process, just now: not stale.
  await writeFile(lock, String(process.pid));
  for (let i = 0; i < 200; i++) await writeFile(path.join(dir, `n${i}.txt`), 'نص\n');
  assert.equal(await nodeSessionFiles.removeStaleTemporaries(sidecar), 1);
  assert.equal(existsSync(dead), false);
  assert.equal(existsSync(otherSidecars), true, 'only the debris of the sidecar asked about');
  assert.equal(existsSync(lock), true, 'a lock of a live process stays');
  assert.equal(await nodeSessionFiles.removeStaleTemporaries(sidecar), 0);
  assert.equal(existsSync(lock), true);
  // b's turn: its debris is found from the same listing.
  assert.equal(await nodeSessionFiles.removeStaleTemporaries(path.join(dir, 'b.ann.json')), 1);
  assert.equal(existsSync(otherSidecars), false);
});
