// The annotation view's page script: lays the article out right to left (one <p dir="rtl"> per line, dir="auto"
// for lines without Arabic letters), entities as labelled boxes and suggestions as dashed boxes, nested and
// overlapping marks as nested boxes (a mark crossing another is split into pieces). It holds no annotation logic:
// it shows the state the extension posts (the same per-document state the text editor draws) and posts back what
// the annotator asked for (annotate a range, accept, reject, relabel, remove, undo), which the extension turns into
// the language server's requests. Positions are LSP ones: line and UTF-16 character.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  const article = /** @type {HTMLElement} */ (document.getElementById('article'));
  const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
  const unresolvedBox = /** @type {HTMLElement} */ (document.getElementById('unresolved'));
  const picker = /** @type {HTMLElement} */ (document.getElementById('picker'));
  const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  // Lines built per frame: a first screenful at once, then the rest of a long article fills in behind it.
  const FIRST_CHUNK = 80;
  const CHUNK = 400;

  /** @type {any} */ let state = undefined;
  /** @type {string[]} */ let lines = [];
  /** @type {string[]} */ let signatures = [];
  /** @type {{line:number,start:number,end:number,label:string,index:number}|undefined} */ let focused;
  /** @type {{ range: any } | undefined} */ let pending; // a selection waiting for its label
  let renderToken = 0;
  const saved = vscode.getState() || {};
  let fontSize = saved.fontSize || 20;
  applyFontSize();

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'state') show(message);
    else if (message.type === 'cursor') showCursor(message.line);
  });

  /** The text editor's cursor line: scrolled into sight and marked, without taking the focus. */
  function showCursor(lineNo) {
    article.querySelectorAll('p.cursor-line').forEach((p) => p.classList.remove('cursor-line'));
    const p = article.querySelector(`p[data-line="${lineNo}"]`);
    if (!p) return;
    p.classList.add('cursor-line');
    p.scrollIntoView({ block: 'nearest' });
  }

  function post(message) {
    vscode.postMessage(message);
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  function show(message) {
    const started = performance.now();
    if (message.postedAt) document.body.dataset.transferMs = String(Date.now() - message.postedAt);
    if (message.timeline && !document.body.dataset.pageReadyMs) {
      // From the command to the page's first "ready", and from there to the first state posted.
      document.body.dataset.pageReadyMs = String(message.timeline.readyAt - message.timeline.openedAt);
      document.body.dataset.stateWaitMs = String(message.postedAt - message.timeline.readyAt);
    }
    state = message.state;
    vscode.setState({ ...vscode.getState(), uri: state.uri, fontSize });
    const newLines = message.text.split(/\r\n|\r|\n/);
    const marksByLine = groupByLine(state);
    const token = ++renderToken;
    lines = newLines;
    const total = newLines.length;
    // Paragraph elements are kept when their text and marks did not change: an edit re-renders its lines only.
    const paragraphs = article.children;
    const nextSignatures = newLines.map((text, i) => text + '\u0000' + JSON.stringify(marksByLine.get(i) || []));
    let line = 0;
    let first = true;
    const step = () => {
      if (token !== renderToken) return;
      const end = Math.min(total, line + (first ? FIRST_CHUNK : CHUNK));
      for (; line < end; line++) {
        if (signatures[line] === nextSignatures[line] && paragraphs[line]) continue;
        const p = renderLine(newLines[line], line, marksByLine.get(line) || []);
        if (paragraphs[line]) article.replaceChild(p, paragraphs[line]);
        else article.appendChild(p);
        // Per line, so a render cut short by a newer state leaves every signature true to its paragraph.
        signatures[line] = nextSignatures[line];
      }
      if (first) {
        first = false;
        document.body.dataset.firstChunkMs = (performance.now() - started).toFixed(0);
      }
      if (line < total) {
        requestAnimationFrame(step);
        return;
      }
      document.body.dataset.renderMs = (performance.now() - started).toFixed(0);
      while (article.children.length > total) article.lastElementChild?.remove();
      signatures.length = total;
      restoreFocus();
      post({ type: 'rendered', ms: performance.now() - started, lines: total, version: state.version });
    };
    step();
    renderSummary();
    renderUnresolved();
  }

  function groupByLine(s) {
    /** @type {Map<number, any[]>} */
    const map = new Map();
    const add = (mark, kind, index) => {
      const { start, end } = mark.range;
      for (let l = start.line; l <= end.line; l++) {
        const from = l === start.line ? start.character : 0;
        const to = l === end.line ? end.character : Number.MAX_SAFE_INTEGER;
        const list = map.get(l) || map.set(l, []).get(l);
        list.push({ from, to, kind, label: mark.label, ref: mark.ref || '', index, text: mark.text });
      }
    };
    s.entities.forEach((e, i) => add(e, 'entity', i));
    s.suggestions.forEach((e, i) => add(e, 'suggestion', i));
    return map;
  }

  function renderLine(text, lineNo, marks) {
    const p = document.createElement('p');
    p.dir = ARABIC.test(text) ? 'rtl' : 'auto';
    p.dataset.line = String(lineNo);
    if (text.length === 0) p.appendChild(document.createElement('br'));
    const sorted = marks.map((m) => ({ ...m, to: Math.min(m.to, text.length) })).filter((m) => m.to > m.from)
      .sort((a, b) => a.from - b.from || b.to - a.to);
    appendMarked(p, text, lineNo, sorted);
    return p;
  }

  /**
   * Appends the line's text with its marks as nested boxes. Marks are opened in order of start (longer first) and
   * kept on a stack; a mark that ends while others opened inside it are still open closes them, and those are
   * reopened after it as continued pieces, so crossing marks stay visible as well-nested boxes.
   */
  function appendMarked(p, text, lineNo, marks) {
    const cuts = new Set([0, text.length]);
    for (const m of marks) {
      cuts.add(m.from);
      cuts.add(m.to);
    }
    const bounds = [...cuts].sort((x, y) => x - y);
    /** @type {{ mark: any, el: HTMLElement }[]} */
    const stack = [];
    const top = () => (stack.length > 0 ? stack[stack.length - 1].el : p);
    const open = (mark, continued) => {
      const box = document.createElement('span');
      box.className = `mark ${mark.kind}` + (continued ? ' continued' : '') + (stack.length % 2 ? ' below' : '');
      box.dataset.label = mark.label;
      box.dataset.kind = mark.kind;
      box.dataset.index = String(mark.index);
      box.dataset.line = String(lineNo);
      box.dataset.from = String(mark.from);
      box.dataset.to = String(mark.to);
      box.tabIndex = -1;
      box.setAttribute('role', 'mark');
      box.setAttribute('aria-label', `${mark.kind === 'suggestion' ? 'suggested ' : ''}${mark.label}${mark.ref ? ' ' + mark.ref : ''}: ${mark.text}`);
      top().appendChild(box);
      stack.push({ mark, el: box });
    };
    let next = 0;
    for (let b = 0; b < bounds.length; b++) {
      const at = bounds[b];
      const lowest = stack.findIndex((s) => s.mark.to <= at);
      if (lowest >= 0) {
        const closed = stack.splice(lowest);
        for (const s of closed) if (s.mark.to > at) open(s.mark, true);
      }
      while (next < marks.length && marks[next].from === at) open(marks[next++], false);
      if (b + 1 < bounds.length && bounds[b + 1] > at) appendText(top(), text, lineNo, at, bounds[b + 1]);
    }
  }

  function appendText(parent, text, lineNo, from, to) {
    const span = document.createElement('span');
    span.className = 'text';
    span.dataset.line = String(lineNo);
    span.dataset.start = String(from);
    span.textContent = text.slice(from, to);
    parent.appendChild(span);
  }

  function renderSummary() {
    const pendingCount = state.suggestions.length;
    summary.textContent = `${state.status} · ${state.entities.length} entities · ${pendingCount} suggested` + (state.sidecar === 'corrupt' ? ' · the sidecar has errors' : '');
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

  // ---- selection → label picker -------------------------------------------------------------------------------

  /** The LSP position of a DOM point inside the article (text spans carry their line and start character). */
  function positionOf(node, offset) {
    let element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    if (element && element.classList && element.classList.contains('text')) {
      return { line: Number(element.dataset.line), character: Number(element.dataset.start) + offset };
    }
    // A point between elements: the start of the child at `offset`, or the end of the one before.
    const child = node.childNodes && node.childNodes[offset];
    const texts = [...(node.querySelectorAll ? node.querySelectorAll('.text') : [])];
    if (child) {
      const first = child.classList && child.classList.contains('text') ? child : child.querySelector && child.querySelector('.text');
      if (first) return { line: Number(first.dataset.line), character: Number(first.dataset.start) };
    }
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
    let [start, end] = a.character <= b.character ? [a, b] : [b, a];
    // Leave out spaces and punctuation a drag picks up at either end.
    const text = lines[start.line] || '';
    let s = start.character;
    let e = end.character;
    while (s < e && /[\s\u00a0.,،؛:!?؟«»"“”()\[\]]/.test(text[s])) s++;
    while (e > s && /[\s\u00a0.,،؛:!?؟«»"“”()\[\]]/.test(text[e - 1])) e--;
    if (e <= s) return undefined;
    return { start: { line: start.line, character: s }, end: { line: end.line, character: e } };
  }

  article.addEventListener('mouseup', () => {
    setTimeout(() => {
      const range = selectionRange();
      if (range) openPicker({ range }, 'Label for the selection');
    }, 0);
  });

  function openPicker(target, title) {
    pending = target;
    picker.replaceChildren();
    const heading = document.createElement('div');
    heading.className = 'picker-title';
    heading.textContent = title;
    picker.appendChild(heading);
    state.labels.slice(0, 9).forEach((label, i) => {
      const option = document.createElement('div');
      option.className = 'mark entity';
      option.dataset.label = label.name;
      option.setAttribute('role', 'option');
      option.textContent = `${i + 1}  ${label.name} — ${label.title}`;
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(i);
      });
      picker.appendChild(option);
    });
    picker.hidden = false;
  }

  function closePicker() {
    picker.hidden = true;
    pending = undefined;
  }

  function choose(i) {
    const label = state.labels[i];
    if (!label || !pending) return;
    const target = pending;
    closePicker();
    if (target.relabel) post({ type: 'relabel', mark: target.relabel, newLabel: label.name });
    else post({ type: 'annotate', range: target.range, label: label.name });
    window.getSelection()?.removeAllRanges();
  }

  // ---- keyboard review loop -------------------------------------------------------------------------------------

  function suggestionsInOrder() {
    return state.suggestions.map((s, index) => ({ line: s.range.start.line, start: s.range.start.character, end: s.range.end.character, label: s.label, index }))
      .sort((a, b) => a.line - b.line || a.start - b.start);
  }

  function boxOf(mark, kind) {
    return article.querySelector(`.mark.${kind}[data-index="${mark.index}"]`);
  }

  function focusMark(mark) {
    article.querySelectorAll('.mark.focused').forEach((e) => e.classList.remove('focused'));
    focused = mark;
    if (!mark) return;
    const box = boxOf(mark, 'suggestion') || boxOf(mark, 'entity');
    if (box) {
      box.classList.add('focused');
      box.focus({ preventScroll: true });
      box.scrollIntoView({ block: 'nearest' });
      post({ type: 'reveal', range: { start: { line: mark.line, character: mark.start }, end: { line: mark.line, character: mark.end } } });
    }
  }

  /** After a change, focus the first pending suggestion at or after the one that had the focus. */
  function restoreFocus() {
    if (!focused) return;
    const list = suggestionsInOrder();
    const next = list.find((s) => s.line > focused.line || (s.line === focused.line && s.start >= focused.start));
    focusMark(next || list[list.length - 1]);
  }

  function move(delta) {
    const list = suggestionsInOrder();
    if (list.length === 0) return;
    let at = focused ? list.findIndex((s) => s.line === focused.line && s.start === focused.start && s.end === focused.end) : -1;
    if (at < 0) {
      at = delta > 0 ? list.findIndex((s) => !focused || s.line > focused.line || (s.line === focused.line && s.start > focused.start)) : -1;
      if (at < 0) at = delta > 0 ? 0 : list.length - 1;
      focusMark(list[at]);
      return;
    }
    focusMark(list[(at + delta + list.length) % list.length]);
  }

  function markUnderFocus() {
    const active = document.activeElement;
    if (active && active.classList && active.classList.contains('mark') && active.dataset.kind) {
      const list = active.dataset.kind === 'suggestion' ? state.suggestions : state.entities;
      return { kind: active.dataset.kind, mark: list[Number(active.dataset.index)] };
    }
    if (focused) return { kind: 'suggestion', mark: state.suggestions[focused.index] };
    return undefined;
  }

  document.addEventListener('keydown', (event) => {
    if (!state) return;
    if (!picker.hidden) {
      if (/^[1-9]$/.test(event.key)) {
        choose(Number(event.key) - 1);
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
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (/^[1-9]$/.test(key)) {
      const range = selectionRange();
      if (range) {
        pending = { range };
        choose(Number(key) - 1);
      }
    } else if (key === 'j') move(1);
    else if (key === 'k') move(-1);
    else if (key === 'a' || key === 'r') {
      const target = markUnderFocus();
      if (target && target.kind === 'suggestion' && target.mark) post({ type: key === 'a' ? 'accept' : 'reject', mark: target.mark });
    } else if (key === 'l') {
      const target = markUnderFocus();
      if (target && target.mark) openPicker({ relabel: { ...target.mark, kind: target.kind } }, `New label for ${target.mark.text}`);
    } else if (key === 'delete' || key === 'backspace') {
      const target = markUnderFocus();
      if (target && target.kind === 'entity' && target.mark) post({ type: 'remove', mark: target.mark });
    } else if (key === '+' || key === '=') {
      fontSize = Math.min(48, fontSize + 2);
      applyFontSize();
    } else if (key === '-') {
      fontSize = Math.max(12, fontSize - 2);
      applyFontSize();
    } else return;
    event.preventDefault();
  });

  article.addEventListener('click', (event) => {
    const box = /** @type {HTMLElement} */ (event.target).closest('.mark');
    if (box && window.getSelection()?.isCollapsed) {
      const mark = { line: Number(box.dataset.line), start: Number(box.dataset.from), end: Number(box.dataset.to), label: box.dataset.label || '', index: Number(box.dataset.index) };
      if (box.dataset.kind === 'suggestion') focusMark(mark);
      else {
        focused = undefined;
        article.querySelectorAll('.mark.focused').forEach((e) => e.classList.remove('focused'));
        box.classList.add('focused');
        /** @type {HTMLElement} */ (box).focus({ preventScroll: true });
      }
    }
  });

  function applyFontSize() {
    document.body.style.setProperty('--article-font-size', `${fontSize}px`);
    vscode.setState({ ...(vscode.getState() || {}), fontSize });
  }

  post({ type: 'ready' });
})();
