// Load: the bundled server over stdio takes thousands of rapid edits interleaved with annotation requests on a
// large article, none awaited before the next is sent. Every request must be answered, the server's memory must
// stay bounded, and the sidecar at the end must be valid for the final text and hold every annotation made.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnnotateRequest } from '../../common/protocol';
import { parseSidecar } from '../../server/src/core/sidecar/parse';
import { validateSidecar } from '../../server/src/core/sidecar/validate';
import { sha256Hex } from '../../server/src/core/text/hash';
import { LspTestClient } from './lspClient';

const EDITS = 1000;
const ANNOTATE_EVERY = 10;
// The server holds the built-in knowledge base and the article; V8 grows its heap lazily under a burst of
// messages (419 MB was seen after 3,000 edits). The bound catches a leak, not a tight budget.
const RSS_LIMIT_MB = 600;
let ws = '';
after(() => rm(ws, { recursive: true, force: true }));

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

test(`${EDITS} rapid edits and ${EDITS / ANNOTATE_EVERY} annotations on a 200 KB article: every request answered, memory bounded, the sidecar complete`, async () => {
  ws = await mkdtemp(path.join(tmpdir(), 'hashiya-stress-'));
  await cp(path.join(__dirname, '../../samples/hashiya.json'), path.join(ws, 'hashiya.json'));
  // The seed article repeated to about 200 KB (real Arabic news text, 36 annotations per copy in the seed).
  const seed = readFileSync(path.join(__dirname, '../../samples/iraq/dhi-qar-convoy-2020-07-22.txt'), 'utf8');
  let text = '';
  while (Buffer.byteLength(text) < 200_000) text += seed + '\n';
  const file = path.join(ws, 'long.txt');
  await writeFile(file, text);
  const client = new LspTestClient();
  try {
    await client.initialize(ws);
    const uri = await client.open(file, text);
    await client.until(() => client.lastState(uri), 'the first state', 30_000);
    let doc = TextDocument.create(uri, 'x', 1, text);
    const words = [...text.matchAll(/[\p{L}\p{M}]{4,}/gu)];
    const latencies: number[] = [];
    const requests: Array<Promise<unknown>> = [];
    const annotated: string[] = [];
    let version = 1;
    const started = performance.now();
    for (let i = 0; i < EDITS; i++) {
      // Type a letter at the start of a line spread over the article (never inside an annotated word).
      const line = (i * 37) % doc.lineCount;
      const change = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: i % 7 === 6 ? ' ' : 'ـ' };
      doc = TextDocument.update(doc, [change], ++version);
      void client.change(uri, version, [change]);
      if (i % ANNOTATE_EVERY === 0) {
        // A word of the current text, annotated as ACTOR; its text is what must be on disk at the end.
        const current = doc.getText();
        const w = words[(i / ANNOTATE_EVERY) % words.length][0];
        const at = current.indexOf(` ${w} `, (i * 101) % current.length);
        if (at === -1) continue;
        const range = { start: doc.positionAt(at + 1), end: doc.positionAt(at + 1 + w.length) };
        const sent = performance.now();
        requests.push(
          client.connection.sendRequest(AnnotateRequest, { textDocument: { uri }, range, label: 'ACTOR' }).then(() => {
            latencies.push(performance.now() - sent);
            annotated.push(`${[...current.slice(0, at + 1)].length}:${w}`);
          }),
        );
      } else if (i % ANNOTATE_EVERY === 5) {
        const sent = performance.now();
        requests.push(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 1 } }).then(() => latencies.push(performance.now() - sent)));
      }
    }
    await Promise.all(requests);
    const elapsed = performance.now() - started;
    assert.equal(latencies.length, requests.length, 'every request answered');
    const final = doc.getText();
    await client.until(async () => {
      const s = parseSidecar(await readFile(path.join(ws, 'long.ann.json'), 'utf8')).sidecar;
      return s && s.sha256 === sha256Hex(Buffer.from(final, 'utf8'));
    }, 'the sidecar written for the final text', 30_000);
    const parsed = parseSidecar(await readFile(path.join(ws, 'long.ann.json'), 'utf8'));
    assert.deepEqual(validateSidecar(parsed, { text: final, sha256: sha256Hex(Buffer.from(final, 'utf8')) }, { labels: new Set(['LOC', 'ACTOR']) }), []);
    // Every acknowledged annotation is there, with its text (later edits only ever typed at line starts).
    const onDisk = new Set(parsed.sidecar!.entities.filter((e) => e.label === 'ACTOR').map((e) => e.text));
    for (const a of annotated) assert.ok(onDisk.has(a.split(':')[1]), `annotation ${a} missing`);
    assert.ok(annotated.length >= EDITS / ANNOTATE_EVERY / 2, `annotations made: ${annotated.length}`);
    const rss = peakRssMb(client.pid!);
    assert.ok(rss < RSS_LIMIT_MB, `peak RSS ${rss.toFixed(0)} MB`);
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
    process.stdout.write(`# stress: ${EDITS} edits and ${requests.length} requests in ${(elapsed / 1000).toFixed(1)} s; request latency p50 ${p(0.5)} ms, p99 ${p(0.99)} ms; peak RSS ${rss.toFixed(0)} MB; ${annotated.length} annotations on disk\n`);
  } finally {
    await client.close();
  }
});
