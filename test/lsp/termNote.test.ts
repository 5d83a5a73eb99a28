// An office-holder's term against the article's date, over a real LSP connection: «السوداني» is Iraq's prime
// minister from 2022-10-27 (the built-in actors' `valid`); in an article whose file name dates it 2019 the hover
// on the suggestion warns that the date is outside the term, and the ref choices give the same reason; in a 2023
// article, or one without a date, nothing is said.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { RefChoicesRequest } from '../../common/protocol';
import { LspTestClient } from './lspClient';

const TEXT = 'قال رئيس الوزراء السوداني إن الحكومة ماضية في الإصلاح.\n';
const SUDANI = 'actor:mohammed-shia-al-sudani';

describe('office-holders and the article date', () => {
  let client: LspTestClient;
  let ws: string;
  const uris = new Map<string, string>();

  before(async () => {
    ws = await mkdtemp(path.join(tmpdir(), 'hashiya-term-'));
    await writeFile(path.join(ws, 'hashiya.json'), JSON.stringify({ labels: [{ name: 'LOC', kind: 'location' }, { name: 'ACTOR', kind: 'actor' }], builtinGazetteer: true }));
    client = new LspTestClient();
    await client.initialize(ws);
    for (const name of ['speech-2019-05-01.txt', 'speech-2023-05-01.txt', 'speech.txt']) {
      await writeFile(path.join(ws, name), TEXT);
      const uri = await client.open(path.join(ws, name), TEXT);
      uris.set(name, uri);
      await client.until(() => (client.lastState(uri)?.suggestions.some((s) => s.ref === SUDANI) ? true : undefined), `the suggestion in ${name}`, 30_000);
    }
  });
  after(async () => {
    await client.close();
    await rm(ws, { recursive: true, force: true });
  });

  const at = TEXT.indexOf('السوداني');
  const range = { start: { line: 0, character: at }, end: { line: 0, character: at + 'السوداني'.length } };
  const hoverText = async (name: string) => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uris.get(name)! }, position: { line: 0, character: at + 2 } });
    return (hover?.contents as MarkupContent).value;
  };

  test('the hover warns when the article is dated outside the term, and only then', async () => {
    const before2022 = await hoverText('speech-2019-05-01.txt');
    assert.match(before2022, /Mohammed Shia al-Sudani|السوداني/);
    assert.match(before2022, /article's date \(2019-05-01, from its file name\) is outside the term of Prime Minister of Iraq \(2022-10-27 – now\)/);
    assert.doesNotMatch(await hoverText('speech-2023-05-01.txt'), /outside the term/);
    assert.doesNotMatch(await hoverText('speech.txt'), /outside the term/, 'no date, no note');
  });

  test('the ref choices give the same reason', async () => {
    const choices = await client.connection.sendRequest(RefChoicesRequest, { textDocument: { uri: uris.get('speech-2019-05-01.txt')! }, range, label: 'ACTOR' });
    const sudani = choices.choices.find((c) => c.ref === SUDANI);
    assert.ok(sudani, JSON.stringify(choices));
    assert.ok(sudani.reasons.some((r) => /2019-05-01.*outside the term/.test(r)), JSON.stringify(sudani.reasons));
    const later = await client.connection.sendRequest(RefChoicesRequest, { textDocument: { uri: uris.get('speech-2023-05-01.txt')! }, range, label: 'ACTOR' });
    assert.ok(later.choices.find((c) => c.ref === SUDANI)?.reasons.every((r) => !/outside the term/.test(r)));
  });
});
