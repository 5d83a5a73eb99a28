import { strict as assert } from 'node:assert';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../training/testdata/corpus';
import { encodingProblem } from './encoding';
import { articleOfSidecar, containedRealPath, isReadFailure, readArticle, readSidecarFile } from './read';

test('UTF-8 texts are not taken for another encoding: Arabic, one-letter lines, blank lines, tabs, an emoji, a BOM', () => {
  for (const text of ['في بغداد\n', 'x\nx\nx\nx\n', '\n\n\n\n', 'a\tb\tc\r\n', '😀😀\n', '\uFEFFقال\n', '', 'ab']) {
    assert.equal(encodingProblem(Buffer.from(text, 'utf8'), 'a.txt'), undefined, JSON.stringify(text));
  }
});

test('readArticle: code points, the BOM and the sha256 of the bytes; a folder, a missing file and Latin-1 are failures naming the file', async () => {
  const dir = await tempDir('hashiya-read-');
  await writeFile(path.join(dir, 'a.txt'), Buffer.from('\uFEFF😀 بغداد\r\n', 'utf8'));
  const a = await readArticle(path.join(dir, 'a.txt'), 'a.txt');
  assert.ok(!isReadFailure(a));
  assert.deepEqual([a.text, a.hasBom], ['😀 بغداد\r\n', true]);
  assert.equal(a.sha256, (await import('node:crypto')).createHash('sha256').update(Buffer.from('\uFEFF😀 بغداد\r\n', 'utf8')).digest('hex'));
  await mkdir(path.join(dir, 'b.txt'));
  await writeFile(path.join(dir, 'c.txt'), Buffer.from('café\n', 'latin1'));
  const failures = await Promise.all(['b.txt', 'missing.txt', 'c.txt'].map((f) => readArticle(path.join(dir, f), f)));
  assert.deepEqual(failures.map((f) => (isReadFailure(f) ? f.error.code : 'read')), ['not-a-file', 'missing', 'encoding']);
  assert.match((failures[2] as { error: { message: string } }).error.message, /^c\.txt is not UTF-8 \(byte 0xE9 at offset 3 is not UTF-8\); it looks like Latin-1/);
  assert.deepEqual(await readSidecarFile(path.join(dir, 'none.ann.json')), { state: 'missing' });
});

test("a sidecar's article is the file beside it; containedRealPath follows symbolic links", async () => {
  assert.equal(articleOfSidecar('/c/dir/x.ann.json'), '/c/dir/x.txt');
  const root = await tempDir('hashiya-read-');
  const outside = await tempDir('hashiya-read-');
  await mkdir(path.join(root, 'sub'));
  await writeFile(path.join(outside, 'secret.tsv'), 'x');
  await symlink(path.join(outside, 'secret.tsv'), path.join(root, 'link.tsv'));
  await symlink(outside, path.join(root, 'sub', 'away'));
  assert.equal(await containedRealPath(root, 'link.tsv'), undefined);
  assert.equal(await containedRealPath(root, 'sub/away/new-file.tsv'), undefined);
  assert.equal(await containedRealPath(root, '../x'), undefined);
  assert.ok((await containedRealPath(root, 'sub/not-yet.tsv'))?.endsWith(path.join('sub', 'not-yet.tsv')));
});
