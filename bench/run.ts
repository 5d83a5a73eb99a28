// `npm run bench`: runs every bench/*.bench.ts in its own process (so heap figures are its own), forwarding the
// JSON lines each prints: {"name","value","unit"} plus {"peer","peerValue","ratio"} and {"target"} where known.
// `npm run bench -- matcher` runs only the files whose name contains "matcher". bench/cli.bench.ts needs
// pyahocorasick and GNU time (`npm run bench:setup`, as root, installs them with apt) and fails without them;
// BENCH_ROUNDS=N (default 1) sets its measured rounds after the warm-up. bench/server.bench.ts drives the bundled
// server over stdio LSP. The whole run took 30 minutes on 2 cores under heavy load (bench/RESULTS.md); most of it
// is npm `ahocorasick`, a peer, which takes 40 s or more per run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

const only = process.argv.slice(2);
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
let failed = 0;
for (const file of files) {
  process.stderr.write(`# ${file}\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', path.join(__dirname, file)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    process.stderr.write(`# ${file} failed with exit code ${run.status}\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
