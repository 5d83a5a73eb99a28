import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { insideWordProblems } from './consistency';
import type { Entity } from '../sidecar/types';

// Code-point offsets, counted by hand: 😀 is one code point (two UTF-16 units).
const TEXT = '😀 زار بغداد وبالبصرة';
//            0 1 2..4 5 6..10 11 12..19
const E = (start: number, end: number, text: string): Entity => ({ start, end, label: 'LOC', text });

test('inside-word: cuts at the start or end of a word are flagged, a proclitic before the entity is not', () => {
  const entities = [
    E(6, 11, 'بغداد'), // whole word
    E(7, 11, 'غداد'), // after ب: could be the preposition ب, so it is a proclitic cut (the policy cannot tell)
    E(8, 11, 'داد'), // after بغ: no proclitic reads so
    E(6, 10, 'بغدا'), // ends inside
    E(14, 20, 'البصرة'), // after وب: proclitics
    E(13, 20, 'بالبصرة'), // after و
  ];
  const problems = insideWordProblems({ file: 'x', text: TEXT, entities, entityOffsets: [10, 20, 25, 30, 40, 50] });
  assert.deepEqual(problems.map((p) => [p.offset, p.message]), [
    [25, 'LOC "داد" starts inside a word'],
    [30, 'LOC "بغدا" ends inside a word'],
  ]);
});
