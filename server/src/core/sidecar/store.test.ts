import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { articlePathFor, sidecarPathFor, writeFileAtomic } from './store';

const temporary: string[] = [];
after(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

test('sidecar and article paths pair up', () => {
  assert.equal(sidecarPathFor('/c/d/article.txt'), '/c/d/article.ann.json');
  assert.equal(articlePathFor('/c/d/article.ann.json'), '/c/d/article.txt');
  // The name a sidecar's "text" gives is never followed: its article is the file beside it.
  assert.equal(articlePathFor('/c/d/article.ann.json', 'other.txt'), '/c/d/article.txt');
  assert.equal(articlePathFor('/c/d/article.ann.json', '../../../etc/passwd'), '/c/d/article.txt');
});

test('an atomic write replaces the file and leaves no temporary file behind', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-store-'));
  temporary.push(dir);
  const file = path.join(dir, 'a.ann.json');
  await writeFile(file, 'old');
  await writeFileAtomic(file, 'new');
  assert.equal(await readFile(file, 'utf8'), 'new');
  assert.deepEqual(await readdir(dir), ['a.ann.json']);
});

test('a write that cannot complete leaves the target as it was and no temporary file', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-store-'));
  temporary.push(dir);
  // Renaming onto a non-empty directory fails after the temporary file was written and flushed.
  const target = path.join(dir, 'sub');
  await mkdir(path.join(target, 'x'), { recursive: true });
  await assert.rejects(writeFileAtomic(target, 'new'));
  assert.deepEqual(await readdir(dir), ['sub']);
  assert.deepEqual(await readdir(target), ['x']);
});
