import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkTagSequence, conllevalChunks } from './check';
import { encodeTags, guessScheme, parseTag, SentenceDecoder, tagNames } from './tags';

test('encodeTags writes IOB2 and BIOES; tagNames lists O then the labels in order', () => {
  const spans = [{ start: 0, end: 1, label: 'LOC' }, { start: 2, end: 5, label: 'ORG' }];
  assert.deepEqual(encodeTags(6, spans, 'iob2'), ['B-LOC', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']);
  assert.deepEqual(encodeTags(6, spans, 'bioes'), ['S-LOC', 'O', 'B-ORG', 'I-ORG', 'E-ORG', 'O']);
  assert.deepEqual(tagNames(['LOC', 'ORG'], 'iob2'), ['O', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG']);
  assert.deepEqual(checkTagSequence(encodeTags(6, spans, 'bioes'), 'bioes'), []);
  assert.deepEqual(checkTagSequence(['O', 'I-LOC'], 'iob2'), ['token 1: I-LOC does not continue a LOC entity']);
  assert.equal(checkTagSequence(['B-LOC', 'O'], 'bioes').length, 1);
  assert.deepEqual(conllevalChunks(['B-LOC', 'I-LOC', 'O', 'B-ORG', 'B-ORG', 'I-X']), [
    { start: 0, end: 2, type: 'LOC' },
    { start: 3, end: 4, type: 'ORG' },
    { start: 4, end: 5, type: 'ORG' },
    { start: 5, end: 6, type: 'X' },
  ]);
});

test('parseTag: the stated repair rules for malformed tags', () => {
  assert.deepEqual(parseTag('O'), { prefix: 'O', type: '' });
  assert.deepEqual(parseTag('B-Population-Center'), { prefix: 'B', type: 'Population-Center' });
  assert.equal(parseTag('OO').prefix, 'O');
  assert.match(parseTag('OO').repair!, /read as O/);
  assert.equal(parseTag('0').prefix, 'O');
  assert.deepEqual({ ...parseTag('I--ORG'), repair: undefined }, { prefix: 'I', type: 'ORG', repair: undefined });
  assert.match(parseTag('I--ORG').repair!, /read as I-ORG/);
  assert.equal(parseTag('b-LOC').prefix, 'B');
  assert.equal(parseTag('B-').prefix, 'O');
  assert.deepEqual(parseTag('LOC'), { prefix: 'I', type: 'LOC', bare: true });
  assert.deepEqual(parseTag('U-LOC'), { prefix: 'S', type: 'LOC' });
  assert.deepEqual(parseTag('L-LOC'), { prefix: 'E', type: 'LOC' });
});

function decode(rows: string[][]) {
  const d = new SentenceDecoder();
  for (const row of rows) d.push(row.map(parseTag));
  return { spans: d.finish().map((s) => `${s.type}[${s.start},${s.end})`), events: d.events.filter((e) => e.kind !== 'unclosed').map((e) => `${e.kind}@${e.token}`) };
}

test('SentenceDecoder: nested layers as in Wojood, the same type nested in itself, stray I, BIOES, IOB1', () => {
  // From the Wojood sample: OCC over ORG over GPE, and ORG inside ORG.
  assert.deepEqual(decode([['B-OCC'], ['I-OCC', 'B-ORG'], ['I-OCC', 'I-ORG'], ['I-OCC'], ['I-OCC', 'B-GPE'], ['O']]).spans, ['OCC[0,5)', 'ORG[1,3)', 'GPE[4,5)']);
  assert.deepEqual(decode([['B-ORG'], ['I-ORG', 'B-ORG'], ['I-ORG', 'I-ORG', 'B-GPE'], ['O']]).spans, ['ORG[0,3)', 'ORG[1,3)', 'GPE[2,3)']);
  assert.deepEqual(decode([['O'], ['I-ORG'], ['I-ORG'], ['B-ORG']]), { spans: ['ORG[1,3)', 'ORG[3,4)'], events: ['stray-inside@1'] }); // B after I of its type separates (IOB1), not a fresh begin
  assert.deepEqual(decode([['B-LOC'], ['E-LOC'], ['S-PER'], ['O'], ['E-X']]).spans, ['LOC[0,2)', 'PER[2,3)', 'X[4,5)']);
  // IOB1: I opens, B only separates two adjacent entities of one type.
  const iob1 = decode([['I-LOC'], ['I-LOC'], ['B-LOC'], ['O'], ['I-PER']]);
  assert.deepEqual(iob1.spans, ['LOC[0,2)', 'LOC[2,3)', 'PER[4,5)']);
  assert.equal(guessScheme({ endOrSingle: 0, freshBegin: 0, strayInside: 2 }), 'iob1');
  assert.equal(guessScheme({ endOrSingle: 0, freshBegin: 3, strayInside: 2 }), 'iob2');
  assert.equal(guessScheme({ endOrSingle: 1, freshBegin: 3, strayInside: 0 }), 'bioes');
  // IO scheme: bare labels, adjacent tokens join.
  assert.deepEqual(decode([['LOC'], ['LOC'], ['O'], ['PER']]), { spans: ['LOC[0,2)', 'PER[3,4)'], events: [] });
});
