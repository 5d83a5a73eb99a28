#!/usr/bin/env node
// The annotation view in the real workbench (code-server + headless Debian chromium): opened from the editor title
// bar on the seed article and timed to its first boxes on screen, its screenshot saved
// (test/artifacts/annotation-view.png; docs/annotation-view.png with UPDATE_SCREENSHOT=1), every entity boxed and
// Arabic measured to read right to left in it as it is scrolled (harness/rtlOrder.mjs); an edit in the text editor
// reaching it as an edit, not the whole text again; an entity annotated by selecting words with the mouse, and one
// by Shift+arrow keys, each then found in the sidecar on disk; a reference chosen among knowledge-base entries for
// a new annotation and for an existing entity, found in the sidecar; a suggestion accepted with the keyboard loop
// (J, A) and undone (Ctrl+Z); the text editor's cursor line shown in it; line height changed with its keys and
// button (measured line boxes) and kept across a reload, after which the view comes back; a 1 MB article of real
// text (WikiFANE) opened from the command and timed, read right to left on its first screen, and scrolled with
// frame times measured. Prints "ui-view: N passed, M failed"; exits non-zero on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, workbenchUrl } from './harness/browser.mjs';
import { copySamples, createRunDir, repoRoot, runLayout, seedSettings, startCodeServer } from './harness/code-server.mjs';
import { loadAverage, openByName as openFile, openViewTimed, scrollFrameTimes, viewFrames, waitForBoxes, wikifaneArticle } from './harness/annotationView.mjs';
import { measureSettled, rtlOrderInPage } from './harness/rtlOrder.mjs';

const SEED = 'dhi-qar-convoy-2020-07-22';
/**
 * Generous bounds for the open time in this check (the machine is shared; bench/annotationView.bench.ts reports
 * the figures against 300 ms): from the command to boxes on screen, and the part of it after VS Code has started
 * the webview (the page script running): the article sent and its first screen laid out — what the view decides.
 */
const OPEN_BOUND_MS = 10_000;
const AFTER_START_UP_BOUND_MS = 1500;

function assertOpenTimes(opened) {
  const afterStartUp = Number(opened.timeline.firstScreenMs) - Number(opened.timeline.scriptStartMs);
  if (opened.polledMs > OPEN_BOUND_MS) throw new Error(`${opened.polledMs} ms to the first boxes`);
  if (!(afterStartUp <= AFTER_START_UP_BOUND_MS)) throw new Error(`${afterStartUp} ms from the page running to its first screen`);
}
const checks = [];
let page;
async function check(name, run) {
  try {
    await run();
    checks.push({ name, ok: true });
    console.log(`  ✔ ${name}`);
  } catch (error) {
    checks.push({ name, ok: false });
    const picture = path.join(repoRoot, `test/artifacts/ui-view-failed-${checks.length}.png`);
    await page?.screenshot({ path: picture }).catch(() => {});
    console.log(`  ✖ ${name}: ${error.message.split('\n').find((l) => l.trim()) ?? ''} (screenshot ${path.relative(repoRoot, picture)})`);
  }
}

const openByName = (name, text) => openFile(page, name, text);

/** The frame of an annotation view with article lines (webviews are nested iframes). */
async function viewFrame(timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.$('#article p:not(.pending)').catch(() => null);
      if (found) return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error('no annotation view frame with article lines');
}

const sidecarOf = (workspace, name) => JSON.parse(fs.readFileSync(path.join(workspace, `iraq/${name}.ann.json`), 'utf8'));
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

/** Page coordinates of the first and last letter of `words` in line `line` of the view (scrolled into sight). */
async function lettersOf(frame, line, words) {
  await showLine(frame, line);
  const boxes = await frame.evaluate(({ line, w }) => {
    for (const span of document.querySelectorAll(`#article p[data-line="${line}"] .text`)) {
      const node = span.firstChild;
      const at = node?.nodeValue?.indexOf(w) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      const box = (i) => {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, y: r.top + r.height / 2 };
      };
      return { first: box(at), last: box(at + w.length - 1) };
    }
    return null;
  }, { line, w: words });
  if (!boxes) throw new Error(`«${words}» not found on line ${line} of the view`);
  const offset = await (await frame.frameElement()).boundingBox();
  const at = (b) => ({ left: offset.x + b.left, right: offset.x + b.right, y: offset.y + b.y });
  return { first: at(boxes.first), last: at(boxes.last) };
}

/** Scrolls line `line` of the view to the middle of the screen and waits until its paragraph is filled in. */
async function showLine(frame, line) {
  await frame.evaluate((line) => document.querySelector(`#article p[data-line="${line}"]`)?.scrollIntoView({ block: 'center' }), line);
  await frame.waitForFunction((line) => document.querySelector(`#article p[data-line="${line}"]:not(.pending) .text`), line, { timeout: 10_000 });
}

/** A click in the middle of the first box of `kind` holding `text` on line `line` (at its words, where a person clicks). */
async function clickBox(frame, line, text, kind = 'entity') {
  await showLine(frame, line);
  const at = await frame.evaluate(({ line, text, kind }) => {
    const box = [...document.querySelectorAll(`#article p[data-line="${line}"] .mark.${kind}`)].find((b) => b.textContent === text);
    if (!box) return null;
    const r = box.getClientRects()[0];
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, { line, text, kind });
  if (!at) throw new Error(`no ${kind} box «${text}» on line ${line}`);
  const offset = await (await frame.frameElement()).boundingBox();
  await page.mouse.click(offset.x + at.x, offset.y + at.y);
}

/** A click just inside the right edge of the first letter of `words`: the caret before it (right to left). */
async function caretBefore(frame, line, words) {
  const { first } = await lettersOf(frame, line, words);
  await page.mouse.click(first.right - 1, first.y);
}

/** The height of one line box of paragraph `line`: its height over the rows its letters sit on. */
async function lineBoxHeight(frame, line) {
  await showLine(frame, line);
  return frame.evaluate((line) => {
    const p = document.querySelector(`#article p[data-line="${line}"]`);
    const rows = new Set();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.nodeValue.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        if (r.height > 0) rows.add(Math.round(r.top + r.height / 2));
      }
    }
    // Rows are whole line boxes apart; letters of one row can differ by a pixel or two (marks, boxes).
    const tops = [...rows].sort((a, b) => a - b).filter((y, i, all) => i === 0 || y - all[i - 1] > 8);
    return p.getBoundingClientRect().height / tops.length;
  }, line);
}

/** Runs `visit` at each screenful of the view from top to bottom (the view fills what is on screen). */
async function scrollThrough(frame, visit) {
  await frame.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < 200; i++) {
    await page.waitForTimeout(150);
    await visit();
    const done = await frame.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY === before;
    });
    if (done) break;
  }
  await frame.evaluate(() => window.scrollTo(0, 0));
}

const runDir = createRunDir('ui-view');
const layout = runLayout(runDir);
seedSettings(layout.userDataDir);
const workspace = copySamples(runDir);
const seedText = fs.readFileSync(path.join(workspace, `iraq/${SEED}.txt`), 'utf8');
// A 1 MB article of real text (no sidecar; the knowledge base suggests on it).
const big = wikifaneArticle(1_000_000);
fs.writeFileSync(path.join(workspace, 'iraq/wikifane-1mb.txt'), big);
const bigLines = big.split('\n').length;
const server = await startCodeServer(layout);
const browser = await launchBrowser();
page = browser.page;
fs.mkdirSync(path.join(repoRoot, 'test/artifacts'), { recursive: true });
const shot = path.join(repoRoot, 'test/artifacts/annotation-view.png');
let frame;
let lineHeightAfter;
try {
  await page.goto(workbenchUrl(server.base, workspace, { extensionDevelopmentPath: repoRoot }), { waitUntil: 'domcontentloaded' });
  await check('the workbench loads and the seed article opens', async () => {
    await page.locator('.monaco-workbench .statusbar').waitFor({ timeout: 60_000 });
    await openByName(`${SEED}.txt`, 'قالت مصادر');
    await page.locator('.statusbar-item', { hasText: '36 entities' }).first().waitFor({ timeout: 30_000 });
  });
  await check(`the editor title bar button opens the annotation view beside the editor, entity boxes on screen within ${OPEN_BOUND_MS} ms (${AFTER_START_UP_BOUND_MS} ms after the webview started)`, async () => {
    const started = Date.now();
    await page.locator('.editor-actions [aria-label*="Open Annotation View"]').first().click();
    const opened = await waitForBoxes(page, started);
    frame = opened.frame;
    const t = opened.timeline;
    console.log(`    seed: boxes on screen ${opened.polledMs} ms after the click (polled); from the command: page script running at ${t.scriptStartMs} ms (webview start-up), first screen's message there at ${t.openMessageMs} ms, painted at ${t.firstScreenMs} ms (${t.openInPageMs} ms of it in the page, ${t.boxesOnFirstScreen} boxes); load average ${loadAverage()}`);
    assertOpenTimes(opened);
    const dirs = await frame.evaluate(() => [...document.querySelectorAll('#article p:not(.pending)')].map((p) => p.dir));
    if (dirs.length === 0 || !dirs.every((d) => d === 'rtl')) throw new Error(`paragraph directions: ${dirs.join(',')}`);
    await page.waitForTimeout(500);
    await page.screenshot({ path: shot });
  });
  await check('scrolled through, the view boxes every one of the 36 entities of the sidecar', async () => {
    const seen = new Set();
    await scrollThrough(frame, async () => {
      for (const key of await frame.evaluate(() => [...document.querySelectorAll('#article .mark.entity:not(.continued)')].map((b) => `${b.dataset.line}:${b.dataset.from}:${b.dataset.to}:${b.dataset.label}`))) seen.add(key);
    });
    const expected = sidecarOf(workspace, SEED).entities.length;
    if (seen.size !== expected) throw new Error(`${seen.size} entity boxes, the sidecar has ${expected}`);
  });
  await check('the seed reads right to left in the view (no inversions between Arabic letters or words)', async () => {
    const total = { rows: 0, letterPairs: 0, wordPairs: 0, inversions: 0, examples: [] };
    await scrollThrough(frame, async () => {
      const order = await frame.evaluate(rtlOrderInPage, '#article p:not(.pending)');
      for (const k of ['rows', 'letterPairs', 'wordPairs', 'inversions']) total[k] += order[k];
      for (const example of order.examples) total.examples.push(example);
    });
    console.log(`    view: ${total.rows} paragraphs (counted once per screen they were on), ${total.letterPairs} letter pairs, ${total.wordPairs} word pairs, ${total.inversions} inversions`);
    total.examples.slice(0, 12).forEach((e) => console.log(`      ${e}`));
    if (total.letterPairs + total.wordPairs < 1000) throw new Error(`only ${total.letterPairs + total.wordPairs} pairs measured`);
    if (total.inversions > 0) throw new Error(`${total.inversions} inversions`);
  });
  await check('a line typed in the text editor reaches the view as an edit and a delta, not the whole text again', async () => {
    const before = await frame.evaluate(() => ({ whole: document.body.dataset.wholeCount, deltas: Number(document.body.dataset.deltaCount || 0), paragraphs: document.querySelectorAll('#article p').length }));
    await page.locator('.part.editor .monaco-editor .view-line').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('تجربة');
    await page.keyboard.press('Enter');
    await frame.waitForFunction((n) => document.querySelectorAll('#article p').length === n + 1 && document.querySelector('#article p[data-line="0"]')?.textContent === 'تجربة', before.paragraphs, { timeout: 10_000 });
    // The box moved with its words to the next line (hand-read from the seed: its first ACTOR on line 1).
    await frame.waitForFunction(() => document.querySelector('#article p[data-line="1"] .mark.entity[data-label="ACTOR"]')?.textContent === 'القوات الأميركية', undefined, { timeout: 5_000 })
      .catch(() => {});
    const after = await frame.evaluate(() => ({
      whole: document.body.dataset.wholeCount,
      deltas: Number(document.body.dataset.deltaCount || 0),
      actor: document.querySelector('#article p[data-line="1"] .mark.entity[data-label="ACTOR"]')?.textContent,
    }));
    if (after.whole !== before.whole) throw new Error(`the whole text was sent again (${before.whole} → ${after.whole})`);
    if (after.deltas <= before.deltas) throw new Error('no delta reached the view');
    if (after.actor !== 'القوات الأميركية') throw new Error(`the first ACTOR box of the old first line holds «${after.actor}»`);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await frame.waitForFunction((n) => document.querySelectorAll('#article p').length === n && document.querySelector('#article p[data-line="0"]')?.textContent.startsWith('قالت'), before.paragraphs, { timeout: 10_000 });
  });
  await check('selecting «مصادر أمنية عراقية» with the mouse and pressing 2 annotates it as ACTOR in the sidecar on disk', async () => {
    const words = 'مصادر أمنية عراقية';
    const { first, last } = await lettersOf(frame, 0, words);
    // Right to left: the drag starts just right of the first letter and ends just left of the last one.
    await page.mouse.move(first.right + 2, first.y);
    await page.mouse.down();
    await page.mouse.move((first.right + last.left) / 2, first.y, { steps: 5 });
    await page.mouse.move(last.left - 2, last.y, { steps: 5 });
    await page.mouse.up();
    await frame.locator('#picker:not([hidden])').waitFor({ timeout: 5_000 });
    await page.keyboard.press('2');
    const entity = await until('the ACTOR entity in the sidecar', () => sidecarOf(workspace, SEED).entities.find((e) => e.text === words && e.label === 'ACTOR'));
    if ([...seedText].slice(entity.start, entity.end).join('') !== words) throw new Error(`offsets ${entity.start}-${entity.end} cover another text`);
    await frame.locator('#article .mark.entity[data-label="ACTOR"]', { hasText: words }).first().waitFor({ timeout: 10_000 });
  });
  await check('Shift+Left pressed before the click\'s own handling ends extends the selection by words and opens no label picker', async () => {
    // A busy page runs key presses that wait before the timer its mouseup set: the timer must not then take the
    // keyboard's selection for the mouse's and open the label picker over it (the next Shift+Right would then
    // move the browser's selection by one letter). Here the mouseup and the key presses are one task.
    await caretBefore(frame, 9, 'المليشيات');
    await page.waitForTimeout(100);
    try {
      const after = await frame.evaluate(async () => {
        const article = document.getElementById('article');
        article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        for (let i = 0; i < 2; i++) document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', shiftKey: true, bubbles: true, cancelable: true }));
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { selected: String(window.getSelection()), picker: !document.getElementById('picker').hidden };
      });
      if (after.picker) throw new Error(`the label picker opened over the keyboard's selection «${after.selected}»`);
      if (after.selected.trim() !== 'المليشيات إلى') throw new Error(`selected «${after.selected}»`);
    } finally {
      // Picker closed, selection cleared: the next check starts from a caret.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
    }
  });
  await check('Shift+Left ×3 then Shift+Right from before «المليشيات» selects it word by word (in reading order); 2 annotates it as ACTOR in the sidecar', async () => {
    // Line 9: «… ما دفع المليشيات إلى تغيير استراتيجيتها …» (its one suggestion, «الأمن العراقي», is left for J).
    const words = 'المليشيات';
    await caretBefore(frame, 9, words);
    for (const key of ['Shift+ArrowLeft', 'Shift+ArrowLeft', 'Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowRight']) await page.keyboard.press(key);
    // Forward to the ends of المليشيات, إلى, تغيير; back to the starts of تغيير, إلى: المليشيات and the space after.
    const selected = await frame.evaluate(() => String(window.getSelection()));
    if (selected.trim() !== words) throw new Error(`selected «${selected}»`);
    await page.keyboard.press('2');
    // Several actors of the knowledge base could match: then the view asks for a reference; 0 is none.
    await frame.locator('#picker:not([hidden])').waitFor({ timeout: 2_000 }).then(() => page.keyboard.press('0'), () => {});
    const entity = await until('the keyboard-selected ACTOR entity in the sidecar', () => sidecarOf(workspace, SEED).entities.find((e) => e.text === words && e.label === 'ACTOR'));
    if ([...seedText].slice(entity.start, entity.end).join('') !== words) throw new Error(`offsets ${entity.start}-${entity.end} cover another text`);
  });
  // بغداد is two entries of the built-in knowledge base (data/builtin/places.jsonl): the capital (geonames:98182,
  // the seed's ref) and the governorate (geonames:98180).
  const GOVERNORATE = 'geonames:98180';
  const CITY = 'geonames:98182';
  // The server describes an entry by its knowledge-base description until the corpus confirms it, then by how
  // often it was confirmed: the governorate's description is asked for on the first choice only.
  const pickGovernorate = async ({ described }) => {
    await frame.locator('#picker:not([hidden]) [role="option"]', { hasText: GOVERNORATE }).first().waitFor({ timeout: 30_000 });
    const options = await frame.locator('#picker [role="option"]').allInnerTexts();
    const option = options.find((o) => o.includes(GOVERNORATE) && (!described || o.includes('governorate of Iraq')));
    const cities = options.filter((o) => o.includes(CITY));
    if (!option || cities.length === 0) throw new Error(`reference choices: ${options.join(' | ')}`);
    await page.keyboard.press(option.trim().split(/\s+/)[0]);
  };
  await check('a new annotation of «بغداد» by keyboard offers the city and the governorate with their descriptions (as the server ranks them); the one chosen is its ref in the sidecar', async () => {
    const at = [...seedText].join('').indexOf('في بغداد') + 3;
    // The seed annotates it (the city): removed first with Delete on its box.
    await clickBox(frame, 9, 'بغداد');
    await page.keyboard.press('Delete');
    await until('the entity removed from the sidecar', () => !sidecarOf(workspace, SEED).entities.some((e) => e.start === at && e.label === 'LOC'));
    await caretBefore(frame, 9, 'بغداد');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('1');
    await pickGovernorate({ described: true });
    const entity = await until('the new entity with the governorate ref', () => sidecarOf(workspace, SEED).entities.find((e) => e.start === at && e.label === 'LOC'));
    if (entity.text !== 'بغداد' || entity.ref !== GOVERNORATE) throw new Error(`entity ${JSON.stringify(entity)}`);
  });
  await check('C on the «بغداد» box of «ببغداد» offers its references; the governorate chosen replaces the city in the sidecar', async () => {
    const at = [...seedText].join('').indexOf('ببغداد') + 1;
    await page.keyboard.press('Escape');
    // The last annotation's state and the editor's cursor (revealed from the view) come back first.
    await page.waitForTimeout(1500);
    await clickBox(frame, 1, 'بغداد');
    const focusedBox = await frame.evaluate(() => ({ text: document.activeElement?.textContent, line: document.activeElement?.dataset?.line, scrollY: window.scrollY }));
    if (focusedBox.text !== 'بغداد' || focusedBox.line !== '1') {
      const traffic = await frame.evaluate(() => document.body.dataset.traffic);
      const picker = await frame.evaluate(() => (document.getElementById('picker').hidden ? 'hidden' : document.getElementById('picker').textContent));
      throw new Error(`the click focused «${focusedBox.text?.trim().slice(0, 40)}» (line ${focusedBox.line}, scrollY ${focusedBox.scrollY}); picker: ${picker}; messages: ${traffic}`);
    }
    await page.keyboard.press('c');
    await pickGovernorate({ described: false });
    await until('the governorate ref in the sidecar', () => sidecarOf(workspace, SEED).entities.find((e) => e.start === at && e.text === 'بغداد')?.ref === GOVERNORATE);
  });
  await check('J focuses the pending suggestion, A accepts it into the sidecar, Ctrl+Z takes the acceptance back', async () => {
    await page.keyboard.press('Escape');
    const before = sidecarOf(workspace, SEED).entities.length;
    await page.keyboard.press('j');
    const focused = frame.locator('#article .mark.suggestion.focused');
    await focused.waitFor({ timeout: 5_000 });
    const text = await focused.innerText();
    await page.keyboard.press('a');
    await until('the accepted suggestion in the sidecar', () => sidecarOf(workspace, SEED).entities.length === before + 1 && sidecarOf(workspace, SEED).entities.some((e) => e.text === text));
    await frame.locator('#article .mark.entity', { hasText: text }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+z');
    await until('the acceptance undone in the sidecar', () => sidecarOf(workspace, SEED).entities.length === before);
  });
  await check('a click in the text editor shows the cursor line in the view', async () => {
    await page.locator('.part.editor .monaco-editor .view-line').nth(12).click();
    const cursor = await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText();
    const line = Number(/Ln (\d+)/.exec(cursor)[1]) - 1;
    await frame.locator(`#article p.cursor-line[data-line="${line}"]`).waitFor({ timeout: 10_000 });
  });
  await check('] twice and the ↕+ button raise the measured line box by 0.6 of the font size (20 px: 12 px)', async () => {
    const before = await lineBoxHeight(frame, 0);
    await frame.locator('#summary').click();
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await frame.locator('#toolbar button[aria-label="More line height"]').click();
    await page.waitForTimeout(200);
    lineHeightAfter = await lineBoxHeight(frame, 0);
    const shown = await frame.locator('#line-height-value').innerText();
    console.log(`    line box ${before.toFixed(1)} px → ${lineHeightAfter.toFixed(1)} px (line height shown ${shown})`);
    if (Math.abs(lineHeightAfter - before - 12) > 1.5) throw new Error(`line box ${before} → ${lineHeightAfter} px`);
    if (shown !== '3.2') throw new Error(`line height shown as ${shown}`);
  });
  await check('after the window reloads, the view comes back on the same article with its line height (WebviewPanelSerializer, page state)', async () => {
    // Developer: Reload Window, as a user would: the workbench saves its editors (the view and its state) first.
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('Developer: Reload Window');
    await Promise.all([
      page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 30_000 }),
      page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reload Window' }).first().click(),
    ]);
    await page.locator('.monaco-workbench .statusbar').waitFor({ timeout: 60_000 });
    frame = await viewFrame(60_000);
    await frame.locator('#article .mark.entity[data-label="ACTOR"]', { hasText: 'مصادر أمنية عراقية' }).first().waitFor({ timeout: 30_000 });
    const height = await lineBoxHeight(frame, 0);
    if (Math.abs(height - lineHeightAfter) > 1) throw new Error(`line box ${height} px after the reload, ${lineHeightAfter} px before`);
  });
  await check('the article with numbers, hashtags, quotations and Latin words mixed into Arabic reads right to left in the view', async () => {
    await page.keyboard.press('Escape');
    await openByName('basra-local-elections-2023-03-14.txt', 'بعثة الأمم المتحدة');
    await page.locator('.statusbar-item', { hasText: 'Hashiya: todo' }).first().waitFor({ timeout: 60_000 });
    const opened = await openViewTimed(page, { before: await viewFrames(page) });
    const mixed = opened.frame;
    const total = { rows: 0, letterPairs: 0, wordPairs: 0, inversions: 0, examples: [] };
    await scrollThrough(mixed, async () => {
      const order = await mixed.evaluate(rtlOrderInPage, '#article p:not(.pending)');
      for (const k of ['rows', 'letterPairs', 'wordPairs', 'inversions']) total[k] += order[k];
      for (const example of order.examples) total.examples.push(example);
    });
    console.log(`    mixed article in the view: ${total.rows} paragraphs, ${total.letterPairs} letter pairs, ${total.wordPairs} word pairs, ${total.inversions} inversions`);
    total.examples.slice(0, 12).forEach((e) => console.log(`      ${e}`));
    await page.screenshot({ path: path.join(repoRoot, 'test/artifacts/annotation-view-mixed.png') });
    if (total.letterPairs + total.wordPairs < 300) throw new Error(`only ${total.letterPairs + total.wordPairs} pairs measured`);
    if (total.inversions > 0) throw new Error(`${total.inversions} inversions`);
  });
  await check(`a 1 MB article of WikiFANE text (${bigLines} lines) shows boxes within ${OPEN_BOUND_MS} ms of the command (${AFTER_START_UP_BOUND_MS} ms after the webview started), reads right to left on its first screen, scrolls`, async () => {
    await page.keyboard.press('Escape');
    await page.locator('.part.editor .tabs-container .tab', { hasText: `${SEED}.txt` }).first().click();
    await openByName('wikifane-1mb.txt', big.slice(0, 12));
    // The big article's own state (status todo; the seed's is in-progress) has reached the client.
    await page.locator('.statusbar-item', { hasText: 'Hashiya: todo' }).first().waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1000);
    const opened = await openViewTimed(page, { before: await viewFrames(page) });
    const bigFrame = opened.frame;
    await bigFrame.waitForFunction(() => document.body.dataset.wholeAtMs !== undefined && document.body.dataset.placeholdersDone, undefined, { timeout: 60_000 });
    const t = await bigFrame.evaluate(() => ({ ...document.body.dataset, paragraphs: document.querySelectorAll('#article p').length, shown: document.querySelectorAll('#article p:not(.pending)').length }));
    console.log(`    1 MB: boxes on screen ${opened.polledMs} ms after the click (polled); from the command: page script running at ${t.scriptStartMs} ms (webview start-up), first screen's message there at ${t.openMessageMs} ms, painted at ${t.firstScreenMs} ms (${t.openInPageMs} ms in the page, ${t.boxesOnFirstScreen} boxes); the whole text there ${t.wholeAtMs} ms after the command (${t.wholeInPageMs} ms in the page); ${t.paragraphs} paragraphs, ${t.shown} of them filled; load average ${loadAverage()}`);
    await page.screenshot({ path: path.join(repoRoot, 'test/artifacts/annotation-view-1mb.png') });
    assertOpenTimes(opened);
    if (t.paragraphs !== bigLines) throw new Error(`${t.paragraphs} paragraphs for ${bigLines} lines`);
    const order = await measureSettled(bigFrame, '#article p:not(.pending)');
    console.log(`    1 MB first screen: ${order.rows} paragraphs, ${order.letterPairs} letter pairs, ${order.wordPairs} word pairs, ${order.inversions} inversions`);
    order.examples.forEach((e) => console.log(`      ${e}`));
    if (order.letterPairs + order.wordPairs < 300) throw new Error(`only ${order.letterPairs + order.wordPairs} pairs measured`);
    if (order.inversions > 0) throw new Error(`${order.inversions} inversions`);
    const frames = await scrollFrameTimes(page, bigFrame);
    console.log(`    1 MB scrolling (${frames.frames} frames, ${Math.round(frames.scrolled)} px by mouse wheel): frame time median ${frames.median.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms, max ${frames.max.toFixed(1)} ms, ${frames.over50} frames over 50 ms; load average ${loadAverage()}`);
    if (frames.scrolled < 5000) throw new Error(`scrolled only ${frames.scrolled} px`);
    // What is on screen after scrolling is filled in: the paragraph in the middle of the view holds its words.
    await page.waitForTimeout(300);
    const middle = await bigFrame.evaluate(() => {
      const el = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2)?.closest('p');
      return el ? { pending: el.classList.contains('pending'), text: el.textContent.length } : null;
    });
    if (!middle || middle.pending || middle.text === 0) throw new Error(`the paragraph on screen after scrolling: ${JSON.stringify(middle)}`);
    await page.screenshot({ path: path.join(repoRoot, 'test/artifacts/annotation-view-1mb-scrolled.png') });
  });
} finally {
  if (!fs.existsSync(shot)) await page.screenshot({ path: shot }).catch(() => {});
  if (process.env.UPDATE_SCREENSHOT === '1') {
    fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
    fs.copyFileSync(shot, path.join(repoRoot, 'docs/annotation-view.png'));
  }
  await browser.close();
  await server.stop();
}
const failed = checks.filter((c) => !c.ok).length;
console.log(`ui-view: ${checks.length - failed} passed, ${failed} failed (screenshot ${path.relative(repoRoot, shot)})`);
if (failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
process.exit(failed > 0 ? 1 : 0);
