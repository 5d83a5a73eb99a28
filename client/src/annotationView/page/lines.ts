// The article's text as lines, and the editor's edits applied to them. Lines end at \r\n, \r or \n, as LSP
// positions count them; an edit's range is in LSP positions of the text before it (VS Code sends the changes of
// one event so that applying them one after another is right).

export interface LinePosition {
  line: number;
  character: number;
}
export interface TextChange {
  range: { start: LinePosition; end: LinePosition };
  text: string;
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Applies `changes` to `lines`. Returns the new lines, the first line touched and how many lines were added
 * (negative: removed), so the view renumbers only what follows. (concat, not a spread into splice: a pasted
 * article has more lines than a call takes arguments.)
 */
export function applyTextChanges(lines: readonly string[], changes: readonly TextChange[]): { lines: string[]; first: number; added: number } {
  let out = lines.slice();
  let first = Number.MAX_SAFE_INTEGER;
  let added = 0;
  for (const change of changes) {
    const { start, end } = change.range;
    const before = (out[start.line] ?? '').slice(0, start.character);
    const after = (out[end.line] ?? '').slice(end.character);
    const inserted = splitLines(change.text);
    inserted[0] = before + inserted[0];
    inserted[inserted.length - 1] += after;
    out = out.slice(0, start.line).concat(inserted, out.slice(end.line + 1));
    first = Math.min(first, start.line);
    added += inserted.length - (end.line - start.line + 1);
  }
  return { lines: out, first, added };
}
