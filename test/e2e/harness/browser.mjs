// Headless Debian chromium driven by playwright-core (no browser download: the machine reaches only npm and apt).
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { chromium } from 'playwright-core';
import { HarnessError } from './code-server.mjs';

export const chromiumPath = process.env.HASHIYA_CHROMIUM || '/usr/bin/chromium';

/** Launches chromium with a throwaway profile; `close()` ends it and removes the profile. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  if (!fs.existsSync(chromiumPath)) {
    throw new HarnessError(`chromium not found at ${chromiumPath}: run scripts/setup-vscode.sh (or set HASHIYA_CHROMIUM)`);
  }
  // A plain launch with a fresh context (Playwright gives it a throwaway profile). The first page of a persistent
  // context hangs on exposeFunction with Debian's chromium 156.0.8078.79, so no persistent context here.
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const close = async () => {
    await browser.close().catch(() => {});
  };
  return { context, page, close };
}

/** `vscode-remote://host:port/abs/path`: how the web workbench names a folder on the code-server machine. */
export function remoteUri(base, file) {
  return `vscode-remote://${new URL(base).host}${path.resolve(file)}`;
}

/**
 * The workbench URL for a folder. With `extensionDevelopmentPath` (and `extensionTestsPath`) it uses VS Code's own
 * browser-test mechanism, the `payload` query: code-server refuses those options on its command line.
 */
export function workbenchUrl(base, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  let url = `${base}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(base, extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(base, extensionTestsPath)]);
  if (payload.length > 0) {
    payload.push(['skipWelcome', 'true']);
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return url;
}

/**
 * VS Code ≥ 1.139 honours the payload's development paths only with `developmentOptions.enableSmokeTestDriver`,
 * which code-server cannot set from its command line; flip it in the configuration the page reads. (Rewriting the
 * HTML with page.route instead gets the workbench's WebSocket blocked by Chromium's local-network checks.)
 * Harmless on 1.100, which does not need it.
 */
export async function enableSmokeTestDriver(page) {
  await page.addInitScript(() => {
    const getAttribute = Element.prototype.getAttribute;
    Element.prototype.getAttribute = function (name) {
      const value = getAttribute.call(this, name);
      if (name === 'data-settings' && this.id === 'vscode-workbench-web-configuration' && value) {
        const config = JSON.parse(value);
        config.developmentOptions = { ...(config.developmentOptions ?? {}), enableSmokeTestDriver: true };
        return JSON.stringify(config);
      }
      return value;
    };
  });
}

/**
 * Hooks the two functions VS Code's browser test driver calls: `codeAutomationLog` (extension-host console output,
 * printf-style arguments) and `codeAutomationExit` (the test run's exit code). Returns `{ exit }`, a promise of the
 * exit code, wrapped: an async function returning a bare promise would make its caller wait for the exit itself.
 */
export async function exposeAutomation(page, onLog) {
  let resolveExit;
  const exit = new Promise((resolve) => { resolveExit = resolve; });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const list = Array.isArray(args) ? args : [args];
    onLog(type, util.format(...list));
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  return { exit };
}
