// `npm run bench`: runs every bench/*.bench.ts in its own process (so heap figures are its own), forwarding the
// JSON lines each prints: {"name","value","unit"} plus {"peer","peerValue","ratio"} and {"target"} where known.
// `npm run bench -- matcher` runs only the files whose name contains "matcher".
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
