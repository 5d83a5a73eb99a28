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
