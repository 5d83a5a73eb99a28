import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { commonRuns, diffSequences, mapThroughRuns, type CommonRun } from './textDiff';

/** Longest common subsequence length by the textbook O(N·M) table: an independent measure of a shortest diff. */
function lcsLength(a: string[], b: string[]): number {
  let row = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const next = new Array(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) next[j] = a[i - 1] === b[j - 1] ? row[j - 1] + 1 : Math.max(row[j], next[j - 1]);
    row = next;
  }
  return row[b.length];
}

/** Words (letters, marks, digits) and single other characters, cut by a regular expression of the test's own. */
const units = (text: string) => text.match(/[\p{L}\p{M}\p{Nd}]+|[^]/gu) ?? [];

/** Runs are equal text, in order, cut at word boundaries; returns how many words and other units they hold. */
function checkRuns(oldText: string, newText: string, runs: CommonRun[]): number {
  const a = [...oldText];
  const b = [...newText];
  const boundaries = (text: string) => {
    const set = new Set([0]);
    let at = 0;
    for (const u of units(text)) set.add((at += [...u].length));
    return set;
  };
  const aEdges = boundaries(oldText);
  const bEdges = boundaries(newText);
  let oldEnd = 0;
  let newEnd = 0;
  let count = 0;
  for (const r of runs) {
    assert.ok(r.length > 0 && r.oldStart >= oldEnd && r.newStart >= newEnd, 'runs in order, not overlapping');
    const piece = a.slice(r.oldStart, r.oldStart + r.length);
    assert.deepEqual(piece, b.slice(r.newStart, r.newStart + r.length), 'a run is equal text');
    assert.ok(aEdges.has(r.oldStart) && aEdges.has(r.oldStart + r.length) && bEdges.has(r.newStart) && bEdges.has(r.newStart + r.length), 'runs cut at word boundaries');
    count += units(piece.join('')).length;
    oldEnd = r.oldStart + r.length;
    newEnd = r.newStart + r.length;
  }
  return count;
}

const alphabet = fc.constantFrom('ب', 'غ', 'د', 'ا', ' ', '\n', '\r', '😀', 'ل');
const textArb = fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join(''));

test('property: the runs are equal text, in order, at word boundaries, and hold a longest common subsequence of words', () => {
  fc.assert(
    fc.property(textArb, textArb, (x, y) => {
      const runs = commonRuns(x, y)!;
      assert.equal(checkRuns(x, y, runs), lcsLength(units(x), units(y)));
    }),
    { seed: 3, numRuns: 500 },
  );
});

test('a name is never lined up with the start of a longer word typed before it', () => {
  // Characters alone: keeping بغداد at the start of بغدادي is one letter shorter than inserting a word.
  const runs = commonRuns('بغداد قال', 'بغدادي قال بغداد قال')!;
  assert.deepEqual(mapThroughRuns(runs, 0, 5), { start: 11, end: 16 });
});

test('past its budget the word diff goes by lines first: every unchanged line still maps to itself', () => {
  const lines = Array.from({ length: 300 }, (_, i) => `السطر ${i} من الخبر 😀 عن بغداد والبصرة\r\n`);
  const old = lines.join('');
  const edited = lines.map((l, i) => (i % 10 === 3 ? l.replace('من', 'في') : i % 10 === 7 ? 'سطر جديد\n' + l : l));
  const text = edited.join('');
  const budget = 20_000;
  const ids = new Map<string, number>();
  const idsOf = (t: string) => Int32Array.from(units(t).map((u) => ids.get(u) ?? (ids.set(u, ids.size), ids.size - 1)));
  assert.equal(diffSequences(idsOf(old), idsOf(text), { left: budget }), undefined, 'words alone exceed the budget');
  const runs = commonRuns(old, text, { budget });
  assert.ok(runs, 'the lines-first diff stays within the budget');
  checkRuns(old, text, runs);
  let oldAt = 0;
  let newAt = 0;
  for (let i = 0; i < lines.length; i++) {
    const length = [...lines[i]].length;
    if (i % 10 === 7) newAt += [...'سطر جديد\n'].length;
    if (i % 10 !== 3) assert.deepEqual(mapThroughRuns(runs, oldAt, oldAt + length), { start: newAt, end: newAt + length }, `line ${i}`);
    oldAt += length;
    newAt += [...edited[i]].length - (i % 10 === 7 ? [...'سطر جديد\n'].length : 0);
  }
});

test('a large budget-exceeding edit gives up (undefined) rather than stall', () => {
  const a = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x0627 + (i % 30))).join(' ');
  const b = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x0627 + ((i * 7) % 29))).join(' ');
  assert.equal(commonRuns(a, b, { budget: 10_000 }), undefined);
});

test('a word typed in a 1 MB article: mapped by the common runs, quickly', () => {
  const line = 'قال المتحدث باسم الحكومة العراقية إن الوفد وصل إلى بغداد اليوم\n';
  const old = line.repeat(Math.ceil(1_000_000 / line.length));
  const at = old.length / 2;
  const text = old.slice(0, at) + '😀 كلمة ' + old.slice(at);
  const began = performance.now();
  const runs = commonRuns(old, text)!;
  const took = performance.now() - began;
  assert.deepEqual(mapThroughRuns(runs, 10, 20), { start: 10, end: 20 });
  assert.deepEqual(mapThroughRuns(runs, old.length - 20, old.length - 10), { start: old.length - 20 + 7, end: old.length - 10 + 7 });
  assert.equal(mapThroughRuns(runs, at - 2, at + 2), undefined, 'a span the edit cut is not mapped');
  assert.ok(took < 2000, `took ${took} ms`);
});
