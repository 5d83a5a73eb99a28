// `hashiya import` killed with SIGKILL at random moments, as a real process: the corpus folder must appear whole
// (every document, hashiya.json, and valid by our own validate) or not at all, and an import run again into the
// same folder must work. HASHIYA_KILL_ITERATIONS sets the number of kills (npm run fuzz runs many more).
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { readdir, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import fc from 'fast-check';
import { importCorpus } from '../core/training/import/importCorpus';
import { tempDir } from '../core/training/testdata/corpus';
import { captureIO } from './io';
import { runCli } from './main';

const MAIN = path.join(__dirname, 'main.ts');
const DOCUMENTS = 400;
const ITERATIONS = Number(process.env.HASHIYA_KILL_ITERATIONS ?? 8);

/** Runs the CLI as its own process; resolves with its exit (code or signal) once it is gone. */
function runImport(cli: string, input: string, out: string, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, 'import', 'doccano', input, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - started, stderr });
    });
  });
}

async function validates(dir: string): Promise<string> {
  const io = captureIO();
  const code = await runCli(['validate', dir], io);
  return code === 0 ? '' : io.stdout + io.stderr;
}

/** Article files under `dir`. */
async function articles(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true })).filter((f) => String(f).endsWith('.txt')).length;
}

test(`import killed (SIGKILL) at ${ITERATIONS} random moments: the corpus is whole or absent, and a retry works`, { timeout: 30 * 60_000 }, async () => {
  const dir = await tempDir('hashiya-kill-');
  const input = path.join(dir, 'in.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < DOCUMENTS; i++) lines.push(JSON.stringify({ id: i, text: `قال مسؤول في بغداد إن الوفد وصل إلى البصرة في اليوم ${i}.`, label: [[12, 17, 'LOC'], [40, 46, 'LOC']] }));
  await writeFile(input, lines.join('\n') + '\n');
  // The command line bundled from the sources under test, as the package ships it (a process that starts in
  // milliseconds, so that the kills land in the import itself, not in compiling TypeScript).
  const cli = path.join(dir, 'cli.js');
  // Options as esbuild.mjs bundles dist/cli.js (jsonc-parser bundles only from its ESM build).
  await build({ entryPoints: [MAIN], bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], outfile: cli, logLevel: 'silent' });

  // One whole run first: how long an import takes here, and that it succeeds.
  const whole = await runImport(cli, input, path.join(dir, 'whole'));
  assert.equal(whole.code, 0, whole.stderr);
  assert.equal(await articles(path.join(dir, 'whole')), DOCUMENTS);
  process.stdout.write(`# a whole import of ${DOCUMENTS} documents took ${Math.round(whole.ms)} ms\n`);

  // Kill moments spread over the whole run (start-up included) and a little past it, from a fixed seed.
  const moments = fc.sample(fc.integer({ min: 0, max: Math.round(whole.ms * 1.1) }), { seed: 20261129, numRuns: ITERATIONS });
  const outcomes = { absent: 0, whole: 0 };
  for (const [i, ms] of moments.entries()) {
    const out = path.join(dir, `out-${i}`);
    const run = await runImport(cli, input, out, ms);
    const exists = await stat(out).then(() => true, () => false);
    if (!exists) {
      outcomes.absent++;
      assert.equal(run.signal, 'SIGKILL', `no corpus although the import was not killed: ${run.stderr}`);
    } else {
      outcomes.whole++;
      assert.equal(await articles(out), DOCUMENTS, `killed after ${ms} ms: a corpus appeared with documents missing`);
      assert.ok(await stat(path.join(out, 'hashiya.json')), 'a corpus without hashiya.json');
      assert.equal(await validates(out), '', `killed after ${ms} ms: the corpus does not validate`);
    }
    // Run again into the same folder: it works when the first did not finish, and staging folders of the dead
    // process are gone afterwards.
    if (!exists) {
      await importCorpus({ format: 'doccano', input, out });
      assert.equal(await articles(out), DOCUMENTS);
      assert.equal(await validates(out), '');
    }
    const leftovers = (await readdir(dir)).filter((f) => f.startsWith(`.out-${i}.import-`));
    assert.deepEqual(leftovers, [], 'staging folders of the killed import were not removed by the retry');
  }
  // Both outcomes must have been seen, or the kill moments did not cover the run.
  assert.ok(outcomes.absent > 0, `never killed before the end: ${JSON.stringify(outcomes)}`);
});
