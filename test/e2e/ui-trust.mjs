#!/usr/bin/env node
// Restricted mode in the real workbench (code-server + headless Debian chromium) with workspace trust on and the
// folder untrusted: Hashiya's status bar item says why, the annotated seed article shows its entities, annotating
// and setting the status are refused with the restricted-mode reason and no file of the workspace changes; then
// trust is granted in the Workspace Trust editor and, without reloading the window, annotating writes the sidecar.
// Workspace trust is exercised through the UI, as an annotator meets it (the extension-host suite runs with trust
// off). Prints "ui-trust: N passed, M failed"; exits non-zero on any
// failure.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, workbenchUrl } from './harness/browser.mjs';
import { copySamples, createRunDir, repoRoot, runLayout, seedSettings, startCodeServer } from './harness/code-server.mjs';

const REASON = 'Restricted mode: Hashiya shows annotations but does not write them. Trust the workspace to annotate.';
const SEED = 'dhi-qar-convoy-2020-07-22';
const checks = [];
let page;
async function check(name, run) {
  try {
    await run();
    checks.push({ name, ok: true });
    console.log(`  ✔ ${name}`);
  } catch (error) {
    checks.push({ name, ok: false });
    const picture = path.join(repoRoot, `test/artifacts/ui-trust-failed-${checks.length}.png`);
    await page?.screenshot({ path: picture }).catch(() => {});
    console.log(`  ✖ ${name}: ${error.message.split('\n')[0]} (screenshot ${path.relative(repoRoot, picture)})`);
  }
}

/** Every file under `root` (hidden ones too) with the sha256 of its bytes. */
function listing(root) {
  return fs
    .readdirSync(root, { withFileTypes: true, recursive: true })
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const name = path.relative(root, file);
      return entry.isFile() ? `${name} ${crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')}` : `${name}/`;
    })
    .sort();
}

async function until(what, probe, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      const value = probe();
      if (value) return value;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openByName(name, text) {
  await page.keyboard.press('Escape');
  for (let i = 0; i < 20 && !(await page.locator('.quick-input-widget input').isVisible()); i++) {
    await page.keyboard.press('Control+P');
    await page.waitForTimeout(250);
  }
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
  await page.locator('.monaco-editor .view-lines', { hasText: text }).first().waitFor({ timeout: 30_000 });
}

/** Runs a command of the palette by its title. */
async function runCommand(title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}

/** Selects the first occurrence of `word` in the active editor (through Find, which leaves the match selected). */
async function selectWord(word) {
  await page.locator('.part.editor .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  await page.keyboard.type(word);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}

/**
 * Waits for the restricted-mode refusal. Should the command offer its quick pick instead, the annotator's choice
 * (`pick`) is made, as a user would — so that a write it causes shows in the check of the files — and it fails.
 */
async function expectRefusal(pick) {
  const toast = page.locator('.notification-toast', { hasText: REASON }).first();
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first();
  const first = await Promise.race([
    toast.waitFor({ timeout: 15_000 }).then(() => 'refused'),
    row.waitFor({ timeout: 15_000 }).then(() => 'offered'),
  ]);
  if (first === 'offered') {
    await row.click();
    throw new Error(`not refused: the command offered "${pick}", which was chosen`);
  }
}

const runDir = createRunDir('ui-trust');
const layout = runLayout(runDir);
// Trust on, and the folder opened untrusted without the startup dialog (the annotator chose "Don't trust").
seedSettings(layout.userDataDir, { extra: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } });
const workspace = copySamples(runDir);
// An unannotated article whose text no other article shares (so the editor showing it is told apart).
fs.copyFileSync(path.join(workspace, 'iraq/basra-local-elections-2023-03-14.txt'), path.join(workspace, 'iraq/new-article.txt'));
const NEW_TEXT = 'بعثة الأمم المتحدة';
const seedSidecar = path.join(workspace, `iraq/${SEED}.ann.json`);
const newSidecar = path.join(workspace, 'iraq/new-article.ann.json');
const entitiesOnDisk = JSON.parse(fs.readFileSync(seedSidecar, 'utf8')).entities.length;
const server = await startCodeServer(layout, { workspaceTrust: true });
const browser = await launchBrowser();
page = browser.page;
fs.mkdirSync(path.join(repoRoot, 'test/artifacts'), { recursive: true });
const before = listing(workspace);
try {
  await page.goto(workbenchUrl(server.base, workspace, { extensionDevelopmentPath: repoRoot }), { waitUntil: 'domcontentloaded' });
  await check('the workbench opens the folder in restricted mode', async () => {
    await page.locator('.monaco-workbench .statusbar').waitFor({ timeout: 60_000 });
    // VS Code's own restricted-mode indicator in the status bar.
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30_000 });
  });
  await check("Hashiya's status bar item says why annotating is off", async () => {
    const item = page.locator('.statusbar-item', { hasText: 'Hashiya: restricted mode' }).first();
    await item.waitFor({ timeout: 30_000 });
    await item.hover();
    await page.locator('.monaco-hover, .workbench-hover', { hasText: REASON }).first().waitFor({ timeout: 15_000 });
  });
  await check('the annotated seed article shows its entities from the sidecar', async () => {
    await openByName(`${SEED}.txt`, 'ذي قار');
    await page.locator('.statusbar-item', { hasText: `${entitiesOnDisk} entities` }).first().waitFor({ timeout: 30_000 });
    // Confirmed entities are drawn with a solid border (suggestions with a dashed one).
    await page.waitForFunction(() => [...document.querySelectorAll('.part.editor .view-overlays .cdr')].some((d) => getComputedStyle(d).borderTopStyle === 'solid'), null, { timeout: 30_000 });
    await page.screenshot({ path: path.join(repoRoot, 'test/artifacts/ui-trust-restricted.png') });
  });
  await check('Annotate Selection is refused with the restricted-mode reason', async () => {
    await openByName('new-article.txt', NEW_TEXT);
    await selectWord('المتحدة');
    await runCommand('Hashiya: Annotate Selection');
    await expectRefusal('Location');
  });
  await check('Set Document Status is refused with the restricted-mode reason', async () => {
    await page.keyboard.press('Escape');
    await openByName(`${SEED}.txt`, 'ذي قار');
    // The refusal of the previous check is cleared first, so that only this command's can be seen.
    await runCommand('Notifications: Clear All Notifications');
    await page.locator('.notification-toast', { hasText: REASON }).first().waitFor({ state: 'hidden', timeout: 10_000 });
    await runCommand('Hashiya: Set Document Status');
    await expectRefusal('reviewed');
  });
  await check('no file of the workspace was created, changed or removed', async () => {
    await page.waitForTimeout(1000); // a write after a refusal would land by now (writes follow in ≤ 150 ms)
    const after = listing(workspace);
    const changed = [...after.filter((l) => !before.includes(l)), ...before.filter((l) => !after.includes(l))];
    if (changed.length > 0) throw new Error(`changed: ${changed.join(', ')}`);
  });
  await check('trusting the folder in the Workspace Trust editor lets Hashiya annotate, without reloading the window', async () => {
    // A marker on the page: a reload would drop it.
    await page.evaluate(() => { window.__hashiyaNoReload = true; });
    await runCommand('Workspaces: Manage Workspace Trust');
    const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust( Folder)?$/ }).first();
    await trust.waitFor({ timeout: 15_000 });
    await trust.click();
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'hidden', timeout: 15_000 });
    await page.locator('.statusbar-item', { hasText: 'Hashiya: restricted mode' }).first().waitFor({ state: 'hidden', timeout: 15_000 });
    await openByName('new-article.txt', NEW_TEXT);
    await page.locator('.tab.active', { hasText: 'new-article.txt' }).waitFor({ timeout: 15_000 });
    await selectWord('المتحدة');
    // The restarted server may still be starting: the command is tried until the label list appears.
    for (let attempt = 0; ; attempt++) {
      await runCommand('Hashiya: Annotate Selection');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Location' }).first();
      if (await row.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
        await row.click();
        break;
      }
      if (attempt > 5) throw new Error('Annotate Selection offered no labels after trust was granted');
    }
    const sidecar = await until('the sidecar of new-article.txt with المتحدة', () => {
      const parsed = JSON.parse(fs.readFileSync(newSidecar, 'utf8'));
      return parsed.entities.some((e) => e.text === 'المتحدة' && e.label === 'LOC') && parsed;
    });
    if (sidecar.entities.length !== 1) throw new Error(`expected one entity, found ${sidecar.entities.length}`);
    if (!(await page.evaluate(() => window.__hashiyaNoReload === true))) throw new Error('the window was reloaded');
    await page.screenshot({ path: path.join(repoRoot, 'test/artifacts/ui-trust-trusted.png') });
  });
} finally {
  await browser.close();
  await server.stop();
}
const failed = checks.filter((c) => !c.ok).length;
console.log(`ui-trust: ${checks.length - failed} passed, ${failed} failed`);
if (failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
process.exit(failed > 0 ? 1 : 0);
