// `hashiya export` on a corpus whose article changed after its sidecar was written: the annotations are found
// again in the article as it is, reported on stderr, never dropped. Run as a real process.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';

const ROOT = path.join(__dirname, '../../../..');
const MAIN = path.join(ROOT, 'server/src/cli/main.ts');
const ARTICLE = 'iraq/dhi-qar-convoy-2020-07-22.txt';
const SIDECAR = 'iraq/dhi-qar-convoy-2020-07-22.ann.json';

const temporary: string[] = [];
after(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-export-'));
  temporary.push(dir);
  return dir;
}

test('export of a corpus whose article changed: every entity re-anchored and exported, the document reported on stderr', async () => {
  const dir = await tempDir();
  await cp(path.join(ROOT, 'samples'), dir, { recursive: true });
  const sidecar = JSON.parse(await readFile(path.join(dir, SIDECAR), 'utf8'));
  const oldText = await readFile(path.join(dir, ARTICLE), 'utf8');
  const prefix = '🇮🇶 تحديث\r\n';
  const text = prefix + oldText;
  await writeFile(path.join(dir, ARTICLE), text);
  const out = path.join(await tempDir(), 'out.jsonl');
  const result = spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'export', dir, '--format', 'doccano-jsonl', '--status', 'in-progress,done,reviewed', '--out', out], {
    cwd: ROOT,
    env: { ...process.env, XDG_CACHE_HOME: await tempDir() },
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  const n = sidecar.entities.length;
  assert.match(result.stderr, new RegExp(`iraq/dhi-qar-convoy-2020-07-22\\.txt: the article changed after its sidecar was written; re-anchored: 0 stayed, ${n} moved, 0 unresolved`));
  const [doc] = (await readFile(out, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(doc.text, text);
  // doccano offsets are code points; the expected ones are the sidecar's, moved by the prefix counted by hand.
  const shift = [...prefix].length;
  const expected = sidecar.entities.map((e: { start: number; end: number; label: string }) => [e.start + shift, e.end + shift, e.label]);
  assert.deepEqual(doc.label, expected);
  const cps = [...text];
  doc.label.forEach(([s, e]: [number, number], i: number) => assert.equal(cps.slice(s, e).join(''), sidecar.entities[i].text));
  // The sidecar itself is not rewritten by export.
  assert.equal(JSON.parse(await readFile(path.join(dir, SIDECAR), 'utf8')).sha256, sidecar.sha256);
});
