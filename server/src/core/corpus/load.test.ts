// Listing a corpus's articles: sorted by relative path, the corpus's globs applied, and, with a pacer, a pause
// asked for before each entry of each folder (a server walks a corpus of 20,000 files between keystrokes).
import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../training/testdata/corpus';
import { listArticles } from './load';

test('listArticles with a pacer: the same articles, one question per folder entry, nothing walked during a pause', async () => {
  const dir = await tempDir('hashiya-list-');
  await mkdir(path.join(dir, 'wire'));
  await mkdir(path.join(dir, 'node_modules'));
  for (const file of ['b.txt', 'a.txt', 'a.ann.json', 'wire/c.txt', 'wire/notes.md', 'node_modules/x.txt']) await writeFile(path.join(dir, file), 'في بغداد\n');
  const config = { root: dir, include: ['**/*.txt'], exclude: [] };
  let pausing = false;
  let asked = 0;
  let pauses = 0;
  const pacer = {
    due: () => {
      assert.equal(pausing, false, 'the walk went on during a pause');
      asked++;
      return asked % 2 === 0;
    },
    pause: async () => {
      pauses++;
      pausing = true;
      await new Promise((resolve) => setImmediate(resolve));
      pausing = false;
    },
  };
  const expected = ['a.txt', 'b.txt', 'wire/c.txt'].map((f) => path.join(dir, f));
  assert.deepEqual(await listArticles(config, pacer), expected);
  assert.deepEqual(await listArticles(config), expected);
  // Entries: the root's a.ann.json, a.txt, b.txt, node_modules, wire (5) and wire's c.txt and notes.md (2).
  assert.equal(asked, 7);
  assert.equal(pauses, 3);
});
