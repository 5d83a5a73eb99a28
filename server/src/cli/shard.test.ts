// Spreading `suggest` and `export` over machines: --shard K/N splits the files so that every file lands in
// exactly one shard, whatever the order of the list; --files-from reads the list from a file or standard input.
import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { captureIO } from './io';
import { runCli } from './main';

let dir = '';
const files: string[] = [];
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hashiya-shard-'));
  await writeFile(path.join(dir, 'hashiya.json'), '{}');
  await writeFile(path.join(dir, 'kb.tsv'), 'بغداد\tLOC\tgeonames:98182\n');
  await mkdir(path.join(dir, 'news'));
  for (let i = 0; i < 24; i++) {
    const file = path.join(dir, 'news', `article-${String(i).padStart(2, '0')}.txt`);
    // Each article names Baghdad i + 1 times: the count of suggestions per file is known by construction.
    await writeFile(file, `${'وصل الوفد إلى بغداد. '.repeat(i + 1)}\n`);
    files.push(file);
  }
});
after(() => rm(dir, { recursive: true, force: true }));

async function suggestLines(args: string[], stdin = ''): Promise<Array<{ file: string; text: string }>> {
  const io = captureIO(stdin);
  assert.equal(await runCli(['suggest', '--no-builtin', '--gazetteer', path.join(dir, 'kb.tsv'), ...args], io), 0, io.stderr);
  return io.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

test('suggest --files-from -: every listed file, each line naming its file', async () => {
  const lines = await suggestLines(['--files-from', '-'], files.slice(0, 3).join('\n') + '\n');
  const perFile = new Map<string, number>();
  for (const l of lines) perFile.set(l.file, (perFile.get(l.file) ?? 0) + 1);
  assert.deepEqual([...perFile], [[files[0], 1], [files[1], 2], [files[2], 3]]);
  assert.ok(lines.every((l) => l.text === 'بغداد'));
});

test('suggest --shard K/N: the shards of a list are disjoint, cover it, and do not depend on its order', async () => {
  const list = files.join('\n');
  const reversed = [...files].reverse().join('\n');
  const seen = new Map<string, number>();
  for (let k = 1; k <= 3; k++) {
    const shard = new Set((await suggestLines(['--files-from', '-', '--shard', `${k}/3`], list)).map((l) => l.file));
    const again = new Set((await suggestLines(['--files-from', '-', '--shard', `${k}/3`], reversed)).map((l) => l.file));
    assert.deepEqual([...again].sort(), [...shard].sort());
    for (const f of shard) seen.set(f, (seen.get(f) ?? 0) + 1);
  }
  assert.deepEqual([...seen.keys()].sort(), [...files].sort());
  assert.ok([...seen.values()].every((n) => n === 1));
});

test('suggest --shard rejects a malformed K/N', async () => {
  const io = captureIO();
  assert.equal(await runCli(['suggest', files[0], '--shard', '4/3'], io), 2);
  assert.match(io.stderr, /--shard takes K\/N/);
});

async function exported(args: string[], stdin = ''): Promise<string[]> {
  const out = await mkdtemp(path.join(tmpdir(), 'hashiya-shard-out-'));
  try {
    const io = captureIO(stdin);
    assert.equal(await runCli(['export', dir, '--format', 'conll', '--status', 'todo', '--out', path.join(out, 'all.conll'), '--json', ...args], io), 0, io.stderr);
    const manifest = JSON.parse(io.stdout);
    return Object.values(manifest.documents as Record<string, string[]>).flat();
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

test('export --shard K/N: disjoint parts that together are the whole corpus', async () => {
  const all = await exported([]);
  assert.equal(all.length, 24);
  const one = await exported(['--shard', '1/2']);
  const two = await exported(['--shard', '2/2']);
  assert.ok(one.length > 0 && two.length > 0);
  assert.deepEqual([...one, ...two].sort(), [...all].sort());
});

test('export --files-from -: only the listed articles', async () => {
  const docs = await exported(['--files-from', '-'], `${files[3]}\n${files[7]}\n`);
  assert.deepEqual(docs.sort(), ['news/article-03.txt', 'news/article-07.txt']);
});
