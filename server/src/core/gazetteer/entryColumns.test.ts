import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { EntryColumns } from './entryColumns';

test('refs and descriptions of entries that follow entries without any; refs named source:name otherwise', () => {
  const columns = new EntryColumns();
  for (let i = 0; i < 1000; i++) columns.add(`اسم ${i}`, 'LOC', undefined, undefined, 'gazetteer:names.tsv');
  const baghdad = columns.add('بغداد', 'LOC', 'geonames:98182', 'capital, IQ', 'builtin');
  const basra = columns.add('البصرة', 'LOC', undefined, 'city, IQ', 'builtin');
  const army = columns.add('الجيش', 'ACTOR', 'actor:iraq-army', undefined, 'builtin');
  assert.equal(columns.count, 1003);
  assert.equal(columns.refOf(5), 'gazetteer:names.tsv:اسم 5');
  assert.equal(columns.explicitRef(5), undefined);
  assert.equal(columns.descriptionOf(5), undefined);
  assert.equal(columns.refOf(baghdad), 'geonames:98182');
  assert.equal(columns.descriptionOf(baghdad), 'capital, IQ');
  assert.equal(columns.refOf(basra), 'builtin:البصرة');
  assert.equal(columns.descriptionOf(basra), 'city, IQ');
  assert.equal(columns.descriptionOf(army), undefined);
  assert.deepEqual(columns.entry(army), { ref: 'actor:iraq-army', label: 'ACTOR', names: ['الجيش'], source: 'builtin' });
  assert.equal(columns.idOfExplicitRef('actor:iraq-army'), army);
  assert.equal(columns.idOfExplicitRef('geonames:98182'), baghdad);
  // An entry added after the ref index exists is found too; the first entry of a ref wins.
  const again = columns.add('بغداد', 'LOC', 'geonames:98182', undefined, 'corpus');
  const mosul = columns.add('الموصل', 'LOC', 'geonames:99072', undefined, 'corpus');
  assert.equal(columns.idOfExplicitRef('geonames:98182'), baghdad);
  assert.notEqual(again, baghdad);
  assert.equal(columns.idOfExplicitRef('geonames:99072'), mosul);
  assert.deepEqual(columns.sources(), ['gazetteer:names.tsv', 'builtin', 'corpus']);
  assert.equal(columns.labelOf(army), 'ACTOR');
  assert.equal(columns.sourceOf(mosul), 'corpus');
});
