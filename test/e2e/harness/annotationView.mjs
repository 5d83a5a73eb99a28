// Helpers for the annotation view in the real workbench, shared by its UI checks and its benchmark: a 1 MB
// article of real text (WikiFANE, fixtures/wikifane, licence there), opening the view from the command palette
// and timing it to the first paragraph with entity boxes on screen, and frame times while scrolling it.
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { repoRoot } from './code-server.mjs';

/** WikiFANE Gold as running text (one sentence a line, tokens joined by spaces), whole lines up to `bytes`. */
export function wikifaneArticle(bytes = 1_000_000) {
  const conll = gunzipSync(fs.readFileSync(path.join(repoRoot, 'fixtures/wikifane/WikiFANE_Gold_2014_500K.txt.gz'))).toString('utf8');
  let out = '';
  let sentence = [];
  for (const line of conll.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const token = line.split('\t')[0].replace(/\u200e/g, '').trim();
    if (token) {
      sentence.push(token);
      continue;
    }
    if (sentence.length === 0) continue;
    const next = sentence.join(' ') + '\n';
    if (Buffer.byteLength(out) + Buffer.byteLength(next) > bytes) break;
    out += next;
    sentence = [];
  }
  return out;
}

/** Frames that hold an annotation view page (webviews are nested iframes). */
export async function viewFrames(page) {
  const found = [];
  for (const frame of page.frames()) {
    if (await frame.$('#article').catch(() => null)) found.push(frame);
  }
  return found;
}

/**
 * Runs Hashiya: Open Annotation View from the command palette (typed before the clock starts) and waits for a
 * new view frame showing a paragraph with an entity or suggestion box inside the screen. Returns the frame, the
 * time from the click on the command to that (as seen from here, polling), and the page's own timeline (from the
 * command's start in the extension to the first screen painted, on the same clock).
 */
export async function openViewTimed(page, { before = [], timeout = 60_000 } = {}) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type('Hashiya: Open Annotation View');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Annotation View' }).first();
  await row.waitFor();
  const started = Date.now();
  await row.click();
  return waitForBoxes(page, started, before, timeout);
}

/** Waits for a view frame (not one of `before`) with a box on screen; see openViewTimed. */
export async function waitForBoxes(page, started, before = [], timeout = 60_000) {
  const deadline = started + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (before.includes(frame)) continue;
      const shown = await frame.evaluate(() => {
        const box = document.querySelector('#article .mark');
        if (!box) return false;
        const r = box.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
      }).catch(() => false);
      if (shown) {
        const polledMs = Date.now() - started;
        await frame.waitForFunction(() => document.body.dataset.firstScreenMs !== undefined, undefined, { timeout: 10_000 });
        const timeline = await frame.evaluate(() => ({ ...document.body.dataset }));
        return { frame, polledMs, timeline };
      }
    }
    await page.waitForTimeout(10);
  }
  throw new Error(`no annotation view with boxes on screen within ${timeout / 1000} s`);
}

/**
 * Scrolls the view with the mouse wheel (real input events) while the page records the time between its
 * animation frames. Returns frame-time statistics in ms, and how far it scrolled.
 */
export async function scrollFrameTimes(page, frame, { wheels = 60, delta = 400, pause = 16 } = {}) {
  await frame.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
  const box = await (await frame.frameElement()).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const startY = await frame.evaluate(() => window.scrollY);
  for (let i = 0; i < wheels; i++) {
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(pause);
  }
  await page.waitForTimeout(300);
  const frames = await frame.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__recording = false;
    return w.__frames;
  });
  const scrolled = (await frame.evaluate(() => window.scrollY)) - startY;
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return {
    frames: frames.length,
    median: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1],
    over50: frames.filter((f) => f > 50).length,
    scrolled,
  };
}

export function loadAverage() {
  try {
    return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

/** Opens a file of the workspace by name with Quick Open and waits for its text in an editor. */
export async function openByName(page, name, text) {
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
export async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().click();
}
