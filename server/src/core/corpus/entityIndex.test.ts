import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { EntityIndex } from './entityIndex';

test('occurrences count by ref across articles, and by label+text without a ref', () => {
  const index = new EntityIndex();
  index.set('/c/a.txt', [
    { start: 0, end: 5, label: 'LOC', text: 'بغداد', ref: 'geonames:98182' },
    { start: 9, end: 14, label: 'LOC', text: 'بغداد', ref: 'geonames:98182' },
    { start: 20, end: 27, label: 'LOC', text: 'البطحاء' },
  ]);
  index.set('/c/b.txt', [
    { start: 3, end: 9, label: 'LOC', text: 'بغدادي', ref: 'geonames:98182' },
    { start: 30, end: 37, label: 'ACTOR', text: 'البطحاء' },
  ]);
  assert.deepEqual(index.occurrences({ ref: 'geonames:98182', label: 'LOC', text: 'بغداد' }), { count: 3, articles: 2 });
  assert.deepEqual(index.occurrences({ label: 'LOC', text: 'البطحاء' }), { count: 1, articles: 1 });
  assert.deepEqual([...index.conflictingLabels()].map(([t, l]) => [t, [...l].sort()]), [['البطحاء', ['ACTOR', 'LOC']]]);
  assert.equal(index.surfaceForms().find((f) => f.text === 'بغداد')?.count, 2);
  index.set('/c/b.txt', undefined);
  assert.equal(index.articleCount, 1);
  assert.deepEqual(index.search('98182').map((e) => e.start), [0, 9]);
});

test('search finds entities by text or ref, case-insensitive, each once, at most `limit`, and sees later changes', () => {
  const index = new EntityIndex();
  index.set('/c/a.txt', [
    { start: 0, end: 5, label: 'LOC', text: 'بغداد', ref: 'geonames:98182' },
    { start: 9, end: 14, label: 'ACTOR', text: 'UN Mission', ref: 'actor:un' },
    { start: 20, end: 27, label: 'LOC', text: 'البطحاء' },
  ]);
  index.set('/c/b.txt', [{ start: 3, end: 8, label: 'LOC', text: 'بغداد', ref: 'geonames:98182' }]);
  const found = (q: string, limit?: number) => index.search(q, limit).map((e) => `${e.article}:${e.start}`).sort();
  assert.deepEqual(found('بغد'), ['/c/a.txt:0', '/c/b.txt:3']);
  // Text and ref both contain "un": listed once.
  assert.deepEqual(found('un'), ['/c/a.txt:9']);
  assert.deepEqual(found('mission'), ['/c/a.txt:9']);
  assert.deepEqual(found('GEONAMES:98'), ['/c/a.txt:0', '/c/b.txt:3']);
  assert.equal(index.search('بغداد', 1).length, 1);
  assert.deepEqual(found('نجف'), []);
  index.set('/c/b.txt', [{ start: 0, end: 3, label: 'LOC', text: 'النجف' }]);
  assert.deepEqual(found('نجف'), ['/c/b.txt:0']);
  assert.deepEqual(found('بغد'), ['/c/a.txt:0']);
});

test('the search index kept up to date article by article finds what one built afresh finds', () => {
  const articles = ['/c/a.txt', '/c/b.txt', '/c/c.txt'];
  const texts = ['بغداد', 'البصرة', 'الموصل', 'بغدادي'];
  const lists = (round: number) =>
    articles.map((_, a) => Array.from({ length: (round + a) % 4 }, (_, k) => ({ start: k * 10, end: k * 10 + 5, label: 'LOC', text: texts[(round * 3 + a + k) % texts.length], ...(k % 2 ? { ref: `geonames:${(round + k) % 3}` } : {}) })));
  const kept = new EntityIndex();
  kept.search('x'); // built now, then kept up to date by every set below
  for (let round = 0; round < 12; round++) {
    const now = lists(round);
    articles.forEach((article, a) => kept.set(article, round % 5 === 4 && a === 1 ? undefined : now[a]));
    const fresh = new EntityIndex();
    for (const [article, list] of kept['byArticle'] as Map<string, never[]>) fresh.set(article, list);
    for (const q of ['بغداد', 'ال', 'geonames:1', 'GEONAMES', 'ص']) {
      const ids = (index: EntityIndex) => index.search(q).map((e) => `${e.article}:${e.start}:${e.text}`).sort();
      assert.deepEqual(ids(kept), ids(fresh), `round ${round}, query ${q}`);
    }
  }
});
