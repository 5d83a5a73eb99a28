// Workspace symbols for a client that resolves ranges (LSP 3.17): the query answers with each entity's article URI
// only, workspaceSymbol/resolve adds the range. Ranges are UTF-16 positions: an emoji (two UTF-16 units, one code
// point) and a CRLF stand before the entities, and the closed article starts with a BOM.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { DidCloseTextDocumentNotification, type WorkspaceSymbol, WorkspaceSymbolRequest, WorkspaceSymbolResolveRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnnotateRequest } from '../../common/protocol';
import { LspTestClient, SERVER } from './lspClient';

const CONFIG = { labels: [{ name: 'LOC', title: 'Location', color: '#2e7d32', kind: 'location' }], builtinGazetteer: false };
// Open article: a first line, CRLF, then an emoji before the entity on the second line.
const OPEN = 'خبر عاجل\r\n😀 وصل الوفد إلى البصرة صباح اليوم\r\n';
// Closed article (read from disk): BOM, emoji, entity on the first line.
const CLOSED_TEXT = '🇮🇶 في البصرة اجتماع\n';

let dir: string;
let client: LspTestClient;
after(async () => {
  await client?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

before(() => {
  assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build first`);
});

/** Where `word` is in `text`, as LSP positions counted by hand: line by CRLF/LF, character in UTF-16 units. */
function handRange(text: string, word: string) {
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => l.includes(word));
  const character = lines[line].indexOf(word); // String indices are UTF-16 units.
  return { start: { line, character }, end: { line, character: character + word.length } };
}

async function annotate(uri: string, text: string, word: string): Promise<void> {
  const doc = TextDocument.create(uri, 'x', 1, text);
  const at = text.indexOf(word);
  const result = await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: { start: doc.positionAt(at), end: doc.positionAt(at + word.length) }, label: 'LOC', ref: 'geonames:99532' });
  assert.equal(result.added, true);
}

test('symbols come without ranges to a client that resolves them; the resolved range is exact', async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hashiya-symbols-'));
  await writeFile(path.join(dir, 'hashiya.json'), JSON.stringify(CONFIG));
  const openFile = path.join(dir, 'open.txt');
  const closedFile = path.join(dir, 'closed.txt');
  await writeFile(openFile, OPEN);
  await writeFile(closedFile, '\uFEFF' + CLOSED_TEXT);
  client = new LspTestClient();
  const init = (await client.initialize(dir, undefined, { workspace: { symbol: { resolveSupport: { properties: ['location.range'] } } } })) as { capabilities: { workspaceSymbolProvider?: unknown } };
  assert.deepEqual(init.capabilities.workspaceSymbolProvider, { resolveProvider: true });

  // The closed article: opened (the editor strips the BOM), annotated, closed again.
  const closedUri = await client.open(closedFile, CLOSED_TEXT);
  await client.until(() => client.lastState(closedUri), 'the closed article\'s state');
  await annotate(closedUri, CLOSED_TEXT, 'البصرة');
  await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: closedUri } });
  const openUri = await client.open(openFile, OPEN);
  await client.until(() => client.lastState(openUri), 'the open article\'s state');
  await annotate(openUri, OPEN, 'البصرة');

  const symbols = await client.until(async () => {
    const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'بصر' })) as WorkspaceSymbol[] | null;
    return found && found.length === 2 ? found : undefined;
  }, 'both entities among the workspace symbols');
  for (const s of symbols) {
    assert.equal(s.name, 'البصرة');
    assert.equal(s.containerName, 'LOC · geonames:99532');
    assert.ok(!('range' in s.location), 'no range before resolve');
  }
  const byUri = new Map(symbols.map((s) => [s.location.uri, s]));
  assert.deepEqual([...byUri.keys()].sort(), [closedUri, openUri].sort());

  // 😀 is two UTF-16 units, then a space, وصل, a space, الوفد, a space, إلى and a space: 17.
  const resolvedOpen = await client.connection.sendRequest(WorkspaceSymbolResolveRequest.type, byUri.get(openUri)!);
  assert.deepEqual(resolvedOpen.location, { uri: openUri, range: handRange(OPEN, 'البصرة') });
  assert.deepEqual(resolvedOpen.location, { uri: openUri, range: { start: { line: 1, character: 17 }, end: { line: 1, character: 23 } } });
  const resolvedClosed = await client.connection.sendRequest(WorkspaceSymbolResolveRequest.type, byUri.get(closedUri)!);
  // The BOM is not part of the text the editor shows: 🇮🇶 is four UTF-16 units, then a space, في and a space.
  assert.deepEqual(resolvedClosed.location, { uri: closedUri, range: { start: { line: 0, character: 8 }, end: { line: 0, character: 14 } } });
  assert.deepEqual(resolvedClosed.location, { uri: closedUri, range: handRange(CLOSED_TEXT, 'البصرة') });
});
