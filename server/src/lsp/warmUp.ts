// One throwaway pass over the path an annotator walks, run while the server starts: a corpus of one article in a
// temporary folder is opened, annotated, typed in, hovered, completed, closed, opened again with its sidecar and
// indexed. Code that runs for the first time is compiled first and interpreted after, several times slower than
// later runs: without this, the first article the annotator opens pays about 30 ms of it on top of its own work,
// and the first slices of background work (loading the gazetteers, indexing) stand in front of the first
// keystroke for as long. Nothing here touches the workspace; the folder is removed afterwards.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { LANGUAGE_ID } from '../../../common/protocol';
import { nodeSessionFiles } from '../session/sessionFiles';
import { GazetteerKnowledge } from '../workspace/knowledgeProvider';
import { HashiyaServer } from './hashiyaServer';

const ARTICLE = 'بغداد - قالت بعثة الأمم المتحدة في العراق إن وفدا زار البصرة ثم عاد إلى بغداد.\r\nوصل الوفد إلى الموصل 😀 صباح اليوم.\n';
const GAZETTEER = [
  { id: 'geonames:98182', label: 'LOC', names: ['بغداد'], description: 'capital of Iraq', kind: 'capital', country: 'IQ', governorate: 'Baghdad' },
  { id: 'geonames:99532', label: 'LOC', names: ['البصرة', 'بصرة'], kind: 'city', country: 'IQ', governorate: 'Basra' },
  { id: 'geonames:99072', label: 'LOC', names: ['الموصل'], kind: 'city', country: 'IQ' },
  { id: 'actor:unami', label: 'ACTOR', names: ['بعثة الأمم المتحدة'], kind: 'organisation', valid: { from: '2003-08-14' } },
]
  .map((entry) => JSON.stringify(entry))
  .join('\n');
const CONFIG = JSON.stringify({
  labels: [
    { name: 'LOC', title: 'Location', color: '#2e7d32', kind: 'location' },
    { name: 'ACTOR', title: 'Actor', color: '#1565c0', kind: 'actor' },
  ],
  gazetteers: [{ path: 'places.jsonl', format: 'jsonl' }],
  builtinGazetteer: false,
});

/**
 * Runs the pass; never throws (a server that cannot warm up starts cold). Resolves with its duration in ms, and
 * what went wrong if it did not finish.
 */
export async function warmUp(): Promise<{ ms: number; error?: string }> {
  const started = performance.now();
  let dir: string | undefined;
  let error: string | undefined;
  try {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiya-warm-up-'));
    await pass(dir);
  } catch (e) {
    // A read-only temporary folder, or anything else: the first article is opened cold, nothing more.
    error = e instanceof Error ? e.message : String(e);
  } finally {
    if (dir) await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
  return { ms: performance.now() - started, ...(error ? { error } : {}) };
}

async function pass(dir: string): Promise<void> {
  await Promise.all([
    fs.writeFile(path.join(dir, 'hashiya.json'), CONFIG),
    fs.writeFile(path.join(dir, 'places.jsonl'), GAZETTEER),
    fs.writeFile(path.join(dir, 'article.txt'), ARTICLE),
  ]);
  const silent = () => undefined;
  const logged: string[] = [];
  // No text history: closing with unsaved text would keep it in the user's cache of texts.
  const server = new HashiyaServer(
    { publishDiagnostics: silent, sendState: silent, sendStateDelta: silent, refreshSemanticTokens: silent, log: (message) => logged.push(message) },
    new GazetteerKnowledge(),
    nodeSessionFiles,
    { find: async () => undefined, remember: async () => undefined },
  );
  server.setWorkspaceRoots([URI.file(dir).toString()]);
  const uri = URI.file(path.join(dir, 'article.txt')).toString();
  const textDocument = { uri };
  const at = (offset: number) => ({ line: 0, character: offset });

  // No sidecar yet: opened, the gazetteer loaded, a span annotated (the sidecar written under its lock).
  await server.didOpen({ textDocument: { uri, languageId: LANGUAGE_ID, version: 1, text: ARTICLE } });
  await server.workspaceSymbols({ query: 'بغداد' });
  await server.annotate({ textDocument, range: { start: at(0), end: at(5) }, label: 'LOC', ref: 'geonames:98182' });
  if (!(await server.hover({ textDocument, position: at(2) }))) throw new Error('no hover on the annotated span');
  await server.completion({ textDocument, position: at(60) });
  await server.didClose({ textDocument });

  // Opened again with its sidecar (read, checked, placed), typed in, asked about, closed (the sidecar written).
  await server.didOpen({ textDocument: { uri, languageId: LANGUAGE_ID, version: 1, text: ARTICLE } });
  await server.didChange({ textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'ب' }] });
  if (!(await server.hover({ textDocument, position: at(2) }))) throw new Error('the annotation was not read back from its sidecar');
  await server.semanticTokens({ textDocument });
  await server.codeActions({ textDocument, range: { start: at(50), end: at(56) }, context: { diagnostics: [] } });
  await server.workspaceSymbols({ query: 'بغداد' });
  await server.didClose({ textDocument });
  await server.flush();
  if (logged.length > 0) throw new Error(logged.join('; '));
}
