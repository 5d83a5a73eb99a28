// The server killed (SIGKILL) at random moments while annotations pour in, many times over: the sidecar on disk
// is always a whole file (the old one or the new one), every annotation the server acknowledged is in it, and
// the next server that opens the article leaves no temporary or lock file behind.
import { strict as assert } from 'node:assert';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnnotateRequest } from '../../common/protocol';
import { parseSidecar } from '../../server/src/core/sidecar/parse';
import { decodeArticle } from '../../server/src/core/text/codePoints';
import { LspTestClient } from './lspClient';

const SAMPLES = path.join(__dirname, '../../samples');
const ARTICLE = 'iraq/dhi-qar-convoy-2020-07-22.txt';
const SIDECAR = 'iraq/dhi-qar-convoy-2020-07-22.ann.json';
const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 25);
let ws = '';
after(() => rm(ws, { recursive: true, force: true }));

/** A small deterministic generator, so that a failing run can be repeated. */
function random(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return x / 2 ** 32;
  };
}

test(`killed ${ITERATIONS} times mid-annotation: whole sidecars, every acknowledged annotation kept, no debris after the next start`, async () => {
  ws = await mkdtemp(path.join(tmpdir(), 'hashiya-crash-'));
  await cp(SAMPLES, ws, { recursive: true });
  const articlePath = path.join(ws, ARTICLE);
  const sidecarPath = path.join(ws, SIDECAR);
  const text = decodeArticle(await readFile(articlePath)).text;
  const doc = TextDocument.create('file:///x', 'x', 1, text);
  // Every word of the article, in order: each iteration annotates the next ones as ACTOR.
  const words = [...text.matchAll(/[\p{L}\p{M}]{3,}/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
  const rnd = random(20261129);
  const acknowledged: Array<{ text: string; start: number }> = [];
  let next = 0;
  let killedWhileWriting = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const client = new LspTestClient();
    await client.initialize(ws);
    const uri = await client.open(articlePath, text);
    await client.until(() => client.lastState(uri), `state in iteration ${i}`);
    // The open (which removes debris after showing the article) is done once a request queued after it returns.
    await client.settledState(uri);
    // Debris of the previous kill is gone.
    const debris = (await readdir(path.dirname(sidecarPath))).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'));
    assert.deepEqual(debris, [], `iteration ${i}: left over from the kill before`);
    const killAfter = 5 + Math.floor(rnd() * 60);
    const inFlight: Array<Promise<unknown>> = [];
    // The first annotation of each round is awaited, so that every round has written at least once before the
    // kill comes at a random moment of the burst that follows.
    if (next < words.length) {
      const w = words[next++];
      await client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range: { start: doc.positionAt(w.start), end: doc.positionAt(w.end) }, label: 'ACTOR' });
      acknowledged.push({ text: w.text, start: [...text.slice(0, w.start)].length });
    }
    const started = Date.now();
    while (Date.now() - started < killAfter && next < words.length) {
      const w = words[next++];
      const range = { start: doc.positionAt(w.start), end: doc.positionAt(w.end) };
      inFlight.push(
        client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range, label: 'ACTOR' }).then(
          () => acknowledged.push({ text: w.text, start: [...text.slice(0, w.start)].length }),
          () => undefined,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, rnd() * 4));
    }
    await client.kill();
    await Promise.allSettled(inFlight.map((p) => Promise.race([p, new Promise((r) => setTimeout(r, 50))])));
    const names = await readdir(path.dirname(sidecarPath));
    if (names.some((f) => f.endsWith('.tmp') || f.endsWith('.lock'))) killedWhileWriting++;
    // Whatever moment the kill came at, the sidecar is a whole file that parses.
    const parsed = parseSidecar(await readFile(sidecarPath, 'utf8'));
    assert.ok(parsed.sidecar, `iteration ${i}: the sidecar is not whole: ${JSON.stringify(parsed.problems.slice(0, 2))}`);
    const onDisk = new Set(parsed.sidecar.entities.filter((e) => e.label === 'ACTOR').map((e) => `${e.start}:${e.text}`));
    for (const a of acknowledged) assert.ok(onDisk.has(`${a.start}:${a.text}`), `iteration ${i}: acknowledged annotation ${a.text}@${a.start} missing`);
  }
  assert.ok(acknowledged.length >= ITERATIONS, `annotations were acknowledged (${acknowledged.length})`);
  process.stdout.write(`# crash test: ${ITERATIONS} kills, ${acknowledged.length} acknowledged annotations, ${killedWhileWriting} kills left a temporary or lock file\n`);
});
