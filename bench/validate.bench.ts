// `hashiya validate` on a sidecar with 60,000 bad entities (each covering other text than it says), the whole
// process timed from outside: the CLI bundled as dist/cli.js is (esbuild, same options), spawned, waited for.
// Target ≤ 2 s (it was quadratic: 29 s). Prints {"name", "value", "unit", "target"} JSON lines.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';

const ENTITIES = 60_000;
const ROUNDS = 3;

function emit(name: string, value: number, unit: string, target?: number): void {
  process.stdout.write(JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit, ...(target !== undefined ? { target } : {}) }) + '\n');
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-bench-validate-'));
  try {
    const cli = path.join(dir, 'cli.js');
    await build({ entryPoints: [path.join(__dirname, '../server/src/cli/main.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], outfile: cli, logLevel: 'silent' });
    const corpus = path.join(dir, 'corpus');
    await import('node:fs/promises').then((fs) => fs.mkdir(corpus));
    const article = 'بغداد '.repeat(10) + '\n';
    const lines: string[] = [];
    for (let i = 0; i < ENTITIES; i++) lines.push(`    {"start": ${i}, "end": ${i + 1}, "label": "LOC", "text": "x"}`);
    const sha = createHash('sha256').update(article).digest('hex');
    await writeFile(path.join(corpus, 'a.txt'), article);
    await writeFile(path.join(corpus, 'a.ann.json'), `{\n  "hashiya": 1,\n  "text": "a.txt",\n  "sha256": "${sha}",\n  "status": "done",\n  "entities": [\n${lines.join(',\n')}\n  ],\n  "rejected": []\n}\n`);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [cli, 'validate', corpus], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
      if (run.status !== 1 || !run.stderr.toString().includes(`${ENTITIES} errors`)) throw new Error(`validate: exit ${run.status}: ${run.stderr}`);
    }
    emit('validate.60000-bad-entities.seconds', Math.min(...times), 's', 2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
