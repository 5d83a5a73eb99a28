// Properties over arbitrary input (fast-check, fixed seed, bounded budget): the sidecar and config parsers never
// throw, every importer either imports or refuses with its own ImportError, and what it imports validates; a
// sidecar written and read again is the same sidecar, whatever unknown keys it carries (`__proto__` included).
// HASHIYA_FUZZ_SCALE multiplies every budget (npm run fuzz: 10).
import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { captureIO } from '../cli/io';
import { runCli } from '../cli/main';
import { parseConfig } from './corpus/config';
import { parseSidecar } from './sidecar/parse';
import { serializeSidecar } from './sidecar/serialize';
import { DOCUMENT_STATUSES, type Entity, KNOWN_ENTITY_KEYS, KNOWN_TOP_KEYS, type Sidecar } from './sidecar/types';
import { ImportError, importCorpus } from './training/import/importCorpus';
import { tempDir } from './training/testdata/corpus';

const SEED = 20261129;
const SCALE = Number(process.env.HASHIYA_FUZZ_SCALE ?? 1);
const runs = (cases: number) => ({ seed: SEED, numRuns: Math.round(cases * SCALE) });

/** Bytes as a file might hold them: random bytes, random text, or something close to JSON. */
const fileText = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('utf8')),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ hashiya: 1, text: 'a.txt', sha256: '0'.repeat(64), status: 'done', entities: [v], extra: v })),
  fc.constantFrom('[', '{', '{"hashiya": 1', '['.repeat(5000), '{"a":'.repeat(3000), '"\\u', '/*', '{"include": ["["]}', '{"include": ["**/*.{txt"]}'),
);

test('parseSidecar never throws, on any text', () => {
  fc.assert(
    fc.property(fileText, (text) => {
      const parsed = parseSidecar(text);
      assert.ok(parsed.sidecar || parsed.problems.length > 0);
    }),
    runs(2000),
  );
});

test('parseConfig never throws, on any text', () => {
  fc.assert(
    fc.property(fileText, (text) => {
      parseConfig('/corpus', text);
    }),
    runs(2000),
  );
});

// ---- write then read

const KEY = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', ''));
const unknownKeys = (known: readonly string[]) =>
  fc.uniqueArray(fc.tuple(KEY.filter((k) => !known.includes(k)), fc.jsonValue({ maxDepth: 2 })), { selector: ([k]) => k, maxLength: 4 }).map((pairs) => {
    const out: Record<string, unknown> = {};
    // As data, whatever the key: defineProperty, never assignment (which would set a prototype for __proto__).
    for (const [k, v] of pairs) Object.defineProperty(out, k, { value: JSON.parse(JSON.stringify(v)), enumerable: true, writable: true, configurable: true });
    return out;
  });

const entity: fc.Arbitrary<Entity> = fc
  .record({
    start: fc.nat({ max: 10_000 }),
    length: fc.integer({ min: 1, max: 50 }),
    label: fc.string({ minLength: 1, maxLength: 10 }),
    text: fc.string({ unit: 'grapheme', maxLength: 10 }),
    ref: fc.option(fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[0-9A-Za-z_-]{1,8}$/)).map(([n, id]) => `${n}:${id}`), { nil: undefined }),
    extra: fc.option(unknownKeys(KNOWN_ENTITY_KEYS), { nil: undefined }),
  })
  .map(({ start, length, label, text, ref, extra }) => {
    const e: Entity = { start, end: start + length, label, text };
    if (ref !== undefined) e.ref = ref;
    if (extra && Object.keys(extra).length > 0) e.extra = extra;
    return e;
  });

const sidecar: fc.Arbitrary<Sidecar> = fc
  .record({
    text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
    status: fc.constantFrom(...DOCUMENT_STATUSES),
    entities: fc.array(entity, { maxLength: 6 }),
    rejected: fc.array(entity, { maxLength: 3 }),
    unresolved: fc.array(entity, { maxLength: 3 }),
    extra: unknownKeys(KNOWN_TOP_KEYS),
  })
  .map((s) => {
    const out: Sidecar = { text: s.text, sha256: s.sha256, status: s.status, entities: s.entities, rejected: s.rejected, unresolved: s.unresolved };
    if (Object.keys(s.extra).length > 0) out.extra = s.extra;
    return out;
  });

test('write then read is the identity for sidecars with arbitrary unknown keys (__proto__, constructor included)', () => {
  fc.assert(
    fc.property(sidecar, (original) => {
      const written = serializeSidecar(original);
      const parsed = parseSidecar(written);
      assert.ok(parsed.sidecar, JSON.stringify(parsed.problems));
      const sorted = (list: Entity[]) => [...list].sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
      // Entities come back in the file's order, (start, end, label); entities equal in those keep their order.
      assert.deepStrictEqual(parsed.sidecar, { ...original, entities: sorted(original.entities), rejected: sorted(original.rejected), unresolved: sorted(original.unresolved) });
      assert.equal(serializeSidecar(parsed.sidecar), written);
    }),
    runs(500),
  );
});

// ---- importers

const LABELS = ['LOC', 'ORG', 'PER', 'LOC/GPE', 'لوك', '__proto__', 'constructor', 'toString', '', 'B', 'x y'];
const token = fc.oneof(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 6 }), fc.constantFrom('بغداد', 'في', '-DOCSTART-', '\u200E', '😀', '\t', ' '));
const tag = fc.oneof(
  fc.tuple(fc.constantFrom('B-', 'I-', 'E-', 'S-', 'L-', 'U-', 'b-', 'I--', 'O-', ''), fc.constantFrom(...LABELS)).map(([p, l]) => p + l),
  fc.constantFrom('O', 'OO', '0', 'o'),
  fc.string({ maxLength: 5 }),
);
const conllLine = fc.oneof(
  fc.tuple(token, fc.constantFrom('\t', ' '), tag, fc.option(tag, { nil: undefined })).map(([t, sep, a, b]) => (b === undefined ? `${t}${sep}${a}` : `${t}${sep}${a}${sep}${b}`)),
  fc.constantFrom('', '-DOCSTART- -X- -X- O', '\r'),
);
const conlluLine = fc.oneof(
  fc
    .tuple(fc.constantFrom('1', '2', '3', '1-2', '4.1', 'x', ''), token, fc.constantFrom('_', 'SpaceAfter=No', 'NER=B-LOC', 'NER=I-LOC', 'NE=B-__proto__', 'Entity=B-constructor|SpaceAfter=No', 'NER=LOC/GPE'))
    .map(([id, form, misc]) => [id, form, '_', '_', '_', '_', '_', '_', '_', misc].join('\t')),
  fc.constantFrom('', '# newdoc', '# text = في بغداد', '# sent_id = 1'),
);
const doccanoLine = fc.oneof(
  fc.record({
    text: fc.string({ unit: 'grapheme', maxLength: 30 }),
    label: fc.oneof(
      fc.array(fc.tuple(fc.integer({ min: -2, max: 40 }), fc.integer({ min: -2, max: 40 }), fc.constantFrom(...LABELS)), { maxLength: 4 }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  }).map((r) => JSON.stringify(r)),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 30 }),
);
const bratText = fc.string({ unit: 'grapheme', maxLength: 40 });
const bratLine = fc.oneof(
  fc
    .tuple(fc.constantFrom('T1', 'T2', 'T3', 'T'), fc.constantFrom(...LABELS), fc.integer({ min: -1, max: 45 }), fc.integer({ min: -1, max: 45 }), fc.string({ maxLength: 6 }))
    .map(([id, label, s, e, covered]) => `${id}\t${label} ${s} ${e}\t${covered}`),
  fc.tuple(fc.constantFrom('N1', 'N2'), fc.constantFrom('T1', 'T2', 'T9'), fc.constantFrom('geonames:1', 'geonames:', ':99237', 'a:b', 'x')).map(([id, t, ref]) => `${id}\tReference ${t} ${ref}\tname`),
  fc.constantFrom('R1\tRel Arg1:T1 Arg2:T2', 'A1\tNeg T1', '#1\tAnnotatorNotes T1\tnote', 'E1\tEv:T1', ''),
  fc.string({ maxLength: 20 }),
);
const lines = (line: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: fc.array(line, { maxLength: 25 }).map((l) => Buffer.from(l.join('\n'))) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) });

async function validates(dir: string): Promise<string> {
  const io = captureIO();
  return (await runCli(['validate', dir], io)) === 0 ? '' : io.stdout + io.stderr;
}

const IMPORTERS: Array<[string, fc.Arbitrary<Record<string, Buffer>>]> = [
  ['conll', lines(conllLine).map((b) => ({ 'in.conll': b }))],
  ['conllu', lines(conlluLine).map((b) => ({ 'in.conllu': b }))],
  ['doccano', lines(doccanoLine).map((b) => ({ 'in.jsonl': b }))],
  ['brat', fc.tuple(fc.oneof(bratText.map((t) => Buffer.from(t)), fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b))), lines(bratLine)).map(([t, a]) => ({ 'doc.txt': t, 'doc.ann': a }))],
];

for (const [format, input] of IMPORTERS) {
  test(`${format} import of arbitrary input: imports a corpus that validates, or refuses with an ImportError`, async () => {
    const dir = await tempDir(`hashiya-fuzz-${format}-`);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(input, async (files) => {
        const run = path.join(dir, String(n++));
        await mkdir(path.join(run, 'in'), { recursive: true });
        for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(run, 'in', name), bytes);
        const out = path.join(run, 'corpus');
        try {
          await importCorpus({ format: format as 'conll', input: path.join(run, 'in'), out });
        } catch (error) {
          assert.ok(error instanceof ImportError, `not an ImportError: ${(error as Error).stack}`);
          return;
        }
        assert.equal(await validates(out), '', 'the imported corpus does not validate');
      }),
      runs(40),
    );
  });
}
