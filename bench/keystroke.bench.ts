// The cost of a keystroke inside the server, without the stdio round trip: the server's methods called directly
// (HashiyaServer with the built-in gazetteer, as dist/server.js builds it) on the 1 MB WikiFANE article of
// bench/server.bench.ts scenario (a). Each keystroke is a didChange followed by a hover (the request an editor sends
// right after it); the time runs until the hover is answered, and the CPU time until the work the keystroke queued
// is done (publishing the state delta, serialised as the connection would). Less sensitive to load than the stdio
// bench.
// Run alone: node --import tsx bench/keystroke.bench.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { LANGUAGE_ID } from '../common/protocol';
import { HashiyaServer } from '../server/src/lsp/hashiyaServer';
import { PUBLISH_AFTER_TYPING_MS } from '../server/src/lsp/statePublisher';
import { GazetteerKnowledge } from '../server/src/workspace/knowledgeProvider';
import { wikifaneText } from './lib/data';
import { emit, median, percentile } from './lib/report';

const CONFIG = JSON.stringify({ labels: [{ name: 'LOC', title: 'Location', color: '#2e7d32', kind: 'location' }, { name: 'ACTOR', title: 'Actor', color: '#1565c0', kind: 'actor' }], builtinGazetteer: true });
const KEYSTROKES = 300;

function article(text: string, bytes: number): string {
  let out = '';
  for (const line of text.split('\n')) {
    if (Buffer.byteLength(out) >= bytes) break;
    out += line + '\n';
  }
  return out;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hashiya-keystroke-bench-'));
  try {
    mkdirSync(path.join(dir, 'articles'));
    writeFileSync(path.join(dir, 'articles', 'hashiya.json'), CONFIG);
    const body = article(wikifaneText(), 1_000_000);
    const file = path.join(dir, 'articles', 'typing-1mb.txt');
    writeFileSync(file, body);
    let bytes = 0;
    let suggestions = 0;
    const send = (message: unknown) => (bytes += Buffer.byteLength(JSON.stringify(message)));
    const server = new HashiyaServer(
      {
        publishDiagnostics: (uri, diagnostics) => send({ uri, diagnostics }),
        sendState: (state) => {
          suggestions = state.suggestions.length;
          send(state);
        },
        sendStateDelta: (delta) => send(delta),
        refreshSemanticTokens: () => undefined,
        log: () => undefined,
      },
      new GazetteerKnowledge(),
    );
    server.setWorkspaceRoots([URI.file(path.join(dir, 'articles')).toString()]);
    const uri = URI.file(file).toString();
    await server.didOpen({ textDocument: { uri, languageId: LANGUAGE_ID, version: 1, text: body } });
    // Until the knowledge base is loaded and the article matched (the state is resent whole once).
    for (let waited = 0; waited < 60_000; waited += 50) {
      const state = await server.documentState({ textDocument: { uri } });
      if (state && state.suggestions.length > 0) {
        suggestions = state.suggestions.length;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (suggestions === 0) throw new Error('no suggestions on the 1 MB article within 60 s');
    const line = body.slice(0, body.indexOf('\n', body.length >> 1) + 1).split('\n').length - 1;
    const answered: number[] = [];
    const perKeystroke: number[] = [];
    // CPU time of the process (all its threads, garbage collection included) per keystroke: what the keystroke
    // costs regardless of how much of the machine the process gets.
    const cpu: number[] = [];
    let version = 1;
    // HASHIYA_KEYSTROKE_PROFILE=file.cpuprofile: a CPU profile of the typing alone.
    const profileTo = process.env.HASHIYA_KEYSTROKE_PROFILE;
    const inspector = profileTo ? new (await import('node:inspector/promises')).Session() : undefined;
    if (inspector) {
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
      await inspector.post('Profiler.start');
    }
    for (let k = 0; k < KEYSTROKES; k++) {
      // The same typing as the stdio bench: five letters and a space at the start of a line in the middle.
      const at = { line, character: k % 150 };
      const before = bytes;
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const change = server.didChange({ textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: at, end: at }, text: k % 6 === 5 ? ' ' : 'ب' }] });
      await server.hover({ textDocument: { uri }, position: at });
      answered.push(performance.now() - t0);
      await change;
      // Whatever the keystroke left for later (the state, sent PUBLISH_AFTER_TYPING_MS later) is part of its cost:
      // counted in CPU time, since the wall time now includes that wait.
      await new Promise((resolve) => setTimeout(resolve, PUBLISH_AFTER_TYPING_MS + 1));
      const used = process.cpuUsage(cpu0);
      cpu.push((used.user + used.system) / 1000);
      perKeystroke.push(bytes - before);
    }
    if (inspector && profileTo) {
      const { profile } = await inspector.post('Profiler.stop');
      writeFileSync(profileTo, JSON.stringify(profile));
    }
    emit('inProcess.keystroke1MB.hoverAnswered.median', median(answered), 'ms', { p90: percentile(answered, 0.9), p99: percentile(answered, 0.99), keystrokes: KEYSTROKES, suggestions });
    emit('inProcess.keystroke1MB.cpu.median', median(cpu), 'ms', { p90: percentile(cpu, 0.9), p99: percentile(cpu, 0.99), mean: cpu.reduce((a, b) => a + b, 0) / cpu.length });
    emit('inProcess.keystroke1MB.bytes.median', median(perKeystroke), 'bytes');
    await server.didClose({ textDocument: { uri } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
