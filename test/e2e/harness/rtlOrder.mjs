// Measures, in the rendered DOM, whether Arabic reads right to left: for every row (an element holding one visual
// line), the x positions of consecutive Arabic letters (marks between them ignored) and of the last letter of a
// word and the first letter of the next one across one space must decrease in logical order. A pair whose second
// letter lies to the right of the first is an inversion: the text was cut into pieces laid out left to right.
// Positions come from Range.getClientRects on single characters of the text nodes, so the check sees exactly
// what the browser drew, whatever the markup (Monaco's token spans, a webview's entity boxes).

/**
 * Runs in the page (pass to `page.evaluate` / `frame.evaluate`). `rowSelector` selects the rows; each row's text
 * nodes are read in DOM order, which is logical order in both Monaco's view lines and the annotation view.
 */
export function rtlOrderInPage(rowSelector) {
  const LETTER = /[\u0620-\u064A\u066E-\u066F\u0671-\u06D3\u06D5\u06EE-\u06EF\u06FA-\u06FC\u06FF\u0750-\u077F]/;
  const MARK = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200C\u200D]/;
  const result = { rows: 0, letterPairs: 0, wordPairs: 0, inversions: 0, examples: [] };
  const seen = new Set();
  for (const row of document.querySelectorAll(rowSelector)) {
    const text = row.textContent ?? '';
    if (!LETTER.test(text) || seen.has(text)) continue;
    seen.add(text);
    result.rows++;
    // The row's characters in logical order, each with the centre of the box the browser drew it in.
    const chars = [];
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.nodeValue ?? '';
      for (let i = 0; i < value.length; i++) {
        const ch = value[i];
        if (MARK.test(ch)) continue;
        let x = NaN;
        let y = NaN;
        if (LETTER.test(ch)) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = [...range.getClientRects()].find((r) => r.width > 0);
          if (box) {
            x = box.left + box.width / 2;
            y = box.top + box.height / 2;
          }
        }
        chars.push({ ch, x, y });
      }
    }
    const isLetter = (c) => c && LETTER.test(c.ch) && !Number.isNaN(c.x);
    const sameRow = (a, b) => Math.abs(a.y - b.y) < 4;
    const judge = (a, b, kind) => {
      if (!sameRow(a, b)) return;
      if (kind === 'letter') result.letterPairs++;
      else result.wordPairs++;
      // The next letter must lie to the left; half a pixel of slack for ligatures that share one glyph box.
      if (b.x > a.x + 0.5) {
        result.inversions++;
        if (result.examples.length < 12) {
          const at = chars.indexOf(a);
          result.examples.push(`${kind}: «${chars.slice(Math.max(0, at - 8), at + 10).map((c) => c.ch).join('')}» (${a.ch}→${b.ch}: x ${a.x.toFixed(1)} → ${b.x.toFixed(1)})`);
        }
      }
    };
    for (let k = 0; k + 1 < chars.length; k++) {
      const a = chars[k];
      if (!isLetter(a)) continue;
      if (isLetter(chars[k + 1])) judge(a, chars[k + 1], 'letter');
      else if ((chars[k + 1].ch === ' ' || chars[k + 1].ch === '\u00a0') && isLetter(chars[k + 2])) judge(a, chars[k + 2], 'word');
    }
  }
  return result;
}

/** Monaco draws every visual row of the editor as one `.view-line`; the active editor of the workbench. */
export const EDITOR_ROWS = '.part.editor .editor-instance .monaco-editor .view-lines .view-line';

/** Measures until two measurements a moment apart agree (tokens and decorations arrive asynchronously). */
export async function measureSettled(frame, rowSelector, { tries = 20, pause = 400 } = {}) {
  let last = await frame.evaluate(rtlOrderInPage, rowSelector);
  for (let i = 0; i < tries; i++) {
    await new Promise((r) => setTimeout(r, pause));
    const next = await frame.evaluate(rtlOrderInPage, rowSelector);
    if (next.inversions === last.inversions && next.letterPairs === last.letterPairs && next.rows === last.rows) return next;
    last = next;
  }
  return last;
}
