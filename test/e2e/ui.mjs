#!/usr/bin/env node
// What an annotator sees, checked in the real workbench (code-server + headless Debian chromium): the extension
// loaded as a development extension on a fresh copy of samples/, an unannotated copy of the seed article opened
// with Ctrl+P, suggestions drawn as dashed boxes with every word in the editor's text colour, the Hashiya status
// bar item, a status set through the command palette and found in the sidecar on disk, Arabic measured to read
// right to left in the rendered editor (harness/rtlOrder.mjs), training data exported through the quick picks and
// the file dialog, entity text coloured once hashiya.editor.colourEntityText is on. Screenshot:
// test/artifacts/ui.png (and docs/screenshot.png with UPDATE_SCREENSHOT=1). Prints "ui: N passed, M failed";
// exits non-zero on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, workbenchUrl } from './harness/browser.mjs';
import { copySamples, createRunDir, repoRoot, runLayout, seedSettings, startCodeServer } from './harness/code-server.mjs';
import { EDITOR_ROWS, measureSettled } from './harness/rtlOrder.mjs';

const checks = [];
async function check(name, run) {
  try {
    await run();
    checks.push({ name, ok: true });
    console.log(`  ✔ ${name}`);
  } catch (error) {
    checks.push({ name, ok: false });
    // What the workbench showed when the check failed, beside the other artefacts.
    const picture = path.join(repoRoot, `test/artifacts/ui-failed-${checks.length}.png`);
    await page?.screenshot({ path: picture }).catch(() => {});
    console.log(`  ✖ ${name}: ${error.message.split('\n')[0]} (screenshot ${path.relative(repoRoot, picture)})`);
  }
}

/** Opens a workspace file with Ctrl+P and waits until the editor shows `text`. */
async function openByName(name, text) {
  await page.keyboard.press('Escape');
  for (let i = 0; i < 20 && !(await page.locator('.quick-input-widget input').isVisible()); i++) {
    await page.keyboard.press('Control+P');
    await page.waitForTimeout(250);
  }
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
  await page.locator('.monaco-editor .view-lines', { hasText: text }).waitFor({ timeout: 30_000 });
}

/** Measures the active editor's rows once tokens and decorations have settled; any inversion fails. */
async function expectRightToLeft(name, minimumPairs) {
  // The entity marks are drawn before measuring, so the measurement covers them.
  await page.locator('.part.editor .monaco-editor .view-overlays .cdr').first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  const order = await measureSettled(page, EDITOR_ROWS);
  await page.screenshot({ path: path.join(repoRoot, `test/artifacts/rtl-editor-${name}.png`) });
  console.log(`    ${name}: ${order.rows} rows, ${order.letterPairs} letter pairs, ${order.wordPairs} word pairs, ${order.inversions} inversions`);
  order.examples.forEach((e) => console.log(`      ${e}`));
  if (order.letterPairs + order.wordPairs < minimumPairs) throw new Error(`only ${order.letterPairs + order.wordPairs} pairs measured`);
  if (order.inversions > 0) throw new Error(`${order.inversions} inversions`);
}

const runDir = createRunDir('ui');
const layout = runLayout(runDir);
seedSettings(layout.userDataDir);
const workspace = copySamples(runDir);
fs.copyFileSync(path.join(workspace, 'iraq/dhi-qar-convoy-2020-07-22.txt'), path.join(workspace, 'iraq/new-article.txt'));
const server = await startCodeServer(layout);
const browser = await launchBrowser();
const { page } = browser;
const shot = path.join(repoRoot, 'test/artifacts/ui.png');
fs.mkdirSync(path.dirname(shot), { recursive: true });
try {
  await page.goto(workbenchUrl(server.base, workspace, { extensionDevelopmentPath: repoRoot }), { waitUntil: 'domcontentloaded' });
  await check('the workbench loads', async () => {
    await page.locator('.monaco-workbench .statusbar').waitFor({ timeout: 60_000 });
  });
  await check('Ctrl+P opens the unannotated article', async () => {
    for (let i = 0; i < 20 && !(await page.locator('.quick-input-widget input').isVisible()); i++) {
      await page.keyboard.press('Control+P');
      await page.waitForTimeout(250);
    }
    await page.keyboard.type('new-article.txt');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'new-article.txt' }).first().click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'قالت مصادر' }).waitFor({ timeout: 30_000 });
  });
  await check('suggestions are marked by dashed boxes and every word keeps the editor text colour', async () => {
    // The dashed border of a suggestion, drawn in the overlay layer behind the text.
    await page.waitForFunction(() => [...document.querySelectorAll('.part.editor .view-overlays .cdr')].some((d) => getComputedStyle(d).borderTopStyle === 'dashed'), null, { timeout: 30_000 });
    await page.waitForTimeout(1500); // time for semantic tokens, were any to come
    // Every piece of text in the editor's own foreground colour (the theme's editor.foreground: #CCCCCC in Dark
    // Modern, #3B3B3B in Light Modern), even with a location rule of #ff00ff set for semantic tokens.
    const { colours, foreground } = await page.evaluate(() => {
      const editor = document.querySelector('.part.editor .monaco-editor');
      const probe = document.createElement('span');
      probe.style.color = getComputedStyle(editor).getPropertyValue('--vscode-editor-foreground').trim();
      document.body.appendChild(probe);
      const foreground = getComputedStyle(probe).color;
      probe.remove();
      return { foreground, colours: [...new Set([...document.querySelectorAll('.part.editor .view-line span span')].map((s) => getComputedStyle(s).color))] };
    });
    if (colours.length !== 1 || colours[0] !== foreground) throw new Error(`text colours in the editor: ${colours.join(', ')} (editor foreground ${foreground})`);
  });
  await check('the status bar shows the document status and counts', async () => {
    await page.locator('.statusbar-item', { hasText: 'Hashiya: todo' }).first().waitFor({ timeout: 30_000 });
    const text = await page.locator('.statusbar-item', { hasText: 'Hashiya:' }).first().innerText();
    // The review progress: none of the unannotated article's suggestions reviewed yet.
    if (!/ 0 of [1-9]\d* reviewed/.test(text)) throw new Error(`status bar says "${text}"`);
  });
  await page.screenshot({ path: shot });
  await check('Set Document Status from the command palette writes the sidecar', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('>Hashiya: Set Document Status');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Set Document Status' }).first().click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'in-progress' }).first().click();
    const sidecar = path.join(workspace, 'iraq/new-article.ann.json');
    const deadline = Date.now() + 15_000;
    while (!(fs.existsSync(sidecar) && JSON.parse(fs.readFileSync(sidecar, 'utf8')).status === 'in-progress')) {
      if (Date.now() > deadline) throw new Error(`${sidecar} was not written with status in-progress`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.locator('.statusbar-item', { hasText: 'Hashiya: in-progress' }).first().waitFor({ timeout: 15_000 });
  });
  await check('the annotated sample shows its entities', async () => {
    await page.keyboard.press('Escape');
    for (let i = 0; i < 20 && !(await page.locator('.quick-input-widget input').isVisible()); i++) {
      await page.keyboard.press('Control+P');
      await page.waitForTimeout(250);
    }
    await page.keyboard.type('dhi-qar-convoy-2020-07-22.txt');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'dhi-qar-convoy-2020-07-22.txt' }).first().click();
    await page.locator('.statusbar-item', { hasText: 'Hashiya: in-progress · 36 entities' }).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(repoRoot, 'test/artifacts/ui-annotated.png') });
  });
  await check('the seed article reads right to left in the editor (no inversions between Arabic letters or words)', async () => {
    await expectRightToLeft('dhi-qar-convoy-2020-07-22', 1000);
  });
  await check('an article mixing numbers, hashtags, quotations and Latin words into Arabic reads right to left', async () => {
    await openByName('basra-local-elections-2023-03-14.txt', 'بعثة الأمم المتحدة');
    await page.locator('.statusbar-item', { hasText: '14 entities' }).first().waitFor({ timeout: 30_000 });
    await expectRightToLeft('basra-local-elections-2023-03-14', 400);
  });
  await check('Export Training Data… through its quick picks and the file dialog writes CoNLL and tells the counts', async () => {
    // Beside the corpus: an output inside it is refused.
    const out = path.join(path.dirname(workspace), 'exported-in-the-ui.conll');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('>Hashiya: Export Training Data');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Export Training Data' }).first().click();
    const step = (title) => page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 15_000 });
    await step('(1/4)');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'conll' }).first().click();
    await step('(2/4)');
    // done and reviewed are preselected; the sample's articles are in progress: tick that too.
    await page.locator('.quick-input-widget', { hasText: '2 Selected' }).first().waitFor({ timeout: 15_000 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'in-progress' }).first().click();
    await page.locator('.quick-input-widget', { hasText: '3 Selected' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await step('(3/4)');
    await page.keyboard.press('Enter'); // no split: one file
    await step('Proclitics');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'boundary' }).first().click();
    await step('(4/4)');
    // The file dialog (a path in the quick input) fills in its default path after it opens: type ours until it stays.
    const input = page.locator('.quick-input-widget input');
    await page.waitForFunction(() => document.querySelector('.quick-input-widget input')?.value.endsWith('train.conll'), null, { timeout: 15_000 });
    for (let i = 0; i < 40 && (await input.inputValue()) !== out; i++) {
      await input.fill(out);
      await page.waitForTimeout(250);
    }
    if ((await input.inputValue()) !== out) throw new Error(`the file dialog shows "${await input.inputValue()}"`);
    await page.keyboard.press('Enter');
    await page.locator('.notification-toast', { hasText: 'Hashiya: exported 2 documents' }).first().waitFor({ timeout: 30_000 });
    const conll = fs.readFileSync(out, 'utf8');
    if (!conll.startsWith('-DOCSTART- O') || !/^ذي B-LOC\nقار I-LOC$/m.test(conll)) throw new Error(`unexpected ${out}: ${conll.slice(0, 80)}`);
    await page.screenshot({ path: path.join(repoRoot, 'test/artifacts/ui-export.png') });
  });
  await check('with hashiya.editor.colourEntityText turned on in the Settings editor, entity words are coloured (location #ff00ff) and the measurement sees the reordering it costs', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Comma');
    const search = page.locator('.settings-editor .suggest-input-container');
    await search.waitFor({ timeout: 15_000 });
    await search.click();
    await page.keyboard.type('hashiya.editor.colourEntityText');
    const item = page.locator('.settings-editor .setting-item-bool', { hasText: 'Colour Entity Text' }).first();
    await item.waitFor({ timeout: 15_000 });
    const box = item.locator('.setting-value-checkbox');
    for (let i = 0; i < 10 && (await box.getAttribute('aria-checked')) !== 'true'; i++) {
      await box.click();
      await page.waitForTimeout(300);
    }
    if ((await box.getAttribute('aria-checked')) !== 'true') throw new Error('the setting did not turn on');
    // The Settings editor writes the user settings file; wait for it before going back to the article.
    const settingsFile = path.join(layout.userDataDir, 'User', 'settings.json');
    const deadline = Date.now() + 15_000;
    while (!/"hashiya\.editor\.colourEntityText": true/.test(fs.readFileSync(settingsFile, 'utf8'))) {
      if (Date.now() > deadline) throw new Error(`the setting is not in ${settingsFile}: ${fs.readFileSync(settingsFile, 'utf8').slice(-200)}`);
      await page.waitForTimeout(100);
    }
    await page.locator('.tab', { hasText: 'dhi-qar-convoy-2020-07-22.txt' }).first().click();
    await page.waitForFunction(() => [...document.querySelectorAll('.part.editor .view-line span span')].some((s) => s.textContent.includes('الديوانية') && getComputedStyle(s).color === 'rgb(255, 0, 255)'), null, { timeout: 30_000 });
    const order = await measureSettled(page, EDITOR_ROWS);
    await page.screenshot({ path: path.join(repoRoot, 'test/artifacts/rtl-editor-coloured.png') });
    console.log(`    coloured: ${order.rows} rows, ${order.letterPairs + order.wordPairs} pairs, ${order.inversions} inversions`);
    if (order.inversions === 0) throw new Error('no inversions measured with entity text coloured: the measurement would not see reordering');
  });
} finally {
  if (!fs.existsSync(shot)) await page.screenshot({ path: shot }).catch(() => {});
  if (process.env.UPDATE_SCREENSHOT === '1') {
    fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, 'test/artifacts/ui-annotated.png'), path.join(repoRoot, 'docs/screenshot.png'));
  }
  await browser.close();
  await server.stop();
}
const failed = checks.filter((c) => !c.ok).length;
console.log(`ui: ${checks.length - failed} passed, ${failed} failed (screenshot ${path.relative(repoRoot, shot)})`);
if (failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
process.exit(failed > 0 ? 1 : 0);
