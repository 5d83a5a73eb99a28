// Article sessions driven directly over an in-memory file system: edits in the editor, annotation operations,
// sidecars changed, corrupted and deleted on "disk", the article changed while closed — and a property test that
// mixes all of them and checks after every step that no annotation is lost or misplaced.
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { defaultConfig } from '../core/corpus/config';
import { parseSidecar } from '../core/sidecar/parse';
import { serializeSidecar } from '../core/sidecar/serialize';
import type { Entity } from '../core/sidecar/types';
import { articleBytes, sha256Hex } from '../core/text/hash';
import { ArticleSession } from './articleSession';
import type { ArticleSnapshot } from './articleSnapshot';
import { MemoryFiles } from './memoryFiles';

const ROOT = '/corpus';
const ARTICLE = `${ROOT}/a.txt`;
const SIDECAR = `${ROOT}/a.ann.json`;

function newSession(files: MemoryFiles, messages: string[] = []): ArticleSession {
  return new ArticleSession(
    { files, matcher: () => undefined, publish: () => undefined, message: (_s, m) => messages.push(m), log: () => undefined },
    `file://${ARTICLE}`,
    ARTICLE,
    defaultConfig(ROOT),
  );
}

function codePoints(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

function sidecarFor(text: string, entities: Array<Omit<Entity, 'text'>>, status: 'todo' | 'in-progress' | 'done' | 'reviewed' = 'in-progress'): string {
  const cps = [...text];
  return serializeSidecar({
    text: 'a.txt',
    sha256: sha256Hex(articleBytes(text, false)),
    status,
    entities: entities.map((e) => ({ ...e, text: cps.slice(e.start, e.end).join('') })),
    rejected: [],
    unresolved: [],
  });
}

function onDisk(files: MemoryFiles) {
  const parsed = parseSidecar(files.text(SIDECAR) ?? '');
  assert.ok(parsed.sidecar, `sidecar readable: ${JSON.stringify(parsed.problems)}`);
  return parsed.sidecar;
}

describe('article session', () => {
  test('a corrupt sidecar is never written over, and annotating is refused with the reason', async () => {
    const files = new MemoryFiles();
    const text = 'زار الوفد بغداد.';
    files.set(ARTICLE, text);
    const corrupt = '{"hashiya": 1, "entities": [';
    files.set(SIDECAR, corrupt);
    const session = newSession(files);
    await session.open(text, 1);
    assert.equal(session.snapshot.health, 'corrupt');
    await assert.rejects(session.mutate((d) => d.annotations.add(10, 15, 'LOC')), /never overwritten/);
    await session.edit([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], 2);
    await session.close();
    assert.equal(files.text(SIDECAR), corrupt);
    assert.equal(files.writes.length, 0);
  });

  test('a sidecar changed on disk with a new entity and a status is merged with an annotation made here', async () => {
    const files = new MemoryFiles();
    const text = 'زار الوفد بغداد ثم الموصل.';
    files.set(ARTICLE, text);
    const baghdad = codePoints(text, text.indexOf('بغداد'));
    files.set(SIDECAR, sidecarFor(text, [{ start: baghdad, end: baghdad + 5, label: 'LOC' }]));
    const session = newSession(files);
    await session.open(text, 1);
    // Theirs, written by another tool while the article is open.
    const mosul = codePoints(text, text.indexOf('الموصل'));
    files.set(SIDECAR, sidecarFor(text, [{ start: baghdad, end: baghdad + 5, label: 'LOC' }, { start: mosul, end: mosul + 6, label: 'LOC' }], 'reviewed'));
    // Ours, before the watcher says anything: the write compares with the disk and merges.
    const delegation = codePoints(text, text.indexOf('الوفد'));
    await session.mutate((d) => d.annotations.add(delegation, delegation + 5, 'ACTOR'));
    const merged = onDisk(files);
    assert.deepEqual(merged.entities.map((e) => `${e.text}/${e.label}`), ['الوفد/ACTOR', 'بغداد/LOC', 'الموصل/LOC']);
    assert.equal(merged.status, 'reviewed');
    assert.equal(session.snapshot.annotations.entities.length, 3);
  });

  test('a sidecar corrupted on disk while open is reported; the session stops writing until it is fixed', async () => {
    const files = new MemoryFiles();
    const messages: string[] = [];
    const text = 'زار الوفد بغداد.';
    files.set(ARTICLE, text);
    const baghdad = codePoints(text, text.indexOf('بغداد'));
    files.set(SIDECAR, sidecarFor(text, [{ start: baghdad, end: baghdad + 5, label: 'LOC' }]));
    const session = newSession(files, messages);
    await session.open(text, 1);
    files.set(SIDECAR, '{ broken');
    await session.sidecarChanged();
    assert.equal(session.snapshot.health, 'corrupt');
    assert.ok(messages.some((m) => m.includes('has errors')));
    await session.edit([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'عاجل ' }], 2);
    await session.flush();
    assert.equal(files.text(SIDECAR), '{ broken');
    // Fixed on disk: read again, annotations back.
    files.set(SIDECAR, sidecarFor('عاجل ' + text, [{ start: baghdad + 5, end: baghdad + 10, label: 'LOC' }]));
    await session.sidecarChanged();
    assert.equal(session.snapshot.health, 'ok');
    assert.deepEqual(session.snapshot.annotations.entities.map((e) => e.text), ['بغداد']);
  });

  test('a failed write leaves the session holding the annotation, and the next write puts it on disk', async () => {
    const files = new MemoryFiles();
    const text = 'زار الوفد بغداد.';
    files.set(ARTICLE, text);
    const session = newSession(files);
    await session.open(text, 1);
    files.failWrites = 1;
    const baghdad = codePoints(text, text.indexOf('بغداد'));
    await assert.rejects(session.mutate((d) => d.annotations.add(baghdad, baghdad + 5, 'LOC')), /disk full/);
    assert.equal(session.snapshot.annotations.entities.length, 1, 'kept in memory');
    const delegation = codePoints(text, text.indexOf('الوفد'));
    await session.mutate((d) => d.annotations.add(delegation, delegation + 5, 'ACTOR'));
    assert.deepEqual(onDisk(files).entities.map((e) => e.text), ['الوفد', 'بغداد']);
  });

  test('property: editor edits, annotations, external sidecar changes and external text edits never lose or misplace an annotation', async () => {
    const words = ['بغداد', 'الموصل', 'العراق', 'كركوك', 'الحشد', 'البصرة', 'العراق', 'تكريت'];
    const fillers = ['و ', 'عاجل: ', '😀 ', 'قال\r\n', '، '];
    type Op =
      | { kind: 'type'; at: number; filler: number }
      | { kind: 'annotate'; word: number; label: 'LOC' | 'ACTOR' }
      | { kind: 'theirsStatus' }
      | { kind: 'theirsEntity'; word: number }
      | { kind: 'reopenEdited'; at: number; filler: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('type' as const), at: fc.nat(), filler: fc.nat(fillers.length - 1) }),
      fc.record({ kind: fc.constant('annotate' as const), word: fc.nat(words.length - 1), label: fc.constantFrom('LOC' as const, 'ACTOR' as const) }),
      fc.record({ kind: fc.constant('theirsStatus' as const) }),
      fc.record({ kind: fc.constant('theirsEntity' as const), word: fc.nat(words.length - 1) }),
      fc.record({ kind: fc.constant('reopenEdited' as const), at: fc.nat(), filler: fc.nat(fillers.length - 1) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        // The text is a list of pieces; words keep their identity (index) as fillers go in between.
        const pieces: Array<{ text: string; word?: number }> = [];
        words.forEach((w, i) => pieces.push({ text: w, word: i }, { text: ' ' }));
        const render = () => pieces.map((p) => p.text).join('');
        /** Code-point span of word i in the current text. */
        const spanOf = (i: number) => {
          let cp = 0;
          for (const p of pieces) {
            const n = [...p.text].length;
            if (p.word === i) return { start: cp, end: cp + n };
            cp += n;
          }
          throw new Error('word gone');
        };
        const truth = new Map<string, { word: number; label: string }>();
        const files = new MemoryFiles();
        files.set(ARTICLE, render());
        let session = newSession(files);
        let version = 1;
        await session.open(render(), version);
        const check = (snapshot: ArticleSnapshot, step: string) => {
          const { entities, unresolved } = snapshot.annotations;
          assert.ok(entities.length + unresolved.length >= truth.size, `${step}: count dropped`);
          for (const { word, label } of truth.values()) {
            const { start, end } = spanOf(word);
            const placed = entities.some((e) => e.start === start && e.end === end && e.label === label && e.text === words[word]);
            const kept = unresolved.some((e) => e.label === label && e.text === words[word]);
            assert.ok(placed || kept, `${step}: ${words[word]}#${word}/${label} neither at [${start}, ${end}) nor unresolved; entities ${JSON.stringify(entities.map((e) => [e.start, e.end, e.label, e.text]))}`);
          }
        };
        for (const [n, o] of ops.entries()) {
          const step = `step ${n} ${JSON.stringify(o)}`;
          if (o.kind === 'type' || o.kind === 'reopenEdited') {
            // Between pieces only: annotated words stay intact.
            const at = o.at % (pieces.length + 1);
            const before = pieces.slice(0, at).map((p) => p.text).join('');
            const oldText = render();
            pieces.splice(at, 0, { text: fillers[o.filler] });
            if (o.kind === 'type') {
              const lines = oldText.slice(0, before.length).split(/\r\n|\r|\n/);
              const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
              await session.edit([{ range: { start: position, end: position }, text: fillers[o.filler] }], ++version);
            } else {
              await session.close();
              files.set(ARTICLE, render());
              session = newSession(files);
              await session.open(render(), ++version);
            }
          } else if (o.kind === 'annotate') {
            const { start, end } = spanOf(o.word);
            await session.mutate((d) => d.annotations.add(start, end, o.label));
            truth.set(`${o.word}/${o.label}`, { word: o.word, label: o.label });
          } else if (o.kind === 'theirsStatus') {
            const disk = files.text(SIDECAR);
            if (disk === undefined) continue;
            files.set(SIDECAR, disk.replace(/"status": "[a-z-]+"/, '"status": "reviewed"'));
            await session.sidecarChanged();
          } else {
            const disk = files.text(SIDECAR);
            const parsed = disk === undefined ? undefined : parseSidecar(disk).sidecar;
            if (!parsed || parsed.sha256 !== sha256Hex(articleBytes(render(), false))) continue;
            const { start, end } = spanOf(o.word);
            parsed.entities.push({ start, end, label: 'LOC', text: words[o.word] });
            parsed.entities.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
            parsed.entities = parsed.entities.filter((e, i, all) => i === 0 || !(e.start === all[i - 1].start && e.end === all[i - 1].end && e.label === all[i - 1].label));
            files.set(SIDECAR, serializeSidecar(parsed));
            await session.sidecarChanged();
            truth.set(`${o.word}/LOC`, { word: o.word, label: 'LOC' });
          }
          check(await session.settled(), step);
        }
        await session.close();
        // What is on disk holds everything too (written for the current text).
        if (files.text(SIDECAR) !== undefined) {
          const disk = onDisk(files);
          assert.ok(disk.entities.length + disk.unresolved.length >= truth.size, 'disk count');
        }
      }),
      { seed: 20261129, numRuns: 150 },
    );
  });
});
