// Three-way merge by annotation identity. Every expectation is written out by hand from the rules in merge.ts.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseConflicted, serializeConflicted } from './conflicted';
import { canKeepBoth, mergeSidecars, resolveConflict } from './merge';
import { parseSidecar } from './parse';
import { serializeSidecar } from './serialize';
import type { Entity, Sidecar } from './types';

const SHA = 'a'.repeat(64);
const E = (start: number, end: number, label: string, text: string, more: Partial<Entity> = {}): Entity => ({ start, end, label, text, ...more });
const baghdad = E(0, 5, 'LOC', 'بغداد');
const basra = E(10, 15, 'LOC', 'البصرة'.slice(0, 5));
const army = E(20, 26, 'ACTOR', 'الجيش');
const najaf = E(30, 35, 'LOC', 'النجف'.slice(0, 5));

function sidecar(entities: Entity[], more: Partial<Sidecar> = {}): Sidecar {
  return { text: 'a.txt', sha256: SHA, status: 'in-progress', entities, rejected: [], unresolved: [], ...more };
}

test('additions on both sides are all kept; nothing conflicts', () => {
  const r = mergeSidecars(sidecar([baghdad]), sidecar([baghdad, basra]), sidecar([baghdad, army]));
  assert.deepEqual(r.conflicts, []);
  assert.deepEqual(r.merged.entities, [baghdad, basra, army]);
});

test('a removal on one side with no change on the other removes; the same addition on both sides is one', () => {
  const r = mergeSidecars(sidecar([baghdad, basra]), sidecar([basra, najaf]), sidecar([baghdad, basra, najaf]));
  assert.deepEqual(r.conflicts, []);
  assert.deepEqual(r.merged.entities, [basra, najaf]);
});

test('a ref change wins over no change; ref on one side and an unknown key on the other both apply', () => {
  const withRef = { ...baghdad, ref: 'geonames:98182' };
  const withNote = { ...baghdad, extra: { note: 'capital' } };
  const r = mergeSidecars(sidecar([baghdad, basra]), sidecar([withRef, basra]), sidecar([withNote, basra]));
  assert.deepEqual(r.conflicts, []);
  assert.deepEqual(r.merged.entities, [{ ...baghdad, ref: 'geonames:98182', extra: { note: 'capital' } }, basra]);
  // The same on a side that removed a ref: removal is a change too.
  const r2 = mergeSidecars(sidecar([withRef]), sidecar([baghdad]), sidecar([withRef]));
  assert.deepEqual(r2.merged.entities, [baghdad]);
});

test('ref A against ref B is one annotation conflict; resolved by ours or theirs, never both', () => {
  const a = { ...baghdad, ref: 'geonames:1' };
  const b = { ...baghdad, ref: 'geonames:2' };
  const r = mergeSidecars(sidecar([baghdad, basra]), sidecar([a, basra]), sidecar([b, basra]));
  assert.equal(r.conflicts.length, 1);
  const c = r.conflicts[0];
  assert.equal(c.key, '0:5:LOC');
  assert.ok(c.kind === 'annotation');
  assert.deepEqual([c.base, c.ours, c.theirs], [[baghdad], [a], [b]]);
  assert.deepEqual(r.merged.entities, [basra], 'the conflicting annotation waits outside merged');
  assert.equal(canKeepBoth(c), false);
  assert.throws(() => resolveConflict(r, 0, 'both'), /cannot keep both/);
  assert.deepEqual(resolveConflict(r, 0, 'ours'), { merged: { ...r.merged, entities: [a, basra] }, conflicts: [] });
  assert.deepEqual(resolveConflict(r, 0, 'theirs').merged.entities, [b, basra]);
  // Both sides adding the same identity with different refs (no base) conflicts the same way.
  assert.equal(mergeSidecars(sidecar([]), sidecar([a]), sidecar([b])).conflicts.length, 1);
});

test('removed on one side, ref changed on the other: a conflict with an empty side', () => {
  const changed = { ...army, ref: 'actor:iraq-army' };
  const r = mergeSidecars(sidecar([army]), sidecar([]), sidecar([changed]));
  assert.equal(r.conflicts.length, 1);
  const c = r.conflicts[0];
  assert.ok(c.kind === 'annotation');
  assert.deepEqual([c.ours, c.theirs], [[], [changed]]);
  assert.match(c.description, /removed on ours, changed on theirs/);
  assert.deepEqual(resolveConflict(r, 0, 'ours').merged.entities, []);
  assert.deepEqual(resolveConflict(r, 0, 'both').merged.entities, [changed]);
});

test('a relabel to different labels on both sides is one labels conflict; keep both keeps both labels', () => {
  const asActor = { ...basra, label: 'ACTOR' };
  const asPer = { ...basra, label: 'PER' };
  const r = mergeSidecars(sidecar([baghdad, basra]), sidecar([baghdad, asActor]), sidecar([baghdad, asPer]));
  assert.equal(r.conflicts.length, 1);
  const c = r.conflicts[0];
  assert.ok(c.kind === 'labels');
  assert.equal(c.key, '10:15');
  assert.deepEqual([c.base, c.ours, c.theirs], [[basra], [asActor], [asPer]]);
  assert.match(c.description, /labelled ACTOR on ours, PER on theirs \(base LOC\)/);
  assert.deepEqual(r.merged.entities, [baghdad]);
  assert.deepEqual(resolveConflict(r, 0, 'both').merged.entities, [baghdad, asActor, asPer]);
  assert.deepEqual(resolveConflict(r, 0, 'theirs').merged.entities, [baghdad, asPer]);
});

test('a new span labelled differently on both sides conflicts; the same relabel on both sides does not', () => {
  const r = mergeSidecars(sidecar([]), sidecar([najaf]), sidecar([{ ...najaf, label: 'ACTOR' }]));
  assert.deepEqual(r.conflicts.map((c) => [c.kind, c.key]), [['labels', '30:35']]);
  const same = mergeSidecars(sidecar([basra]), sidecar([{ ...basra, label: 'ACTOR' }]), sidecar([{ ...basra, label: 'ACTOR' }]));
  assert.deepEqual(same.conflicts, []);
  assert.deepEqual(same.merged.entities, [{ ...basra, label: 'ACTOR' }]);
});

test('a nested label added on one side only merges; one side relabelling while the other nests conflicts', () => {
  const nested = { ...basra, label: 'ACTOR' };
  const r = mergeSidecars(sidecar([basra]), sidecar([basra, nested]), sidecar([basra, army]));
  assert.deepEqual(r.conflicts, []);
  assert.deepEqual(r.merged.entities, [nested, basra, army]); // (start, end, label): ACTOR before LOC
  const r2 = mergeSidecars(sidecar([basra]), sidecar([basra, nested]), sidecar([{ ...basra, label: 'PER' }]));
  assert.deepEqual(r2.conflicts.map((c) => c.kind), ['labels']);
});

test('rejected: a set by identity, a base rejection dropped by one side goes, an acceptance on either side withdraws it', () => {
  const base = sidecar([], { rejected: [baghdad, basra] });
  const ours = sidecar([], { rejected: [baghdad, basra, army] }); // rejects army
  const theirs = sidecar([najaf], { rejected: [basra, najaf] }); // un-rejects baghdad, accepts najaf (rejected by mistake)
  const r = mergeSidecars(base, ours, sidecar([najaf], { rejected: [basra] }));
  assert.deepEqual(r.merged.rejected, [basra, army]);
  // A rejection one side adds while the other accepts the same identity is withdrawn.
  const r2 = mergeSidecars(base, sidecar([], { rejected: [baghdad, basra, najaf] }), theirs);
  assert.deepEqual(r2.merged.rejected, [basra]);
  assert.deepEqual(r2.merged.entities, [najaf]);
});

test('status: one side\'s change wins; two different changes are a field conflict', () => {
  const base = sidecar([], { status: 'in-progress' });
  assert.equal(mergeSidecars(base, sidecar([], { status: 'done' }), base).merged.status, 'done');
  const r = mergeSidecars(base, sidecar([], { status: 'done' }), sidecar([], { status: 'reviewed' }));
  assert.deepEqual(r.conflicts, [
    { kind: 'field', key: 'status', description: '"status": "done" on ours, "reviewed" on theirs (base "in-progress")', base: 'in-progress', ours: 'done', theirs: 'reviewed' },
  ]);
  assert.equal(resolveConflict(r, 0, 'theirs').merged.status, 'reviewed');
  assert.throws(() => resolveConflict(r, 0, 'both'));
  // Without a base, any difference is a conflict.
  assert.equal(mergeSidecars(undefined, sidecar([], { status: 'done' }), sidecar([], { status: 'todo' })).conflicts.length, 1);
});

test('an article edited on one side: clean when the other side changed no annotation, a sha256 conflict when it did', () => {
  const SHA2 = 'b'.repeat(64);
  // Theirs inserted 3 characters before everything and re-anchored: every offset + 3.
  const shifted = (e: Entity) => ({ ...e, start: e.start + 3, end: e.end + 3 });
  const base = sidecar([baghdad, basra]);
  const theirs = sidecar([baghdad, basra].map(shifted), { sha256: SHA2 });
  const statusOnly = mergeSidecars(base, sidecar([baghdad, basra], { status: 'done' }), theirs);
  assert.deepEqual(statusOnly.conflicts, []);
  assert.deepEqual(statusOnly.merged, { ...theirs, status: 'done' });
  // Ours added najaf at offsets of the old text: a clean merge would place it 3 characters off.
  const r = mergeSidecars(base, sidecar([baghdad, basra, najaf]), theirs);
  assert.deepEqual(r.conflicts.map((c) => [c.kind, c.key]), [['field', 'sha256']]);
  assert.match(r.conflicts[0].description, /the article changed on theirs while ours changed annotations against the old text/);
  assert.equal(resolveConflict(r, 0, 'theirs').merged.sha256, SHA2);
});

test('unknown top-level keys merge key by key', () => {
  const base = sidecar([], { extra: { reviewer: 'a', source: 'x' } });
  const ours = sidecar([], { extra: { reviewer: 'b', source: 'x' } });
  const theirs = sidecar([], { extra: { reviewer: 'a', notes: ['n'] } });
  const r = mergeSidecars(base, ours, theirs);
  assert.deepEqual(r.conflicts, []);
  assert.deepEqual(r.merged.extra, { reviewer: 'b', notes: ['n'] });
});

test('unresolved entries merge like entities, with their own conflicts', () => {
  const lost = E(40, 44, 'LOC', 'كربلا');
  const r = mergeSidecars(sidecar([], { unresolved: [lost] }), sidecar([], { unresolved: [{ ...lost, ref: 'x:1' }] }), sidecar([], { unresolved: [] }));
  assert.deepEqual(r.conflicts.map((c) => c.kind !== 'field' && [c.list, c.key]), [['unresolved', '40:44:LOC']]);
  assert.deepEqual(resolveConflict(r, 0, 'ours').merged.unresolved, [{ ...lost, ref: 'x:1' }]);
});

test('without conflicts the textual form is exactly the sidecar layout', () => {
  const r = mergeSidecars(sidecar([baghdad]), sidecar([baghdad, basra], { extra: { k: 1 } }), sidecar([baghdad, army], { unresolved: [najaf] }));
  assert.equal(serializeConflicted(r), serializeSidecar(r.merged));
});

test('the textual form wraps each conflicting line in markers, each side is a valid sidecar, and it reads back', () => {
  const a = { ...baghdad, ref: 'geonames:1' };
  const b = { ...baghdad, ref: 'geonames:2' };
  const base = sidecar([baghdad, basra, army]);
  // ours: ref A on baghdad, army removed; theirs: ref B on baghdad, army relabelled PER, status done.
  const r = mergeSidecars(base, sidecar([a, basra]), sidecar([b, basra, { ...army, label: 'PER' }], { status: 'done' }));
  assert.equal(r.conflicts.length, 2);
  const text = serializeConflicted(r);
  // Written by hand: the last entity conflict has nothing on ours, so basra's comma differs between the sides and
  // basra moves into that block.
  const expected = [
    '{',
    '  "hashiya": 1,',
    '  "text": "a.txt",',
    `  "sha256": "${SHA}",`,
    '  "status": "done",',
    '  "entities": [',
    '<<<<<<< ours',
    '    {"start": 0, "end": 5, "label": "LOC", "text": "بغداد", "ref": "geonames:1"},',
    '||||||| base',
    '    {"start": 0, "end": 5, "label": "LOC", "text": "بغداد"},',
    '=======',
    '    {"start": 0, "end": 5, "label": "LOC", "text": "بغداد", "ref": "geonames:2"},',
    '>>>>>>> theirs',
    '<<<<<<< ours',
    `    {"start": 10, "end": 15, "label": "LOC", "text": "${basra.text}"}`,
    '||||||| base',
    `    {"start": 10, "end": 15, "label": "LOC", "text": "${basra.text}"},`,
    '    {"start": 20, "end": 26, "label": "ACTOR", "text": "الجيش"}',
    '=======',
    `    {"start": 10, "end": 15, "label": "LOC", "text": "${basra.text}"},`,
    '    {"start": 20, "end": 26, "label": "PER", "text": "الجيش"}',
    '>>>>>>> theirs',
    '  ],',
    '  "rejected": []',
    '}',
    '',
  ].join('\n');
  assert.equal(text, expected);
  assert.deepEqual(parseSidecar(text).problems.map((p) => p.code), ['conflict-markers']);
  const back = parseConflicted(text);
  assert.ok(back);
  assert.deepEqual(back.ours.entities, [a, basra]);
  assert.deepEqual(back.theirs.entities, [b, basra, { ...army, label: 'PER' }]);
  assert.deepEqual(back.conflicts, r.conflicts);
  assert.deepEqual(back.merged, r.merged);
});

test('a sidecar with git\'s own markers (HEAD / branch) is recognised, not corrupt, and its sides are read', () => {
  const text = [
    '{',
    '  "hashiya": 1,',
    '  "text": "a.txt",',
    `  "sha256": "${SHA}",`,
    '  "status": "in-progress",',
    '  "entities": [',
    '    {"start": 0, "end": 5, "label": "LOC", "text": "بغداد"},',
    '<<<<<<< HEAD',
    `    {"start": 10, "end": 15, "label": "ACTOR", "text": "${basra.text}"}`,
    '=======',
    `    {"start": 10, "end": 15, "label": "PER", "text": "${basra.text}"}`,
    '>>>>>>> relabel',
    '  ],',
    '  "rejected": []',
    '}',
    '',
  ].join('\r\n');
  const parsed = parseSidecar(text);
  assert.equal(parsed.sidecar, undefined);
  assert.deepEqual(parsed.problems.map((p) => [p.code, p.offset]), [['conflict-markers', text.indexOf('<<<<<<<')]]);
  const back = parseConflicted(text);
  assert.ok(back);
  assert.deepEqual(back.conflicts.map((c) => [c.kind, c.key]), [['labels', '10:15']]);
  assert.deepEqual(back.merged.entities, [baghdad]);
  // Unbalanced markers: recognised by parse, but no sides to read.
  assert.deepEqual(parseSidecar('<<<<<<< HEAD\n{}\n').problems.map((p) => p.code), ['conflict-markers']);
  assert.equal(parseConflicted('<<<<<<< HEAD\n{}\n'), undefined);
  assert.equal(parseConflicted(serializeSidecar(sidecar([baghdad]))), undefined);
});
