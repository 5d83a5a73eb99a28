// Training-data throughput on WikiFANE Gold (490K tokens, fixtures/wikifane): import the CoNLL file into a corpus,
// then export it as CoNLL. Prints one JSON line per figure: {"name", "value", "unit"} (+ "target" where the issue
// names one). Run alone: node --expose-gc --import tsx bench/training.bench.ts
// Memory model: import reads the input line by line and holds one document at a time (plus up to 8 queued
// writes); export reads and writes one document at a time (streaming), so peak memory does not grow with the
// corpus (the spaCy DocBin alone keeps its token table to the end).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exportCorpus } from '../server/src/core/training/export';
import { importCorpus } from '../server/src/core/training/import/importCorpus';

const INPUT = path.join(__dirname, '../fixtures/wikifane/WikiFANE_Gold_2014_500K.txt.gz');

function emit(name: string, value: number, unit: string, target?: number): void {
  process.stdout.write(JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit, ...(target !== undefined ? { target } : {}) }) + '\n');
}

/** Samples heap and RSS while `run` runs; returns its duration and the peaks. */
async function measure<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number; heapMB: number; rssMB: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let heap = process.memoryUsage().heapUsed;
  let rss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 10);
  const started = process.hrtime.bigint();
  try {
    const result = await run();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const m = process.memoryUsage();
    return { result, seconds, heapMB: Math.max(heap, m.heapUsed) / 2 ** 20, rssMB: Math.max(rss, m.rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** This machine is shared and its speed drifts: each figure is the best of ROUNDS runs (the median is printed too). */
const ROUNDS = 3;

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-bench-training-'));
  try {
    const imports: Array<Awaited<ReturnType<typeof measure<Awaited<ReturnType<typeof importCorpus>>>>>> = [];
    const exports: Array<Awaited<ReturnType<typeof measure<Awaited<ReturnType<typeof exportCorpus>>>>>> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const corpus = path.join(dir, `wikifane-${round}`);
      imports.push(await measure(() => importCorpus({ format: 'conll', input: INPUT, out: corpus })));
      exports.push(await measure(() => exportCorpus({ root: corpus, format: 'conll', out: path.join(dir, `wikifane-${round}.conll`) })));
      await rm(corpus, { recursive: true, force: true });
    }
    const best = <T extends { seconds: number }>(runs: T[]) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const median = (runs: Array<{ seconds: number }>) => [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)].seconds;
    const imported = best(imports);
    const exported = best(exports);
    const tokens = imported.result.counts.tokens;
    emit('training.import.wikifane.seconds', imported.seconds, 's', 2);
    emit('training.import.wikifane.seconds.median', median(imports), 's');
    emit('training.import.wikifane.tokens_per_second', tokens / imported.seconds, 'tokens/s');
    emit('training.import.wikifane.peak_heap', Math.max(...imports.map((r) => r.heapMB)), 'MB');
    emit('training.import.wikifane.peak_rss', Math.max(...imports.map((r) => r.rssMB)), 'MB');
    emit('training.export.conll.wikifane.seconds', exported.seconds, 's', 2);
    emit('training.export.conll.wikifane.seconds.median', median(exports), 's');
    emit('training.export.conll.wikifane.tokens_per_second', exported.result.totals.tokens / exported.seconds, 'tokens/s');
    emit('training.export.conll.wikifane.peak_heap', Math.max(...exports.map((r) => r.heapMB)), 'MB');
    emit('training.export.conll.wikifane.peak_rss', Math.max(...exports.map((r) => r.rssMB)), 'MB');
    emit('training.wikifane.tokens', tokens, 'tokens');
    emit('training.wikifane.documents', imported.result.counts.documents, 'documents');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
