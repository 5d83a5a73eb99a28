// Protocol tests: the bundled server over stdio, spoken to in real LSP.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';

const temporary: string[] = [];
after(() => Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true }))));
import { DocumentSymbolRequest, HoverRequest, ReferencesRequest, SemanticTokensRequest, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnnotateRequest, RemoveAnnotationRequest, SetStatusRequest, TOKEN_TYPES } from '../../common/protocol';
import { decodeArticle } from '../../server/src/core/text/codePoints';
import { sha256Hex } from '../../server/src/core/text/hash';
import { parseSidecar } from '../../server/src/core/sidecar/parse';
import { validateSidecar } from '../../server/src/core/sidecar/validate';
import { LspTestClient, SERVER } from './lspClient';

const SAMPLES = path.join(__dirname, '../../samples');
const ARTICLE = 'iraq/dhi-qar-convoy-2020-07-22.txt';
const SIDECAR = 'iraq/dhi-qar-convoy-2020-07-22.ann.json';

async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-lsp-'));
  temporary.push(dir);
  await cp(SAMPLES, dir, { recursive: true });
  return dir;
}

/** The sidecar on disk is valid for the given article text (as bytes on disk would be after saving). */
async function assertSidecarValidFor(sidecarPath: string, text: string): Promise<void> {
  const parsed = parseSidecar(await readFile(sidecarPath, 'utf8'));
  const problems = validateSidecar(parsed, { text, sha256: sha256Hex(Buffer.from(text, 'utf8')) }, { labels: new Set(['LOC', 'ACTOR']) });
  assert.deepEqual(problems, []);
}

function decodeTokens(data: number[]) {
  const out: Array<{ line: number; char: number; length: number; type: string; modifiers: number }> = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    out.push({ line, char, length: data[i + 2], type: TOKEN_TYPES[data[i + 3]], modifiers: data[i + 4] });
  }
  return out;
}

before(() => {
  assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build first`);
});

describe('language server over stdio', () => {
  let client: LspTestClient;
  let ws: string;
  let uri: string;
  let text: string;

  before(async () => {
    ws = await workspace();
    client = new LspTestClient();
    const init = (await client.initialize(ws)) as { capabilities: Record<string, unknown> };
    assert.equal((init.capabilities.textDocumentSync as { change: number }).change, 2, 'incremental sync');
    text = decodeArticle(await readFile(path.join(ws, ARTICLE))).text;
    uri = await client.open(path.join(ws, ARTICLE), text);
    await client.until(() => client.lastState(uri), 'the document state');
  });
  after(() => client.close());

  test('the state lists the sample\'s entities with LSP ranges', () => {
    const state = client.lastState(uri)!;
    assert.equal(state.sidecar, 'ok');
    assert.equal(state.status, 'in-progress');
    assert.equal(state.entities.length, 36);
    const doc = TextDocument.create(uri, 'x', 1, text);
    const dhiQar = state.entities.find((e) => e.text === 'ذي قار')!;
    assert.deepEqual(dhiQar.range.start, doc.positionAt(text.indexOf('ذي قار')));
  });

  test('semantic tokens colour locations and actors at their places', async () => {
    const tokens = decodeTokens((await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))!.data);
    const doc = TextDocument.create(uri, 'x', 1, text);
    const at = (word: string, from = 0) => doc.positionAt(text.indexOf(word, from));
    const dhiQar = at('ذي قار');
    assert.ok(tokens.some((t) => t.line === dhiQar.line && t.char === dhiQar.character && t.length === 6 && t.type === 'location'));
    const forces = at('القوات الأميركية');
    assert.ok(tokens.some((t) => t.line === forces.line && t.char === forces.character && t.length === 16 && t.type === 'actor'));
    // The nested LOC inside the news agency's name cuts the actor token in three.
    const agency = at('وكالة أنباء');
    const lineTokens = tokens.filter((t) => t.line === agency.line).map((t) => t.type);
    assert.deepEqual(lineTokens.slice(-3), ['actor', 'location', 'actor']);
  });

  test('document symbols outline the entities', async () => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as Array<{ name: string; detail: string }>;
    assert.equal(symbols.length, 36);
    assert.ok(symbols.some((s) => s.name === 'صلاح الدين' && s.detail === 'LOC · geonames:91695'));
  });

  test('hover shows label, ref and occurrences in the corpus', async () => {
    const doc = TextDocument.create(uri, 'x', 1, text);
    const position = doc.positionAt(text.indexOf('العراق') + 2);
    const hover = await client.until(async () => {
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      const value = (h?.contents as { value: string } | undefined)?.value ?? '';
      return value.includes('in the corpus') ? value : undefined;
    }, 'a hover with corpus counts');
    assert.match(hover, /\*\*Location\*\* `LOC` — العراق/);
    assert.match(hover, /ref: `geonames:99237`/);
    assert.match(hover, /in the corpus: 8 occurrences in 1 article/);
  });

  test('references find every entity with the same ref; workspace symbols search the corpus', async () => {
    const doc = TextDocument.create(uri, 'x', 1, text);
    const refs = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: doc.positionAt(text.indexOf('الجيش الأميركي') + 1), context: { includeDeclaration: true } });
    assert.equal(refs?.length, 7); // 5 × القوات الأميركية, the hashtag, الجيش الأميركي: all actor:usa-mil
    assert.ok(refs!.every((r) => r.uri === uri));
    const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'البطحاء' });
    assert.equal((symbols as unknown[]).length, 3);
  });

  test('annotate writes the sidecar at once, with code-point offsets', async () => {
    const doc = TextDocument.create(uri, 'x', 1, text);
    const u16 = text.indexOf('الحكومة');
    const result = await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: { start: doc.positionAt(u16), end: doc.positionAt(u16 + 7) }, label: 'ACTOR', ref: 'actor:iraq-gov' });
    assert.equal(result.added, true);
    const onDisk = parseSidecar(await readFile(path.join(ws, SIDECAR), 'utf8')).sidecar!;
    const added = onDisk.entities.find((e) => e.ref === 'actor:iraq-gov')!;
    assert.equal(added.start, [...text.slice(0, u16)].length);
    assert.equal(added.text, 'الحكومة');
    await assertSidecarValidFor(path.join(ws, SIDECAR), text);
  });

  test('an unknown label is refused with a clear error', async () => {
    await assert.rejects(
      client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, label: 'PERSON' }),
      /Unknown label "PERSON"/,
    );
  });

  test('an emoji and CRLF typed before the entities move them; the sidecar stays valid for the edited text', async () => {
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'عاجل 😀\r\n' }]);
    const edited = 'عاجل 😀\r\n' + text;
    await client.until(async () => {
      const onDisk = parseSidecar(await readFile(path.join(ws, SIDECAR), 'utf8')).sidecar;
      return onDisk && onDisk.sha256 === sha256Hex(Buffer.from(edited, 'utf8'));
    }, 'the sidecar rewritten for the edited text');
    await assertSidecarValidFor(path.join(ws, SIDECAR), edited);
    const state = client.lastState(uri)!;
    assert.equal(state.version, 2);
    assert.equal(state.entities.find((e) => e.text === 'القوات الأميركية')!.start, 98 + 8);
    text = edited;
  });

  test('typing inside an entity keeps its text equal to the covered characters', async () => {
    const doc = TextDocument.create(uri, 'x', 2, text);
    const at = doc.positionAt(text.indexOf('صلاح الدين') + 4);
    await client.change(uri, 3, [{ range: { start: at, end: at }, text: 'ـ' }]);
    text = TextDocument.applyEdits(doc, [{ range: { start: at, end: at }, newText: 'ـ' }]);
    await client.until(() => client.lastState(uri)?.version === 3, 'version 3');
    await client.until(async () => parseSidecar(await readFile(path.join(ws, SIDECAR), 'utf8')).sidecar?.entities.some((e) => e.text === 'صلاحـ الدين'), 'the edited entity on disk');
    await assertSidecarValidFor(path.join(ws, SIDECAR), text);
  });

  test('remove and set status are written at once', async () => {
    const doc = TextDocument.create(uri, 'x', 3, text);
    const pos = doc.positionAt(text.indexOf('الحكومة') + 2);
    const removed = await client.connection.sendRequest(RemoveAnnotationRequest, { textDocument: { uri }, range: { start: pos, end: pos } });
    assert.deepEqual(removed.removed.map((e) => e.text), ['الحكومة']);
    const state = await client.connection.sendRequest(SetStatusRequest, { textDocument: { uri }, status: 'done' });
    assert.equal(state?.status, 'done');
    const onDisk = parseSidecar(await readFile(path.join(ws, SIDECAR), 'utf8')).sidecar!;
    assert.equal(onDisk.status, 'done');
    assert.equal(onDisk.entities.some((e) => e.text === 'الحكومة'), false);
  });
});

describe('sidecars that cannot be trusted', () => {
  test('a corrupt sidecar is reported at its place and never overwritten', async () => {
    const ws = await workspace();
    const sidecarPath = path.join(ws, SIDECAR);
    const broken = (await readFile(sidecarPath, 'utf8')).replace('"status": "in-progress",', '"status": "in-progress"');
    await writeFile(sidecarPath, broken);
    const client = new LspTestClient();
    try {
      await client.initialize(ws);
      const text = decodeArticle(await readFile(path.join(ws, ARTICLE))).text;
      const uri = await client.open(path.join(ws, ARTICLE), text);
      const sidecarUri = (await import('vscode-uri')).URI.file(sidecarPath).toString();
      const diags = await client.until(() => {
        const published = client.diagnostics.get(sidecarUri);
        return published && published.diagnostics.length > 0 ? published : undefined;
      }, 'sidecar diagnostics');
      assert.deepEqual(diags.diagnostics[0].range.start, { line: 5, character: 2 });
      assert.equal((await client.until(() => client.lastState(uri), 'state')).sidecar, 'corrupt');
      await assert.rejects(
        client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, label: 'LOC' }),
        /has errors .* never overwritten/,
      );
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      await client.until(() => client.lastState(uri)?.version === 2, 'version 2');
      await new Promise((r) => setTimeout(r, 400)); // longer than the typing write delay: nothing may be written
      assert.equal(await readFile(sidecarPath, 'utf8'), broken);
    } finally {
      await client.close();
    }
  });

  test('an article changed outside the editor is re-anchored; lost annotations are kept as unresolved', async () => {
    const ws = await workspace();
    const articlePath = path.join(ws, ARTICLE);
    const original = await readFile(articlePath, 'utf8');
    const changed = 'مقدمة جديدة.\n' + original.replace('أهل الكهف', 'جماعة مجهولة');
    await writeFile(articlePath, changed);
    const client = new LspTestClient();
    try {
      await client.initialize(ws);
      const uri = await client.open(articlePath, changed);
      await client.until(() => client.lastState(uri), 'state');
      // The re-anchored sidecar is written right after the article is shown, within its open.
      const state = (await client.settledState(uri))!;
      assert.deepEqual(state.unresolved, [{ label: 'ACTOR', text: 'أهل الكهف' }]);
      assert.equal(state.entities.length, 35);
      const onDisk = parseSidecar(await readFile(path.join(ws, SIDECAR), 'utf8')).sidecar!;
      assert.equal(onDisk.sha256, sha256Hex(Buffer.from(changed, 'utf8')));
      assert.deepEqual(onDisk.unresolved.map((e) => e.text), ['أهل الكهف']);
      const diags = client.diagnostics.get(uri)!.diagnostics;
      assert.ok(diags.some((d) => d.code === 'unresolved'));
      assert.ok(diags.some((d) => d.code === 're-anchored'));
    } finally {
      await client.close();
    }
  });

  test('a .txt outside any corpus is ignored', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-nocorpus-'));
    temporary.push(dir);
    await writeFile(path.join(dir, 'notes.txt'), 'بغداد');
    const client = new LspTestClient();
    try {
      await client.initialize(dir);
      const uri = await client.open(path.join(dir, 'notes.txt'), 'بغداد');
      const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
      assert.deepEqual(tokens?.data, []);
      assert.equal(client.lastState(uri), undefined);
      assert.equal(existsSync(path.join(dir, 'notes.ann.json')), false);
    } finally {
      await client.close();
    }
  });
});
