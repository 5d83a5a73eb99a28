// Starts code-server (the real VS Code server + web workbench, installed into test/vscode/ by
// scripts/setup-vscode.sh) on a free 127.0.0.1 port, in its own process group and with its own run folder, and
// stops it again. Used by the extension-test shim, the UI test and `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const codeServerBin = path.join(repoRoot, 'test/vscode/node_modules/.bin/code-server');
export const runsRoot = path.join(repoRoot, 'test/vscode/runs');

/** Settings for a clean, quiet workbench: no trust dialog, no walkthrough, no telemetry, our token colours. */
export const baseSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'files.hotExit': 'off',
  'git.openRepositoryInParentFolders': 'never',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'editor.semanticHighlighting.enabled': true,
  'editor.semanticTokenColorCustomizations': { enabled: true, rules: { location: '#ff00ff', actor: '#00ffff' } },
};

export class HarnessError extends Error {}

/** Fails with an actionable message when code-server is not installed. */
export function requireCodeServer() {
  if (!fs.existsSync(codeServerBin)) {
    throw new HarnessError(`code-server is not installed (${path.relative(repoRoot, codeServerBin)} missing): run scripts/setup-vscode.sh`);
  }
  return codeServerBin;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh folder under test/vscode/runs/ (gitignored). */
export function createRunDir(prefix) {
  fs.mkdirSync(runsRoot, { recursive: true });
  return fs.mkdtempSync(path.join(runsRoot, `${prefix}-`));
}

/** Folders code-server writes into, all inside `runDir` (otherwise it writes a password file into ~/.config). */
export function runLayout(runDir, { userDataDir, extensionsDir, marketplace = false } = {}) {
  return {
    runDir,
    userDataDir: userDataDir ?? path.join(runDir, 'user-data'),
    extensionsDir: extensionsDir ?? path.join(runDir, 'extensions'),
    config: path.join(runDir, 'config.yaml'),
    log: path.join(runDir, 'code-server.log'),
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
      XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
      XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
      // Tests need no extension marketplace, and must not try to reach one (this machine has no network).
      ...(marketplace ? {} : { EXTENSIONS_GALLERY: '{}' }),
    },
  };
}

/** Writes user settings unless some already exist (`npm start` keeps the user's own changes). */
export function seedSettings(userDataDir, { overwrite = true, extra = {} } = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (overwrite || !fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify({ ...baseSettings, ...extra }, null, 2) + '\n');
  return file;
}

/** `code-server --install-extension vsix` into the layout's extensions folder. */
export function installExtension(layout, vsix) {
  const bin = requireCodeServer();
  const result = spawnSync(bin, ['--user-data-dir', layout.userDataDir, '--extensions-dir', layout.extensionsDir,
    '--install-extension', vsix, '--force'], { env: layout.env, encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new HarnessError(`installing ${vsix} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout.trim();
}

/**
 * Starts code-server and waits until GET /healthz answers. Returns { base, port, pid, stop() }. `workspaceTrust`
 * leaves VS Code's workspace trust on (with `security.workspace.trust.enabled` in the settings, folders open untrusted).
 * `stop()` (also run when this process exits) ends the whole process group: code-server's file watcher and
 * extension host children outlive it otherwise.
 */
export async function startCodeServer(layout, { port, timeoutMs = 60_000, stdio, workspaceTrust = false } = {}) {
  const bin = requireCodeServer();
  port ??= await freePort();
  fs.mkdirSync(layout.userDataDir, { recursive: true });
  fs.mkdirSync(layout.extensionsDir, { recursive: true });
  fs.writeFileSync(layout.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const log = fs.openSync(layout.log, 'a');
  const child = spawn(bin, [
    '--config', layout.config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    // Workspace trust is off unless a test exercises it (restricted mode: it also needs the setting on).
    '--disable-telemetry', '--disable-update-check', ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    '--user-data-dir', layout.userDataDir, '--extensions-dir', layout.extensionsDir,
  ], { env: layout.env, detached: true, stdio: stdio ?? ['ignore', log, log] });
  fs.closeSync(log);

  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const killGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  const stop = async () => {
    process.off('exit', onExit);
    killGroup('SIGTERM');
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && groupAlive(child.pid)) await delay(100);
    killGroup('SIGKILL');
  };

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      throw new HarnessError(`code-server exited before it was up (${JSON.stringify(exited)}); log ${layout.log}:\n${tail(layout.log)}`);
    }
    const ok = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new HarnessError(`code-server did not answer ${base}/healthz within ${timeoutMs / 1000} s; log ${layout.log}:\n${tail(layout.log)}`);
    }
    await delay(200);
  }
  return { base, port, pid: child.pid, stop };
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** A fresh copy of samples/ for one run: tests never touch the repository's own samples. */
export function copySamples(runDir) {
  const target = path.join(runDir, 'workspace');
  fs.cpSync(path.join(repoRoot, 'samples'), target, { recursive: true });
  return target;
}
