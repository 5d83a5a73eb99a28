// `hashiya validate` for CI: corpus-wide warnings, output formats (text, JSON Lines, GitHub annotations), --strict,
// and an unfinished merge reported as such.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { serializeSidecar } from '../../core/sidecar/serialize';
import type { Entity } from '../../core/sidecar/types';
import { sha256Hex } from '../../core/text/hash';
import { captureIO } from '../io';
import { runCli } from '../main';

const ONE = 'قصف الجيش مواقع في ببغداد وبالعراق ثم انسحب الجيش إلى البصرة.';
const TWO = 'قال الجيش إن ايران بعيدة عن البصرة.';
const at = (doc: string, text: string, label: string, more: Partial<Entity> = {}, nth = 0): Entity => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = doc.indexOf(text, start + 1);
  assert.ok(start >= 0, text);
  return { start, end: start + text.length, label, text, ...more };
};

let dir: string;
let cwd: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hashiya-validate-'));
  cwd = process.cwd();
  // Paths in the reports are relative to the current folder: run from the corpus so they are short and exact.
  process.chdir(dir);
  const write = async (name: string, text: string, entities: Entity[]) => {
    await writeFile(path.join(dir, name + '.txt'), text);
    await writeFile(path.join(dir, name + '.ann.json'), serializeSidecar({ text: name + '.txt', sha256: sha256Hex(text), status: 'done', entities, rejected: [], unresolved: [] }));
  };
  await write('one', ONE, [
    at(ONE, 'الجيش', 'ACTOR'),
    at(ONE, 'بغداد', 'LOC', { ref: 'geonames:98182' }), // after the proclitic ب: a word edge, no warning
    at(ONE, 'العراق', 'LOC', { ref: 'geonames:99237' }), // after وب: no warning
    at(ONE, 'الجيش', 'ACTOR', {}, 1),
    at(ONE, 'البص', 'LOC'), // ends inside البصرة
  ]);
  await write('two', TWO, [
    at(TWO, 'الجيش', 'LOC'), // ACTOR twice in one.ann.json: the odd one out
    at(TWO, 'ايران', 'LOC', { ref: 'geonames:0' }), // unknown to the built-in gazetteer
  ]);
});
after(async () => {
  process.chdir(cwd);
  await rm(dir, { recursive: true, force: true });
});

// The entity lines are lines 7.. of each sidecar (after {, hashiya, text, sha256, status, "entities": [).
const EXPECTED_TEXT = [
  'one.ann.json:11:5: warning: LOC "البص" ends inside a word [inside-word]',
  'two.ann.json:7:5: warning: "الجيش" is labelled LOC here but ACTOR 2 times in the corpus (e.g. one.ann.json) [inconsistent-label]',
  'two.ann.json:8:5: warning: ref geonames:0 of "ايران" is not in the knowledge base (built-in and hashiya.json gazetteers) [unknown-ref]',
  '',
].join('\n');

test('validate: corpus-wide warnings in text; exit 0 without --strict, 1 with it', async () => {
  const io = captureIO();
  assert.equal(await runCli(['validate', '.'], io), 0, io.stderr);
  assert.equal(io.stdout, EXPECTED_TEXT);
  assert.match(io.stderr, /2 articles, 2 sidecars, 0 errors, 3 warnings/);
  const strict = captureIO();
  assert.equal(await runCli(['validate', '.', '--strict'], strict), 1);
  assert.equal(strict.stdout, EXPECTED_TEXT);
});

test('validate --format github prints workflow annotations; --format json prints JSON Lines', async () => {
  const io = captureIO();
  assert.equal(await runCli(['validate', '.', '--format', 'github'], io), 0);
  assert.equal(
    io.stdout.split('\n')[0],
    '::warning file=one.ann.json,line=11,col=5,title=hashiya inside-word::LOC "البص" ends inside a word',
  );
  assert.equal(io.stdout.trim().split('\n').length, 3);
  const json = captureIO();
  assert.equal(await runCli(['validate', '.', '--format', 'json'], json), 0);
  assert.deepEqual(JSON.parse(json.stdout.split('\n')[2]), {
    file: 'two.ann.json',
    line: 8,
    column: 5,
    severity: 'warning',
    code: 'unknown-ref',
    message: 'ref geonames:0 of "ايران" is not in the knowledge base (built-in and hashiya.json gazetteers)',
  });
  const bad = captureIO();
  assert.equal(await runCli(['validate', '.', '--format', 'xml'], bad), 2);
});

test('validate: normalised forms count as the same (ايران = إيران) and a conflicted sidecar is an error of its own', async () => {
  const three = 'زار الوفد إيران.';
  await writeFile(path.join(dir, 'three.txt'), three);
  await writeFile(path.join(dir, 'three.ann.json'), serializeSidecar({ text: 'three.txt', sha256: sha256Hex(three), status: 'done', entities: [at(three, 'إيران', 'ACTOR')], rejected: [], unresolved: [] }));
  const io = captureIO();
  assert.equal(await runCli(['validate', '.'], io), 0);
  // One LOC, one ACTOR: a tie goes to the label first in alphabetical order (ACTOR), so the LOC is reported.
  assert.match(io.stdout, /^two\.ann\.json:8:5: warning: "ايران" is labelled LOC here but ACTOR 1 time in the corpus \(e\.g\. three\.ann\.json\) \[inconsistent-label\]$/m);

  const sidecar = path.join(dir, 'three.ann.json');
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(sidecar, 'utf8');
  const line = text.split('\n')[6];
  await writeFile(sidecar, text.replace(line, `<<<<<<< HEAD\n${line}\n=======\n${line.replace('ACTOR', 'LOC')}\n>>>>>>> other`));
  const conflicted = captureIO();
  assert.equal(await runCli(['validate', '.', '--format', 'github'], conflicted), 1);
  assert.match(conflicted.stdout, /^::error file=three\.ann\.json,line=7,col=1,title=hashiya conflict-markers::the sidecar contains git conflict markers/m);
  assert.doesNotMatch(conflicted.stdout, /invalid JSON/);
  await rm(sidecar);
});
