// Restricted mode over a real LSP connection: a server told the workspace is untrusted (initializationOptions
// { trusted: false }, as the extension says in VS Code's restricted mode) shows a corpus — annotations, built-in
// suggestions, hover, outline — but refuses every change, writes nothing at all in the corpus (compared byte for
// byte, every file including hidden ones), and does not read the gazetteers that hashiya.json names. The same
// workspace served as trusted annotates and suggests from the workspace gazetteer.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DocumentSymbolRequest, ExecuteCommandRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import {
  AnnotateRequest,
  type DocumentState,
  ExportTrainingDataRequest,
  ImportCorpusRequest,
  RelabelRequest,
  RemoveAnnotationRequest,
  SetStatusRequest,
} from '../../common/protocol';
import { RenameRefRequest, RenderAnnotationsRequest } from '../../common/corpusView';
import { LspTestClient } from './lspClient';

const SEED = 'dhi-qar-convoy-2020-07-22';
const EDITED = 'basra-local-elections-2023-03-14';
// كفرنبودة is in the workspace gazetteer only; بغداد is in the built-in one.
const NEWS = 'قال مسؤول في بغداد إن الوضع في كفرنبودة هادئ.';
const WORKSPACE_ONLY = 'كفرنبودة';
const RESTRICTED = /Restricted mode: Hashiya shows annotations but does not write them/;
// A temporary file a killed writer of news.ann.json left behind (a pid no process has): removing it is a write.
const DEBRIS = '.news.ann.json.4194000.1700000000000.0.tmp';

/** Every file under `root` (hidden ones too) with the sha256 of its bytes, sorted by path. */
async function listing(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) {
      if (!entry.isDirectory()) out.push(`${path.relative(root, path.join(entry.parentPath, entry.name))} (not a file)`);
      else out.push(`${path.relative(root, path.join(entry.parentPath, entry.name))}/`);
      continue;
    }
    const file = path.join(entry.parentPath, entry.name);
    out.push(`${path.relative(root, file)} ${createHash('sha256').update(await readFile(file)).digest('hex')}`);
  }
  return out.sort();
}

const positionOf = (text: string, word: string) => ({ line: 0, character: text.indexOf(word) });

describe('restricted mode (untrusted workspace)', () => {
  let ws: string;
  let before_: string[];

  before(async () => {
    ws = await mkdtemp(path.join(tmpdir(), 'hashiya-restricted-'));
    await cp(path.join(__dirname, '../../samples'), ws, { recursive: true });
    const config = JSON.parse(await readFile(path.join(ws, 'hashiya.json'), 'utf8'));
    config.gazetteers = [{ path: 'towns.tsv', format: 'tsv' }];
    await writeFile(path.join(ws, 'hashiya.json'), JSON.stringify(config, null, 2));
    await writeFile(path.join(ws, 'towns.tsv'), `${WORKSPACE_ONLY}\tLOC\tgeonames:170000\n`);
    await writeFile(path.join(ws, 'iraq/news.txt'), NEWS);
    await writeFile(path.join(ws, 'iraq', DEBRIS), '{"partial": ');
    // An article edited outside the editor: a trusted server re-anchors its sidecar at open and writes it.
    const edited = path.join(ws, `iraq/${EDITED}.txt`);
    await writeFile(edited, `تمهيد قصير. ${await readFile(edited, 'utf8')}`);
    before_ = await listing(ws);
  });
  after(async () => {
    await rm(ws, { recursive: true, force: true });
  });

  test('shows annotations, built-in suggestions, hover and outline; refuses every change; writes nothing; reads no workspace gazetteer', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize(ws, { trusted: false });
      const seedText = await readFile(path.join(ws, `iraq/${SEED}.txt`), 'utf8');
      const seed = await client.open(path.join(ws, `iraq/${SEED}.txt`), seedText);
      const news = await client.open(path.join(ws, 'iraq/news.txt'), NEWS);
      const editedText = await readFile(path.join(ws, `iraq/${EDITED}.txt`), 'utf8');
      const edited = await client.open(path.join(ws, `iraq/${EDITED}.txt`), editedText);

      // Existing annotations are shown (the seed's sidecar holds 36 entities, counted in the file).
      const sidecar = JSON.parse(await readFile(path.join(ws, `iraq/${SEED}.ann.json`), 'utf8'));
      assert.equal(sidecar.entities.length, 36);
      const seedState = (await client.settledState(seed))!;
      assert.equal(seedState.entities.length, 36);
      const editedState = (await client.settledState(edited))!;
      assert.ok(editedState.entities.length > 0, 'the re-anchored annotations of the edited article are shown');
      // Diagnostics too: the re-anchoring is reported (and not written down).
      const problems = await client.until(() => {
        const published = client.diagnostics.get(edited);
        return published && published.diagnostics.length > 0 ? published : undefined;
      }, 'diagnostics of the edited article');
      assert.ok(problems.diagnostics.some((d) => d.code === 're-anchored'), JSON.stringify(problems.diagnostics.map((d) => d.code)));

      // Suggestions from the built-in gazetteer only.
      const newsState = await client.until(() => client.lastState(news)?.suggestions.find((s) => s.text === 'بغداد') && client.lastState(news), 'a built-in suggestion');
      assert.deepEqual(newsState.suggestions.filter((s) => s.text === WORKSPACE_ONLY), [], 'the workspace gazetteer is not read');

      // Hover and outline work.
      const first = seedState.entities[0];
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: seed }, position: first.range.start });
      assert.ok(hover, 'hover on an entity');
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: seed } });
      assert.ok(symbols && symbols.length > 0, 'outline');

      // Every change is refused with the restricted-mode reason.
      const baghdad = { start: positionOf(NEWS, 'بغداد'), end: { line: 0, character: NEWS.indexOf('بغداد') + 'بغداد'.length } };
      const cpStart = [...NEWS.slice(0, NEWS.indexOf('بغداد'))].length;
      const refusals: Array<[string, () => Promise<unknown>]> = [
        ['annotate', () => client.connection.sendRequest(AnnotateRequest, { textDocument: { uri: news }, range: baghdad, label: 'LOC' })],
        ['relabel', () => client.connection.sendRequest(RelabelRequest, { textDocument: { uri: seed }, range: first.range, newLabel: first.label === 'LOC' ? 'ACTOR' : 'LOC' })],
        ['remove', () => client.connection.sendRequest(RemoveAnnotationRequest, { textDocument: { uri: seed }, range: first.range })],
        ['set status', () => client.connection.sendRequest(SetStatusRequest, { textDocument: { uri: seed }, status: 'reviewed' })],
        ['accept a suggestion', () => client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'hashiya.server.accept', arguments: [{ uri: news, start: cpStart, end: cpStart + 5, label: 'LOC', text: 'بغداد' }] })],
        ['accept all', () => client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'hashiya.server.acceptAll', arguments: [{ uri: news }] })],
        ['export into the corpus', () => client.connection.sendRequest(ExportTrainingDataRequest, { options: { root: ws, format: 'conll', out: path.join(ws, 'export.conll') } })],
        ['rename a ref across the corpus', () => client.connection.sendRequest(RenameRefRequest, { uri: seed, position: first.range.start, newRef: 'geonames:1' })],
        // Git obeys the repository's own configuration (hooks, fsmonitor): not run in an untrusted corpus.
        ['render at HEAD', () => client.connection.sendRequest(RenderAnnotationsRequest, { uri: seed, revision: 'HEAD' })],
        ['import into the corpus', () => client.connection.sendRequest(ImportCorpusRequest, { options: { format: 'conll', input: path.join(ws, 'towns.tsv'), out: path.join(ws, 'imported') } })],
      ];
      for (const [what, request] of refusals) await assert.rejects(request(), RESTRICTED, what);

      // Nothing changed in memory either: what is shown is what is on disk.
      const after = (await client.settledState(seed))!;
      assert.equal(after.entities.length, 36);
      assert.equal(after.status, seedState.status);
      assert.deepEqual(after.entities.map((e) => `${e.start}:${e.end}:${e.label}`), seedState.entities.map((e) => `${e.start}:${e.end}:${e.label}`));
      const newsAfter = (await client.settledState(news))!;
      assert.equal(newsAfter.entities.length, 0);

      // Typing moves the annotations on screen, but nothing is written after the pause that would write them.
      await client.change(seed, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'عاجل: ' }]);
      await new Promise((resolve) => setTimeout(resolve, 800));
      const typed = (await client.settledState(seed))!;
      assert.equal(typed.entities.length, 36);
    } finally {
      await client.close(); // shutdown flushes pending writes: there must be none
    }
    assert.deepEqual(await listing(ws), before_, 'no file in the corpus was created, changed or removed');
  });

  test('the same workspace trusted: the workspace gazetteer suggests, annotating writes the sidecar', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize(ws, { trusted: true });
      const news = await client.open(path.join(ws, 'iraq/news.txt'), NEWS);
      await client.until(() => client.lastState(news)?.suggestions.find((s) => s.text === WORKSPACE_ONLY), 'the workspace gazetteer suggestion');
      const range = { start: positionOf(NEWS, 'بغداد'), end: { line: 0, character: NEWS.indexOf('بغداد') + 5 } };
      const result = await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri: news }, range, label: 'LOC' });
      assert.equal(result.added, true);
      const written = JSON.parse(await readFile(path.join(ws, 'iraq/news.ann.json'), 'utf8'));
      assert.deepEqual(written.entities.map((e: { text: string; label: string }) => `${e.text}|${e.label}`), ['بغداد|LOC']);
      const state: DocumentState = (await client.settledState(news))!;
      assert.equal(state.entities.length, 1);
    } finally {
      await client.close();
    }
  });
});
