// `hashiya validate --fix`, run as a real process on a copy of the sample corpus whose article was edited outside
// the editor.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const ROOT = path.join(__dirname, '../../../..');
const MAIN = path.join(ROOT, 'server/src/cli/main.ts');
const SAMPLES = path.join(ROOT, 'samples');
const ARTICLE = 'iraq/dhi-qar-convoy-2020-07-22.txt';
const SIDECAR = 'iraq/dhi-qar-convoy-2020-07-22.ann.json';

const temporary: string[] = [];
after(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-fix-'));
  temporary.push(dir);
  return dir;
}

/** The hashiya command line as its own process, with its text cache in `cacheHome`. */
function hashiya(args: string[], cacheHome: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const cpLength = (s: string) => [...s].length;

/**
 * A copy of the sample corpus whose sidecar carries keys this version does not know (top level and on an entity),
 * and whose article then gets an emoji and a new word typed before every entity, outside the editor.
 */
async function editedCorpus(options: { git?: boolean; bom?: boolean } = {}) {
  const dir = await tempDir();
  await cp(SAMPLES, dir, { recursive: true });
  const sidecarFile = path.join(dir, SIDECAR);
  const articleFile = path.join(dir, ARTICLE);
  const original = JSON.parse(await readFile(sidecarFile, 'utf8'));
  let oldBytes = await readFile(articleFile);
  if (options.bom) {
    oldBytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), oldBytes]);
    await writeFile(articleFile, oldBytes);
  }
  // Unknown keys, written by hand in the file.
  const sidecarText = (await readFile(sidecarFile, 'utf8'))
    .replace(/"sha256": "[0-9a-f]+"/, `"sha256": "${sha256(oldBytes)}"`)
    .replace('"status": "in-progress",', '"status": "in-progress",\n  "reviewer": {"name": "سلمى", "round": 2},')
    .replace('"ref": "geonames:98182"}', '"ref": "geonames:98182", "note": "العاصمة"}');
  await writeFile(sidecarFile, sidecarText);
  if (options.git) {
    const run = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    run('init', '-q');
    run('config', 'user.email', 't@example.org');
    run('config', 'user.name', 'T');
    run('add', '.');
    run('commit', '-qm', 'annotated');
  }
  const oldText = oldBytes.toString('utf8').replace(/^\uFEFF/, '');
  const prefix = '😀 عاجل ';
  const newText = prefix + oldText;
  const newBytes = Buffer.from((options.bom ? '\uFEFF' : '') + newText, 'utf8');
  await writeFile(articleFile, newBytes);
  return { dir, sidecarFile, original, shift: cpLength(prefix), newText, newBytes };
}

function checkFixed(fixed: Record<string, unknown> & { entities: Array<Record<string, unknown>> }, c: Awaited<ReturnType<typeof editedCorpus>>) {
  assert.equal(fixed.sha256, sha256(c.newBytes));
  assert.equal(fixed.status, 'in-progress');
  assert.deepEqual(fixed.reviewer, { name: 'سلمى', round: 2 }, 'unknown top-level key kept');
  assert.equal(fixed.entities.length, c.original.entities.length);
  assert.equal(fixed.unresolved, undefined);
  // The note was written on the first entity with that ref only.
  const noted = c.original.entities.findIndex((e: Record<string, unknown>) => e.ref === 'geonames:98182');
  const expected = c.original.entities.map((e: Record<string, unknown>, i: number) => ({
    ...e,
    start: (e.start as number) + c.shift,
    end: (e.end as number) + c.shift,
    ...(i === noted ? { note: 'العاصمة' } : {}),
  }));
  assert.deepEqual(fixed.entities, expected, 'every entity moved by the inserted code points, unknown entity key kept');
  const cps = [...c.newText];
  for (const e of fixed.entities) assert.equal(cps.slice(e.start as number, e.end as number).join(''), e.text);
}

test('validate --fix: an article edited outside the editor (emoji and a word typed first): every annotation re-anchored, unknown keys kept, sha256 updated', async () => {
  const c = await editedCorpus();
  const cache = await tempDir();
  const before = hashiya(['validate', c.dir], cache);
  assert.equal(before.code, 1);
  assert.match(before.stdout, /sha256 does not match/);

  const result = hashiya(['validate', c.dir, '--fix'], cache);
  assert.equal(result.code, 0, result.stderr);
  const n = c.original.entities.length;
  assert.match(result.stderr, new RegExp(`dhi-qar-convoy-2020-07-22\\.ann\\.json: re-anchored: 0 stayed, ${n} moved, 0 unresolved \\(earlier text not found; found by searching\\)`));
  checkFixed(JSON.parse(await readFile(c.sidecarFile, 'utf8')), c);
  assert.equal(hashiya(['validate', c.dir], cache).code, 0, 'the fixed corpus validates');
  assert.deepEqual((await readdir(path.dirname(c.sidecarFile))).filter((f) => f.endsWith('.tmp')), []);
  // The text it was anchored against is kept for the next edit.
  assert.deepEqual(await readdir(path.join(cache, 'hashiya', 'texts')), [sha256(c.newBytes)]);
});

test('validate --fix: with the article in git and a BOM, the earlier text is found and offsets mapped through the diff', async () => {
  const c = await editedCorpus({ git: true, bom: true });
  const result = hashiya(['validate', c.dir, '--fix'], await tempDir());
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /re-anchored: 0 stayed, \d+ moved, 0 unresolved \(mapped through the earlier text\)/);
  checkFixed(JSON.parse(await readFile(c.sidecarFile, 'utf8')), c);
});

test('validate --fix: a second edit is mapped through the text the first fix kept in the cache', async () => {
  const c = await editedCorpus();
  const cache = await tempDir();
  assert.equal(hashiya(['validate', c.dir, '--fix'], cache).code, 0);
  const articleFile = path.join(c.dir, ARTICLE);
  await writeFile(articleFile, 'سطر\r\n' + c.newText);
  const result = hashiya(['validate', c.dir, '--fix'], cache);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /re-anchored: 0 stayed, \d+ moved, 0 unresolved \(mapped through the earlier text\)/);
  const fixed = JSON.parse(await readFile(c.sidecarFile, 'utf8'));
  assert.equal(fixed.entities[0].start, c.original.entities[0].start + c.shift + 5);
});

test('validate --fix: a corrupt sidecar is reported and left byte for byte; the others are fixed; exit 1', async () => {
  const c = await editedCorpus();
  // A second article whose sidecar is broken JSON.
  const brokenArticle = path.join(c.dir, 'iraq/other.txt');
  const brokenSidecar = path.join(c.dir, 'iraq/other.ann.json');
  await writeFile(brokenArticle, 'خبر عن البصرة');
  const brokenBytes = Buffer.from('{"hashiya": 1, "text": "other.txt", "sha256": "' + '0'.repeat(64) + '", "entities": [\n', 'utf8');
  await writeFile(brokenSidecar, brokenBytes);
  const result = hashiya(['validate', c.dir, '--fix'], await tempDir());
  assert.equal(result.code, 1);
  assert.match(result.stdout, /other\.ann\.json:\d+:\d+: error: invalid JSON/);
  assert.ok((await readFile(brokenSidecar)).equals(brokenBytes), 'the corrupt sidecar is untouched');
  checkFixed(JSON.parse(await readFile(c.sidecarFile, 'utf8')), c);
});
