// Completion worth reading, on the built-in gazetteer: no typo guesses for short words, typos below exact and
// proclitic matches, the article's country and the corpus's usage first among equals; one choice per ref.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { defaultConfig } from '../corpus/config';
import { readBuiltinWithDetails } from './builtinWithDetails';
import { rankChoices } from './candidates';
import type { KbEntry } from './entries';
import { GazetteerMatcher } from './matcher';
import { rankEntries } from './rank';

const ROOT = path.join(__dirname, '../../../..');
const config = defaultConfig(ROOT);
const options = { normalization: config.normalization, proclitics: config.proclitics };
let builtin: GazetteerMatcher;
before(async () => {
  builtin = GazetteerMatcher.build(await readBuiltinWithDetails(path.join(ROOT, 'data/builtin')), options);
});
const names = (query: string, opts = {}) => rankEntries(builtin, query, 30, opts).map((r) => r.entry.names[0]);

test('short words get no typo or partial-word guesses: سعي does not offer سعير, الميداني does not offer الزبداني', () => {
  assert.ok(builtin.lookupKey(builtin.keyOf('سعير')).length > 0, 'سعير is a place of the gazetteer');
  assert.ok(builtin.lookupKey(builtin.keyOf('الزبداني')).length > 0, 'الزبداني is a place of the gazetteer');
  assert.ok(!names('سعي').includes('سعير'), names('سعي').join());
  assert.ok(!names('الميداني').includes('الزبداني'), names('الميداني').join());
  // A typo of a long word is still found, below the exact and proclitic matches.
  const ranked = rankEntries(builtin, 'الديوانيت', 30);
  assert.ok(ranked.some((r) => r.entry.names[0] === 'الديوانية' && r.match === 'fuzzy'));
  const mixed = rankEntries(builtin, 'بالناصرية', 30).map((r) => r.match);
  assert.equal(mixed[0], 'proclitic');
  assert.deepEqual([...mixed].sort((a, b) => ['exact', 'proclitic', 'prefix', 'fuzzy'].indexOf(a) - ['exact', 'proclitic', 'prefix', 'fuzzy'].indexOf(b)), mixed, 'kinds of match in order');
  // First words of a longer name are still offered for a short word.
  assert.ok(names('ذي').includes('ذي قار'));
});

test('«الحكومة» in an Iraqi article: the Iraqi government first, not the Turkish one', () => {
  const first = rankEntries(builtin, 'الحكومة', 30, { country: 'IQ' })[0].entry;
  assert.equal(first.ref, 'actor:iraq-gov', `${first.ref} ${first.names[0]}`);
  const turkish = rankEntries(builtin, 'الحكومة', 30, { country: 'TR' })[0].entry;
  assert.equal(turkish.ref, 'actor:turkey-gov');
});

test("the corpus's own refs first among equal matches", () => {
  const bare = rankEntries(builtin, 'وزارة الدفاع', 30).filter((r) => r.match === 'exact').map((r) => r.entry.ref);
  assert.deepEqual(new Set(bare), new Set(['actor:iraq-mod', 'actor:usa-dod', 'actor:turkey-mod']));
  const used = rankEntries(builtin, 'وزارة الدفاع', 30, { corpusRefs: new Map([['actor:turkey-mod', 2]]) })[0].entry.ref;
  assert.equal(used, 'actor:turkey-mod');
  assert.equal(rankEntries(builtin, 'وزارة الدفاع', 30, { country: 'IQ' })[0].entry.ref, 'actor:iraq-mod');
});

test('one choice per ref across built-in and corpus memory, with kind, governorate and population', () => {
  const memory: KbEntry = { ref: 'geonames:94787', label: 'LOC', names: ['كركوك'], source: 'corpus', description: 'confirmed 2 times in this corpus' };
  const corpus = GazetteerMatcher.build([memory], options);
  const choices = rankChoices([corpus, builtin], 'كركوك', 10);
  const city = choices.filter((c) => c.ref === 'geonames:94787');
  assert.equal(city.length, 1, 'the city once');
  assert.deepEqual(city[0].sources, ['corpus', 'builtin']);
  assert.equal(city[0].kind, 'city');
  assert.equal(city[0].governorate, 'Kirkuk');
  assert.ok((city[0].population ?? 0) > 100000);
  assert.match(city[0].detail, /^city · Kirkuk · IQ · pop\. [\d,]+$/);
  assert.match(city[0].description ?? '', /Kirkuk/, 'the gazetteer describes it, not the memory count');
  const governorate = choices.find((c) => c.ref === 'geonames:98410');
  assert.equal(governorate?.detail, 'governorate · IQ');
  const labels = new Set(choices.map((c) => `${c.label}|${c.ref}`));
  assert.equal(labels.size, choices.length, 'no ref twice');
});
