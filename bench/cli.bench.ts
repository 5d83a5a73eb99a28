// Whole `hashiya` commands as users run them, timed from outside (spawned dist/cli.js; wall time from spawn to
// exit with stdout drained, peak RSS from GNU time), beside peers doing the same work the same way.
//
// suggest: 4.17 MB of WikiFANE text, the 309,286 names of GeoNames cities15000 as a TSV gazetteer named by
// hashiya.json (built-in gazetteer off). Peers, each a whole process reading the same two files and printing one
// JSON line per match: pyahocorasick (Debian python3-ahocorasick; bench/setup.sh installs it), the npm package
// `ahocorasick`, both keeping whole-word matches only, and a word-level Map lookup of normalised names
// (bench/peers/). Every contender gets the same warm-up run, then they take turns, round after round (the machine
// is shared and its speed drifts); the median round is reported.
// import, export, validate: WikiFANE Gold (489,561 tokens), and a corpus of 10,000+ articles (WikiFANE ten times).
// BENCH_ROUNDS=N sets the measured rounds after the warm-up (default 1: the npm `ahocorasick` peer alone takes 40 s or more per run). Run alone: node --import tsx bench/cli.bench.ts
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cities15000Names, ROOT, sentenceCount, syntheticNames, tsvOf, wikifaneConllRepeated, wikifaneText } from './lib/data';
import { type ProcessRun, runProcess } from './lib/process';
import { emit, median } from './lib/report';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const CLI = path.join(ROOT, 'dist/cli.js');
const PYTHON = '/usr/bin/python3';

function requirePeers(): void {
  const probe = spawnSync(PYTHON, ['-c', 'import ahocorasick'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`pyahocorasick is missing (${PYTHON} -c 'import ahocorasick' failed): run bench/setup.sh as root`);
  const build = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('node esbuild.mjs failed');
}

interface Contender {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
}

/** Every contender once per round (warm-up round first, not counted); the runs of each, in order. */
async function interleaved(contenders: Contender[], rounds: number): Promise<Map<string, ProcessRun[]>> {
  const runs = new Map<string, ProcessRun[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round <= rounds; round++) {
    for (const c of contenders) {
      const run = await runProcess(c.command, c.args, c.cwd ? { cwd: c.cwd } : {});
      process.stderr.write(`#   ${round === 0 ? 'warm-up' : `round ${round}`} ${c.name}: ${run.seconds.toFixed(2)} s, ${run.stdoutLines} lines\n`);
      if (round > 0) runs.get(c.name)!.push(run);
    }
  }
  return runs;
}

const mid = (runs: ProcessRun[], f: (r: ProcessRun) => number) => median(runs.map(f));

async function suggestBench(dir: string): Promise<void> {
  const text = wikifaneText();
  writeFileSync(path.join(dir, 'wikifane.txt'), text);
  const names = cities15000Names();
  writeFileSync(path.join(dir, 'cities15000.tsv'), tsvOf(names));
  writeFileSync(path.join(dir, 'hashiya.json'), JSON.stringify({ gazetteers: [{ path: 'cities15000.tsv', format: 'tsv', label: 'LOC' }], builtinGazetteer: false }));
  emit('suggest.input', Buffer.byteLength(text) / 1e6, 'MB', { names: names.length });
  const files = ['cities15000.tsv', 'wikifane.txt'];
  const contenders: Contender[] = [
    { name: 'hashiya', command: process.execPath, args: [CLI, 'suggest', 'wikifane.txt'], cwd: dir },
    { name: 'pyahocorasick', command: PYTHON, args: [path.join(__dirname, 'peers/pyahocorasick_suggest.py'), ...files], cwd: dir },
    { name: 'npm-ahocorasick', command: process.execPath, args: [path.join(__dirname, 'peers/npm-ahocorasick-suggest.js'), ...files], cwd: dir },
    { name: 'map-lookup', command: process.execPath, args: [path.join(__dirname, 'peers/map-lookup-suggest.js'), ...files], cwd: dir },
  ];
  const runs = await interleaved(contenders, ROUNDS);
  const seconds = (n: string) => mid(runs.get(n)!, (r) => r.seconds);
  for (const c of contenders.slice(1)) {
    emit(`peer.${c.name}.suggest.cities15000`, seconds(c.name), 's', { matches: runs.get(c.name)![0].stdoutLines, peakRssMB: mid(runs.get(c.name)!, (r) => r.peakRssMB) });
  }
  const ours = seconds('hashiya');
  emit('suggest.cities15000.process', ours, 's', {
    matches: runs.get('hashiya')![0].stdoutLines,
    peakRssMB: mid(runs.get('hashiya')!, (r) => r.peakRssMB),
    rounds: ROUNDS,
  });
  const vsPy = seconds('pyahocorasick') / ours;
  const vsNpm = seconds('npm-ahocorasick') / ours;
  emit('suggest.cities15000.vs.pyahocorasick', vsPy, 'x faster', { target: '≥ 2x', met: vsPy >= 2 ? 'yes' : 'no' });
  emit('suggest.cities15000.vs.npm-ahocorasick', vsNpm, 'x faster', { target: '≥ 20x', met: vsNpm >= 20 ? 'yes' : 'no' });
  emit('suggest.cities15000.vs.map-lookup', seconds('map-lookup') / ours, 'x faster');

  // A million names through hashiya.json (the line that crashed past ~120K names).
  const big = path.join(dir, 'big');
  mkdirSync(big);
  writeFileSync(path.join(big, 'names.tsv'), tsvOf(syntheticNames(1_000_000)));
  writeFileSync(path.join(big, 'hashiya.json'), JSON.stringify({ gazetteers: [{ path: 'names.tsv', format: 'tsv', label: 'LOC' }], builtinGazetteer: false }));
  writeFileSync(path.join(big, 'wikifane.txt'), text);
  const bigRuns = await interleaved([{ name: 'hashiya-1M', command: process.execPath, args: [CLI, 'suggest', 'wikifane.txt'], cwd: big }], ROUNDS);
  const b = bigRuns.get('hashiya-1M')!;
  emit('suggest.synthetic1M.process', mid(b, (r) => r.seconds), 's', { matches: b[0].stdoutLines, peakRssMB: mid(b, (r) => r.peakRssMB) });
}

async function corpusCommands(dir: string, label: string, conll: string, docsPer: number | undefined, targets: Record<string, number>): Promise<void> {
  const input = path.join(dir, `${label}.conll`);
  writeFileSync(input, conll);
  const importRuns: ProcessRun[] = [];
  let corpus = '';
  for (let round = 0; round <= ROUNDS; round++) {
    corpus = path.join(dir, `${label}-corpus-${round}`);
    const run = await runProcess(process.execPath, [CLI, 'import', 'conll', input, '--out', corpus, ...(docsPer ? ['--docs-per', String(docsPer)] : [])]);
    if (round > 0) importRuns.push(run);
    if (round < ROUNDS) rmSync(corpus, { recursive: true, force: true });
  }
  const articles = countArticles(corpus);
  emit(`import.${label}.process`, mid(importRuns, (r) => r.seconds), 's', { articles, peakRssMB: mid(importRuns, (r) => r.peakRssMB), ...(targets.import ? { target: targets.import } : {}) });
  const runs = await interleaved(
    [
      { name: 'validate', command: process.execPath, args: [CLI, 'validate', corpus] },
      { name: 'export', command: process.execPath, args: [CLI, 'export', corpus, '--format', 'conll', '--out', path.join(dir, `${label}-out.conll`)] },
    ],
    ROUNDS,
  );
  for (const name of ['validate', 'export']) {
    const r = runs.get(name)!;
    emit(`${name}.${label}.process`, mid(r, (x) => x.seconds), 's', { articles, peakRssMB: mid(r, (x) => x.peakRssMB), ...(targets[name] ? { target: targets[name] } : {}) });
  }
}

function countArticles(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.txt')).length;
}

async function main(): Promise<void> {
  requirePeers();
  const dir = mkdtempSync(path.join(tmpdir(), 'hashiya-cli-bench-'));
  try {
    await suggestBench(dir);
    await corpusCommands(dir, 'wikifane', wikifaneConllRepeated(1), undefined, { import: 2, export: 2 });
    // 10,000+ articles of about 4 KB: WikiFANE ten times, cut into documents of a whole number of sentences.
    const ten = wikifaneConllRepeated(10);
    await corpusCommands(dir, 'corpus10k', ten, Math.floor(sentenceCount(ten) / 10_000), { validate: 15 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
