// Locating an article's corpus: the nearest folder with hashiya.json wins, the search stops at the workspace
// folder, and a folder without one is a corpus only for an article that has a sidecar.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { findCorpus } from './discover';

function existing(...files: string[]) {
  const asked: string[] = [];
  return { asked, exists: async (file: string) => (asked.push(file), files.includes(file)) };
}

test('the nearest hashiya.json wins over one further up', async () => {
  const { exists } = existing('/w/hashiya.json', '/w/news/hashiya.json');
  assert.deepEqual(await findCorpus('/w/news/2020/a.txt', exists), { root: '/w/news', configured: true });
  assert.deepEqual(await findCorpus('/w/other/a.txt', exists), { root: '/w', configured: true });
});

test('the search stops at the workspace folder: a hashiya.json above it is not the corpus', async () => {
  const { exists, asked } = existing('/hashiya.json');
  assert.equal(await findCorpus('/w/news/a.txt', exists, '/w'), undefined);
  assert.ok(!asked.includes('/hashiya.json'), `asked only inside the workspace: ${asked.join(', ')}`);
});

test('without hashiya.json an article with a sidecar is a corpus on defaults rooted at the workspace folder', async () => {
  const { exists } = existing('/w/news/a.ann.json');
  assert.deepEqual(await findCorpus('/w/news/a.txt', exists, '/w'), { root: '/w', configured: false });
  assert.deepEqual(await findCorpus('/w/news/a.txt', exists), { root: '/w/news', configured: false });
  assert.equal(await findCorpus('/w/news/b.txt', exists, '/w'), undefined);
});

test('a configured folder wins over a sidecar beside the article', async () => {
  const { exists } = existing('/w/news/a.ann.json', '/w/hashiya.json');
  assert.deepEqual(await findCorpus('/w/news/a.txt', exists, '/w'), { root: '/w', configured: true });
});
