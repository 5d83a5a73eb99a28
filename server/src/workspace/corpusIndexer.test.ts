// The background index of a corpus's sidecars: a sidecar that is a folder leaves its article out of the index
// instead of failing the index of the whole corpus.
import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../core/corpus/config';
import { tempDir } from '../core/training/testdata/corpus';
import { CorpusIndexer } from './corpusIndexer';

test('a sidecar that is a folder is left out of the corpus index; the other sidecars are indexed', async () => {
  const dir = await tempDir('hashiya-indexer-');
  await writeFile(path.join(dir, 'a.txt'), 'في بغداد\n');
  await writeFile(path.join(dir, 'a.ann.json'), '{"hashiya": 1, "text": "a.txt", "sha256": "' + '0'.repeat(64) + '", "status": "todo", "entities": [{"start": 3, "end": 8, "label": "LOC", "text": "بغداد"}], "rejected": []}\n');
  await writeFile(path.join(dir, 'b.txt'), 'في البصرة\n');
  await mkdir(path.join(dir, 'b.ann.json'));
  const index = await new CorpusIndexer(() => undefined).index(defaultConfig(dir));
  assert.deepEqual([...index.entities()].map((e) => [path.basename(e.article), e.text]), [['a.txt', 'بغداد']]);
});
