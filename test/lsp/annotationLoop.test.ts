// The annotation loop over a real LSP connection: one entity per span (relabel, merge on accept, accept-all),
// undo and redo of annotation operations checked in the sidecar on disk after every step (also across text
// edits), and quick fixes in a safe order.
import { strict as assert } from 'node:assert';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeActionRequest, ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnnotateRequest, SetStatusRequest } from '../../common/protocol';
import { type HistoryResult, SERVER_COMMANDS, type SpanArgs } from '../../common/commands';
import { parseSidecar } from '../../server/src/core/sidecar/parse';
import { LspTestClient } from './lspClient';

const TEXT = 'أعلنت القوات الأمريكية انسحابها من قاعدة في بالعراق، وقال مسؤول في ببغداد إن #ذي_قار هادئة.\r\nوأكد 😀 الحشد الشعبي ذلك، وزار الحشد الشعبي بغداد.';

interface Action {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  command: { command: string; arguments: unknown[] };
}

/** A fresh corpus folder with one article; each describe gets its own server and files. */
async function workspace(name: string, text: string) {
  const ws = await mkdtemp(path.join(tmpdir(), `hashiya-loop-${name}-`));
  await cp(path.join(__dirname, '../../samples/hashiya.json'), path.join(ws, 'hashiya.json'));
  await writeFile(path.join(ws, 'news.txt'), text);
  const client = new LspTestClient();
  await client.initialize(ws);
  const uri = await client.open(path.join(ws, 'news.txt'), text);
  const sidecarPath = path.join(ws, 'news.ann.json');
  return { ws, client, uri, sidecarPath };
}

/** The sidecar on disk as `start:end:label:text:ref` lines (entities), sorted as the file keeps them. */
async function onDisk(sidecarPath: string): Promise<{ entities: string[]; rejected: string[]; status: string }> {
  if (!existsSync(sidecarPath)) return { entities: [], rejected: [], status: 'none' };
  const sidecar = parseSidecar(await readFile(sidecarPath, 'utf8')).sidecar!;
  assert.ok(sidecar, 'the sidecar on disk parses');
  const line = (e: { start: number; end: number; label: string; text: string; ref?: string }) => `${e.start}:${e.end}:${e.label}:${e.text}:${e.ref ?? ''}`;
  return { entities: sidecar.entities.map(line), rejected: sidecar.rejected.map(line), status: sidecar.status };
}

/** Code-point offset of the n-th (0-based) occurrence of `word` in `text`. */
function cpOf(text: string, word: string, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(word, at + 1);
  assert.ok(at >= 0, `${word} in the text`);
  return [...text.slice(0, at)].length;
}

function rangeOf(text: string, word: string, n = 0) {
  const doc = TextDocument.create('x', 'x', 1, text);
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(word, at + 1);
  return { start: doc.positionAt(at), end: doc.positionAt(at + word.length) };
}

describe('one entity per span and label set', () => {
  let env: Awaited<ReturnType<typeof workspace>>;
  before(async () => {
    env = await workspace('relabel', TEXT);
    await env.client.until(() => (env.client.lastState(env.uri)?.suggestions.length ? true : undefined), 'suggestions');
  });
  after(async () => {
    await env.client.close();
    await rm(env.ws, { recursive: true, force: true });
  });

  test('annotating a labelled span with another label relabels it; the same label again changes nothing', async () => {
    const { client, uri, sidecarPath } = env;
    const range = rangeOf(TEXT, 'الحشد الشعبي');
    const at = cpOf(TEXT, 'الحشد الشعبي');
    const first = await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range, label: 'ACTOR' });
    assert.equal(first.added, true);
    const second = await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range, label: 'LOC' });
    assert.equal(second.added, false);
    assert.equal(second.relabelled?.label, 'ACTOR');
    assert.equal(second.entity?.label, 'LOC');
    assert.deepEqual((await onDisk(sidecarPath)).entities, [`${at}:${at + 12}:LOC:الحشد الشعبي:`]);
    const third = await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range, label: 'LOC' });
    assert.equal(third.added, false);
    assert.equal(third.relabelled, undefined);
    assert.deepEqual((await onDisk(sidecarPath)).entities, [`${at}:${at + 12}:LOC:الحشد الشعبي:`]);
    // Two entities over the same characters only when asked for.
    const beside = await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range, label: 'ACTOR', onLabelledSpan: 'add' });
    assert.equal(beside.added, true);
    assert.deepEqual((await onDisk(sidecarPath)).entities.sort(), [`${at}:${at + 12}:ACTOR:الحشد الشعبي:`, `${at}:${at + 12}:LOC:الحشد الشعبي:`]);
  });

  test('accepting a suggestion on a span labelled otherwise merges into that entity', async () => {
    const { client, uri, sidecarPath } = env;
    const at = cpOf(TEXT, 'القوات الأمريكية');
    await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: rangeOf(TEXT, 'القوات الأمريكية'), label: 'LOC' });
    const state = await client.until(() => client.lastState(uri)?.suggestions.find((s) => s.start === at && s.label === 'ACTOR'), 'the ACTOR suggestion on the LOC entity');
    const args: SpanArgs = { uri, start: state.start, end: state.end, label: 'ACTOR', ...(state.ref ? { ref: state.ref } : {}), version: client.lastState(uri)!.version, text: state.text };
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.accept, arguments: [args] });
    const here = (await onDisk(sidecarPath)).entities.filter((e) => e.startsWith(`${at}:`));
    assert.deepEqual(here, [`${at}:${at + 16}:ACTOR:القوات الأمريكية:${state.ref ?? ''}`]);
  });

  test('accept-all adds one entity per span and never a second one beside the annotator’s', async () => {
    const { client, uri, sidecarPath } = env;
    const baghdad = cpOf(TEXT, 'بغداد', 1);
    await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: rangeOf(TEXT, 'بغداد', 1), label: 'ACTOR' });
    await client.until(() => client.lastState(uri)?.suggestions.some((s) => s.start === baghdad && s.label === 'LOC'), 'the LOC suggestion on the ACTOR entity');
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.acceptAll, arguments: [{ uri }] });
    const entities = (await onDisk(sidecarPath)).entities;
    const spans = entities.map((e) => e.split(':').slice(0, 2).join(':'));
    // The only span with two entities is the one annotated twice on purpose (onLabelledSpan: add) above.
    const twice = spans.filter((s, i) => spans.indexOf(s) !== i);
    assert.deepEqual(twice, [`${cpOf(TEXT, 'الحشد الشعبي')}:${cpOf(TEXT, 'الحشد الشعبي') + 12}`], entities.join('\n'));
    assert.deepEqual(entities.filter((e) => e.startsWith(`${baghdad}:`)), [`${baghdad}:${baghdad + 5}:ACTOR:بغداد:`]);
  });
});

describe('undo and redo of annotation operations, on disk after every step', () => {
  let env: Awaited<ReturnType<typeof workspace>>;
  const undo = () => env.client.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.undo, arguments: [{ uri: env.uri }] }) as Promise<HistoryResult>;
  const redo = () => env.client.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.redo, arguments: [{ uri: env.uri }] }) as Promise<HistoryResult>;
  before(async () => {
    env = await workspace('undo', TEXT);
    await env.client.until(() => (env.client.lastState(env.uri)?.suggestions.length ? true : undefined), 'suggestions');
  });
  after(async () => {
    await env.client.close();
    await rm(env.ws, { recursive: true, force: true });
  });

  test('annotate, relabel, undo, undo, redo; then a text edit; redo and undo find the moved entity', async () => {
    const { client, uri, sidecarPath } = env;
    const at = cpOf(TEXT, 'الحشد الشعبي', 1);
    const range = rangeOf(TEXT, 'الحشد الشعبي', 1);
    const actor = (s: number) => `${s}:${s + 12}:ACTOR:الحشد الشعبي:`;
    const loc = (s: number) => `${s}:${s + 12}:LOC:الحشد الشعبي:`;
    assert.equal((await undo()).description, undefined, 'nothing to undo yet');

    await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range, label: 'ACTOR' });
    assert.deepEqual((await onDisk(sidecarPath)).entities, [actor(at)]);
    await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range, label: 'LOC' });
    assert.deepEqual((await onDisk(sidecarPath)).entities, [loc(at)]);

    const u1 = await undo();
    assert.match(u1.description!, /relabel/);
    assert.deepEqual((await onDisk(sidecarPath)).entities, [actor(at)]);
    const u2 = await undo();
    assert.match(u2.description!, /annotate/);
    assert.deepEqual((await onDisk(sidecarPath)).entities, []);
    assert.equal((await redo()).redoSteps, 1);
    assert.deepEqual((await onDisk(sidecarPath)).entities, [actor(at)]);

    // Text typed before the entity (an emoji and a CRLF: astral and two-unit line break) moves it by 3 code points.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '😀\r\n' }]);
    const edited = '😀\r\n' + TEXT;
    const moved = cpOf(edited, 'الحشد الشعبي', 1);
    assert.equal(moved, at + 3);
    await client.until(async () => (await onDisk(sidecarPath)).entities[0] === actor(moved) || undefined, 'the sidecar rewritten for the edited text');

    const r2 = await redo();
    assert.match(r2.description!, /relabel/);
    assert.equal(r2.unplaced, 0);
    assert.deepEqual((await onDisk(sidecarPath)).entities, [loc(moved)]);
    await undo();
    assert.deepEqual((await onDisk(sidecarPath)).entities, [actor(moved)]);
    await undo();
    assert.deepEqual((await onDisk(sidecarPath)).entities, []);
    assert.equal((await undo()).description, undefined, 'the history holds two steps');
    await redo();
    assert.deepEqual((await onDisk(sidecarPath)).entities, [actor(moved)]);
  });

  test('reject, accept-all and a status change are undone and redone, each written at once', async () => {
    const { client, uri, sidecarPath } = env;
    const before = await onDisk(sidecarPath);
    const state = await client.settledState(uri);
    const target = state!.suggestions.find((s) => s.text === 'العراق')!;
    assert.ok(target, 'a suggestion to reject');
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.reject, arguments: [{ uri, start: target.start, end: target.end, label: target.label, version: state!.version, text: target.text }] });
    const rejected = await onDisk(sidecarPath);
    assert.deepEqual(rejected.rejected, [`${target.start}:${target.end}:${target.label}:العراق:`]);

    const n = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.acceptAll, arguments: [{ uri }] })) as number;
    assert.ok(n >= 3, `accepted ${n}`);
    const accepted = await onDisk(sidecarPath);
    assert.equal(accepted.entities.length, before.entities.length + n);

    await client.connection.sendRequest(SetStatusRequest, { textDocument: { uri }, status: 'done' });
    assert.equal((await onDisk(sidecarPath)).status, 'done');

    assert.match((await undo()).description!, /status/);
    assert.deepEqual(await onDisk(sidecarPath), accepted);
    assert.match((await undo()).description!, /add \d+ annotations/);
    assert.deepEqual(await onDisk(sidecarPath), rejected);
    assert.match((await undo()).description!, /reject/);
    assert.deepEqual(await onDisk(sidecarPath), before);
    await redo();
    assert.deepEqual(await onDisk(sidecarPath), rejected);
    await redo();
    assert.deepEqual(await onDisk(sidecarPath), accepted);
    await redo();
    assert.equal((await onDisk(sidecarPath)).status, 'done');
    assert.equal((await redo()).description, undefined);
  });
});

describe('quick fixes in a safe order', () => {
  let env: Awaited<ReturnType<typeof workspace>>;
  const actionsAt = async (word: string, n = 0): Promise<Action[]> => {
    const doc = TextDocument.create(env.uri, 'x', 1, TEXT);
    let at = -1;
    for (let i = 0; i <= n; i++) at = TEXT.indexOf(word, at + 1);
    const position = doc.positionAt(at + 1);
    return (await env.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: env.uri }, range: { start: position, end: position }, context: { diagnostics: [] } })) as Action[];
  };
  before(async () => {
    env = await workspace('actions', TEXT);
    await env.client.until(() => (env.client.lastState(env.uri)?.suggestions.length ? true : undefined), 'suggestions');
  });
  after(async () => {
    await env.client.close();
    await rm(env.ws, { recursive: true, force: true });
  });

  test('on a truncated entity the preferred and first fix is Fit to word edges; Remove is last and never preferred', async () => {
    const { client, uri } = env;
    // «الحشد الشعب», one letter short of the word, where the knowledge base suggests «الحشد الشعبي» as ACTOR.
    const full = rangeOf(TEXT, 'الحشد الشعبي');
    await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: { start: full.start, end: { line: full.end.line, character: full.end.character - 1 } }, label: 'LOC' });
    await client.settledState(uri);
    const actions = await actionsAt('الحشد الشعبي');
    const titles = actions.map((a) => a.title).join('\n');
    assert.match(actions[0].title, /^Fit “الحشد الشعب” to word edges/, titles);
    assert.deepEqual(actions.filter((a) => a.isPreferred).map((a) => a.title), [actions[0].title], titles);
    const remove = actions.findIndex((a) => a.title.startsWith('Remove annotation'));
    assert.ok(remove > 0, titles);
    assert.notEqual(actions[remove].isPreferred, true);
    const quickFixes = actions.filter((a) => a.kind === 'quickfix');
    assert.equal(quickFixes[quickFixes.length - 1].title, actions[remove].title, 'Remove is the last quick fix');
    assert.ok(actions.some((a) => a.title === 'Change label of “الحشد الشعب” to ACTOR' && a.kind === 'quickfix'), titles);
  });

  test('on a whole entity no action is preferred and the Quick Fix group (shown first by Ctrl+.) does not open on Remove', async () => {
    const { client, uri } = env;
    await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: rangeOf(TEXT, 'قاعدة'), label: 'LOC' });
    await client.settledState(uri);
    const actions = await actionsAt('قاعدة');
    const titles = actions.map((a) => a.title).join('\n');
    assert.equal(actions.filter((a) => a.isPreferred).length, 0, titles);
    const quickFixes = actions.filter((a) => a.kind === 'quickfix');
    assert.ok(quickFixes.length > 1 && !quickFixes[0].title.startsWith('Remove'), titles);
  });

  test('on a suggestion: accept (preferred), then accept all of that surface form and of that label as quick fixes', async () => {
    const actions = await actionsAt('بغداد', 1);
    const titles = actions.map((a) => a.title).join('\n');
    assert.match(actions[0].title, /^Accept suggestion: LOC “بغداد”/, titles);
    assert.equal(actions[0].isPreferred, true);
    const state = env.client.lastState(env.uri)!;
    // Independent counts: the suggestions the state lists, one per span.
    const spans = (f: (s: (typeof state.suggestions)[number]) => boolean) => new Set(state.suggestions.filter(f).map((s) => `${s.start}:${s.end}`)).size;
    const byText = spans((s) => s.text === 'بغداد');
    const byLabel = spans((s) => s.label === 'LOC');
    assert.equal(byText, 2, 'ببغداد and بغداد');
    const surface = actions.find((a) => a.title === `Accept all ${byText} «بغداد» suggestions in this document`);
    assert.ok(surface && surface.kind === 'quickfix', titles);
    const label = actions.find((a) => a.title === `Accept all ${byLabel} LOC suggestions in this document` && a.kind === 'quickfix');
    assert.ok(label, titles);

    // «بغداد» is the city or the governorate: without a chosen ref, only what the context decides is accepted
    // (here nothing — the editor asks the annotator first, acceptWithRef.ts); with the ref chosen, every one.
    const refs = [...new Set(state.suggestions.filter((s) => s.text === 'بغداد').map((s) => s.ref!))].sort();
    assert.ok(refs.length >= 2, `several refs for بغداد: ${refs.join(', ')}`);
    await env.client.connection.sendRequest(ExecuteCommandRequest.type, surface.command);
    assert.deepEqual((await onDisk(env.sidecarPath)).entities.filter((e) => e.includes(':بغداد:')), [], 'undecided refs stay pending');
    const chosen = refs[refs.length - 1];
    const args = surface.command.arguments[0] as Record<string, unknown>;
    await env.client.connection.sendRequest(ExecuteCommandRequest.type, { command: surface.command.command, arguments: [{ ...args, ref: chosen }] });
    const entities = (await onDisk(env.sidecarPath)).entities.filter((e) => e.includes(':بغداد:'));
    assert.deepEqual(entities.map((e) => e.split(':').slice(0, 3).join(':')), [`${cpOf(TEXT, 'بغداد')}:${cpOf(TEXT, 'بغداد') + 5}:LOC`, `${cpOf(TEXT, 'بغداد', 1)}:${cpOf(TEXT, 'بغداد', 1) + 5}:LOC`]);
    assert.ok(entities.every((e) => e.endsWith(`:${chosen}`)), `every «بغداد» with the chosen ref ${chosen}: ${entities.join(' ')}`);
  });
});
