// The corpus maintainer's requests over the real server: annotations rendered now and at HEAD (in a git
// repository built here), the corpus tree's listing, references across articles, and the rename of a ref across
// every sidecar — with an article open in the editor whose own changes must survive it. Every expected text and
// count below is written out by hand from the files this test creates.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ReferencesRequest, ResponseError } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import {
  AgreementRequest,
  CorpusChangedNotification,
  CorpusDocumentsRequest,
  CorpusSummariesRequest,
  RenameRefPreviewRequest,
  RenameRefRequest,
  RenderAnnotationsRequest,
} from '../../common/corpusView';
import { AnnotateRequest, SetStatusRequest } from '../../common/protocol';
import { serializeSidecar } from '../../server/src/core/sidecar/serialize';
import type { Entity } from '../../server/src/core/sidecar/types';
import { sha256Hex } from '../../server/src/core/text/hash';
import { writeAgreementFolders } from '../../server/src/core/corpus/testdata/agreementFixture';
import { LspTestClient, SERVER } from './lspClient';

const temporary: string[] = [];
after(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));
before(() => assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build first`));

// Article A: an emoji flag (2 code points, 4 UTF-16 units) before the minister, a CRLF line break, then Baghdad.
const TEXT_A = 'زار 🇮🇶 الوزير\r\nبغداد اليوم.';
// Code points: "زار " 0-3, flag 4-5, " " 6, "الوزير" 7-12, CR 13, LF 14, "بغداد" 15-19.
const A_BAGHDAD: Entity = { start: 15, end: 20, label: 'LOC', text: 'بغداد', ref: 'geonames:98182' };
// Article B: Baghdad twice as entities, and once as a rejected suggestion with the same ref.
const TEXT_B = 'بغداد ثم البصرة ثم بغداد.';
const B_ENTITIES: Entity[] = [
  { start: 0, end: 5, label: 'LOC', text: 'بغداد', ref: 'geonames:98182' },
  { start: 9, end: 15, label: 'LOC', text: 'البصرة', ref: 'geonames:99532' },
  { start: 19, end: 24, label: 'LOC', text: 'بغداد', ref: 'geonames:98182' },
];
const B_REJECTED: Entity[] = [{ start: 9, end: 15, label: 'ACTOR', text: 'البصرة', ref: 'geonames:98182' }];

const sidecarOf = (name: string, text: string, status: 'todo' | 'in-progress' | 'done', entities: Entity[], rejected: Entity[] = []) =>
  serializeSidecar({ text: name, sha256: sha256Hex(Buffer.from(text, 'utf8')), status, entities, rejected, unresolved: [] });

/** A corpus: news/a (in progress, 1 entity), news/b (done, 3 entities), news/c (no sidecar). */
async function corpus(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-corpusview-'));
  temporary.push(dir);
  await cp(path.join(__dirname, '../../samples/hashiya.json'), path.join(dir, 'hashiya.json'));
  await mkdir(path.join(dir, 'news'));
  await writeFile(path.join(dir, 'news/a.txt'), TEXT_A);
  await writeFile(path.join(dir, 'news/a.ann.json'), sidecarOf('a.txt', TEXT_A, 'in-progress', [A_BAGHDAD]));
  await writeFile(path.join(dir, 'news/b.txt'), TEXT_B);
  await writeFile(path.join(dir, 'news/b.ann.json'), sidecarOf('b.txt', TEXT_B, 'done', B_ENTITIES, B_REJECTED));
  await writeFile(path.join(dir, 'news/c.txt'), 'خبر بلا حواش.');
  return dir;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

async function openArticle(client: LspTestClient, file: string, text: string): Promise<string> {
  const uri = await client.open(file, text);
  await client.until(() => client.lastState(uri), `the state of ${path.basename(file)}`);
  await client.settledState(uri);
  return uri;
}

/** The range of the `nth` occurrence of `needle` in `text` as LSP positions (lines split at \r\n or \n). */
function rangeOf(text: string, needle: string, nth = 0): { start: { line: number; character: number }; end: { line: number; character: number } } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  const before = text.slice(0, at).split(/\r\n|\n/);
  const start = { line: before.length - 1, character: before[before.length - 1].length };
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

const refCount = (text: string, ref: string) => text.split(`"ref": "${ref}"`).length - 1;

describe('Compare with HEAD: rendered annotations', () => {
  test('HEAD shows the committed annotations; now shows the session, unsaved edits included', async () => {
    const ws = await corpus();
    git(ws, 'init', '-q');
    git(ws, 'add', '-A');
    git(ws, 'commit', '-q', '-m', 'corpus');
    const client = new LspTestClient();
    try {
      await client.initialize(ws);
      const uri = await openArticle(client, path.join(ws, 'news/a.txt'), TEXT_A);
      // Written by hand: line breaks become \n, one line per article line, a final newline.
      const atHead = 'زار 🇮🇶 الوزير\n[بغداد]{LOC geonames:98182} اليوم.\n';
      assert.deepEqual(await client.connection.sendRequest(RenderAnnotationsRequest, { uri, revision: 'HEAD' }), { text: atHead });
      assert.deepEqual(await client.connection.sendRequest(RenderAnnotationsRequest, { uri }), { text: atHead }, 'nothing changed yet');

      const added = await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: rangeOf(TEXT_A, 'الوزير'), label: 'ACTOR' });
      assert.equal(added.added, true);
      // An unsaved edit: a word typed at the start of the first line.
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'أمس ' }]);
      const now = await client.connection.sendRequest(RenderAnnotationsRequest, { uri });
      assert.equal(now.text, 'أمس زار 🇮🇶 [الوزير]{ACTOR}\n[بغداد]{LOC geonames:98182} اليوم.\n');
      assert.equal((await client.connection.sendRequest(RenderAnnotationsRequest, { uri, revision: 'HEAD' })).text, atHead, 'HEAD is what was committed');

      // A closed article rendered from disk; a new article has nothing at HEAD.
      const b = URI.file(path.join(ws, 'news/b.txt')).toString();
      assert.equal((await client.connection.sendRequest(RenderAnnotationsRequest, { uri: b })).text, '[بغداد]{LOC geonames:98182} ثم [البصرة]{LOC geonames:99532} ثم [بغداد]{LOC geonames:98182}.\n');
      await writeFile(path.join(ws, 'news/d.txt'), 'نص جديد.');
      await writeFile(path.join(ws, 'news/d.ann.json'), sidecarOf('d.txt', 'نص جديد.', 'todo', [{ start: 0, end: 2, label: 'LOC', text: 'نص' }]));
      const d = URI.file(path.join(ws, 'news/d.txt')).toString();
      const dHead = await client.connection.sendRequest(RenderAnnotationsRequest, { uri: d, revision: 'HEAD' });
      assert.equal(dHead.text, '');
      assert.equal(dHead.reason, 'new');
      assert.match(dHead.note!, /d\.ann\.json is new/);
    } finally {
      await client.close();
    }
  });

  test('outside a git repository HEAD is refused with a clear note', async () => {
    const ws = await corpus();
    const client = new LspTestClient();
    try {
      await client.initialize(ws);
      const uri = URI.file(path.join(ws, 'news/a.txt')).toString();
      const result = await client.connection.sendRequest(RenderAnnotationsRequest, { uri, revision: 'HEAD' });
      assert.equal(result.reason, 'not-git');
      assert.match(result.note!, /is not in a git repository/);
      const bad = await client.connection.sendRequest(RenderAnnotationsRequest, { uri, revision: 'HEAD~1' as 'HEAD' }).then(() => undefined, (e: unknown) => e);
      assert.ok(bad instanceof ResponseError && bad.code === -32602, 'another revision is InvalidParams');
    } finally {
      await client.close();
    }
  });
});

describe('corpus tree listing', () => {
  test('documents by status with counts, git marks, and a change notification when a status changes', async () => {
    const ws = await corpus();
    git(ws, 'init', '-q');
    git(ws, 'add', '-A');
    git(ws, 'commit', '-q', '-m', 'corpus');
    const client = new LspTestClient();
    const changed: string[] = [];
    client.connection.onNotification(CorpusChangedNotification, (p: { root: string }) => {
      changed.push(p.root);
    });
    try {
      await client.initialize(ws);
      const summary = await client.until(async () => {
        const list = await client.connection.sendRequest(CorpusSummariesRequest, {});
        return list.length === 1 && list[0].complete ? list[0] : undefined;
      }, 'the indexed corpus');
      assert.equal(summary.root, ws);
      assert.equal(summary.total, 3);
      assert.deepEqual(summary.byStatus, { todo: 1, 'in-progress': 1, done: 1, reviewed: 0 });
      assert.equal(summary.git, true);

      const todo = await client.connection.sendRequest(CorpusDocumentsRequest, { root: ws, status: 'todo' });
      assert.deepEqual(todo.map((d) => [d.path, d.sidecar, d.entities, d.changed]), [['news/c.txt', 'missing', 0, false]]);
      const done = await client.connection.sendRequest(CorpusDocumentsRequest, { root: ws, status: 'done' });
      assert.deepEqual(done.map((d) => [d.path, d.entities, d.changed]), [['news/b.txt', 3, false]]);

      // Opening a, annotating it and marking it done: it moves to "done", with 2 entities, changed since HEAD.
      const uri = await openArticle(client, path.join(ws, 'news/a.txt'), TEXT_A);
      await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: rangeOf(TEXT_A, 'الوزير'), label: 'ACTOR' });
      changed.length = 0;
      await client.connection.sendRequest(SetStatusRequest, { textDocument: { uri }, status: 'done' });
      await client.until(() => changed.includes(ws), 'hashiya/corpusChanged for the corpus');
      const after = await client.connection.sendRequest(CorpusDocumentsRequest, { root: ws, status: 'done' });
      assert.deepEqual(after.map((d) => [d.path, d.entities, d.changed]), [['news/a.txt', 2, true], ['news/b.txt', 3, false]]);
      assert.equal(typeof after[0].suggestions, 'number', 'an open article counts its suggestions');
      assert.deepEqual((await client.connection.sendRequest(CorpusSummariesRequest, {}))[0].byStatus, { todo: 1, 'in-progress': 0, done: 2, reviewed: 0 });

      // Suggestions of a closed article, counted in the background once the knowledge base is loaded (opening a
      // loaded it), are those its session finds when it is opened: كربلاء at least, a governorate in the built-in
      // gazetteer, and nothing of it annotated.
      const karbala = 'زار الوفد كربلاء أمس.';
      await writeFile(path.join(ws, 'news/g.txt'), karbala);
      // A new article on disk reaches the tree through the file watcher (1 = Created).
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(ws, 'news/g.txt')).toString(), type: 1 }] });
      const counted = await client.until(async () => {
        const todoNow = await client.connection.sendRequest(CorpusDocumentsRequest, { root: ws, status: 'todo' });
        const g = todoNow.find((d) => d.path === 'news/g.txt');
        return g?.suggestions !== undefined ? g.suggestions : undefined;
      }, 'the background count of g.txt', 30_000);
      const gUri = await openArticle(client, path.join(ws, 'news/g.txt'), karbala);
      const gState = await client.until(() => {
        const st = client.lastState(gUri);
        return st && st.suggestions.length > 0 ? st : undefined;
      }, 'the suggestions of g.txt when open', 30_000);
      assert.ok(gState.suggestions.some((x) => x.text === 'كربلاء'));
      assert.equal(counted, gState.suggestions.length, 'closed and open counts agree');
    } finally {
      await client.close();
    }
  });
});

describe('references and rename of a ref across the corpus', () => {
  test('references of an entity reach the other articles with its ref, or with its normalised surface form', async () => {
    const ws = await corpus();
    // "وصل " 0-3, "الوزيرُ" 4-10 (7 code points with the damma).
    const e = 'وصل الوزيرُ.';
    await writeFile(path.join(ws, 'news/e.txt'), e);
    await writeFile(path.join(ws, 'news/e.ann.json'), sidecarOf('e.txt', e, 'done', [{ start: 4, end: 11, label: 'ACTOR', text: 'الوزيرُ' }]));
    const f = 'الوزير هنا.';
    await writeFile(path.join(ws, 'news/f.txt'), f);
    await writeFile(path.join(ws, 'news/f.ann.json'), sidecarOf('f.txt', f, 'done', [{ start: 0, end: 6, label: 'LOC', text: 'الوزير' }]));
    const client = new LspTestClient();
    try {
      await client.initialize(ws);
      const uri = await openArticle(client, path.join(ws, 'news/a.txt'), TEXT_A);
      const refs = await client.until(async () => {
        const found = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: rangeOf(TEXT_A, 'بغداد').start, context: { includeDeclaration: true } });
        return found && found.length > 0 ? found : undefined;
      }, 'references');
      // a: 1 Baghdad; b: 2 (the rejection is not an annotation of the text).
      assert.deepEqual(refs.map((r) => [path.basename(URI.parse(r.uri).fsPath), r.range.start.line, r.range.start.character]).sort(), [['a.txt', 1, 0], ['b.txt', 0, 0], ['b.txt', 0, 19]]);

      // Without a ref: the same label and the same surface form once normalised — e's «الوزيرُ» carries a damma
      // (a diacritic the corpus's normalisation drops); f's «الوزير» is an ACTOR too but labelled LOC there.
      await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: rangeOf(TEXT_A, 'الوزير'), label: 'ACTOR' });
      const minister = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: rangeOf(TEXT_A, 'الوزير').start, context: { includeDeclaration: true } });
      assert.deepEqual(minister!.map((r) => [path.basename(URI.parse(r.uri).fsPath), r.range.start.line, r.range.start.character, r.range.end.character]).sort(), [['a.txt', 0, 9, 15], ['e.txt', 0, 4, 11]]); // UTF-16: the flag is 4 units
    } finally {
      await client.close();
    }
  });

  test('rename rewrites every sidecar; the open article keeps its own changes; a bad ref is refused', async () => {
    const ws = await corpus();
    const client = new LspTestClient();
    try {
      await client.initialize(ws);
      const uri = await openArticle(client, path.join(ws, 'news/a.txt'), TEXT_A);
      const position = rangeOf(TEXT_A, 'بغداد').start;
      const bad = await client.connection.sendRequest(RenameRefRequest, { uri, position, newRef: 'geonames 98183' }).then(() => undefined, (e: unknown) => e);
      assert.ok(bad instanceof ResponseError && bad.code === -32602, `a ref without namespace:id is InvalidParams (got ${String(bad)})`);
      assert.match((bad as ResponseError<void>).message, /namespace:id/);
      const same = await client.connection.sendRequest(RenameRefRequest, { uri, position, newRef: 'geonames:98182' }).then(() => undefined, (e: unknown) => e);
      assert.ok(same instanceof ResponseError && same.code === -32602, 'the same ref is refused');

      // Before: a 1, b 3 (2 entities + 1 rejection).
      const aSidecar = path.join(ws, 'news/a.ann.json');
      const bSidecar = path.join(ws, 'news/b.ann.json');
      assert.equal(refCount(await readFile(aSidecar, 'utf8'), 'geonames:98182'), 1);
      assert.equal(refCount(await readFile(bSidecar, 'utf8'), 'geonames:98182'), 3);
      const plan = await client.until(async () => {
        const p = await client.connection.sendRequest(RenameRefPreviewRequest, { uri, position, newRef: 'geonames:98183' });
        return p.files.length === 2 ? p : undefined;
      }, 'the plan over the indexed corpus');
      assert.equal(plan.oldRef, 'geonames:98182');
      assert.deepEqual(plan.files.map((f) => [f.path, f.count, f.open]), [['news/a.txt', 1, true], ['news/b.txt', 3, false]]);
      // The preview changed nothing.
      assert.equal(refCount(await readFile(bSidecar, 'utf8'), 'geonames:98182'), 3);

      // The open article's own change just before the rename: a new entity and an edit still being typed.
      await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: rangeOf(TEXT_A, 'الوزير'), label: 'ACTOR' });
      await client.change(uri, 2, [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 13 } }, text: ' صباحا' }]);
      const result = await client.connection.sendRequest(RenameRefRequest, { uri, position, newRef: 'geonames:98183' });
      assert.deepEqual(result.failed, []);
      assert.deepEqual(result.files.map((f) => [f.path, f.count]), [['news/a.txt', 1], ['news/b.txt', 3]]);

      const b = await readFile(bSidecar, 'utf8');
      assert.equal(refCount(b, 'geonames:98182'), 0);
      assert.equal(refCount(b, 'geonames:98183'), 3);
      assert.equal(refCount(b, 'geonames:99532'), 1, 'other refs untouched');
      const a = await client.until(async () => {
        const text = await readFile(aSidecar, 'utf8');
        return text.includes('"label": "ACTOR"') && refCount(text, 'geonames:98183') === 1 ? text : undefined;
      }, 'the open article\'s sidecar with both its new entity and the new ref');
      assert.equal(refCount(a, 'geonames:98182'), 0);
      const state = await client.settledState(uri);
      assert.deepEqual(state!.entities.map((e) => [e.text, e.label, e.ref]), [['الوزير', 'ACTOR', undefined], ['بغداد', 'LOC', 'geonames:98183']]);
      assert.equal(state!.entities.length, 2, 'nothing lost in the open article');
      // The corpus index learned the new ref: a second rename of the old one finds nothing to do.
      const again = await client.connection.sendRequest(RenameRefPreviewRequest, { uri, ref: 'geonames:98182', newRef: 'geonames:1' });
      assert.deepEqual(again.files, []);
    } finally {
      await client.close();
    }
  });
});

describe('agreement of two folders', () => {
  // The annotation sets and every figure are computed by hand in core/corpus/testdata/agreementFixture.ts.
  const close = (actual: number | null, expected: number, what: string) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${what}: ${actual} ≠ ${expected}`);

  test('P/R/F1 exact and overlap, kappa, and disagreements placed in the articles of A', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-agree-lsp-'));
    temporary.push(dir);
    await writeAgreementFolders(dir);
    const client = new LspTestClient();
    try {
      await client.initialize(dir);
      const r = await client.connection.sendRequest(AgreementRequest, { dirA: path.join(dir, 'a'), dirB: path.join(dir, 'b') });
      assert.equal(r.documents, 2);
      close(r.overall.precision, 3 / 5, 'P');
      close(r.overall.recall, 3 / 6, 'R');
      close(r.overall.f1, 6 / 11, 'F1');
      close(r.labels.LOC.f1, 4 / 7, 'LOC F1');
      close(r.labels.ACTOR.f1, 1 / 2, 'ACTOR F1');
      close(r.overlap.f1, 8 / 11, 'overlap F1');
      close(r.kappa, 11 / 17, 'kappa');
      assert.deepEqual(r.skipped, ['1 sidecar present in only one folder, not compared']);
      // DOC1 = 'زار الوزير بغداد ثم البصرة وقابل الجيش في النجف.': البصرة at 20, الجيش at 33, النجف at 42 (one line).
      assert.deepEqual(
        r.disagreements.map((d) => [d.kind, path.relative(dir, URI.parse(d.uri).fsPath), d.range.start.line, d.range.start.character, d.range.end.character]),
        [
          ['label', 'a/news/one.txt', 0, 20, 26],
          ['only-a', 'a/news/one.txt', 0, 33, 38],
          ['boundary', 'a/news/one.txt', 0, 42, 47],
        ],
      );
      const missing = await client.connection.sendRequest(AgreementRequest, { dirA: path.join(dir, 'a'), dirB: path.join(dir, 'nothing') }).then(() => undefined, (e: unknown) => e);
      assert.ok(missing instanceof ResponseError && /not a folder/.test(missing.message));
    } finally {
      await client.close();
    }
  });
});
