#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
//
// It takes the Electron command line test-electron builds (--extensionDevelopmentPath=, --extensionTestsPath=,
// --user-data-dir=, --extensions-dir=, a folder, flags it has no use for), starts code-server on 127.0.0.1, opens the
// workbench in headless chromium with VS Code's browser-test `payload` (the suite then runs in code-server's remote
// extension host with the real `vscode` API), prints the extension host's output and exits with the suite's exit
// code. Anything that keeps the suite from running (no code-server, no chromium, timeout) exits non-zero.
//
// Environment: HASHIYA_E2E_RUN_DIR (run folder to use; default a fresh one under test/vscode/runs/),
// HASHIYA_E2E_TIMEOUT_MS (whole suite, default 300000), HASHIYA_E2E_VERBOSE=1 (also print the page's console).
import fs from 'node:fs';
import path from 'node:path';
import { enableSmokeTestDriver, exposeAutomation, launchBrowser, workbenchUrl } from './browser.mjs';
import { createRunDir, delay, HarnessError, repoRoot, runLayout, seedSettings, startCodeServer } from './code-server.mjs';

const say = (message) => console.log(`[vscode-shim] ${message}`);

function parseArgs(argv) {
  const options = { extensionDevelopmentPath: [], extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined, ignored: [] };
  for (const arg of argv) {
    const eq = arg.indexOf('=');
    const [key, value] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, ''];
    if (key === '--extensionDevelopmentPath') options.extensionDevelopmentPath.push(value);
    else if (key === '--extensionTestsPath') options.extensionTestsPath = value;
    else if (key === '--user-data-dir') options.userDataDir = value;
    else if (key === '--extensions-dir') options.extensionsDir = value;
    else if (!arg.startsWith('-') && options.folder === undefined) options.folder = arg;
    else options.ignored.push(arg);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!options.extensionTestsPath || options.extensionDevelopmentPath.length !== 1) {
    throw new HarnessError('expected exactly one --extensionDevelopmentPath= and one --extensionTestsPath=');
  }
  if (!fs.existsSync(options.extensionTestsPath)) throw new HarnessError(`extensionTestsPath does not exist: ${options.extensionTestsPath}`);
  if (options.ignored.length > 0) say(`not applicable to code-server, ignored: ${options.ignored.join(' ')}`);

  const runDir = process.env.HASHIYA_E2E_RUN_DIR || createRunDir('shim');
  fs.mkdirSync(runDir, { recursive: true });
  const layout = runLayout(runDir, { userDataDir: options.userDataDir, extensionsDir: options.extensionsDir });
  if (!fs.existsSync(path.join(layout.userDataDir, 'User', 'settings.json'))) seedSettings(layout.userDataDir);
  const folder = options.folder ?? fs.mkdtempSync(path.join(runDir, 'empty-workspace-'));
  const timeoutMs = Number(process.env.HASHIYA_E2E_TIMEOUT_MS || 300_000);

  const server = await startCodeServer(layout);
  let browser;
  try {
    say(`code-server ${server.base} (pid ${server.pid}), run folder ${path.relative(repoRoot, runDir)}`);
    browser = await launchBrowser();
    const { page } = browser;
    const { exit } = await exposeAutomation(page, (type, text) => {
      const out = type === 'error' || type === 'warn' ? process.stderr : process.stdout;
      out.write(`${text}\n`);
    });
    page.on('pageerror', (error) => say(`page error: ${error.message}`));
    if (process.env.HASHIYA_E2E_VERBOSE === '1') page.on('console', (m) => say(`page ${m.type()}: ${m.text().slice(0, 500)}`));
    await enableSmokeTestDriver(page);
    const url = workbenchUrl(server.base, folder, { extensionDevelopmentPath: options.extensionDevelopmentPath[0], extensionTestsPath: options.extensionTestsPath });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const timedOut = Symbol('timeout');
    const code = await Promise.race([exit, delay(timeoutMs).then(() => timedOut)]);
    const shot = path.join(repoRoot, 'test/artifacts/extension-tests.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot }).catch(() => {});
    if (code === timedOut) {
      throw new HarnessError(`the extension tests did not finish within ${timeoutMs / 1000} s (screenshot ${path.relative(repoRoot, shot)}, log ${layout.log})`);
    }
    say(`extension tests exit code ${code}`);
    return code === 0 ? 0 : 1;
  } finally {
    await browser?.close();
    await server.stop();
  }
}

// Ctrl+C or a kill: leave through process.exit so the code-server process group is killed on the way out.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[vscode-shim] ERROR: ${error instanceof HarnessError ? error.message : error?.stack ?? error}`);
    process.exit(2);
  },
);
