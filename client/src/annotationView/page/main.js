// The annotation view's page: lays the article out right to left and turns what the annotator does into
// messages for the extension, which holds no copy of the state but the server's (client/src/annotationView).
// The article arrives once — its first screen (with the lengths of all lines) at once, the rest right after it
// is painted — and then only as the editor's text edits and the state's deltas (common/stateDelta.ts, the same
// code the extension applies to the server's deltas). Text edits wait for the state of their version, so text
// and boxes always belong together. Positions are LSP ones: line and UTF-16 character.
// @ts-check
import { applyStateDelta } from '../../../../common/stateDelta';
import { applyTextChanges, splitLines } from './lines';
import { fillParagraph, marksByLine, signature } from './marks';
import { Paragraphs } from './paragraphs';
import { nextWordBoundary, wordsOf } from './wordSelection';

const vscode = acquireVsCodeApi();
const article = /** @type {HTMLElement} */ (document.getElementById('article'));
const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
const unresolvedBox = /** @type {HTMLElement} */ (document.getElementById('unresolved'));
const picker = /** @type {HTMLElement} */ (document.getElementById('picker'));
const nonce = /** @type {HTMLScriptElement} */ (document.currentScript)?.nonce ?? '';
const openedAt = Number(document.body.dataset.openedAt) || Date.now();
// The timeline of an open, on the extension host's clock (same machine): the page's script running (VS Code's
// webview start-up until then), the first screen's message here, the first screen painted.
document.body.dataset.scriptStartMs = String(Date.now() - openedAt);

/** @type {any} */ let state;
/** @type {string[]} */ let lines = [];
/** @type {Map<number, any[]>} */ let byLine = new Map();
/** Text edits posted ahead of the state of their version: { version, changes }. */
/** @type {{ version: number, changes: any[] }[]} */ let pendingEdits = [];
/** @type {{line:number,start:number,end:number,label:string,index:number}|undefined} */ let focused;
/** @type {{ title: string, options: { text: string, label?: string, act: () => void }[] } | undefined} */ let choice;
/** A selection made with Shift+arrows: its fixed end and its moving end, on one line. */
/** @type {{ line: number, anchor: number, focus: number } | undefined} */ let keySelection;

const saved = vscode.getState() || {};
const settings = { fontSize: saved.fontSize || 20, lineHeight: saved.lineHeight || Number(document.body.dataset.lineHeight) || 2.6 };
applyTypography();

const paragraphs = new Paragraphs(article, {
  render(p, line) {
    const text = lines[line];
    if (text === undefined) return false;
    const marks = byLine.get(line) || [];
    const sig = signature(text, marks);
    const any = /** @type {any} */ (p);
    if (any.signature === sig) return true;
    fillParagraph(p, text, line, marks);
    any.signature = sig;
    return true;
  },
  keep(p) {
    const active = document.activeElement;
    const selection = window.getSelection();
    return Boolean((active && p.contains(active)) || (selection && selection.rangeCount > 0 && !selection.isCollapsed && p.contains(selection.anchorNode)));
  },
});

/** The last messages each way, by type (read by the end-to-end checks when one fails). */
const traffic = /** @type {string[]} */ ([]);
function logTraffic(entry) {
  traffic.push(entry);
  if (traffic.length > 40) traffic.shift();
  document.body.dataset.traffic = traffic.join(' ');
}

window.addEventListener('message', (event) => {
  const message = event.data;
  logTraffic(`<${message.type}`);
  switch (message.type) {
    case 'open':
      return openArticle(message);
    case 'whole':
      return wholeArticle(message);
    case 'edit':
      pendingEdits.push({ version: message.version, changes: message.changes });
      return;
    case 'delta':
      return applyDelta(message.delta);
    case 'labels':
      return setLabelStyle(message.css);
    case 'cursor':
      return showCursor(message.line, message.character);
    case 'refChoices':
      return showRefChoices(message);
    case 'settings':
      if (message.lineHeight) {
        settings.lineHeight = message.lineHeight;
        applyTypography(true);
      }
      return;
  }
});

function post(message) {
  logTraffic(`>${message.type}`);
  vscode.postMessage(message);
}

// ---- the article arriving -------------------------------------------------------------------------------------

/** The first screen: the lengths of all lines make the placeholders, the head's lines and marks fill the screen. */
function openArticle(message) {
  const started = performance.now();
  document.body.dataset.openMessageMs = String(Date.now() - openedAt);
  if (message.css !== undefined) setLabelStyle(message.css);
  state = message.state;
  lines = message.head;
  byLine = marksByLine(state);
  vscode.setState({ ...vscode.getState(), uri: state.uri, ...settings });
  paragraphs.reset(message.lineLengths);
  renderSummary();
  renderUnresolved();
  const inPage = performance.now() - started;
  // Painted once the frame that shows it has been drawn: the next frame's callback, then the end of that task.
  requestAnimationFrame(() => setTimeout(() => {
    performance.mark('hashiya:first-screen');
    const boxes = article.querySelectorAll('.mark').length;
    const timeline = { firstScreenMs: Date.now() - openedAt, openInPageMs: Math.round(inPage), lines: message.lineLengths.length, boxes };
    Object.assign(document.body.dataset, { firstScreenMs: String(timeline.firstScreenMs), openInPageMs: String(timeline.openInPageMs), boxesOnFirstScreen: String(boxes) });
    post({ type: 'painted', ...timeline });
  }, 0));
}

/** The whole text and state (after the first screen, or again when the page fell out of step). */
function wholeArticle(message) {
  const started = performance.now();
  const text = splitLines(message.text);
  pendingEdits = pendingEdits.filter((e) => e.version > message.state.version);
  state = message.state;
  byLine = marksByLine(state);
  if (text.length !== lines.length && text.length !== paragraphs.lengths.length) {
    lines = text;
    paragraphs.reset(text.map((l) => l.length));
  } else {
    lines = text;
    paragraphs.lengths = text.map((l) => l.length);
    paragraphs.refresh();
  }
  paragraphs.calibrate();
  renderSummary();
  renderUnresolved();
  document.body.dataset.wholeInPageMs = (performance.now() - started).toFixed(0);
  // How many times the whole text came (once per open; again only if the page fell out of step).
  document.body.dataset.wholeCount = String(Number(document.body.dataset.wholeCount || 0) + 1);
  document.body.dataset.wholeAtMs = String(Date.now() - openedAt);
  restoreFocus();
  post({ type: 'rendered', version: state.version, lines: lines.length, ms: Date.now() - openedAt });
}

/** A state delta: first the text edits up to its version, then the marks, then what changed on screen. */
function applyDelta(delta) {
  if (!state) return;
  const started = performance.now();
  const version = delta.header.version;
  while (pendingEdits.length > 0 && pendingEdits[0].version <= version) {
    const edit = /** @type {{ changes: any[] }} */ (pendingEdits.shift());
    const result = applyTextChanges(lines, edit.changes);
    lines = result.lines;
    if (result.added !== 0) paragraphs.splice(result.first, result.added, lines.map((l) => l.length));
    else for (const change of edit.changes) paragraphs.lengths[change.range.start.line] = lines[change.range.start.line]?.length ?? 0;
  }
  const next = applyStateDelta(state, delta);
  if (!next) {
    post({ type: 'resync' });
    return;
  }
  state = next;
  byLine = marksByLine(state);
  paragraphs.refresh();
  renderSummary();
  renderUnresolved();
  restoreFocus();
  document.body.dataset.lastDeltaMs = (performance.now() - started).toFixed(1);
  document.body.dataset.deltaCount = String(Number(document.body.dataset.deltaCount || 0) + 1);
  post({ type: 'rendered', version: state.version, lines: lines.length, ms: Date.now() - openedAt });
}

function setLabelStyle(css) {
  let style = /** @type {HTMLStyleElement|null} */ (document.getElementById('label-style'));
  if (!style) {
    style = document.createElement('style');
    style.id = 'label-style';
    // The page's nonce lets a style element made here pass the Content-Security-Policy.
    style.nonce = nonce;
    document.head.appendChild(style);
  }
  style.textContent = css;
}

/** Where the text editor's cursor was last shown (the same place again does not scroll the view back to it). */
let cursorAt = '';

/** The text editor's cursor line: scrolled into sight and marked, without taking the focus. */
function showCursor(lineNo, character) {
  const at = `${lineNo}:${character}`;
  if (at === cursorAt) return;
  cursorAt = at;
  article.querySelectorAll('p.cursor-line').forEach((p) => p.classList.remove('cursor-line'));
  const p = paragraphs.fillLine(lineNo);
  if (!p) return;
  p.classList.add('cursor-line');
  p.scrollIntoView({ block: 'nearest' });
}

function renderSummary() {
  summary.textContent = `${state.status} · ${state.entities.length} entities · ${state.suggestions.length} suggested` + (state.sidecar === 'corrupt' ? ' · the sidecar has errors' : '');
}

function renderUnresolved() {
  const list = state.unresolved || [];
  unresolvedBox.hidden = list.length === 0;
  unresolvedBox.replaceChildren();
  if (list.length === 0) return;
  const title = document.createElement('h2');
  title.textContent = `${list.length} unresolved — their text was not found in the article`;
  unresolvedBox.appendChild(title);
  const ul = document.createElement('ul');
  for (const u of list) {
    const li = document.createElement('li');
    li.dir = 'auto';
    li.textContent = `${u.label}: ${u.text}${u.ref ? ' (' + u.ref + ')' : ''}`;
    ul.appendChild(li);
  }
  unresolvedBox.appendChild(ul);
}

// ---- selection → label → ref ------------------------------------------------------------------------------------

/** The LSP position of a DOM point inside the article (text spans carry their line and start character). */
function positionOf(node, offset) {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
  if (element && element.classList && element.classList.contains('text')) {
    return { line: Number(element.dataset.line), character: Number(element.dataset.start) + offset };
  }
  // A point between elements: the start of the child at `offset`, or the end of the one before.
  const child = node.childNodes && node.childNodes[offset];
  if (child) {
    const first = child.classList && child.classList.contains('text') ? child : child.querySelector && child.querySelector('.text');
    if (first) return { line: Number(first.dataset.line), character: Number(first.dataset.start) };
  }
  const texts = node.querySelectorAll ? node.querySelectorAll('.text') : [];
  const last = texts[texts.length - 1];
  if (last) return { line: Number(last.dataset.line), character: Number(last.dataset.start) + last.textContent.length };
  return undefined;
}

function selectionRange() {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!article.contains(range.commonAncestorContainer)) return undefined;
  const a = positionOf(range.startContainer, range.startOffset);
  const b = positionOf(range.endContainer, range.endOffset);
  if (!a || !b || a.line !== b.line) return undefined;
  const [start, end] = a.character <= b.character ? [a, b] : [b, a];
  // Leave out spaces and punctuation a drag picks up at either end.
  const text = lines[start.line] || '';
  let s = start.character;
  let e = end.character;
  while (s < e && /[\s\u00a0.,،؛:!?؟«»"“”()[\]]/.test(text[s])) s++;
  while (e > s && /[\s\u00a0.,،؛:!?؟«»"“”()[\]]/.test(text[e - 1])) e--;
  if (e <= s) return undefined;
  return { start: { line: start.line, character: s }, end: { line: end.line, character: e } };
}

article.addEventListener('mouseup', () => {
  keySelection = undefined;
  setTimeout(() => {
    // Shift+←/→ pressed since then made the selection (a busy page runs waiting key presses before this timer):
    // the keyboard's number keys label it; a picker opened under it would take the next keys.
    if (keySelection) return;
    const range = selectionRange();
    if (range) openLabelPicker(range);
  }, 0);
});

/** The label picker for a range: a label's number annotates it (the extension may ask for a ref next). */
function openLabelPicker(range) {
  openPicker('Label for the selection', state.labels.slice(0, 9).map((label) => ({
    text: `${label.name} — ${label.title}`,
    label: label.name,
    act: () => annotate(range, label.name),
  })));
}

function annotate(range, label) {
  post({ type: 'annotate', range, label });
  window.getSelection()?.removeAllRanges();
  keySelection = undefined;
}

/** Knowledge-base entries for a span (from the server's candidates): pick one by number, 0 for no reference. */
function showRefChoices(message) {
  const options = message.candidates.slice(0, 9).map((c) => ({
    text: `${c.name}${c.description ? ' — ' + c.description : ''} (${c.ref})`,
    label: c.label,
    act: () => post({ type: 'chooseRef', target: message.target, candidate: c }),
  }));
  const none = message.target.kind === 'new' ? { text: 'no reference', act: () => post({ type: 'chooseRef', target: message.target }) } : undefined;
  openPicker(`Reference for «${message.text}» (${message.target.label})`, options, none);
}

/** @param {{ text: string, label?: string, act: () => void }} [zero] the choice under 0, if any */
function openPicker(title, options, zero) {
  choice = { title, options: zero ? [...options, zero] : options };
  picker.replaceChildren();
  const heading = document.createElement('div');
  heading.className = 'picker-title';
  heading.textContent = title;
  picker.appendChild(heading);
  const add = (o, key) => {
    const option = document.createElement('div');
    option.className = o.label ? 'mark entity' : 'plain';
    if (o.label) option.dataset.label = o.label;
    option.setAttribute('role', 'option');
    option.dir = 'auto';
    option.textContent = `${key}  ${o.text}`;
    option.addEventListener('mousedown', (event) => {
      event.preventDefault();
      closePicker();
      o.act();
    });
    picker.appendChild(option);
  };
  options.forEach((o, i) => add(o, String(i + 1)));
  if (zero) add(zero, '0');
  /** @type {any} */ (choice).zero = zero;
  picker.hidden = false;
}

function closePicker() {
  picker.hidden = true;
  choice = undefined;
}

function pick(key) {
  if (!choice) return;
  const c = /** @type {any} */ (choice);
  const option = key === '0' ? c.zero : c.options[Number(key) - 1];
  if (!option || option === c.zero && key !== '0') return;
  closePicker();
  option.act();
}

// ---- keyboard selection ---------------------------------------------------------------------------------------------

/** The DOM point of a line's character in a shown paragraph (text spans carry their line and start). */
function domPoint(p, character) {
  for (const span of p.querySelectorAll('.text')) {
    const start = Number(/** @type {HTMLElement} */ (span).dataset.start);
    const node = span.firstChild;
    const length = node?.nodeValue?.length ?? 0;
    if (node && character >= start && character <= start + length) return { node, offset: character - start };
  }
  return undefined;
}

/** Where a keyboard selection starts: the caret or the box with the focus, else the first word on screen. */
function selectionStart() {
  const selection = window.getSelection();
  if (selection && selection.rangeCount > 0 && article.contains(selection.anchorNode)) {
    const at = positionOf(/** @type {Node} */ (selection.anchorNode), selection.anchorOffset);
    if (at) return at;
  }
  const active = /** @type {HTMLElement|null} */ (document.activeElement);
  if (active && active.classList && active.classList.contains('mark')) return { line: Number(active.dataset.line), character: Number(active.dataset.from) };
  if (focused) return { line: focused.line, character: focused.start };
  for (const p of paragraphs.all) {
    if (p.classList.contains('pending') || p.getBoundingClientRect().bottom < 0) continue;
    const line = Number(p.dataset.line);
    const first = wordsOf(lines[line] || '')[0];
    if (first) return { line, character: first[0] };
  }
  return undefined;
}

/** Shift+Left / Shift+Right: the selection's moving end to the next word boundary in the order the eye reads. */
function extendSelection(key) {
  if (!keySelection) {
    const at = selectionStart();
    if (!at) return;
    keySelection = { line: at.line, anchor: at.character, focus: at.character };
  }
  const p = paragraphs.fillLine(keySelection.line);
  if (!p) return;
  const text = lines[keySelection.line] || '';
  const rtl = getComputedStyle(p).direction === 'rtl';
  const forward = (key === 'ArrowLeft') === rtl;
  keySelection.focus = nextWordBoundary(text, keySelection.focus, forward);
  const a = domPoint(p, keySelection.anchor);
  const f = domPoint(p, keySelection.focus);
  if (!a || !f) return;
  window.getSelection()?.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
}

// ---- keyboard review loop -------------------------------------------------------------------------------------------

function suggestionsInOrder() {
  return state.suggestions.map((s, index) => ({ line: s.range.start.line, start: s.range.start.character, end: s.range.end.character, label: s.label, index }))
    .sort((a, b) => a.line - b.line || a.start - b.start);
}

function boxOf(mark, kind) {
  const p = paragraphs.fillLine(mark.line);
  return p?.querySelector(`.mark.${kind}[data-index="${mark.index}"]`);
}

function focusMark(mark) {
  article.querySelectorAll('.mark.focused').forEach((e) => e.classList.remove('focused'));
  focused = mark;
  if (!mark) return;
  const box = /** @type {HTMLElement|null} */ (boxOf(mark, 'suggestion') || boxOf(mark, 'entity'));
  if (box) {
    box.classList.add('focused');
    box.focus({ preventScroll: true });
    box.scrollIntoView({ block: 'nearest' });
    post({ type: 'reveal', range: { start: { line: mark.line, character: mark.start }, end: { line: mark.line, character: mark.end } } });
  }
}

/**
 * After a change: the suggestion that had the focus keeps it where it is, without moving the view (the annotator
 * may have scrolled away); once it is gone (accepted, rejected) the focus goes to the next pending one.
 */
function restoreFocus() {
  if (!focused) return;
  const list = suggestionsInOrder();
  const at = /** @type {any} */ (focused);
  const same = list.find((s) => s.line === at.line && s.start === at.start && s.end === at.end && s.label === at.label);
  if (same) {
    focused = same;
    const p = paragraphs.all[same.line];
    const box = p && !p.classList.contains('pending') ? p.querySelector(`.mark.suggestion[data-index="${same.index}"]`) : null;
    if (box && !box.classList.contains('focused')) {
      article.querySelectorAll('.mark.focused').forEach((e) => e.classList.remove('focused'));
      box.classList.add('focused');
    }
    return;
  }
  const next = list.find((s) => s.line > at.line || (s.line === at.line && s.start >= at.start));
  focusMark(next || list[list.length - 1]);
}

function move(delta) {
  const list = suggestionsInOrder();
  if (list.length === 0) return;
  const f = focused;
  let at = f ? list.findIndex((s) => s.line === f.line && s.start === f.start && s.end === f.end) : -1;
  if (at < 0) {
    at = delta > 0 ? list.findIndex((s) => !f || s.line > f.line || (s.line === f.line && s.start > f.start)) : -1;
    if (at < 0) at = delta > 0 ? 0 : list.length - 1;
    focusMark(list[at]);
    return;
  }
  focusMark(list[(at + delta + list.length) % list.length]);
}

function markUnderFocus() {
  const active = /** @type {HTMLElement|null} */ (document.activeElement);
  if (active && active.classList && active.classList.contains('mark') && active.dataset.kind) {
    const list = active.dataset.kind === 'suggestion' ? state.suggestions : state.entities;
    return { kind: active.dataset.kind, mark: list[Number(active.dataset.index)] };
  }
  if (focused) return { kind: 'suggestion', mark: state.suggestions[focused.index] };
  return undefined;
}

document.addEventListener('keydown', (event) => {
  if (!state) return;
  if (choice) {
    if (/^[0-9]$/.test(event.key)) {
      pick(event.key);
      event.preventDefault();
    } else if (event.key === 'Escape') closePicker();
    return;
  }
  // The article's annotation undo and redo (the same as Ctrl+Z / Ctrl+Shift+Z in the text editor).
  const redo = (event.ctrlKey || event.metaKey) && ((event.shiftKey && event.key.toLowerCase() === 'z') || (!event.metaKey && event.key.toLowerCase() === 'y'));
  if (redo || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z')) {
    post({ type: redo ? 'redo' : 'undo' });
    event.preventDefault();
    return;
  }
  if (event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
    extendSelection(event.key);
    event.preventDefault();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const key = event.key.toLowerCase();
  if (/^[1-9]$/.test(key)) {
    const range = selectionRange();
    const label = state.labels[Number(key) - 1];
    if (range && label) annotate(range, label.name);
  } else if (key === 'escape') {
    keySelection = undefined;
    window.getSelection()?.removeAllRanges();
  } else if (key === 'j') move(1);
  else if (key === 'k') move(-1);
  else if (key === 'a' || key === 'r') {
    const target = markUnderFocus();
    if (target && target.kind === 'suggestion' && target.mark) post({ type: key === 'a' ? 'accept' : 'reject', mark: target.mark });
  } else if (key === 'c') {
    const target = markUnderFocus();
    if (target && target.mark) post({ type: 'refChoices', kind: target.kind, mark: target.mark });
  } else if (key === 'l') {
    const target = markUnderFocus();
    if (target && target.mark) {
      const mark = { ...target.mark, kind: target.kind };
      openPicker(`New label for ${target.mark.text}`, state.labels.slice(0, 9).map((label) => ({ text: `${label.name} — ${label.title}`, label: label.name, act: () => post({ type: 'relabel', mark, newLabel: label.name }) })));
    }
  } else if (key === 'delete' || key === 'backspace') {
    const target = markUnderFocus();
    if (target && target.kind === 'entity' && target.mark) post({ type: 'remove', mark: target.mark });
  } else if (key === '+' || key === '=') setTypography('fontSize', 2);
  else if (key === '-') setTypography('fontSize', -2);
  else if (key === ']') setTypography('lineHeight', 0.2);
  else if (key === '[') setTypography('lineHeight', -0.2);
  else return;
  event.preventDefault();
});

article.addEventListener('click', (event) => {
  const box = /** @type {HTMLElement|null} */ (/** @type {HTMLElement} */ (event.target).closest('.mark'));
  if (box && window.getSelection()?.isCollapsed) {
    const mark = { line: Number(box.dataset.line), start: Number(box.dataset.from), end: Number(box.dataset.to), label: box.dataset.label || '', index: Number(box.dataset.index) };
    if (box.dataset.kind === 'suggestion') focusMark(mark);
    else {
      focused = undefined;
      article.querySelectorAll('.mark.focused').forEach((e) => e.classList.remove('focused'));
      box.classList.add('focused');
      box.focus({ preventScroll: true });
    }
  }
});

// ---- size and line height -------------------------------------------------------------------------------------------

const LIMITS = { fontSize: [12, 48], lineHeight: [1.4, 4] };

function setTypography(which, step) {
  const [min, max] = LIMITS[which];
  settings[which] = Math.round(Math.min(max, Math.max(min, settings[which] + step)) * 10) / 10;
  applyTypography(true);
}

/** Applies the size and line height, remembers them in the page's state (kept across reloads). */
function applyTypography(changed = false) {
  document.body.style.setProperty('--article-font-size', `${settings.fontSize}px`);
  document.body.style.setProperty('--article-line-height', String(settings.lineHeight));
  const value = document.getElementById('line-height-value');
  if (value) value.textContent = settings.lineHeight.toFixed(1);
  vscode.setState({ ...(vscode.getState() || {}), ...settings });
  if (changed && paragraphs) paragraphs.calibrate(true);
}

for (const button of document.querySelectorAll('#toolbar button[data-step]')) {
  const b = /** @type {HTMLElement} */ (button);
  b.addEventListener('click', () => setTypography(/** @type {'fontSize'|'lineHeight'} */ (b.dataset.setting), Number(b.dataset.step)));
}

post({ type: 'ready' });
