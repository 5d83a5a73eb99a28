#!/usr/bin/env node
// Runs the mocha extension suite (out/e2e/suite/index.js, bundled by test/e2e/build-suite.mjs) with the standard
// @vscode/test-electron runTests() on a fresh copy of samples/.
//
// By default the "VS Code executable" is test/e2e/harness/vscode-shim.mjs, which runs the suite inside code-server
// (this machine kind cannot download VS Code). HASHIYA_E2E_DESKTOP=1 lets runTests download and start desktop
// VS Code instead (needs network access to update.code.visualstudio.com and a display, e.g. xvfb-run);
// HASHIYA_E2E_VSCODE_VERSION picks its version (default 1.100.3, the VS Code inside the pinned code-server).
// HASHIYA_E2E_KEEP=1 keeps the run folder; it is always kept when the run fails.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { copySamples, createRunDir, repoRoot, requireCodeServer, runLayout, seedSettings } from './code-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const desktop = process.env.HASHIYA_E2E_DESKTOP === '1';
const extensionTestsPath = path.join(repoRoot, 'out/e2e/suite/index.js');

async function main() {
  if (!fs.existsSync(extensionTestsPath)) throw new Error(`${path.relative(repoRoot, extensionTestsPath)} missing: run node test/e2e/build-suite.mjs`);
  if (!desktop) requireCodeServer();
  const runDir = createRunDir(desktop ? 'desktop' : 'suite');
  const layout = runLayout(runDir);
  seedSettings(layout.userDataDir);
  const workspace = copySamples(runDir);
  console.log(`extension tests: ${desktop ? 'desktop VS Code (downloaded by @vscode/test-electron)' : 'code-server via vscode-shim.mjs'}, workspace ${path.relative(repoRoot, workspace)}`);

  const options = {
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [workspace, `--user-data-dir=${layout.userDataDir}`, `--extensions-dir=${layout.extensionsDir}`, '--disable-extensions'],
    extensionTestsEnv: { HASHIYA_E2E_RUN_DIR: runDir },
  };
  if (desktop) options.version = process.env.HASHIYA_E2E_VSCODE_VERSION || '1.100.3';
  else options.vscodeExecutablePath = path.join(here, 'vscode-shim.mjs');

  try {
    await runTests(options);
  } catch (error) {
    console.error(`extension tests FAILED: ${error.message}; run folder kept: ${runDir}`);
    return 1;
  }
  if (process.env.HASHIYA_E2E_KEEP !== '1') fs.rmSync(runDir, { recursive: true, force: true });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`extension tests could not start: ${error.message}`);
    process.exit(2);
  },
);
