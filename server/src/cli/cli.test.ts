import { strict as assert } from 'node:assert';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const temporary: string[] = [];
after(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));
import { captureIO } from './io';
import { runCli } from './main';

const SAMPLES = path.join(__dirname, '../../../samples');
const SIDECAR = 'iraq/dhi-qar-convoy-2020-07-22.ann.json';

async function sampleCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-cli-'));
  temporary.push(dir);
  await cp(SAMPLES, dir, { recursive: true });
  return dir;
}

test('validate: the sample corpus is clean (exit 0)', async () => {
  const io = captureIO();
  assert.equal(await runCli(['validate', SAMPLES], io), 0);
  assert.equal(io.stdout, '');
  // The seed article and the mixed-script article (numbers, hashtags, quotations, Latin words), both annotated.
  assert.match(io.stderr, /2 articles, 2 sidecars, 0 errors/);
});

test('validate: a corrupted sidecar exits 1 naming the file and line', async () => {
  const dir = await sampleCopy();
  const file = path.join(dir, SIDECAR);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace('"end": 131,', '"end": 131'));
  const io = captureIO();
  assert.equal(await runCli(['validate', dir], io), 1);
  const rel = path.relative(process.cwd(), file);
  assert.match(io.stdout, new RegExp(`^${rel.replace(/[.]/g, '\\.')}:8:\\d+: error: invalid JSON`, 'm'));
});

test('validate: a shifted entity is reported at its line', async () => {
  const dir = await sampleCopy();
  const file = path.join(dir, SIDECAR);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace('{"start": 125, "end": 131,', '{"start": 126, "end": 132,'));
  const io = captureIO();
  assert.equal(await runCli(['validate', dir, '--json'], io), 1);
  const problems = io.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(problems.map((p) => [p.line, p.code]), [[8, 'text-mismatch']]);
});

test('validate: an edited article makes the sha256 mismatch', async () => {
  const dir = await sampleCopy();
  const article = path.join(dir, 'iraq/dhi-qar-convoy-2020-07-22.txt');
  await writeFile(article, (await readFile(article, 'utf8')) + '\n');
  const io = captureIO();
  assert.equal(await runCli(['validate', dir], io), 1);
  assert.match(io.stdout, /:4:\d+: error: sha256 does not match the article/);
});

test('render marks entities inline, nested ones nested', async () => {
  const io = captureIO();
  assert.equal(await runCli(['render', path.join(SAMPLES, SIDECAR)], io), 0);
  const lines = io.stdout.split('\n');
  assert.equal(lines.length, 12);
  assert.ok(lines[0].includes('محافظة [ذي قار]{LOC geonames:97019} جنوبي [العراق]{LOC geonames:99237}'));
  assert.ok(lines[1].includes('ب[بغداد]{LOC geonames:98182}'));
  assert.ok(lines[4].includes('[وكالة أنباء [العراق]{LOC geonames:99237} الدولية - واعد]{ACTOR}'));
});

test('unknown commands and options are errors', async () => {
  const io = captureIO();
  assert.equal(await runCli(['frobnicate'], io), 2);
  assert.equal(await runCli(['validate', '--bogus'], io), 2);
  assert.match(io.stderr, /Unknown option '--bogus'/);
});
