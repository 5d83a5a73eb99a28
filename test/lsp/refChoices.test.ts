// Choosing a ref over a real LSP connection: hashiya/refChoices lists each thing once across the built-in
// gazetteer, a corpus gazetteer and corpus memory, with its kind and place, the corpus's ref for the form first,
// the context's choice named and whether it decides; completion ranks by the article's country and the corpus's
// usage; accept-all leaves undecided refs pending; nothing the server sends carries invisible marks. Expected
// orders come from test/lsp/fixtures/ref-ranking.json, written by hand.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type CompletionItem, CompletionRequest, ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_COMMANDS } from '../../common/commands';
import { RefChoicesRequest, type RefChoicesResult } from '../../common/protocol';
import { createHash } from 'node:crypto';
import { LspTestClient } from './lspClient';

interface Fixture {
  corpus: Record<string, unknown>;
  articles: Record<string, string>;
  cases: Array<{ article: string; word: string; occurrence: number; first: string }>;
  choices: Array<{ article: string; word: string; occurrence: number; refs: string[]; preselect: string; decisive: boolean; corpusFirst?: string }>;
}
const FIXTURE = JSON.parse(readFileSync(path.join(__dirname, 'fixtures/ref-ranking.json'), 'utf8')) as Fixture;
const EARLIER = FIXTURE.corpus['earlier.txt'] as string;
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
// A corpus gazetteer: Kirkuk city again under the built-in ref (one choice, two sources), and an entry whose
// description carries an RLM (as text copied from the web does), so that the check for invisible marks can fail.
const LOCAL_TSV = 'كركوك\tLOC\tgeonames:94787\nقلعة كركوك\tLOC\tlocal:kirkuk-citadel\tقلعة\u200F كركوك الأثرية\n';

function sidecar(text: string, status: string, entities: Array<{ start: number; end: number; label: string; text: string; ref?: string }>): string {
  return JSON.stringify({ hashiya: 1, text: 'earlier.txt', sha256: createHash('sha256').update(text).digest('hex'), status, entities, rejected: [] }, null, 2) + '\n';
}

describe('ref choices and completion ranking', () => {
  let client: LspTestClient;
  let ws: string;
  const uris = new Map<string, string>();
  const docs = new Map<string, TextDocument>();

  /** The UTF-16 range of the nth occurrence (1-based) of a word in an article. */
  function rangeOf(article: string, word: string, occurrence: number) {
    const text = FIXTURE.articles[article];
    let at = -1;
    for (let i = 0; i < occurrence; i++) at = text.indexOf(word, at + 1);
    assert.ok(at >= 0, `${word} #${occurrence} in ${article}`);
    const doc = docs.get(article)!;
    return { start: doc.positionAt(at), end: doc.positionAt(at + word.length) };
  }

  before(async () => {
    ws = await mkdtemp(path.join(tmpdir(), 'hashiya-refs-'));
    await writeFile(path.join(ws, 'hashiya.json'), JSON.stringify({ labels: [{ name: 'LOC', kind: 'location' }, { name: 'ACTOR', kind: 'actor' }], builtinGazetteer: true, proclitics: 'exclude', gazetteers: [{ path: 'local.tsv' }] }));
    await writeFile(path.join(ws, 'local.tsv'), LOCAL_TSV);
    await writeFile(path.join(ws, 'earlier.txt'), EARLIER);
    const at = [...EARLIER.slice(0, EARLIER.indexOf('بغداد'))].length;
    const ref = (FIXTURE.corpus['earlier.ann.json refs'] as Record<string, string>)['بغداد'];
    await writeFile(path.join(ws, 'earlier.ann.json'), sidecar(EARLIER, 'done', [{ start: at, end: at + 5, label: 'LOC', text: 'بغداد', ref }]));
    client = new LspTestClient();
    await client.initialize(ws);
    for (const [name, text] of Object.entries(FIXTURE.articles)) {
      await writeFile(path.join(ws, name), text);
      const uri = await client.open(path.join(ws, name), text);
      uris.set(name, uri);
      docs.set(name, TextDocument.create(uri, 'x', 1, text));
      await client.until(() => (client.lastState(uri)?.suggestions.length ? true : undefined), `suggestions of ${name}`, 30_000);
    }
  });
  after(async () => {
    await client.close();
    await rm(ws, { recursive: true, force: true });
  });

  const choicesFor = (article: string, word: string, occurrence: number, label?: string) =>
    client.connection.sendRequest(RefChoicesRequest, { textDocument: { uri: uris.get(article)! }, range: rangeOf(article, word, occurrence), ...(label ? { label } : {}) });

  test('completion ranks the article-country and corpus refs first (hand-made expectations)', async () => {
    for (const c of FIXTURE.cases) {
      const { start, end } = rangeOf(c.article, c.word, c.occurrence);
      // The corpus index and memory load in the background: ask until the answer settles or time runs out.
      let items: CompletionItem[] = [];
      const first = () => (items[0]?.command?.arguments?.[0] as { ref?: string } | undefined)?.ref;
      await client
        .until(async () => {
          items = ((await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uris.get(c.article)! }, position: { line: end.line, character: end.character - 1 } })) ?? []) as CompletionItem[];
          return first() === c.first ? true : undefined;
        }, `${c.word} in ${c.article}`, 8000)
        .catch(() => undefined);
      assert.equal(first(), c.first, `${c.word} in ${c.article} at ${JSON.stringify(start)}: ${items.slice(0, 5).map((i) => i.label + ' ' + i.detail).join(' | ')}`);
    }
  });

  test('refChoices: one entry per ref across built-in, gazetteer and corpus; kind and place shown; the corpus ref first', async () => {
    for (const c of FIXTURE.choices) {
      let result: RefChoicesResult | undefined;
      await client
        .until(async () => {
          result = await choicesFor(c.article, c.word, c.occurrence, 'LOC');
          return !c.corpusFirst || result.choices[0]?.ref === c.corpusFirst ? true : undefined;
        }, 'the corpus index', 8000)
        .catch(() => undefined);
      const got = result!;
      const refs = got.choices.map((x) => x.ref);
      assert.deepEqual([...refs].sort(), [...c.refs].sort(), `${c.word} #${c.occurrence}: each ref once`);
      if (c.corpusFirst) {
        assert.equal(refs[0], c.corpusFirst);
        assert.ok(got.choices[0].corpusUses > 0, 'the corpus ref is marked with its uses');
        assert.ok(got.choices.slice(1).every((x) => x.corpusUses === 0));
      }
      assert.equal(got.choices[got.preselect]?.ref, c.preselect, `${c.word} #${c.occurrence}: preselected ${JSON.stringify(got.choices[got.preselect])}`);
      assert.equal(got.decisive, c.decisive, `${c.word} #${c.occurrence}: decisive`);
      for (const x of got.choices) {
        assert.match(x.detail, /^(city|governorate) · /, `kind first: ${x.detail}`);
        assert.match(x.detail, /\bIQ\b/, `country: ${x.detail}`);
      }
    }
    const kirkuk = await choicesFor('iraq.txt', 'كركوك', 1, 'LOC');
    const city = kirkuk.choices.find((x) => x.ref === 'geonames:94787')!;
    assert.deepEqual(city.sources, ['gazetteer:local.tsv', 'builtin'], 'the corpus gazetteer and the built-in one give one choice');
    assert.match(city.detail, /pop\. [\d,]+/, 'population where GeoNames has it');
  });

  test('refChoices refuses a label the corpus does not define', async () => {
    await assert.rejects(choicesFor('iraq.txt', 'كركوك', 1, 'PERSONNE'), /label/);
  });

  test('accept-all accepts decided refs and leaves undecided ones pending with a count', async () => {
    const uri = uris.get('iraq.txt')!;
    const state = (await client.settledState(uri))!;
    const before = client.messages.length;
    const n = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.acceptAll, arguments: [{ uri, label: 'LOC', version: state.version }] })) as number;
    const after = (await client.settledState(uri))!;
    const kirkuk = after.entities.filter((e) => e.text === 'كركوك');
    assert.deepEqual(kirkuk.map((e) => e.ref), ['geonames:98410'], 'only «محافظ كركوك» (the governorate) is accepted; «في كركوك» stays pending');
    assert.ok(after.suggestions.some((s) => s.text === 'كركوك' && s.label === 'LOC' && s.start < kirkuk[0].start), 'the undecided span is still suggested');
    assert.ok(n >= 2, `accepted ${n}`);
    const message = await client.until(() => client.messages.slice(before).find((m) => /pending/.test(m)), 'the pending count');
    assert.match(message, /Accepted \d+ suggestions?; 1 left pending/);
    const disk = JSON.parse(await readFile(path.join(ws, 'iraq.ann.json'), 'utf8')) as { entities: Array<{ text: string; ref?: string }> };
    assert.deepEqual(disk.entities.filter((e) => e.text === 'كركوك').map((e) => e.ref), ['geonames:98410']);
  });

  test('no invisible characters in what completion and refChoices send, over every built-in entry', async () => {
    const entries = ['places.jsonl', 'actors.jsonl'].flatMap((f) =>
      readFileSync(path.join(__dirname, '../../data/builtin', f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { id: string; label: string; names: string[] }),
    );
    assert.ok(entries.length > 2000, `${entries.length} built-in entries`);
    const names = [...new Set(entries.map((e) => e.names[0]))];
    const text = names.join('\n') + '\n' + 'قلعة كركوك\n';
    const file = path.join(ws, 'names.txt');
    await writeFile(file, text);
    const uri = await client.open(file, text);
    const doc = TextDocument.create(uri, 'x', 1, text);
    await client.until(() => (client.lastState(uri)?.suggestions.length ? true : undefined), 'suggestions of names.txt', 30_000);
    const lines = text.split('\n').slice(0, -1);
    let checked = 0;
    let seenLocal = false;
    const problems: string[] = [];
    const check = (where: string, value: unknown) => {
      checked++;
      if (typeof value === 'string' && INVISIBLE.test(value)) problems.push(`${where}: ${JSON.stringify(value)}`);
    };
    for (let i = 0; i < lines.length; i += 40) {
      await Promise.all(
        lines.slice(i, i + 40).map(async (line, k) => {
          const n = i + k;
          const range = { start: { line: n, character: 0 }, end: { line: n, character: line.length } };
          const end = doc.positionAt(doc.offsetAt(range.end));
          const items = ((await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: end })) ?? []) as CompletionItem[];
          for (const item of items) {
            check(`completion label ${line}`, item.label);
            check(`completion detail ${line}`, item.detail);
            check(`completion labelDetails ${line}`, item.labelDetails?.detail);
            check(`completion labelDetails ${line}`, item.labelDetails?.description);
            check(`completion documentation ${line}`, typeof item.documentation === 'object' ? item.documentation.value : item.documentation);
          }
          const choices = await client.connection.sendRequest(RefChoicesRequest, { textDocument: { uri }, range });
          for (const c of choices.choices) {
            for (const value of [c.name, c.detail, c.description, ...c.reasons]) check(`refChoices ${line}`, value);
            if (c.ref === 'local:kirkuk-citadel') {
              seenLocal = true;
              assert.equal(c.description, 'قلعة كركوك الأثرية', 'the RLM of the corpus gazetteer is not sent');
            }
          }
        }),
      );
    }
    assert.ok(seenLocal, 'the corpus gazetteer entry with an RLM was among the answers');
    assert.ok(checked > 10_000, `${checked} strings checked`);
    assert.deepEqual(problems.slice(0, 10), []);
  });
});
