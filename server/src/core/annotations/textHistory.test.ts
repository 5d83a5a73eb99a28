import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { defaultTextCacheFolder, GitHistory, historyChain, TextCache } from './textHistory';

/** sha256 by node's crypto directly, not through the module under test. */
const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'hashiya-history-'));
}

test('the cache finds a remembered text by the sha256 of its bytes, BOM included, and gives it without the BOM', async () => {
  const cache = new TextCache(path.join(await tempDir(), 'texts'));
  const bytes = Buffer.from('\uFEFFقصف في بغداد\r\n😀', 'utf8');
  await cache.remember(bytes);
  assert.equal(await cache.find(sha(bytes)), 'قصف في بغداد\r\n😀');
  assert.equal(await cache.find(sha('قصف في بغداد\r\n😀')), undefined, 'the BOM-less bytes are another text');
  assert.equal(await cache.find('../../etc/passwd'), undefined);
});

test('the cache ignores a file whose bytes do not hash to its name, and leaves no temporary file', async () => {
  const folder = path.join(await tempDir(), 'texts');
  const cache = new TextCache(folder);
  const bytes = Buffer.from('بغداد', 'utf8');
  await cache.remember(bytes);
  assert.deepEqual(await fs.readdir(folder), [sha(bytes)]);
  await fs.writeFile(path.join(folder, sha(bytes)), 'البصرة');
  assert.equal(await cache.find(sha(bytes)), undefined);
});

test('the cache stays within its size, dropping the least recently used texts', async () => {
  const folder = path.join(await tempDir(), 'texts');
  const cache = new TextCache(folder, 3000);
  const texts = Array.from({ length: 5 }, (_, i) => Buffer.from(`${i}`.repeat(1000)));
  const age = async (t: Buffer, seconds: number) => fs.utimes(path.join(folder, sha(t)), new Date(seconds * 1000), new Date(seconds * 1000));
  for (const [i, t] of texts.slice(0, 3).entries()) {
    await cache.remember(t);
    await age(t, 1_000_000 + i);
  }
  // The oldest text is used again: it becomes the most recent.
  assert.equal(await cache.find(sha(texts[0])), texts[0].toString());
  await cache.remember(texts[3]);
  await age(texts[3], 1_000_003);
  await cache.remember(texts[4]);
  const left = (await fs.readdir(folder)).sort();
  assert.deepEqual(left, [sha(texts[0]), sha(texts[3]), sha(texts[4])].sort());
});

test('git history finds each committed version of an article by its sha256; outside a repository nothing', async () => {
  const repo = await tempDir();
  const run = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  run('init', '-q');
  run('config', 'user.email', 't@example.org');
  run('config', 'user.name', 'T');
  await fs.mkdir(path.join(repo, 'news'));
  const article = path.join(repo, 'news', 'a.txt');
  const versions = ['\uFEFFالنسخة الأولى في بغداد', 'النسخة الثانية في البصرة\r\n', 'النسخة الثالثة 😀'];
  for (const v of versions) {
    await fs.writeFile(article, v);
    run('add', '.');
    run('commit', '-qm', 'v');
  }
  const history = new GitHistory();
  for (const v of versions) assert.equal(await history.find(sha(Buffer.from(v)), article), v.replace(/^\uFEFF/, ''));
  assert.equal(await history.find(sha('never committed'), article), undefined);
  assert.equal(await new GitHistory(1).find(sha(Buffer.from(versions[0])), article), undefined, 'bounded to the last revisions');
  const loose = path.join(await tempDir(), 'a.txt');
  await fs.writeFile(loose, versions[0]);
  assert.equal(await history.find(sha(Buffer.from(versions[0])), loose), undefined);
  const cache = new TextCache(path.join(await tempDir(), 'texts'));
  await cache.remember(Buffer.from('في الذاكرة'));
  const chain = historyChain(cache, history);
  assert.equal(await chain.find(sha(Buffer.from(versions[1])), article), versions[1]);
  assert.equal(await chain.find(sha('في الذاكرة'), article), 'في الذاكرة');
});

test('the command line keeps its texts under XDG_CACHE_HOME, else ~/.cache', () => {
  assert.equal(defaultTextCacheFolder({ XDG_CACHE_HOME: '/x/cache' }), path.join('/x/cache', 'hashiya', 'texts'));
  assert.equal(defaultTextCacheFolder({}), path.join(os.homedir(), '.cache', 'hashiya', 'texts'));
  assert.equal(defaultTextCacheFolder({ XDG_CACHE_HOME: 'relative' }), path.join(os.homedir(), '.cache', 'hashiya', 'texts'));
});
