// Choosing a ref: the word before the name, a dateline, the corpus's usage, the article's country; and the
// measured top-1 accuracy on the hand-annotated ambiguous mentions (fixtures/ref-choice) and on the seed.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { builtinMatcher, evaluateMentions, evaluateSeed } from '../../../../bench/refChoice';
import { articleCountryOf, disambiguate, type DisambiguationContext } from './disambiguate';
import type { KbEntry } from './entries';

const entry = (ref: string, kind: string, country: string, extra: Partial<KbEntry> = {}): KbEntry => ({ ref, label: 'LOC', names: ['x'], source: 'builtin', kind, country, ...extra });
const baghdadCity = entry('geonames:98182', 'city', 'IQ', { population: 7216000 });
const baghdadGovernorate = entry('geonames:98180', 'governorate', 'IQ');
const context = (textBefore: string, more: Partial<DisambiguationContext> = {}): DisambiguationContext => ({ textBefore, textAfter: ' اليوم', articlePlaces: [], corpusRefsForForm: new Map(), ...more });

test('«محافظة» before the name chooses the governorate, «مدينة» the city, both clearly; without a cue the city, not clearly', () => {
  const both = [baghdadCity, baghdadGovernorate];
  const gov = disambiguate(both, context('قال مصدر في محافظة '));
  assert.equal(gov.ordered[0], baghdadGovernorate);
  assert.equal(gov.clear, true);
  assert.match(gov.scored[0].reasons.join(), /محافظة/);
  assert.equal(disambiguate(both, context('وفي بمحافظة ')).ordered[0], baghdadGovernorate, 'read after a proclitic');
  assert.equal(disambiguate(both, context('قال محافظ ')).ordered[0], baghdadGovernorate, 'the governor governs the governorate');
  const city = disambiguate([baghdadGovernorate, baghdadCity], context('انفجار وسط مدينة '));
  assert.equal(city.ordered[0], baghdadCity);
  assert.equal(city.clear, true);
  const bare = disambiguate([baghdadGovernorate, baghdadCity], context('قتل شخصان في '));
  assert.equal(bare.ordered[0], baghdadCity);
  assert.equal(bare.clear, false, 'an editor should ask');
  // A cue in the previous sentence says nothing about this name.
  assert.equal(disambiguate(both, context('زار المحافظة. ثم عاد إلى ')).ordered[0], baghdadCity);
});

test("the corpus's ref for the form comes first", () => {
  const used = disambiguate([baghdadCity, baghdadGovernorate], context('قتل شخصان في ', { corpusRefsForForm: new Map([['geonames:98180', 3]]) }));
  assert.equal(used.ordered[0], baghdadGovernorate);
  assert.equal(used.clear, true);
});

test('a bare ministry resolves by the article country; the country can come from the other places', () => {
  const ministries: KbEntry[] = [
    { ref: 'actor:usa-dod', label: 'ACTOR', names: ['وزارة الدفاع الأميركية'], source: 'builtin', kind: 'ministry', country: 'US' },
    { ref: 'actor:iraq-mod', label: 'ACTOR', names: ['وزارة الدفاع العراقية'], source: 'builtin', kind: 'ministry', country: 'IQ' },
  ];
  assert.equal(disambiguate(ministries, context('أعلنت ', { articleCountry: 'IQ' })).ordered[0].ref, 'actor:iraq-mod');
  const places = [entry('geonames:99237', 'country', 'IQ'), entry('geonames:98182', 'city', 'IQ'), entry('test:usa', 'country', 'US')];
  assert.equal(articleCountryOf(places), 'IQ');
  assert.equal(disambiguate(ministries, context('أعلنت ', { articlePlaces: places })).ordered[0].ref, 'actor:iraq-mod');
  assert.equal(articleCountryOf([entry('a:1', 'city', 'IQ'), entry('a:2', 'city', 'US')]), undefined, 'a tie names no country');
});

test('a dateline names the city; the kind of the other places breaks a tie between a state and its capital', () => {
  const kuwait = entry('geonames:285570', 'country', 'KW');
  const kuwaitCity = entry('geonames:285787', 'city', 'KW', { population: 60064 });
  assert.equal(disambiguate([kuwait, kuwaitCity], context('.\n', { textAfter: ' - أعلنت وزارة' })).ordered[0], kuwaitCity);
  assert.equal(disambiguate([kuwait, kuwaitCity], context('فاز منتخب ')).ordered[0], kuwait);
  const cities = [entry('test:sharjah', 'city', 'AE'), entry('test:cairo', 'city', 'EG'), entry('test:muscat', 'city', 'OM')];
  assert.equal(disambiguate([kuwait, kuwaitCity], context('فروع في الشارقة و ', { articlePlaces: cities })).ordered[0], kuwaitCity);
});

test("an office-holder outside the article's date ranks lower and says so", () => {
  const sudani: KbEntry = { ref: 'actor:mohammed-shia-al-sudani', label: 'ACTOR', names: ['السوداني'], source: 'builtin', kind: 'person', country: 'IQ', valid: [{ from: '2022-10-27' }] };
  const other: KbEntry = { ref: 'corpus:x', label: 'ACTOR', names: ['السوداني'], source: 'corpus', kind: 'person' };
  const d = disambiguate([sudani, other], context('قال رئيس الوزراء ', { articleDate: '2020-07-22' }));
  assert.equal(d.scored.find((s) => s.candidate === sudani)?.outsideTerm, true);
  assert.match(d.scored.find((s) => s.candidate === sudani)!.reasons.join(), /outside the term/);
  assert.equal(disambiguate([sudani, other], context('قال ', { articleDate: '2023-01-05' })).scored[0].outsideTerm, undefined);
});

test('top-1 accuracy on the hand-annotated ambiguous mentions: 93 of 103 after (64 before), and 26 of 26 on the seed (24 before)', async () => {
  const matcher = await builtinMatcher();
  const mentions = await evaluateMentions(matcher);
  assert.ok(mentions.mentions >= 50, `${mentions.mentions} mentions`);
  assert.equal(mentions.ambiguous, mentions.mentions, 'every mention of the set has several candidates');
  assert.equal(mentions.before, 64);
  assert.equal(mentions.after, 93, JSON.stringify(mentions.wrong));
  // What it calls clear, it nearly always gets right.
  assert.ok(mentions.clearRight / mentions.clear >= 0.95, `${mentions.clearRight} of ${mentions.clear} clear choices right`);
  const seed = await evaluateSeed(matcher);
  assert.equal(seed.mentions, 26);
  assert.equal(seed.before, 24);
  assert.equal(seed.after, 26, JSON.stringify(seed.wrong));
});
