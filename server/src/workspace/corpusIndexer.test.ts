// The background index of a corpus's sidecars: a sidecar that is a folder leaves its article out of the index
// instead of failing the index of the whole corpus.
import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../core/corpus/config';
import { tempDir, writeDoc } from '../core/training/testdata/corpus';
import { CorpusIndexer } from './corpusIndexer';
import { Foreground } from './foreground';

test('a sidecar that is a folder is left out of the corpus index; the other sidecars are indexed', async () => {
  const dir = await tempDir('hashiya-indexer-');
  await writeFile(path.join(dir, 'a.txt'), 'في بغداد\n');
  await writeFile(path.join(dir, 'a.ann.json'), '{"hashiya": 1, "text": "a.txt", "sha256": "' + '0'.repeat(64) + '", "status": "todo", "entities": [{"start": 3, "end": 8, "label": "LOC", "text": "بغداد"}], "rejected": []}\n');
  await writeFile(path.join(dir, 'b.txt'), 'في البصرة\n');
  await mkdir(path.join(dir, 'b.ann.json'));
  const index = await new CorpusIndexer(() => undefined).index(defaultConfig(dir));
  assert.deepEqual([...index.entities()].map((e) => [path.basename(e.article), e.text]), [['a.txt', 'بغداد']]);
});

test('indexing waits while the editor works (an article opening, a keystroke) and goes on when it is quiet', async () => {
  const dir = await tempDir('hashiya-indexer-');
  for (let i = 0; i < 40; i++) await writeDoc(dir, { path: `n${i}.txt`, text: 'في بغداد\n', status: 'todo', entities: [['بغداد', 'LOC']] });
  const foreground = new Foreground();
  let release!: () => void;
  foreground.track(new Promise<void>((resolve) => (release = resolve)));
  const indexer = new CorpusIndexer(() => undefined, foreground);
  const config = defaultConfig(dir);
  let finished = false;
  const built = indexer.index(config).then((index) => ((finished = true), index));
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(indexer.documents(config.root)?.size ?? 0, 0, 'no sidecar is read while the editor works');
  assert.equal(finished, false);
  release();
  const index = await built;
  assert.equal([...index.entities()].length, 40, 'every sidecar is indexed once the editor is quiet');
});

test('indexing stops when a message from the editor arrives, before its handler runs, and goes on after a quiet moment', async () => {
  const dir = await tempDir('hashiya-indexer-');
  const total = 300;
  for (let i = 0; i < total; i++) await writeDoc(dir, { path: `n${i}.txt`, text: 'في بغداد\n', status: 'todo', entities: [['بغداد', 'LOC']] });
  // The editor's clock stands still until the test moves it: a message that arrived stays "just now".
  let now = 1000;
  const foreground = new Foreground(() => now);
  const indexer = new CorpusIndexer(() => undefined, foreground);
  const config = defaultConfig(dir);
  const indexed = () => indexer.documents(config.root)?.size ?? 0;
  const built = indexer.index(config);
  while (indexed() === 0) await new Promise((resolve) => setImmediate(resolve));
  foreground.arrived();
  const atArrival = indexed();
  assert.ok(atArrival < total, `indexing was under way (${atArrival} of ${total})`);
  // Sidecar reads already started come in meanwhile: they are not parsed.
  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.equal(indexed(), atArrival, 'no sidecar indexed after the message arrived');
  now += 10;
  const index = await built;
  assert.equal([...index.entities()].length, total, 'every sidecar is indexed once the editor is quiet');
});
