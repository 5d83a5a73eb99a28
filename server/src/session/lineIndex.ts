// Line starts of a text, for converting between LSP positions (line, UTF-16 character) and UTF-16 offsets.
// Immutable: an edit gives a new index that shares nothing mutable with the old one, so a snapshot taken before a
// keystroke keeps answering for the text it was taken from. An edit rescans only the inserted text and shifts
// the line starts after it. Positions outside the text are refused, never clamped: a request that names line
// 9999 of a 40-line article is an error, not a request about the last line.

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private constructor(
    /** UTF-16 offset where each line starts; lineStarts[0] is 0. */
    private readonly lineStarts: readonly number[],
    readonly length: number,
  ) {}

  static of(text: string): LineIndex {
    return new LineIndex([0, ...lineBreaksIn(text, 0, text.length)], text.length);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineStart(line: number): number {
    return this.lineStarts[line];
  }

  /** UTF-16 offset just past the last character of `line`, before its line break. */
  lineContentEnd(line: number, text: string): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.length;
    if (end > this.lineStarts[line] && end < this.length + 1 && line + 1 < this.lineStarts.length) {
      if (text.charCodeAt(end - 1) === 10) end--;
      if (end > this.lineStarts[line] && text.charCodeAt(end - 1) === 13) end--;
    }
    return end;
  }

  /** The position of a UTF-16 offset (clamped to the text: offsets come from our own code). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  /** The UTF-16 offset of a position, clamped like vscode-languageserver-textdocument does (for editor events). */
  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.length;
    return Math.max(start, Math.min(start + position.character, next));
  }

  /**
   * The UTF-16 offset of a position, or undefined when the position is not in the text: a line past the last,
   * a character past the line's end (its line break excluded), negative or fractional numbers.
   */
  offsetAtStrict(position: Position, text: string): number | undefined {
    const { line, character } = position ?? ({} as Position);
    if (!Number.isInteger(line) || !Number.isInteger(character) || line < 0 || character < 0) return undefined;
    if (line >= this.lineStarts.length) return undefined;
    const start = this.lineStarts[line];
    if (start + character > this.lineContentEnd(line, text)) return undefined;
    return start + character;
  }

  /**
   * The index after UTF-16 range [start, end) was replaced by `inserted`; `textAfter` is the whole new text.
   * A line start at q depends only on the characters at q-1 and q ("\n", "\r\n" and a lone "\r" end a line,
   * as in LSP), so starts before the edit stay, starts after it shift, and only [start, start + inserted] is
   * looked at again.
   */
  applyEdit(start: number, end: number, inserted: string, textAfter: string): LineIndex {
    const delta = inserted.length - (end - start);
    const starts = this.lineStarts;
    // Line 0 starts at 0 whatever the edit; other starts before the edit stay.
    const next: number[] = [0];
    let i = 1;
    for (; i < starts.length && starts[i] < start; i++) next.push(starts[i]);
    for (let q = Math.max(1, start); q <= start + inserted.length; q++) if (isLineStart(textAfter, q)) next.push(q);
    while (i < starts.length && starts[i] <= end) i++;
    // (a start equal to `start` was looked at again above)
    for (; i < starts.length; i++) next.push(starts[i] + delta);
    return new LineIndex(next, this.length + delta);
  }
}

function isLineStart(text: string, q: number): boolean {
  const before = text.charCodeAt(q - 1);
  return before === 10 || (before === 13 && text.charCodeAt(q) !== 10);
}

/** Offsets just past each line break in text[from, to). */
function lineBreaksIn(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let q = from + 1; q <= to; q++) if (isLineStart(text, q)) out.push(q);
  return out;
}
