// The merge driver as git runs it: a real repository built from the sample corpus, the bundled CLI configured as
// `merge.hashiya.driver`, branches merged with `git merge`.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import { parseConflicted } from '../../core/sidecar/conflicted';
import { parseSidecar } from '../../core/sidecar/parse';
import { captureIO } from '../io';
import { runCli } from '../main';

const ROOT = path.join(__dirname, '../../../..');
const SIDECAR = 'iraq/dhi-qar-convoy-2020-07-22.ann.json';
// Two neighbouring lines of the sample sidecar: added on different branches, they touch the same place of the
// file, so git's line merge alone conflicts — only a merge by annotation identity is clean.
const DHI_QAR = '    {"start": 835, "end": 841, "label": "LOC", "text": "ذي قار", "ref": "geonames:97019"},\n';
const BATHA = '    {"start": 852, "end": 859, "label": "LOC", "text": "البطحاء"},\n';
const DHI_QAR_AS_ACTOR = '    {"start": 835, "end": 841, "label": "ACTOR", "text": "ذي قار"},\n';

let work: string;
let cli: string;
// Isolated from the machine's git configuration; identity given for commits.
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'hashiya-merge-'));
  cli = path.join(work, 'cli.js');
  await esbuild.build({ entryPoints: [path.join(ROOT, 'server/src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error' });
});
after(() => rm(work, { recursive: true, force: true }));

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
}

async function sampleRepo(name: string, withDriver: boolean): Promise<{ repo: string; file: string; full: string }> {
  const repo = path.join(work, name);
  await cp(path.join(ROOT, 'samples'), repo, { recursive: true });
  const file = path.join(repo, SIDECAR);
  const full = await readFile(file, 'utf8');
  assert.ok(full.includes(DHI_QAR + BATHA), 'the sample still has the two neighbouring lines');
  await writeFile(file, full.replace(DHI_QAR + BATHA, ''));
  git(repo, 'init', '-q', '-b', 'main');
  if (withDriver) {
    await writeFile(path.join(repo, '.gitattributes'), '*.ann.json merge=hashiya\n');
    git(repo, 'config', 'merge.hashiya.driver', `node ${JSON.stringify(cli).slice(1, -1)} merge-driver %O %A %B %P`);
  }
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  return { repo, file, full };
}

async function branch(repo: string, file: string, name: string, from: string, edit: (text: string) => string) {
  git(repo, 'checkout', '-q', '-b', name, from);
  await writeFile(file, edit(await readFile(file, 'utf8')));
  git(repo, 'commit', '-q', '-am', name);
  git(repo, 'checkout', '-q', 'main');
}

const insertBefore = (anchor: string, line: string) => (text: string) => {
  assert.ok(text.includes(anchor));
  return text.replace(anchor, line + anchor);
};
const NEXT = '    {"start": 910,';

test('two branches annotating different entities merge cleanly; a third labelling one of them differently gives exactly one conflict', async () => {
  const { repo, file, full } = await sampleRepo('with-driver', true);
  await branch(repo, file, 'annotator-a', 'main', insertBefore(NEXT, DHI_QAR));
  await branch(repo, file, 'annotator-b', 'main', insertBefore(NEXT, BATHA));
  await branch(repo, file, 'annotator-c', 'main', insertBefore(NEXT, DHI_QAR_AS_ACTOR));

  git(repo, 'merge', '-q', '--no-edit', 'annotator-a');
  const merge = spawnSync('git', ['merge', '--no-edit', 'annotator-b'], { cwd: repo, env, encoding: 'utf8' });
  assert.equal(merge.status, 0, merge.stdout + merge.stderr);
  // Every annotation of both branches is there, in the exact layout: the file is the original sample again.
  assert.equal(await readFile(file, 'utf8'), full);

  const third = spawnSync('git', ['merge', '--no-edit', 'annotator-c'], { cwd: repo, env, encoding: 'utf8' });
  assert.equal(third.status, 1, 'the merge stops on the conflict');
  assert.match(third.stderr + third.stdout, /1 conflict\n\s+\[835, 841\) "ذي قار": labelled LOC on ours, ACTOR on theirs \(base none\)/);
  assert.match(git(repo, 'status', '--porcelain'), /^UU iraq\/dhi-qar-convoy-2020-07-22\.ann\.json$/m);
  const conflicted = await readFile(file, 'utf8');
  assert.equal(conflicted.match(/^<<<<<<< ours$/gm)?.length, 1);
  assert.ok(conflicted.includes(`<<<<<<< ours\n${DHI_QAR}=======\n${DHI_QAR_AS_ACTOR}>>>>>>> theirs\n`));
  assert.deepEqual(parseSidecar(conflicted).problems.map((p) => p.code), ['conflict-markers']);
  const back = parseConflicted(conflicted);
  assert.equal(back?.conflicts.length, 1);
  // Everything outside the conflict is merged: B's annotation is there on both sides.
  assert.ok(back.ours.entities.some((e) => e.start === 852) && back.theirs.entities.some((e) => e.start === 852));
  // `render` as a textconv shows the conflicted file as it is instead of failing `git diff`.
  const render = spawnSync(process.execPath, [cli, 'render', file], { encoding: 'utf8' });
  assert.equal(render.status, 0);
  assert.equal(render.stdout, conflicted);
});

test('without the driver git\'s line merge conflicts on the same two branches (what the driver is for)', async () => {
  const { repo, file } = await sampleRepo('without-driver', false);
  await branch(repo, file, 'annotator-a', 'main', insertBefore(NEXT, DHI_QAR));
  await branch(repo, file, 'annotator-b', 'main', insertBefore(NEXT, BATHA));
  git(repo, 'merge', '-q', '--no-edit', 'annotator-a');
  const merge = spawnSync('git', ['merge', '--no-edit', 'annotator-b'], { cwd: repo, env, encoding: 'utf8' });
  assert.equal(merge.status, 1);
  // git's own markers: recognised as an unfinished merge, and its two sides read back with no conflict left
  // between them by identity.
  const text = await readFile(file, 'utf8');
  assert.match(text, /^<<<<<<< HEAD$/m);
  assert.deepEqual(parseSidecar(text).problems.map((p) => p.code), ['conflict-markers']);
  const back = parseConflicted(text);
  assert.deepEqual(back?.conflicts, []);
  assert.equal(back?.merged.entities.filter((e) => e.start === 835 || e.start === 852).length, 2);
});

test('merge-driver: an unreadable side leaves OURS untouched and exits 1; an empty base is a two-way merge', async () => {
  const dir = await mkdtemp(path.join(work, 'driver-'));
  const sample = await readFile(path.join(ROOT, 'samples', SIDECAR), 'utf8');
  const [base, ours, theirs] = ['base', 'ours', 'theirs'].map((n) => path.join(dir, n));
  await writeFile(base, sample);
  await writeFile(ours, sample.replace(BATHA, ''));
  await writeFile(theirs, sample.replace('"end": 859,', '"end": 859'));
  const io = captureIO();
  assert.equal(await runCli(['merge-driver', base, ours, theirs, SIDECAR], io), 1);
  assert.equal(await readFile(ours, 'utf8'), sample.replace(BATHA, ''));
  assert.match(io.stderr, /\(theirs\):\d+:\d+: error: invalid JSON/);
  assert.match(io.stderr, /not merged, left as ours/);

  await writeFile(base, '');
  await writeFile(theirs, sample.replace(DHI_QAR, ''));
  const clean = captureIO();
  assert.equal(await runCli(['merge-driver', base, ours, theirs], clean), 0, clean.stderr);
  // Without a base both additions are kept: the union of the two sides is the full sample.
  assert.equal(await readFile(ours, 'utf8'), sample);

  // A virtual base with conflict markers (git's recursive merge of several bases): the merge of its sides by
  // identity is the base — here the full sample (BATHA is on one side only: kept). Ours removed BATHA, theirs
  // removed both lines: both removals apply.
  await writeFile(base, sample.replace(BATHA, `<<<<<<< Temporary merge branch 1\n${BATHA}=======\n>>>>>>> Temporary merge branch 2\n`));
  await writeFile(ours, sample.replace(BATHA, ''));
  await writeFile(theirs, sample.replace(DHI_QAR, '').replace(BATHA, ''));
  const virtual = captureIO();
  assert.equal(await runCli(['merge-driver', base, ours, theirs], virtual), 0, virtual.stderr);
  assert.equal(await readFile(ours, 'utf8'), sample.replace(DHI_QAR + BATHA, ''));
});
