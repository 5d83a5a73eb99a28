// Detail fields of JSON Lines entries: read and checked, shown for a pick list, and an office-holder's term
// compared with an article's date.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { KbEntry } from './entries';
import { attachDetails, distinguishing, outsideTerm, readEntryDetails } from './entryDetails';

test('detail fields are read and checked', () => {
  assert.deepEqual(readEntryDetails({ id: 'x:1', kind: 'city', country: 'IQ', governorate: 'Kirkuk', population: 601433, seatOf: 'geonames:1' }), {
    kind: 'city', country: 'IQ', governorate: 'Kirkuk', population: 601433, seatOf: 'geonames:1',
  });
  assert.deepEqual(readEntryDetails({ office: 'Prime Minister of Iraq', valid: { from: '2022-10-27' } }), { office: 'Prime Minister of Iraq', valid: [{ from: '2022-10-27' }] });
  assert.deepEqual(readEntryDetails({ valid: [{ from: '2017-01-20', to: '2021-01-20' }, { from: '2025-01-20' }] }).valid?.length, 2);
  assert.throws(() => readEntryDetails({ country: 'Iraq' }), /ISO 3166/);
  assert.throws(() => readEntryDetails({ population: -3 }), /whole number/);
  assert.throws(() => readEntryDetails({ valid: { from: '27/10/2022' } }), /YYYY-MM-DD/);
  assert.throws(() => readEntryDetails({ valid: { from: '2022-10-27', to: '2020-01-01' } }), /before it starts/);
});

test('outsideTerm: inside, before, after, between two terms, open end, no terms', () => {
  const sudani = { valid: [{ from: '2022-10-27' }] };
  assert.equal(outsideTerm(sudani, '2020-07-22'), true);
  assert.equal(outsideTerm(sudani, '2022-10-27'), false, 'the first day is inside');
  assert.equal(outsideTerm(sudani, '2024-03-01T10:00:00Z'), false);
  const trump = { valid: [{ from: '2017-01-20', to: '2021-01-20' }, { from: '2025-01-20' }] };
  assert.equal(outsideTerm(trump, '2018-05-01'), false);
  assert.equal(outsideTerm(trump, '2023-05-01'), true);
  assert.equal(outsideTerm(trump, '2025-06-01'), false);
  assert.equal(outsideTerm({}, '2023-05-01'), false, 'no terms: nothing to be outside of');
  assert.equal(outsideTerm(sudani, 'July 2020'), false, 'not an ISO date: no claim');
});

test('distinguishing text and details attached by ref', () => {
  assert.equal(distinguishing({ kind: 'district', governorate: 'Kirkuk', country: 'IQ' }), 'district · Kirkuk · IQ');
  assert.equal(distinguishing({ kind: 'person', office: 'Prime Minister of Iraq', valid: [{ from: '2022-10-27' }], country: 'IQ' }), 'person · Prime Minister of Iraq 2022-10-27– · IQ');
  const entries: KbEntry[] = [{ ref: 'geonames:94787', label: 'LOC', names: ['كركوك'], source: 'builtin' }];
  attachDetails(entries, '{"id":"geonames:94787","label":"LOC","names":["كركوك"],"kind":"city","country":"IQ","population":601433}\n');
  assert.equal(entries[0].kind, 'city');
  assert.equal(entries[0].population, 601433);
});
