// Locating an article's corpus: the nearest folder with hashiya.json wins, the search stops at the workspace
// folder, and a folder without one is a corpus only for an article that has a sidecar.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import picomatch from 'picomatch';
import { findCorpus, relativeArticleFilter } from './discover';

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

test('the filter over relative paths accepts exactly what picomatch accepts for the include and exclude globs', () => {
  const configs = [
    { include: ['**/*.txt'], exclude: ['**/node_modules/**', '**/.git/**'] },
    { include: ['news/**/*.txt', 'wire/*.txt'], exclude: ['**/draft-*', 'news/2019/**'] },
    { include: ['*.txt'], exclude: [] },
    { include: ['**/*.{txt,md}'], exclude: ['!**/keep/**'] },
  ];
  const paths = ['a.txt', 'news/a.txt', 'news/2019/a.txt', 'news/2020/b.txt', 'news/2020/draft-b.txt', 'wire/x.txt', 'wire/deep/x.txt', 'node_modules/p/a.txt', 'x/.git/a.txt', '.hidden/a.txt', 'notes.md', 'keep/a.txt', 'a.txt.hashiya.json', 'العراق/خبر.txt'];
  for (const config of configs) {
    const ours = relativeArticleFilter(config);
    const include = picomatch(config.include, { dot: false });
    const exclude = picomatch(config.exclude, { dot: true });
    for (const rel of paths) assert.equal(ours(rel), include(rel) && !exclude(rel), `${JSON.stringify(config)} on ${rel}`);
  }
});
