// Suggestions from the built-in gazetteer over a real LSP connection: shown as `suggested` semantic tokens, never
// written until accepted; accepted by a quick fix or a completion, rejected for good.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
  SemanticTokensRequest,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CandidatesRequest, TOKEN_MODIFIERS } from '../../common/protocol';
import { parseSidecar } from '../../server/src/core/sidecar/parse';
import { LspTestClient } from './lspClient';

const TEXT = 'أعلنت القوات الأمريكية انسحابها من قاعدة في بالعراق، وقال مسؤول في ببغداد إن #ذي_قار هادئة.\r\nوأكد 😀 الحشد الشعبي ذلك.';

describe('suggestions, quick fixes and completion', () => {
  let client: LspTestClient;
  let ws: string;
  let uri: string;
  let sidecarPath: string;
  const doc = () => TextDocument.create(uri, 'x', 1, TEXT);
  const cp16 = (word: string) => [...TEXT.slice(0, TEXT.indexOf(word))].length;

  before(async () => {
    ws = await mkdtemp(path.join(tmpdir(), 'hashiya-suggest-'));
    await cp(path.join(__dirname, '../../samples/hashiya.json'), path.join(ws, 'hashiya.json'));
    await writeFile(path.join(ws, 'news.txt'), TEXT);
    sidecarPath = path.join(ws, 'news.ann.json');
    client = new LspTestClient();
    await client.initialize(ws);
    uri = await client.open(path.join(ws, 'news.txt'), TEXT);
  });
  after(async () => {
    await client.close();
    await rm(ws, { recursive: true, force: true });
  });

  test('the state carries suggestions with code-point offsets; nothing is written', async () => {
    // The article opens at once; the suggestions follow when the knowledge base is loaded.
    const state = await client.until(() => (client.lastState(uri)?.suggestions.length ? client.lastState(uri) : undefined), 'state with suggestions');
    const got = state.suggestions.map((s) => `${s.text}|${s.label}|${s.start}`);
    assert.ok(got.includes(`القوات الأمريكية|ACTOR|${cp16('القوات الأمريكية')}`), got.join(', '));
    assert.ok(got.includes(`العراق|LOC|${cp16('بالعراق') + 1}`));
    assert.ok(got.includes(`بغداد|LOC|${cp16('ببغداد') + 1}`));
    assert.ok(got.includes(`ذي_قار|LOC|${cp16('ذي_قار')}`));
    assert.ok(got.includes(`الحشد الشعبي|ACTOR|${cp16('الحشد الشعبي')}`), 'after an emoji and CRLF');
    assert.equal(existsSync(sidecarPath), false, 'suggestions are never written until accepted');
  });

  test('suggestions are semantic tokens with the suggested modifier', async () => {
    const tokens = (await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))!.data;
    const modifiers = [];
    for (let i = 4; i < tokens.length; i += 5) modifiers.push(tokens[i]);
    assert.ok(modifiers.length >= 5);
    assert.ok(modifiers.every((m) => m === 1 << TOKEN_MODIFIERS.indexOf('suggested')));
  });

  test('hover on a suggestion tells what the knowledge base knows', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc().positionAt(TEXT.indexOf('ذي_قار') + 2) });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /Suggested Location/);
    assert.match(value, /geonames:97019/);
    assert.match(value, /governorate of Iraq: Dhi Qar/);
    assert.match(value, /source: builtin/);
  });

  test('the quick fix accepts a suggestion into the sidecar on disk; the text is not edited', async () => {
    const at = doc().positionAt(TEXT.indexOf('بالعراق') + 3);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } })) as Array<{ title: string; command: { command: string; arguments: unknown[] }; edit?: unknown }>;
    const accept = actions.find((a) => a.title.startsWith('Accept suggestion: LOC'))!;
    assert.ok(accept, actions.map((a) => a.title).join('\n'));
    assert.equal(accept.edit, undefined);
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: accept.command.command, arguments: accept.command.arguments });
    const sidecar = parseSidecar(await readFile(sidecarPath, 'utf8')).sidecar!;
    assert.deepEqual(sidecar.entities.map((e) => [e.start, e.end, e.label, e.text, e.ref]), [[cp16('بالعراق') + 1, cp16('بالعراق') + 7, 'LOC', 'العراق', 'geonames:99237']]);
    assert.deepEqual(sidecar.rejected, []);
  });

  test('reject records the suggestion in "rejected" and it is not offered again', async () => {
    const at = doc().positionAt(TEXT.indexOf('الحشد') + 1);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } })) as Array<{ title: string; command: { command: string; arguments: unknown[] } }>;
    const reject = actions.find((a) => a.title.startsWith('Reject suggestion: ACTOR'))!;
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: reject.command.command, arguments: reject.command.arguments });
    const sidecar = parseSidecar(await readFile(sidecarPath, 'utf8')).sidecar!;
    assert.deepEqual(sidecar.rejected.map((e) => e.text), ['الحشد الشعبي']);
    const state = await client.until(() => client.lastState(uri)?.suggestions.every((s) => s.text !== 'الحشد الشعبي') && client.lastState(uri), 'the rejected suggestion gone');
    assert.ok(state.suggestions.length > 0);
  });

  test('completion on a word lists ranked candidates; accepting one records it and leaves the text', async () => {
    const at = doc().positionAt(TEXT.indexOf('ببغداد') + 2);
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at })) as Array<{ label: string; textEdit: { newText: string }; command: { command: string; arguments: unknown[] } }>;
    assert.ok(items.length >= 2);
    assert.match(items[0].label, /^LOC: بغداد$/);
    assert.equal(items[0].textEdit.newText, 'ببغداد', 'the edit replaces the word with itself');
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: items[0].command.command, arguments: items[0].command.arguments });
    const sidecar = parseSidecar(await readFile(sidecarPath, 'utf8')).sidecar!;
    assert.ok(sidecar.entities.some((e) => e.text === 'بغداد' && e.start === cp16('ببغداد') + 1 && e.label === 'LOC' && e.ref?.startsWith('geonames:')), 'the proclitic stays outside the entity');
  });

  test('inside the sidecar (as JSON): label values complete from the corpus labels, ref values from the knowledge base', async () => {
    const sidecarUri = URI.file(sidecarPath).toString();
    const json = await readFile(sidecarPath, 'utf8');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: sidecarUri, languageId: 'json', version: 1, text: json } });
    const sidecarDoc = TextDocument.create(sidecarUri, 'json', 1, json);
    type Item = { label: string; textEdit: { newText: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } } };
    const complete = async (offset: number) => (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: sidecarUri }, position: sidecarDoc.positionAt(offset) })) as Item[];
    // On the label of the بغداد entity: every label of the corpus, replacing the quoted value.
    const entityAt = json.indexOf('"text": "بغداد"');
    const labelValue = json.lastIndexOf('"LOC"', entityAt);
    const labels = await complete(labelValue + 2);
    assert.deepEqual(labels.map((i) => i.label), ['LOC', 'ACTOR'], 'the labels of samples/hashiya.json, in its order');
    assert.equal(labels[0].textEdit.newText, '"LOC"');
    assert.deepEqual(labels[0].textEdit.range, { start: sidecarDoc.positionAt(labelValue), end: sidecarDoc.positionAt(labelValue + 5) });
    // On its ref: the exact matches for بغداد first (the city and the governorate of the same name), quoted.
    const refValue = json.indexOf('"geonames:', entityAt);
    const refs = await complete(refValue + 3);
    assert.deepEqual(refs.slice(0, 2).map((i) => i.label).sort(), ['geonames:98180', 'geonames:98182'], refs.map((i) => i.label).join(', '));
    assert.equal(refs[0].textEdit.newText, JSON.stringify(refs[0].label));
    assert.deepEqual(refs[0].textEdit.range.start, sidecarDoc.positionAt(refValue));
    // Elsewhere in the sidecar (a key, the status): nothing from us.
    assert.deepEqual(await complete(json.indexOf('"status"') + 2), []);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: sidecarUri } });
  });

  test('candidates for a selection with a typo are ranked, best first', async () => {
    const start = doc().positionAt(TEXT.indexOf('القوات'));
    const end = doc().positionAt(TEXT.indexOf('القوات') + 'القوات الأمريكية'.length);
    const ranked = await client.connection.sendRequest(CandidatesRequest, { textDocument: { uri }, range: { start, end } });
    assert.equal(ranked[0].ref, 'actor:usa-mil');
    assert.equal(ranked[0].match, 'exact');
  });
});
