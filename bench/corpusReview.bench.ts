// Corpus review at scale: `hashiya validate`, `hashiya diff REV REV` and `hashiya agree` as whole processes (the
// bundled CLI, timed from outside) on a corpus of 10,000 articles in a git repository, two revisions apart by 100
// changed sidecars. The corpus repeats the sample article under 10,000 names (100 folders × 100), which gives real
// Arabic text and real sidecars of the real size; it is built in a temporary folder and removed afterwards.
// Prints one JSON line per figure: {"name", "value", "unit"} (+ "target" where one is set: diff ≤ 10 s).
// Run alone: node --import tsx bench/corpusReview.bench.ts [ARTICLES]
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.join(__dirname, '..');
const ARTICLES = Number(process.argv[2] ?? 10_000);
const PER_FOLDER = 100;
const CHANGED = Math.max(1, Math.round(ARTICLES / 100));
const ROUNDS = 3;
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.org', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.org' };

function emit(name: string, value: number, unit: string, target?: number): void {
  process.stdout.write(JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit, ...(target !== undefined ? { target } : {}) }) + '\n');
}

/** Best and median of ROUNDS runs of a whole process; the exit code must be one of `ok`. */
function time(args: string[], cwd: string, ok: number[]): { best: number; median: number } {
  const seconds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (!ok.includes(run.status ?? -1)) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
  seconds.sort((a, b) => a - b);
  return { best: seconds[0], median: seconds[Math.floor(ROUNDS / 2)] };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hashiya-bench-review-'));
  try {
    const cli = path.join(dir, 'tool/dist/cli.js');
    await esbuild.build({ entryPoints: [path.join(ROOT, 'server/src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error' });
    await cp(path.join(ROOT, 'data/builtin'), path.join(dir, 'tool/data/builtin'), { recursive: true });

    const corpus = path.join(dir, 'corpus');
    const sampleDir = path.join(ROOT, 'samples/iraq');
    const article = await readFile(path.join(sampleDir, 'dhi-qar-convoy-2020-07-22.txt'));
    const sidecar = await readFile(path.join(sampleDir, 'dhi-qar-convoy-2020-07-22.ann.json'), 'utf8');
    await cp(path.join(ROOT, 'samples/hashiya.json'), path.join(corpus, 'hashiya.json'));
    const names: string[] = [];
    for (let i = 0; i < ARTICLES; i++) {
      const folder = `f${String(Math.floor(i / PER_FOLDER)).padStart(3, '0')}`;
      const name = `a${String(i).padStart(5, '0')}`;
      if (i % PER_FOLDER === 0) await mkdir(path.join(corpus, folder), { recursive: true });
      await writeFile(path.join(corpus, folder, `${name}.txt`), article);
      await writeFile(path.join(corpus, folder, `${name}.ann.json`), sidecar.replace('"dhi-qar-convoy-2020-07-22.txt"', `"${name}.txt"`));
      names.push(`${folder}/${name}.ann.json`);
    }
    const git = (...args: string[]) => execFileSync('git', args, { cwd: corpus, env, maxBuffer: 1 << 28 });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    // 1 % of the sidecars change: one relabel each, as a review round would bring.
    for (let i = 0; i < CHANGED; i++) {
      const file = path.join(corpus, names[Math.floor((i * ARTICLES) / CHANGED)]);
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace('"label": "LOC", "text": "البطحاء"}', '"label": "ACTOR", "text": "البطحاء"}'));
    }
    git('commit', '-q', '-am', 'review');

    const validate = time([cli, 'validate', corpus], dir, [0]);
    emit(`validate, ${ARTICLES} articles (whole process, best of ${ROUNDS})`, validate.best, 's');
    emit(`validate, ${ARTICLES} articles (median)`, validate.median, 's');
    const diff = time([cli, 'diff', 'HEAD~1', 'HEAD', '--', '.'], corpus, [1]);
    emit(`diff HEAD~1 HEAD, ${ARTICLES} articles, ${CHANGED} sidecars changed (best of ${ROUNDS})`, diff.best, 's', 10);
    emit(`diff HEAD~1 HEAD (median)`, diff.median, 's');
    const agree = time([cli, 'agree', corpus, corpus, '--json'], dir, [0]);
    emit(`agree, ${ARTICLES} articles against themselves (best of ${ROUNDS})`, agree.best, 's');
    const startup = time([cli, '--help'], dir, [0]);
    emit('CLI start-up alone (hashiya --help, best)', startup.best, 's');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
