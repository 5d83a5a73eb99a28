// One line of context around an annotation, for reports a reviewer reads in a terminal: the article line that
// holds the annotation, cut to a window around it, with the annotation marked as `render` marks it.
import { CodePointIndex } from '../text/codePoints';
import type { Entity } from './types';

/** `… قرب محافظة [ذي قار]{LOC} جنوبي …`; `width` is the number of characters kept on each side. */
export function contextLine(text: string, entity: Pick<Entity, 'start' | 'end' | 'label'>, width = 40, index = CodePointIndex.of(text)): string {
  const start = index.toUtf16(Math.min(entity.start, index.codePointLength));
  const end = index.toUtf16(Math.min(entity.end, index.codePointLength));
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0);
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const from = Math.max(lineStart, start - width);
  const to = Math.min(lineEnd, end + width);
  // Never cut a surrogate pair in half at the window's edges.
  const safeFrom = from > 0 && /[\uDC00-\uDFFF]/.test(text[from]) ? from + 1 : from;
  const safeTo = to < text.length && /[\uDC00-\uDFFF]/.test(text[to]) ? to + 1 : to;
  const flat = (s: string) => s.replace(/[\r\n\t]+/g, ' ');
  return (
    (safeFrom > lineStart ? '…' : '') +
    flat(text.slice(safeFrom, start)) +
    `[${flat(text.slice(start, end))}]{${entity.label}}` +
    flat(text.slice(end, safeTo)) +
    (safeTo < lineEnd ? '…' : '')
  );
}
