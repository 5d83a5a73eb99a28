// Top-1 ref accuracy through the path the editor uses: the real server over stdio, each mention in an article of
// a real corpus on disk. "before": the ref of the first suggestion on the span (what accepting took silently);
// "after": the ref hashiya/refChoices preselects in the quick pick (server/src/features/refChoices.ts, which
// calls core disambiguate() with the article's text, its places, the article's country and the corpus's usage).
// Sets as in bench/refChoice.ts: fixtures/ref-choice (103 hand-annotated mentions, one article each, no corpus
// usage) and the seed article (each entity with a ref, in a corpus whose only sidecar is the seed's without
// that entity). Run: `node esbuild.mjs && npx tsx bench/refChoiceLsp.ts [--wrong]`; one JSON line per set.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DidCloseTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { RefChoicesRequest } from '../common/protocol';
import { LspTestClient } from '../test/lsp/lspClient';
import { readMentions } from './refChoice';
import { positionAt } from './lib/lspBench';

const ROOT = path.join(__dirname, '..');
const SEED = path.join(ROOT, 'samples/iraq/dhi-qar-convoy-2020-07-22');

interface Item {
  id: string;
  form: string;
  gold: string;
  /** Folder of its corpus, file name of its article, the article's text, and the mention's UTF-16 offset in it. */
  corpus: string;
  file: string;
  text: string;
  at: number;
}

interface Result {
  set: string;
  mentions: number;
  before: number;
  after: number;
  decisive: number;
  decisiveRight: number;
  asked: number;
  wrong: Array<{ id: string; form: string; gold: string; got?: string }>;
}

const labelOf = (ref: string) => (ref.startsWith('actor:') ? 'ACTOR' : 'LOC');

async function measure(client: LspTestClient, set: string, items: Item[]): Promise<Result> {
  const result: Result = { set, mentions: items.length, before: 0, after: 0, decisive: 0, decisiveRight: 0, asked: 0, wrong: [] };
  for (const item of items) {
    const uri = await client.open(path.join(item.corpus, item.file), item.text);
    const start = [...item.text.slice(0, item.at)].length;
    const end = start + [...item.form].length;
    const state = await client
      .until(() => client.lastState(uri)?.suggestions.some((s) => s.start === start && s.end === end) && client.lastState(uri), `${item.id} suggestions`, 20_000)
      .catch(() => client.lastState(uri));
    const first = state?.suggestions.find((s) => s.start === start && s.end === end && s.label === labelOf(item.gold));
    if (first?.ref === item.gold) result.before++;
    const range = { start: positionAt(item.text, item.at), end: positionAt(item.text, item.at + item.form.length) };
    const choices = await client.connection.sendRequest(RefChoicesRequest, { textDocument: { uri }, range, label: labelOf(item.gold) });
    const got = choices.choices[choices.preselect]?.ref;
    if (got === item.gold) result.after++;
    else result.wrong.push({ id: item.id, form: item.form, gold: item.gold, ...(got ? { got } : {}) });
    if (choices.decisive) {
      result.decisive++;
      if (got === item.gold) result.decisiveRight++;
    } else result.asked++;
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }
  return result;
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'hashiya-refchoice-'));
  const config = readFileSync(path.join(ROOT, 'samples/hashiya.json'), 'utf8');
  try {
    // One corpus for the mentions, one article each.
    const mentionsDir = path.join(work, 'mentions');
    mkdirSync(mentionsDir);
    writeFileSync(path.join(mentionsDir, 'hashiya.json'), config);
    const mentions: Item[] = readMentions().map((m, i) => {
      const text = m.textBefore + m.form + m.textAfter;
      const file = `m${String(i).padStart(3, '0')}.txt`;
      writeFileSync(path.join(mentionsDir, file), text);
      return { id: m.id, form: m.form, gold: m.gold, corpus: mentionsDir, file, text, at: m.textBefore.length };
    });
    // The seed: a corpus per entity, whose sidecar is the seed's without that entity.
    const seedText = readFileSync(`${SEED}.txt`, 'utf8');
    const sidecar = JSON.parse(readFileSync(`${SEED}.ann.json`, 'utf8')) as { entities: Array<{ start: number; end: number; text: string; ref?: string }> };
    const codePoints = [...seedText];
    const seed: Item[] = sidecar.entities
      .filter((e) => e.ref)
      .map((e, i) => {
        const dir = path.join(work, `seed${i}`);
        mkdirSync(dir);
        writeFileSync(path.join(dir, 'hashiya.json'), config);
        cpSync(`${SEED}.txt`, path.join(dir, 'seed.txt'));
        const others = { ...sidecar, text: 'seed.txt', entities: sidecar.entities.filter((o) => o !== e) };
        writeFileSync(path.join(dir, 'seed.ann.json'), JSON.stringify(others, null, 2) + '\n');
        return { id: `seed-${e.start}`, form: e.text, gold: e.ref!, corpus: dir, file: 'seed.txt', text: seedText, at: codePoints.slice(0, e.start).join('').length };
      });
    const client = new LspTestClient();
    await client.initialize(work);
    try {
      for (const [set, items] of [
        ['ambiguous mentions (fixtures/ref-choice)', mentions],
        ['seed article (samples/iraq)', seed],
      ] as const) {
        const r = await measure(client, set, items);
        const { wrong, ...figures } = r;
        console.log(JSON.stringify({ ...figures, top1Before: +(r.before / r.mentions).toFixed(3), top1After: +(r.after / r.mentions).toFixed(3) }));
        if (process.argv.includes('--wrong')) for (const w of wrong) console.log('  wrong', JSON.stringify(w));
      }
    } finally {
      await client.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
