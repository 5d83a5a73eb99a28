// `hashiya diff` on hand-made sidecars: every kind of change once, as files, folders and git revisions.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { serializeSidecar } from '../../core/sidecar/serialize';
import type { Entity, Sidecar } from '../../core/sidecar/types';
import { sha256Hex } from '../../core/text/hash';
import { captureIO } from '../io';
import { runCli } from '../main';

// No astral characters: code points = UTF-16 units, so indexOf gives the offsets.
const ARTICLE = 'زار الوزير بغداد ثم البصرة وقابل الجيش في النجف.\nوفي اليوم التالي زار كربلاء.\n';
const at = (text: string, label: string, more: Partial<Entity> = {}, from = 0): Entity => {
  const start = ARTICLE.indexOf(text, from);
  assert.ok(start >= 0, text);
  return { start, end: start + text.length, label, text, ...more };
};
const sidecar = (entities: Entity[], status: Sidecar['status']): string =>
  serializeSidecar({ text: 'a.txt', sha256: sha256Hex(ARTICLE), status, entities, rejected: [], unresolved: [] });

const BEFORE = sidecar(
  [at('بغداد', 'LOC'), at('البصرة', 'LOC', { ref: 'geonames:1' }), at('الجيش', 'ACTOR'), at('النجف', 'LOC'), at('كربلاء', 'LOC')],
  'in-progress',
);
const AFTER = sidecar(
  [at('الوزير', 'ACTOR'), at('بغداد', 'LOC'), at('البصرة', 'LOC', { ref: 'geonames:2' }), at('الجيش', 'ORG'), at('في النجف', 'LOC')],
  'done',
);

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hashiya-diff-'));
  for (const [side, text] of [['a', BEFORE], ['b', AFTER]] as const) {
    await mkdir(path.join(dir, side, 'news'), { recursive: true });
    await writeFile(path.join(dir, side, 'news/a.txt'), ARTICLE);
    await writeFile(path.join(dir, side, 'news/a.ann.json'), text);
    // An unchanged article on both sides is not reported.
    await writeFile(path.join(dir, side, 'same.txt'), ARTICLE);
    await writeFile(path.join(dir, side, 'same.ann.json'), BEFORE.replace('"a.txt"', '"same.txt"'));
  }
});
after(() => rm(dir, { recursive: true, force: true }));

// Written by hand from the two lists above: الوزير added; البصرة's ref 1 → 2; الجيش ACTOR → ORG on the same
// span; النجف [42, 47) grew to في النجف [39, 47) (same label, overlapping); كربلاء removed; status changed.
const EXPECTED = [
  '=== news/a.ann.json',
  '  status: in-progress → done',
  '  + [4, 10) ACTOR "الوزير"',
  '      زار [الوزير]{ACTOR} بغداد ثم …',
  '  ~ ref [20, 26) LOC "البصرة": geonames:1 → geonames:2',
  '      … بغداد ثم [البصرة]{LOC} وقابل الج…',
  '  ~ relabelled [33, 38) "الجيش": ACTOR → ORG',
  '      …صرة وقابل [الجيش]{ORG} في النجف.',
  '  ~ moved LOC [42, 47) "النجف" → [39, 47) "في النجف"',
  '      …ابل الجيش [في النجف]{LOC}.',
  '  - [70, 76) LOC "كربلاء"',
  '      …لتالي زار [كربلاء]{LOC}.',
  '',
].join('\n');

test('diff of two sidecars and of two folders: every kind of change, with context', async () => {
  const files = captureIO();
  assert.equal(await runCli(['diff', path.join(dir, 'a/news/a.ann.json'), path.join(dir, 'b/news/a.ann.json'), '--context', '10'], files), 1);
  assert.equal(files.stdout, EXPECTED.replace('news/a.ann.json', path.join(dir, 'b/news/a.ann.json')));
  const folders = captureIO();
  assert.equal(await runCli(['diff', path.join(dir, 'a'), path.join(dir, 'b'), '--context', '10'], folders), 1);
  assert.equal(folders.stdout, EXPECTED);
  assert.match(folders.stderr, /^1 sidecar changed: 1 added, 1 removed, 1 relabelled, 1 ref changed, 0 changed, 1 moved\n$/);
  const same = captureIO();
  assert.equal(await runCli(['diff', path.join(dir, 'a'), path.join(dir, 'a')], same), 0);
  assert.equal(same.stdout, '');
});

test('diff --json gives the changes as data', async () => {
  const io = captureIO();
  assert.equal(await runCli(['diff', path.join(dir, 'a'), path.join(dir, 'b'), '--json'], io), 1);
  const out = JSON.parse(io.stdout);
  assert.equal(out.totals.files, 1);
  const [file] = out.files;
  assert.equal(file.file, 'news/a.ann.json');
  assert.deepEqual(file.status, { before: 'in-progress', after: 'done' });
  assert.deepEqual(file.changes.map((c: { kind: string }) => c.kind), ['added', 'ref', 'relabelled', 'moved', 'removed']);
  assert.deepEqual(file.changes[3].before, { start: 42, end: 47, label: 'LOC', text: 'النجف' });
  assert.deepEqual(file.changes[3].after, { start: 39, end: 47, label: 'LOC', text: 'في النجف' });
});

test('diff of two git revisions reads the sidecars and articles from git', async () => {
  const repo = path.join(dir, 'repo');
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env });
  await mkdir(path.join(repo, 'corpus/news'), { recursive: true });
  await writeFile(path.join(repo, 'corpus/news/a.txt'), ARTICLE);
  await writeFile(path.join(repo, 'corpus/news/a.ann.json'), BEFORE);
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'one');
  await writeFile(path.join(repo, 'corpus/news/a.ann.json'), AFTER);
  git('commit', '-q', '-am', 'two');
  const cwd = process.cwd();
  process.chdir(repo);
  try {
    const io = captureIO();
    assert.equal(await runCli(['diff', 'HEAD~1', 'HEAD', '--context', '10', '--', 'corpus'], io), 1, io.stderr);
    assert.equal(io.stdout, EXPECTED.replace('news/a.ann.json', 'corpus/news/a.ann.json'));
    const none = captureIO();
    assert.equal(await runCli(['diff', 'HEAD', 'HEAD', '--', 'corpus'], none), 0);
    const bad = captureIO();
    assert.equal(await runCli(['diff', 'HEAD', 'no-such-rev'], bad), 2);
    assert.match(bad.stderr, /no-such-rev: neither a file or folder nor a git revision/);
  } finally {
    process.chdir(cwd);
  }
});
