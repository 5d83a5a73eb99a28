// The corpus tree's suggestion counts are background work: they are counted behind the editor, paused while it
// has work or a message in hand, and all counted once it is quiet.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { defaultConfig } from '../core/corpus/config';
import { tempDir, writeDoc } from '../core/training/testdata/corpus';
import { CorpusIndexer } from '../workspace/corpusIndexer';
import { Foreground } from '../workspace/foreground';
import type { TextMatcher } from '../workspace/knowledge';
import { type CorpusViewHost, CorpusViewService } from './corpusViewRequests';

test('suggestions of closed articles are counted only while the editor is quiet, then every one', async () => {
  const dir = await tempDir('hashiya-corpus-view-');
  const total = 30;
  for (let i = 0; i < total; i++) await writeDoc(dir, { path: `n${i}.txt`, text: 'في بغداد\n', status: 'todo' });
  const config = defaultConfig(dir);
  const indexer = new CorpusIndexer(() => undefined);
  await indexer.index(config);
  // The editor's clock stands still until the test moves it: a message that arrived stays "just now".
  let now = 1000;
  const foreground = new Foreground(() => now);
  let matched = 0;
  const matcher = {
    matchAll: () => {
      matched++;
      return [{ start: 3, end: 8, label: 'LOC', name: 'بغداد', source: 'builtin' }];
    },
  } as unknown as TextMatcher;
  const host = {
    workspaceRoots: () => [dir],
    sessions: () => [],
    indexer,
    matcher: () => matcher,
    restricted: 'a test: no git',
    notifyChanged: () => undefined,
    log: (message: string) => assert.fail(message),
    pacer: () => foreground.pacer(),
  } as unknown as CorpusViewHost;
  const views = new CorpusViewService(host);
  foreground.arrived();
  const listed = await views.documents({ root: dir, status: 'todo' });
  assert.equal(listed.length, total);
  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.equal(matched, 0, 'no article matched while the editor has a message in hand');
  now += 10;
  for (let waited = 0; matched < total && waited < 10_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(matched, total);
  const counted = await views.documents({ root: dir, status: 'todo' });
  assert.deepEqual(counted.map((d) => d.suggestions), Array.from({ length: total }, () => 1), 'each article has its one suggestion counted');
});
