// The live editing path over a real LSP connection: what happens when the sidecar changes underneath, when a
// quick fix arrives after typing, when parameters are bad, when two servers share a corpus, and what a
// keystroke costs on the wire. Each test names the failure it guards against.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { CodeActionRequest, DidChangeWatchedFilesNotification, ExecuteCommandRequest, FileChangeType } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { AnnotateRequest, ExportTrainingDataRequest, RelabelRequest } from '../../common/protocol';
import { parseSidecar } from '../../server/src/core/sidecar/parse';
import { validateSidecar } from '../../server/src/core/sidecar/validate';
import { decodeArticle } from '../../server/src/core/text/codePoints';
import { sha256Hex } from '../../server/src/core/text/hash';
import { LspTestClient } from './lspClient';

const SAMPLES = path.join(__dirname, '../../samples');
const ARTICLE = 'iraq/dhi-qar-convoy-2020-07-22.txt';
const SIDECAR = 'iraq/dhi-qar-convoy-2020-07-22.ann.json';
const temporary: string[] = [];
after(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));

async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-live-'));
  temporary.push(dir);
  await cp(SAMPLES, dir, { recursive: true });
  return dir;
}

async function sidecarOnDisk(ws: string) {
  const parsed = parseSidecar(await readFile(path.join(ws, SIDECAR), 'utf8'));
  assert.ok(parsed.sidecar, `the sidecar on disk must stay readable: ${JSON.stringify(parsed.problems)}`);
  return parsed.sidecar;
}

async function openSample(client: LspTestClient, ws: string): Promise<{ uri: string; text: string }> {
  await client.initialize(ws);
  const text = decodeArticle(await readFile(path.join(ws, ARTICLE))).text;
  const uri = await client.open(path.join(ws, ARTICLE), text);
  await client.until(() => client.lastState(uri), 'the first state');
  return { uri, text };
}

const typeAt = (client: LspTestClient, uri: string, version: number, line: number, character: number, inserted: string) =>
  client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: inserted }]);

describe('the live path never loses an annotation', () => {
  test('a teammate\'s change to the sidecar on disk survives the next keystroke (merged, not overwritten)', async () => {
    const ws = await workspace();
    const client = new LspTestClient();
    try {
      const { uri } = await openSample(client, ws);
      // A git pull while the article is open: status reviewed and one more entity, written by someone else.
      const sidecarPath = path.join(ws, SIDECAR);
      const theirs = (await readFile(sidecarPath, 'utf8')).replace('"status": "in-progress"', '"status": "reviewed"');
      await writeFile(sidecarPath, theirs);
      await typeAt(client, uri, 2, 0, 0, 'عاجل: ');
      await client.until(async () => (await sidecarOnDisk(ws)).sha256 !== parseSidecar(theirs).sidecar!.sha256, 'the sidecar rewritten after the keystroke');
      const onDisk = await sidecarOnDisk(ws);
      assert.equal(onDisk.status, 'reviewed', 'the teammate\'s status is kept');
      assert.equal(onDisk.entities.length, 36);
      assert.ok(onDisk.entities.every((e) => e.start >= 6), 'and the entities moved with the keystroke');
    } finally {
      await client.close();
    }
  });

  test('the watcher merges a sidecar changed on disk into the open article (added there, added here: both kept)', async () => {
    const ws = await workspace();
    const client = new LspTestClient();
    try {
      const { uri, text } = await openSample(client, ws);
      const sidecarPath = path.join(ws, SIDECAR);
      // Theirs: one entity removed (the first), status done.
      const base = await sidecarOnDisk(ws);
      const removedByThem = base.entities[0];
      const lines = (await readFile(sidecarPath, 'utf8')).split('\n');
      const theirs = lines.filter((l) => !l.includes(`"start": ${removedByThem.start}, "end": ${removedByThem.end},`)).join('\n').replace('"status": "in-progress"', '"status": "done"');
      // Ours (in the editor, before the watcher event arrives): a new annotation.
      const doc = TextDocument.create(uri, 'x', 1, text);
      const u16 = text.indexOf('الحكومة');
      await writeFile(sidecarPath, theirs.replace(/,\n(\s*\])/, '\n$1'));
      const added = await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: { start: doc.positionAt(u16), end: doc.positionAt(u16 + 7) }, label: 'ACTOR' });
      assert.equal(added.added, true);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(sidecarPath).toString(), type: FileChangeType.Changed }] });
      const onDisk = await client.until(async () => {
        const s = await sidecarOnDisk(ws);
        return s.status === 'done' && s.entities.some((e) => e.text === 'الحكومة') ? s : undefined;
      }, 'the merge on disk');
      assert.equal(onDisk.entities.length, 36, '36 - 1 removed by them + 1 added by us');
      assert.equal(onDisk.entities.some((e) => e.start === removedByThem.start && e.end === removedByThem.end), false);
      const state = await client.until(() => (client.lastState(uri)?.status === 'done' ? client.lastState(uri) : undefined), 'the merged state in the editor');
      assert.equal(state.entities.length, 36);
    } finally {
      await client.close();
    }
  });

  test('the same annotation changed differently here and on disk is a conflict with keep mine / theirs / both, never an overwrite', async () => {
    const ws = await workspace();
    const client = new LspTestClient();
    try {
      const { uri, text } = await openSample(client, ws);
      const sidecarPath = path.join(ws, SIDECAR);
      const dhiQar = (await sidecarOnDisk(ws)).entities.find((e) => e.text === 'ذي قار')!;
      // Theirs: the ref of ذي قار changed to another id.
      const theirs = (await readFile(sidecarPath, 'utf8')).replace(`"text": "ذي قار", "ref": "${dhiQar.ref}"`, '"text": "ذي قار", "ref": "geonames:1"');
      assert.notEqual(theirs, await readFile(sidecarPath, 'utf8'));
      await writeFile(sidecarPath, theirs);
      // Ours: a different ref for the same annotation.
      const doc = TextDocument.create(uri, 'x', 1, text);
      const u16 = text.indexOf('ذي قار');
      await client.connection.sendRequest(RelabelRequest, { textDocument: { uri }, range: { start: doc.positionAt(u16), end: doc.positionAt(u16 + 6) }, label: 'LOC', ref: 'geonames:2' });
      const onDisk = await readFile(sidecarPath, 'utf8');
      assert.match(onDisk, /^<<<<<<< /m, 'both sides are kept in the file, as git would');
      assert.ok(onDisk.includes('geonames:1') && onDisk.includes('geonames:2'));
      const state = await client.until(() => (client.lastState(uri)?.sidecar === 'conflict' ? client.lastState(uri) : undefined), 'the conflict in the state');
      assert.equal(state.sidecar, 'conflict');
      const diagnostic = await client.until(() => client.diagnostics.get(uri)?.diagnostics.find((d) => d.code === 'sidecar-conflict'), 'a conflict diagnostic');
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as Array<{ title: string; command: { command: string; arguments: unknown[] } }>;
      const keepTheirs = actions.find((a) => a.title.startsWith('Keep theirs'));
      assert.ok(keepTheirs, actions.map((a) => a.title).join('\n'));
      assert.ok(actions.some((a) => a.title.startsWith('Keep mine')));
      await client.connection.sendRequest(ExecuteCommandRequest.type, { command: keepTheirs.command.command, arguments: keepTheirs.command.arguments });
      const resolved = await sidecarOnDisk(ws);
      assert.equal(resolved.entities.find((e) => e.text === 'ذي قار')!.ref, 'geonames:1');
      assert.equal(resolved.entities.length, 36);
    } finally {
      await client.close();
    }
  });

  test('a deleted sidecar is written again from what the open article holds, with a message', async () => {
    const ws = await workspace();
    const client = new LspTestClient();
    try {
      await openSample(client, ws);
      const sidecarPath = path.join(ws, SIDECAR);
      await rm(sidecarPath);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(sidecarPath).toString(), type: FileChangeType.Deleted }] });
      const onDisk = await client.until(async () => (existsSync(sidecarPath) ? sidecarOnDisk(ws) : undefined), 'the sidecar written again');
      assert.equal(onDisk.entities.length, 36);
      assert.ok(client.messages.some((m) => m.includes('was deleted on disk')), client.messages.join('\n'));
    } finally {
      await client.close();
    }
  });

  test('a quick fix computed before typing annotates the text it was made for (the command carries the version)', async () => {
    const ws = await mkdtemp(path.join(tmpdir(), 'hashiya-live-'));
    temporary.push(ws);
    await cp(path.join(SAMPLES, 'hashiya.json'), path.join(ws, 'hashiya.json'));
    const text = 'وقال مسؤول في بغداد إن الوضع هادئ.';
    await writeFile(path.join(ws, 'a.txt'), text);
    const client = new LspTestClient();
    try {
      await client.initialize(ws);
      const uri = await client.open(path.join(ws, 'a.txt'), text);
      await client.until(() => client.lastState(uri)?.suggestions.some((s) => s.text === 'بغداد'), 'the suggestion بغداد');
      const at = TextDocument.create(uri, 'x', 1, text).positionAt(text.indexOf('بغداد') + 1);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } })) as Array<{ title: string; command: { command: string; arguments: unknown[] } }>;
      const accept = actions.find((a) => a.title.startsWith('Accept suggestion: LOC'))!;
      assert.ok(accept);
      // The annotator types before the line, then applies the quick fix that was computed on version 1.
      await typeAt(client, uri, 2, 0, 0, 'عاجل: ');
      await client.until(() => client.lastState(uri)?.version === 2, 'version 2');
      await client.connection.sendRequest(ExecuteCommandRequest.type, { command: accept.command.command, arguments: accept.command.arguments });
      const onDisk = parseSidecar(await readFile(path.join(ws, 'a.ann.json'), 'utf8')).sidecar!;
      assert.deepEqual(onDisk.entities.map((e) => e.text), ['بغداد']);
      const edited = 'عاجل: ' + text;
      assert.equal(onDisk.entities[0].start, [...edited.slice(0, edited.indexOf('بغداد'))].length);
      // A command whose text is nowhere any more is refused, and nothing is written.
      const before = await readFile(path.join(ws, 'a.ann.json'), 'utf8');
      const args = { ...(accept.command.arguments[0] as object), text: 'الموصل', version: 1 };
      await assert.rejects(client.connection.sendRequest(ExecuteCommandRequest.type, { command: accept.command.command, arguments: [args] }), /no longer there/);
      assert.equal(await readFile(path.join(ws, 'a.ann.json'), 'utf8'), before);
    } finally {
      await client.close();
    }
  });

  test('bad parameters are refused with InvalidParams and change nothing (the server never writes what it cannot read)', async () => {
    const ws = await workspace();
    const client = new LspTestClient();
    try {
      const { uri } = await openSample(client, ws);
      const before = await readFile(path.join(ws, SIDECAR), 'utf8');
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
      const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
        ['a ref without a namespace', () => client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range, label: 'LOC', ref: '99237' }), /namespace:id/],
        ['an unknown label', () => client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range, label: 'PLACE' }), /Unknown label "PLACE"/],
        ['line 9999', () => client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: { start: { line: 9999, character: 0 }, end: { line: 9999, character: 3 } }, label: 'LOC' }), /outside the document/],
        ['a character past the line end', () => client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 100000 } }, label: 'LOC' }), /outside the document/],
        ['relabel to a ref without a namespace', () => client.connection.sendRequest(RelabelRequest, { textDocument: { uri }, range, ref: ':99237' }), /namespace:id/],
        ['accept with an empty span', () => client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'hashiya.server.accept', arguments: [{ uri, start: 10, end: 10, label: 'LOC' }] }), /greater than start/],
        ['accept past the text', () => client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'hashiya.server.accept', arguments: [{ uri, start: 10, end: 10_000_000, label: 'LOC' }] }), /outside the text/],
        ['accept with ref "geonames:"', () => client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'hashiya.server.accept', arguments: [{ uri, start: 0, end: 4, label: 'LOC', ref: 'geonames:' }] }), /namespace:id/],
        ['accept with a bad label', () => client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'hashiya.server.accept', arguments: [{ uri, start: 0, end: 4, label: 'constructor' }] }), /Unknown label/],
      ];
      for (const [what, send, message] of cases) {
        await assert.rejects(send(), (error: { code?: number; message?: string }) => {
          assert.equal(error.code, -32602, `${what}: InvalidParams`);
          assert.match(error.message ?? '', message, what);
          return true;
        });
      }
      assert.equal(await readFile(path.join(ws, SIDECAR), 'utf8'), before, 'nothing was written');
    } finally {
      await client.close();
    }
  });

  test('two servers (two windows) annotating one article concurrently keep each other\'s annotations', async () => {
    const ws = await workspace();
    const a = new LspTestClient();
    const b = new LspTestClient();
    try {
      const { uri, text } = await openSample(a, ws);
      await openSample(b, ws);
      const doc = TextDocument.create(uri, 'x', 1, text);
      const words = ['تفجيراً', 'الاستهداف', 'مسلحون', 'ومعدات', 'مليشيات', 'الكهف'].filter((w) => text.includes(w));
      assert.ok(words.length >= 4, 'enough words to annotate');
      const sidecarUri = URI.file(path.join(ws, SIDECAR)).toString();
      const watch = () => Promise.all([a, b].map((c) => c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: sidecarUri, type: FileChangeType.Changed }] })));
      // Each window annotates its own words, interleaved, as fast as it can; the watcher tells both.
      const jobs = words.map((word, i) => {
        const client = i % 2 === 0 ? a : b;
        const u16 = text.indexOf(word);
        return client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: { start: doc.positionAt(u16), end: doc.positionAt(u16 + word.length) }, label: 'ACTOR' }).then(watch);
      });
      await Promise.all(jobs);
      await watch();
      const onDisk = await a.until(async () => {
        const s = await sidecarOnDisk(ws);
        return words.every((w) => s.entities.some((e) => e.text === w && e.label === 'ACTOR')) ? s : undefined;
      }, 'every annotation of both windows on disk');
      assert.equal(onDisk.entities.length, 36 + words.length);
      const article = await readFile(path.join(ws, ARTICLE));
      const problems = validateSidecar(parseSidecar(await readFile(path.join(ws, SIDECAR), 'utf8')), { text: decodeArticle(article).text, sha256: sha256Hex(article) }, { labels: new Set(['LOC', 'ACTOR']) });
      assert.deepEqual(problems, []);
      const leftovers = (await readdir(path.join(ws, 'iraq'))).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'));
      assert.deepEqual(leftovers, []);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('a keystroke sends a delta proportional to the change, not the whole state', async () => {
    const ws = await workspace();
    const client = new LspTestClient();
    try {
      const { uri } = await openSample(client, ws);
      const whole = JSON.stringify(client.lastState(uri)).length;
      client.wire.length = 0;
      await typeAt(client, uri, 2, 3, 0, 'ا');
      await client.until(() => client.lastState(uri)?.version === 2, 'version 2');
      const sent = client.wire.filter((m) => m.method === 'hashiya/documentStateDelta').reduce((n, m) => n + m.bytes, 0);
      assert.ok(client.deltas >= 1, 'a delta was sent');
      assert.deepEqual(client.deltaErrors, []);
      assert.ok(sent < whole / 4, `a keystroke sent ${sent} bytes of state; the whole state is ${whole}`);
      assert.equal(client.lastState(uri)!.entities.length, 36);
    } finally {
      await client.close();
    }
  });

  test('hashiya.json changing re-matches the open article (a new gazetteer gives new suggestions)', async () => {
    const ws = await mkdtemp(path.join(tmpdir(), 'hashiya-live-'));
    temporary.push(ws);
    const text = 'زار الوفد بلدة كفرنبودة أمس.';
    await writeFile(path.join(ws, 'hashiya.json'), JSON.stringify({ labels: [{ name: 'LOC', kind: 'location' }, { name: 'ACTOR', kind: 'actor' }] }));
    await writeFile(path.join(ws, 'a.txt'), text);
    const client = new LspTestClient();
    try {
      await client.initialize(ws);
      const uri = await client.open(path.join(ws, 'a.txt'), text);
      const first = await client.until(() => client.lastState(uri), 'state');
      assert.equal(first.suggestions.some((s) => s.text === 'كفرنبودة'), false);
      await writeFile(path.join(ws, 'towns.tsv'), 'كفرنبودة\tLOC\tgeonames:170000\n');
      await writeFile(path.join(ws, 'hashiya.json'), JSON.stringify({ labels: [{ name: 'LOC', kind: 'location' }, { name: 'ACTOR', kind: 'actor' }], gazetteers: [{ path: 'towns.tsv', format: 'tsv' }] }));
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(path.join(ws, 'hashiya.json')).toString(), type: FileChangeType.Changed }] });
      const state = await client.until(() => client.lastState(uri)?.suggestions.find((s) => s.text === 'كفرنبودة'), 'the new suggestion');
      assert.equal(state.ref, 'geonames:170000');
    } finally {
      await client.close();
    }
  });

  test('export after typing without saving keeps every entity: the server exports the open article as the editor has it', async () => {
    const ws = await workspace();
    const client = new LspTestClient();
    try {
      const { uri } = await openSample(client, ws);
      await typeAt(client, uri, 2, 0, 0, 'عاجل 😀 ');
      await client.until(() => client.lastState(uri)?.version === 2, 'version 2');
      // A format that keeps nested entities, so that all 36 are expected.
      const out = path.join(await mkdtemp(path.join(tmpdir(), 'hashiya-export-')), 'train.jsonl');
      temporary.push(path.dirname(out));
      const manifest = await client.connection.sendRequest(ExportTrainingDataRequest, { options: { root: ws, format: 'prodigy-jsonl', out, status: ['in-progress'] } });
      assert.equal(manifest.totals.documents, 1);
      assert.equal(manifest.totals.entities, 36, JSON.stringify(manifest.skipped));
      const record = JSON.parse((await readFile(out, 'utf8')).split('\n')[0]) as { text: string; spans: Array<{ start: number; end: number; label: string }> };
      assert.ok(record.text.startsWith('عاجل 😀 '), 'the unsaved text is what was exported');
      assert.equal(record.spans.length, 36);
      // The article on disk was not touched.
      assert.equal((await readFile(path.join(ws, ARTICLE), 'utf8')).startsWith('عاجل'), false);
    } finally {
      await client.close();
    }
  });

  test('closed with unsaved edits: the server keeps the text its sidecar is anchored to, and validate --fix maps through it exactly', async () => {
    const ws = await workspace();
    const cache = await mkdtemp(path.join(tmpdir(), 'hashiya-cache-'));
    temporary.push(cache);
    process.env.XDG_CACHE_HOME_FOR_TESTS = cache;
    const client = new LspTestClient();
    delete process.env.XDG_CACHE_HOME_FOR_TESTS;
    try {
      const { uri, text } = await openSample(client, ws);
      // Typed, never saved: the sidecar follows the editor's text; the file on disk keeps the old one.
      await typeAt(client, uri, 2, 0, 0, 'عاجل 😀 ');
      await client.until(async () => (await sidecarOnDisk(ws)).entities.every((e) => e.start >= 7), 'the sidecar written for the unsaved text');
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await client.until(async () => (await readdir(cache, { recursive: true })).some((f) => /[0-9a-f]{64}/.test(String(f))), 'the unsaved text kept in the cache');
      const cli = path.join(__dirname, '../../dist/cli.js');
      const result = spawnSync(process.execPath, [cli, 'validate', ws, '--fix'], { env: { ...process.env, XDG_CACHE_HOME: cache }, encoding: 'utf8' });
      assert.match(result.stderr, /36 stayed|re-anchored: .*mapped through the earlier text/, result.stderr);
      assert.match(result.stderr, /mapped through the earlier text/);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      const fixed = await sidecarOnDisk(ws);
      assert.equal(fixed.entities.length, 36);
      for (const e of fixed.entities) assert.equal([...text].slice(e.start, e.end).join(''), e.text);
    } finally {
      await client.close();
    }
  });

  test('temporary files left by a killed writer are removed when the article opens', async () => {
    const ws = await workspace();
    // A writer that no longer runs (pid 999999999) left its temporary beside the sidecar.
    const debris = path.join(ws, 'iraq', `.dhi-qar-convoy-2020-07-22.ann.json.999999999.${Date.now()}.0.tmp`);
    await writeFile(debris, '{"half": ');
    const client = new LspTestClient();
    try {
      const { uri } = await openSample(client, ws);
      await client.settledState(uri);
      assert.equal(existsSync(debris), false);
    } finally {
      await client.close();
    }
  });
});
