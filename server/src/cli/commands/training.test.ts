import { strict as assert } from 'node:assert';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { captureIO } from '../io';
import { runCli } from '../main';

const SAMPLES = path.join(__dirname, '../../../../samples');

test('hashiya export prints its counts and writes a manifest beside the output', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-cli-export-'));
  const out = path.join(dir, 'sample.conll');
  const io = captureIO();
  assert.equal(await runCli(['export', SAMPLES, '--format', 'conll', '--out', out, '--status', 'in-progress,done'], io), 0);
  assert.match(io.stdout, /^exported 1 documents, \d+ sentences, \d+ tokens, 35 entities \(conll\)/);
  assert.match(io.stdout, /entities by label: ACTOR 15, LOC 20/);
  assert.match(io.stdout, /entities skipped: 1 nested inside a longer entity \(--nested outer\)/);
  const manifest = JSON.parse(await readFile(`${out}.manifest.json`, 'utf8'));
  assert.equal(manifest.totals.entities, 35);
  const json = captureIO();
  assert.equal(await runCli(['export', SAMPLES, '--format', 'spacy', '--out', path.join(dir, 's.spacy'), '--status', 'in-progress', '--json'], json), 0);
  assert.equal(JSON.parse(json.stdout).format, 'spacy');
});

test('hashiya export refuses bad options with exit 2 and says why', async () => {
  const io = captureIO();
  assert.equal(await runCli(['export', SAMPLES, '--format', 'xml', '--out', 'x'], io), 2);
  assert.match(io.stderr, /--format must be one of conll, iob2, bioes, hf-jsonl, spacy, prodigy-jsonl, doccano-jsonl, brat/);
  const split = captureIO();
  assert.equal(await runCli(['export', SAMPLES, '--format', 'conll', '--out', path.join(tmpdir(), 'x'), '--split', '80,30'], split), 1);
  assert.match(split.stderr, /add up to 110, not 100/);
});

test('hashiya import reports malformed lines as file:line and hashiya stats counts the corpus', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-cli-import-'));
  const input = path.join(dir, 'in.conll');
  await writeFile(input, 'زار O\nالوزير B-ACTOR\nبغداد I--LOC\nاليوم OO\n');
  const io = captureIO();
  assert.equal(await runCli(['import', 'conll', input, '--out', path.join(dir, 'corpus')], io), 0);
  assert.match(io.stderr, /in\.conll:3: warning: malformed tag "I--LOC" read as I-LOC \[malformed-tag\]/);
  assert.match(io.stderr, /in\.conll:4: warning: malformed tag "OO" read as O \[malformed-tag\]/);
  assert.match(io.stdout, /imported 1 documents, 1 sentences, 4 tokens, 2 entities/);
  const stats = captureIO();
  assert.equal(await runCli(['stats', path.join(dir, 'corpus'), '--json'], stats), 0);
  const s = JSON.parse(stats.stdout);
  assert.deepEqual([s.documents, s.byStatus.done, s.entities, s.tokens, s.sentences], [1, 1, 2, 4, 1]);
  assert.deepEqual(s.entitiesByLabel, { ACTOR: 1, LOC: 1 });
  const help = captureIO();
  assert.equal(await runCli(['import', '--help'], help), 0);
  assert.match(help.stdout, /I--ORG \(repeated separator\)/);
});
