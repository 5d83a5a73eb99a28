// The article as one paragraph per line, of which only those on or near the screen hold their text and boxes:
// the others are empty placeholders as tall as the paragraph was when last shown, or as estimated from the
// line's length (characters per row measured on the paragraphs shown). Even the placeholders are made in chunks
// after the first screen is painted (a spacer below stands for those not made yet), so a 1 MB article's first
// screen costs a few hundred elements; scrolling fills what comes near and empties what goes far, so the page
// never lays out the whole article. Chromium's scroll anchoring keeps the words on
// screen in place when a placeholder above them turns out taller or shorter than estimated.
// @ts-check

/** How far beyond the screen paragraphs are filled (and kept), as a margin of the observer. */
const MARGIN = '150% 0px';
/** Placeholders made before the first screen, and per chunk after it. */
const FIRST_PLACEHOLDERS = 400;
const CHUNK = 1000;

export class Paragraphs {
  /**
   * @param {HTMLElement} article
   * @param {{ render: (p: HTMLElement, line: number) => boolean, keep: (p: HTMLElement) => boolean }} hooks
   *   render fills a paragraph (false when its line's text is not known yet); keep says a shown paragraph must
   *   stay (it holds the focus or the selection).
   */
  constructor(article, hooks) {
    this.article = article;
    this.hooks = hooks;
    /** @type {number[]} UTF-16 length of each line (for estimated heights) */
    this.lengths = [];
    /** Paragraphs the observer asked for whose text had not arrived. */
    /** @type {Set<HTMLElement>} */
    this.waiting = new Set();
    this.charWidth = 0;
    /** How many lines have their placeholder (the first ones); `rest` stands for the others. */
    this.made = 0;
    this.generation = 0;
    this.rest = document.createElement('div');
    this.rest.id = 'article-rest';
    this.rest.setAttribute('aria-hidden', 'true');
    article.insertAdjacentElement('afterend', this.rest);
    // The page's own document as the root: a margin on the implicit root is ignored inside an iframe (and the
    // view is one), so paragraphs would be filled only once on screen.
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { root: document, rootMargin: MARGIN });
  }

  /** @returns {HTMLElement[]} */
  get all() {
    return /** @type {any} */ (this.article.children);
  }

  /** Placeholders for the first lines of `lengths`, the first screen filled at once, the other placeholders later. */
  reset(lengths) {
    this.observer.disconnect();
    this.waiting.clear();
    this.lengths = lengths.slice();
    this.article.replaceChildren();
    this.made = 0;
    const generation = ++this.generation;
    this.materialise(Math.min(lengths.length, FIRST_PLACEHOLDERS));
    this.fillFirstScreen();
    const step = () => {
      if (generation !== this.generation) return;
      if (this.made >= this.lengths.length) {
        document.body.dataset.placeholdersDone = '1';
        return;
      }
      this.materialise(Math.min(this.lengths.length, this.made + CHUNK));
      setTimeout(step, 0);
    };
    requestAnimationFrame(() => setTimeout(step, 0));
  }

  /** Makes the placeholders of lines up to `upTo` (exclusive), observed, and sizes the spacer for the others. */
  materialise(upTo) {
    if (upTo <= this.made) return;
    const metrics = this.metrics();
    const fragment = document.createDocumentFragment();
    const made = [];
    for (let i = this.made; i < upTo; i++) {
      const p = this.placeholder(i, metrics);
      fragment.appendChild(p);
      made.push(p);
    }
    this.article.appendChild(fragment);
    for (const p of made) this.observer.observe(p);
    this.made = upTo;
    this.sizeRest(metrics);
  }

  sizeRest(metrics) {
    let height = 0;
    for (let i = this.made; i < this.lengths.length; i++) height += this.estimate(this.lengths[i], metrics) + metrics.margin;
    this.rest.style.height = `${height}px`;
  }

  placeholder(line, metrics) {
    const p = document.createElement('p');
    p.dataset.line = String(line);
    p.className = 'pending';
    p.style.height = `${this.estimate(this.lengths[line] ?? 0, metrics)}px`;
    return p;
  }

  /** Fills paragraphs from the top of the screen down until the screen is covered (before any layout pass). */
  fillFirstScreen() {
    const top = window.scrollY - this.article.offsetTop;
    const bottom = top + window.innerHeight * 1.2;
    const { margin } = this.metrics();
    let y = 0;
    for (const p of this.all) {
      const h = parseFloat(p.style.height) || 0;
      if (y + h >= top) this.fill(p);
      y += h + margin;
      if (y > bottom) break;
    }
  }

  /**
   * What estimates need, read once per batch: reading layout (clientWidth) after writing a height would lay the
   * whole article out again for every paragraph.
   */
  metrics() {
    const style = getComputedStyle(this.article);
    const fontSize = parseFloat(style.fontSize);
    const lineHeight = parseFloat(style.lineHeight);
    return {
      lineHeight: Number.isFinite(lineHeight) ? lineHeight : fontSize * 2.6,
      width: Math.max(100, this.article.clientWidth),
      charWidth: this.charWidth || fontSize * 0.42,
      margin: fontSize * 0.6,
    };
  }

  /** The estimated height of a paragraph of `length` characters. */
  estimate(length, m) {
    return m.lineHeight * Math.max(1, Math.ceil((length * m.charWidth) / m.width));
  }

  /** Fills one paragraph now (the review keys and the cursor need the box of a line that may be far off). */
  fill(p) {
    if (!p || !p.classList.contains('pending')) return;
    if (!this.hooks.render(p, Number(p.dataset.line))) {
      this.waiting.add(p);
      return;
    }
    this.waiting.delete(p);
    p.classList.remove('pending');
    p.style.height = '';
    delete p.dataset.measured;
  }

  fillLine(line) {
    if (line >= this.made) this.materialise(Math.min(this.lengths.length, line + 1));
    const p = this.all[line];
    this.fill(p);
    return p;
  }

  /** Empties a paragraph gone far off screen, keeping its `height` so nothing below it moves. */
  empty(p, height) {
    p.replaceChildren();
    p.classList.add('pending');
    p.style.height = `${height}px`;
    p.dataset.measured = '1';
    /** @type {any} */ (p).signature = undefined;
  }

  onIntersect(entries) {
    // The heights of those to empty come with the entries (no layout read between writes).
    const toEmpty = [];
    for (const entry of entries) {
      const p = /** @type {HTMLElement} */ (entry.target);
      if (!entry.isIntersecting && !p.classList.contains('pending') && !this.hooks.keep(p)) toEmpty.push([p, entry.boundingClientRect.height]);
    }
    for (const [p, height] of toEmpty) this.empty(p, height);
    for (const entry of entries) if (entry.isIntersecting) this.fill(/** @type {HTMLElement} */ (entry.target));
  }

  /** Renders again every shown paragraph whose line or marks changed, and those whose text has now arrived. */
  refresh() {
    for (const p of this.all) if (!p.classList.contains('pending')) this.hooks.render(p, Number(p.dataset.line));
    for (const p of [...this.waiting]) this.fill(p);
  }

  /**
   * Lines `first`.. changed count by `added` (an edit): placeholders inserted or removed after `first`, and every
   * paragraph from there on renumbered (a shown one is rendered again: its text spans name their line).
   */
  splice(first, added, lengths) {
    this.materialise(this.lengths.length);
    this.lengths = lengths.slice();
    const all = this.all;
    if (added > 0) {
      const metrics = this.metrics();
      const before = all[first + 1] ?? null;
      // New lines next to a shown one are on screen: filled at once, not a frame later by the observer.
      const shown = all[first] && !all[first].classList.contains('pending');
      const inserted = [];
      for (let i = 0; i < added; i++) {
        const p = this.placeholder(first + 1 + i, metrics);
        this.article.insertBefore(p, before);
        this.observer.observe(p);
        inserted.push(p);
      }
      if (shown) for (const p of inserted) this.fill(p);
    } else if (added < 0) {
      for (let i = 0; i < -added; i++) {
        const p = all[first + 1];
        if (!p) break;
        this.observer.unobserve(p);
        this.waiting.delete(p);
        p.remove();
      }
    }
    for (let i = first; i < all.length; i++) {
      const p = all[i];
      if (p.dataset.line === String(i)) continue;
      p.dataset.line = String(i);
      /** @type {any} */ (p).signature = undefined;
    }
    this.made = all.length;
  }

  /**
   * Characters per row measured on the shown paragraphs, then every placeholder's height estimated again (after
   * the first screen, and when the font size, line height or width changes: then `remeasured` too, since the
   * heights measured before no longer hold).
   */
  calibrate(remeasured = false) {
    const { lineHeight, width } = this.metrics();
    let chars = 0;
    let rowsWidth = 0;
    for (const p of this.all) {
      if (p.classList.contains('pending')) continue;
      const rows = Math.round(p.getBoundingClientRect().height / lineHeight);
      const length = this.lengths[Number(p.dataset.line)] ?? 0;
      // Only paragraphs of several rows say how many characters fill one.
      if (rows >= 2 && length > 0) {
        chars += length;
        rowsWidth += (rows - 0.5) * width;
      }
    }
    if (chars > 200) this.charWidth = rowsWidth / chars;
    const metrics = this.metrics();
    this.sizeRest(metrics);
    for (const p of this.all) if (p.classList.contains('pending') && (remeasured || !p.dataset.measured)) p.style.height = `${this.estimate(this.lengths[Number(p.dataset.line)] ?? 0, metrics)}px`;
  }
}
