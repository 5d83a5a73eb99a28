// The corpus tree, Compare with HEAD and the rename of a ref on a corpus of 10,000 articles in a git repository,
// through the bundled server over its real stdio LSP connection (the requests a VS Code client sends). The corpus
// repeats the sample article under 10,000 names (100 folders × 100); 100 sidecars are changed since HEAD and carry
// a ref of their own (the one renamed). One article is open, so the knowledge base is loaded and the open
// suggestions of the closed articles are counted in the background while the tree's requests are timed.
// Prints one JSON line per figure. Run alone: node --import tsx bench/corpusView.bench.ts [ARTICLES]
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CorpusDocumentsRequest, CorpusSummariesRequest, RenameRefPreviewRequest, RenameRefRequest, RenderAnnotationsRequest } from '../common/corpusView';
import { decodeArticle } from '../server/src/core/text/codePoints';
import { BenchClient } from './lib/lspBench';
import { emit, median } from './lib/report';

const ROOT = path.join(__dirname, '..');
const ARTICLES = Number(process.argv[2] ?? 10_000);
const PER_FOLDER = 100;
const CHANGED = Math.max(1, Math.round(ARTICLES / 100));
const ROUNDS = 5;
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.org', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.org' };

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-bench-view-'));
  try {
    const corpus = path.join(dir, 'corpus');
    const sampleDir = path.join(ROOT, 'samples/iraq');
    const articleBytes = await readFile(path.join(sampleDir, 'dhi-qar-convoy-2020-07-22.txt'));
    const sidecar = await readFile(path.join(sampleDir, 'dhi-qar-convoy-2020-07-22.ann.json'), 'utf8');
    await cp(path.join(ROOT, 'samples/hashiya.json'), path.join(corpus, 'hashiya.json'));
    const files: string[] = [];
    for (let i = 0; i < ARTICLES; i++) {
      const folder = `f${String(Math.floor(i / PER_FOLDER)).padStart(3, '0')}`;
      const name = `a${String(i).padStart(5, '0')}`;
      if (i % PER_FOLDER === 0) await mkdir(path.join(corpus, folder), { recursive: true });
      await writeFile(path.join(corpus, folder, `${name}.txt`), articleBytes);
      await writeFile(path.join(corpus, folder, `${name}.ann.json`), sidecar.replace('"dhi-qar-convoy-2020-07-22.txt"', `"${name}.txt"`));
      files.push(path.join(corpus, folder, name));
    }
    const git = (...args: string[]) => execFileSync('git', args, { cwd: corpus, env, maxBuffer: 1 << 28 });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'corpus');
    // Changed since HEAD: every 100th sidecar gets a ref of its own (geonames:99237 -> bench:renamed).
    for (let i = 0; i < ARTICLES; i += ARTICLES / CHANGED) {
      const file = files[Math.floor(i)] + '.ann.json';
      await writeFile(file, (await readFile(file, 'utf8')).replaceAll('"geonames:99237"', '"bench:renamed"'));
    }

    const client = new BenchClient();
    try {
      const started = performance.now();
      await client.initialize(corpus);
      const summaries = async () => client.connection.sendRequest(CorpusSummariesRequest, {});
      let summary = (await summaries())[0];
      while (!summary?.complete) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        summary = (await summaries())[0];
      }
      emit('corpus view: first complete summary (listing and indexing 10,000 sidecars)', performance.now() - started, 'ms');
      if (summary.total !== ARTICLES) throw new Error(`summary total ${summary.total}, expected ${ARTICLES}`);

      const first = files[0] + '.txt';
      const text = decodeArticle(await readFile(first)).text;
      const uri = await client.open(first, text);
      await client.until(() => client.states.find((s) => s.state.uri === uri), 'the open article');

      const summaryMs: number[] = [];
      const documentsMs: number[] = [];
      let bytes = 0;
      let changed = 0;
      for (let round = 0; round < ROUNDS; round++) {
        summaryMs.push((await timed(summaries)).ms);
        const { ms, value } = await timed(() => client.connection.sendRequest(CorpusDocumentsRequest, { root: corpus, status: 'in-progress' }));
        documentsMs.push(ms);
        if (value.length !== ARTICLES) throw new Error(`${value.length} documents listed, expected ${ARTICLES}`);
        bytes = Buffer.byteLength(JSON.stringify(value));
        changed = value.filter((d) => d.changed).length;
      }
      if (changed !== CHANGED) throw new Error(`${changed} documents marked changed, expected ${CHANGED}`);
      emit('corpus view: summaries request (median)', median(summaryMs), 'ms');
      emit(`corpus view: one status group of ${ARTICLES} documents with git marks (median)`, median(documentsMs), 'ms', { target: 1000 });
      emit('corpus view: that group on the wire', bytes / 1024, 'KiB');

      const renderMs: number[] = [];
      for (let round = 0; round < ROUNDS; round++) renderMs.push((await timed(() => client.connection.sendRequest(RenderAnnotationsRequest, { uri, revision: 'HEAD' }))).ms);
      emit('compare with HEAD: render at HEAD (median)', median(renderMs), 'ms');

      const preview = await timed(() => client.connection.sendRequest(RenameRefPreviewRequest, { uri, ref: 'bench:renamed', newRef: 'bench:done' }));
      if (preview.value.files.length !== CHANGED) throw new Error(`preview lists ${preview.value.files.length} files, expected ${CHANGED}`);
      emit(`rename of a ref: preview over ${ARTICLES} articles`, preview.ms, 'ms');
      const rename = await timed(() => client.connection.sendRequest(RenameRefRequest, { uri, ref: 'bench:renamed', newRef: 'bench:done' }));
      if (rename.value.failed.length > 0 || rename.value.files.length !== CHANGED) throw new Error(`rename: ${JSON.stringify(rename.value.failed)}`);
      emit(`rename of a ref: ${CHANGED} sidecars rewritten`, rename.ms, 'ms');
      emit('server peak memory', client.peakRssMB(), 'MB');
    } finally {
      await client.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
