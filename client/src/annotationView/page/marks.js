// One article line as a paragraph: the text with its entities as labelled boxes and suggestions as dashed boxes,
// nested and overlapping marks as nested boxes (a mark crossing another is split into pieces). Positions are LSP
// ones (line and UTF-16 character); text spans carry their line and start so a DOM point maps back to one.
// @ts-check

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** The direction of a line: right to left when it has Arabic letters, else the browser decides. */
export function lineDir(text) {
  return ARABIC.test(text) ? 'rtl' : 'auto';
}

/**
 * The marks of every line, by line number. A mark spanning lines is cut at each line end. `index` is the mark's
 * place in its list of the state (entities or suggestions), which the review keys use to name it.
 */
export function marksByLine(state) {
  /** @type {Map<number, any[]>} */
  const map = new Map();
  const add = (mark, kind, index) => {
    const { start, end } = mark.range;
    for (let l = start.line; l <= end.line; l++) {
      const from = l === start.line ? start.character : 0;
      const to = l === end.line ? end.character : Number.MAX_SAFE_INTEGER;
      let list = map.get(l);
      if (!list) map.set(l, (list = []));
      list.push({ from, to, kind, label: mark.label, ref: mark.ref || '', index, text: mark.text });
    }
  };
  state.entities.forEach((e, i) => add(e, 'entity', i));
  state.suggestions.forEach((e, i) => add(e, 'suggestion', i));
  return map;
}

/** What a paragraph shows: equal signatures, equal paragraphs (so an unchanged one is kept). */
export function signature(text, marks) {
  let s = text;
  for (const m of marks) s += `\u0000${m.kind}|${m.from}|${m.to}|${m.label}|${m.ref}|${m.index}`;
  return s;
}

/** Fills paragraph `p` (emptied first) with line `lineNo`'s text and marks. */
export function fillParagraph(p, text, lineNo, marks) {
  p.replaceChildren();
  p.dir = lineDir(text);
  if (text.length === 0) {
    p.appendChild(document.createElement('br'));
    return;
  }
  const sorted = marks.map((m) => ({ ...m, to: Math.min(m.to, text.length) })).filter((m) => m.to > m.from)
    .sort((a, b) => a.from - b.from || b.to - a.to);
  appendMarked(p, text, lineNo, sorted);
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
    if (mark.ref) box.dataset.ref = mark.ref;
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
