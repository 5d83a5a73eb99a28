// JSON Lines gazetteers from an untrusted corpus: a line that is JSON but not an entry, and detail fields that are
// malformed, are errors naming file and line (never an internal error); well-formed details reach the entry.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { GazetteerError } from './entries';
import { readGeonamesGazetteer, readJsonlGazetteer } from './readers';

test('a JSON Lines line that is null, a number, a string or a list is an error naming file and line', () => {
  for (const line of ['null', '5', '"x"', '[{"id":"a:1","label":"LOC","names":["x"]}]']) {
    assert.throws(
      () => readJsonlGazetteer(`{"id":"a:0","label":"LOC","names":["y"]}\n${line}\n`, 'kb.jsonl', 'x'),
      (e: unknown) => e instanceof GazetteerError && e.message === 'kb.jsonl:2: expected a JSON object {"id","label","names":[...]}',
      line,
    );
  }
});

test('detail fields of a JSON Lines entry are checked (errors name file and line) and kept on the entry', () => {
  const [entry] = readJsonlGazetteer('{"id":"geonames:1","label":"LOC","names":["كركوك"],"kind":"city","country":"IQ","governorate":"Kirkuk","population":601433}\n', 'kb.jsonl', 'x');
  assert.equal(entry.kind, 'city');
  assert.equal(entry.country, 'IQ');
  assert.equal(entry.governorate, 'Kirkuk');
  assert.equal(entry.population, 601433);
  assert.throws(
    () => readJsonlGazetteer('\n{"id":"geonames:1","label":"LOC","names":["كركوك"],"country":"Iraq"}\n', 'kb.jsonl', 'x'),
    (e: unknown) => e instanceof GazetteerError && /^kb\.jsonl:2: "country" must be an ISO 3166 alpha-2 code$/.test(e.message),
  );
});

test('a GeoNames feature code named like an Object property ("constructor") is shown as the code itself', () => {
  const row = ['1', 'بغداد', 'Baghdad', '', '33.34', '44.40', 'P', 'constructor', 'IQ', '', '07', '', '', '', '0', '', '', 'Asia/Baghdad', '2020-01-01'].join('\t');
  const [entry] = readGeonamesGazetteer(row + '\n', 'cities.txt', 'x');
  assert.match(entry.description!, /^constructor, admin1 IQ\.07, IQ — 33\.34, 44\.40$/);
});
