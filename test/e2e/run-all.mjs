#!/usr/bin/env node
// The end-to-end levels in the real VS Code: the mocha suite in the extension host (through @vscode/test-electron
// and the code-server stand-in), the UI checks in the workbench, those of the annotation view and those of
// restricted mode (an untrusted folder). Ends with
// "e2e: N passed, M failed"; a level that printed no counts counts as a failure.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let passed = 0;
let failed = 0;
for (const [script, pattern] of [
  ['harness/run-extension-tests.mjs', /^mocha: (\d+) passed, (\d+) failed/m],
  ['ui.mjs', /^ui: (\d+) passed, (\d+) failed/m],
  ['ui-annotation-view.mjs', /^ui-view: (\d+) passed, (\d+) failed/m],
  ['ui-trust.mjs', /^ui-trust: (\d+) passed, (\d+) failed/m],
]) {
  const run = spawnSync(process.execPath, [path.join(here, script)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 });
  process.stdout.write(run.stdout ?? '');
  const counts = pattern.exec(run.stdout ?? '');
  if (!counts) {
    failed++;
    console.log(`${script}: no test counts (exit ${run.status ?? run.signal})`);
    continue;
  }
  passed += Number(counts[1]);
  failed += Number(counts[2]) + (run.status !== 0 && Number(counts[2]) === 0 ? 1 : 0);
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
