// `hashiya render` as git's textconv, as the README sets it up: `git diff` of a sidecar shows annotation changes
// readably. git runs the textconv on a copy of the old sidecar in a temporary folder, with no article beside it:
// that side must render too (not fail and stop the diff).
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';

const ROOT = path.join(__dirname, '../../../..');
const SIDECAR = 'iraq/dhi-qar-convoy-2020-07-22.ann.json';
let work: string;
let cli: string;
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', XDG_CACHE_HOME: '' };

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'hashiya-textconv-'));
  cli = path.join(work, 'cli.js');
  await esbuild.build({ entryPoints: [path.join(ROOT, 'server/src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error' });
});
after(() => rm(work, { recursive: true, force: true }));

test('git diff with hashiya render as textconv shows a removed annotation, on both sides, and does not fail', async () => {
  const repo = path.join(work, 'repo');
  await cp(path.join(ROOT, 'samples'), repo, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...env, XDG_CACHE_HOME: path.join(work, 'cache') }, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  await writeFile(path.join(repo, '.gitattributes'), '*.ann.json diff=hashiya\n');
  git('config', 'diff.hashiya.textconv', `node ${cli} render`);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const file = path.join(repo, SIDECAR);
  const before = await readFile(file, 'utf8');
  const line = before.split('\n').find((l) => l.includes('"text": "البطحاء"'))!;
  assert.ok(line, 'the sample annotates البطحاء');
  await writeFile(file, before.replace(line + '\n', ''));
  const diff = spawnSync('git', ['diff', '--', SIDECAR], { cwd: repo, env: { ...env, XDG_CACHE_HOME: path.join(work, 'cache') }, encoding: 'utf8' });
  assert.equal(diff.status, 0, diff.stderr);
  assert.doesNotMatch(diff.stderr, /fatal|error/i);
  // The old side (a temporary copy) lists the entity; the new side renders the article without it.
  assert.match(diff.stdout, /^-.*\[البطحاء\]\{LOC/m, diff.stdout);
  assert.match(diff.stdout, /^\+.*البطحاء/m);
});
