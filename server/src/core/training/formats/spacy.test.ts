import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { msgpackDecode, msgpackEncode } from './msgpack';
import { compareCodePoints, murmurHash64A, spacyStringKey } from './spacy';
import { ATTR, spacySymbol } from './spacySymbols';

test('MurmurHash64A (seed 1) equals the murmurhash C library spaCy uses', () => {
  // Reference values computed with murmurhash.mrmr's hash64 through its C API.
  const cases: Array<[string, string]> = [
    ['coffee', '3197928453018144401'], // the value in spaCy's documentation (nlp.vocab.strings["coffee"])
    ['hello', '5983625672228268878'],
    ['العراق', '12196911384810424215'],
    ['a', '11901859001352538922'],
    ['abcdefghi', '13885881106499164936'],
  ];
  for (const [s, expected] of cases) assert.equal(murmurHash64A(new TextEncoder().encode(s)).toString(), expected, s);
});

test('spaCy symbols: documented anchors hold, symbol strings use their number, others their hash', () => {
  assert.deepEqual(ATTR, { ORTH: 65, ENT_IOB: 77, ENT_TYPE: 78, SENT_START: 80 });
  assert.equal(spacySymbol('DEP'), 76); // spaCy's attributes page: assert DEP == 76
  assert.equal(spacySymbol('PERSON'), 380);
  assert.equal(spacySymbol('ORG'), 383);
  assert.equal(spacySymbol('GPE'), 384);
  assert.equal(spacySymbol('DATE'), 391);
  assert.equal(spacySymbol('CARDINAL'), 397);
  assert.equal(spacySymbol('NOUN'), 92);
  assert.equal(spacySymbol('nsubj'), 429);
  assert.equal(spacyStringKey('LOC'), 385n);
  assert.equal(spacyStringKey(''), 0n);
  assert.equal(spacyStringKey('coffee'), 3197928453018144401n);
  assert.equal(spacySymbol('ACTOR'), undefined);
});

test('MessagePack round trip of the DocBin shapes; strings sorted by code point as Python does', () => {
  const value = { version: '0.1', attrs: [65, 77], tokens: new Uint8Array([1, 2, 3]), big: 18446744073709551615n, neg: -5, list: Array.from({ length: 20 }, (_, i) => i * 1000), map: { has_unknown_spaces: false }, s: 'ع'.repeat(40) };
  const decoded = msgpackDecode(msgpackEncode(value)) as Record<string, unknown>;
  assert.deepEqual(decoded, value);
  assert.deepEqual(['😀', 'ﻻ', 'a'].sort(compareCodePoints), ['a', 'ﻻ', '😀']);
});
