// Re-anchoring a long article edited outside the editor, timed from outside: `hashiya validate --fix` (the built
// dist/cli.js) as a whole process on a 1 MB article with 16,000 annotations (the sample article repeated), after
// an emoji and a word were typed at its start and a word in its middle. Two figures: the earlier text unknown
// (every annotation searched for), and the earlier text in the text cache (offsets mapped through the diff).
// Prints one JSON line per figure: {"name", "value", "unit"}. Run alone: node --import tsx bench/reanchor.bench.ts
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseSidecar } from '../server/src/core/sidecar/parse';
import { serializeSidecar } from '../server/src/core/sidecar/serialize';
import { sha256Hex } from '../server/src/core/text/hash';

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'dist/cli.js');
const ARTICLE = 'iraq/dhi-qar-convoy-2020-07-22.txt';
const SIDECAR = 'iraq/dhi-qar-convoy-2020-07-22.ann.json';
const ROUNDS = 3;

function emit(name: string, value: number, unit: string): void {
  process.stdout.write(JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit }) + '\n');
}

/** A corpus with one 1 MB article annotated 16,000 times, then edited outside the editor. */
async function corpus(dir: string): Promise<{ oldBytes: Buffer; entities: number }> {
  await cp(path.join(ROOT, 'samples'), dir, { recursive: true });
  const base = await readFile(path.join(dir, ARTICLE), 'utf8');
  const sidecar = parseSidecar(await readFile(path.join(dir, SIDECAR), 'utf8')).sidecar!;
  const copies = Math.ceil(1_000_000 / base.length);
  const baseLength = [...base].length;
  const old = base.repeat(copies);
  const entities = [];
  for (let c = 0; c < copies; c++) for (const e of sidecar.entities) entities.push({ ...e, start: e.start + c * baseLength, end: e.end + c * baseLength });
  const oldBytes = Buffer.from(old, 'utf8');
  await writeFile(path.join(dir, SIDECAR), serializeSidecar({ ...sidecar, sha256: sha256Hex(oldBytes), entities }));
  const half = Math.floor(copies / 2) * base.length;
  await writeFile(path.join(dir, ARTICLE), '😀 عاجل ' + old.slice(0, half) + 'كلمة ' + old.slice(half));
  return { oldBytes, entities: entities.length };
}

function fix(dir: string, cacheHome: string): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CLI, 'validate', dir, '--fix'], { env: { ...process.env, XDG_CACHE_HOME: cacheHome }, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 || !/0 unresolved/.test(run.stderr)) throw new Error(`validate --fix failed (${run.status}): ${run.stderr}`);
  return seconds;
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const work = await mkdtemp(path.join(tmpdir(), 'hashiya-bench-reanchor-'));
  try {
    const searched: number[] = [];
    const mapped: number[] = [];
    let entities = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const a = path.join(work, `search-${round}`);
      entities = (await corpus(a)).entities;
      searched.push(fix(a, path.join(work, `cache-empty-${round}`)));
      const b = path.join(work, `diff-${round}`);
      const { oldBytes } = await corpus(b);
      // The earlier text in the cache, as the editor or an earlier fix would have left it.
      const texts = path.join(work, `cache-${round}`, 'hashiya', 'texts');
      await mkdir(texts, { recursive: true });
      await writeFile(path.join(texts, sha256Hex(oldBytes)), oldBytes);
      mapped.push(fix(b, path.join(work, `cache-${round}`)));
    }
    emit(`validate --fix, 1 MB article, ${entities} annotations, earlier text unknown (best of ${ROUNDS})`, Math.min(...searched), 's');
    emit(`validate --fix, 1 MB article, ${entities} annotations, earlier text in the cache (best of ${ROUNDS})`, Math.min(...mapped), 's');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
