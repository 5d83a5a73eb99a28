// The article with its entities marked inline — `[ذي قار]{LOC}` — one output line per article line, so that
// `git diff` with this as a textconv shows annotation changes in context. Nested entities nest their brackets.
import { CodePointIndex } from '../text/codePoints';
import { compareEntities, type Entity } from './types';

export function renderInline(text: string, entities: readonly Entity[]): string {
  const index = CodePointIndex.of(text);
  // Opening marks at each start (outer entities first), closing marks at each end (inner entities first).
  const opens = new Map<number, Entity[]>();
  const closes = new Map<number, Entity[]>();
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end || compareEntities(a, b));
  for (const e of sorted) {
    const s = index.toUtf16(e.start);
    const t = index.toUtf16(e.end);
    (opens.get(s) ?? opens.set(s, []).get(s)!).push(e);
    (closes.get(t) ?? closes.set(t, []).get(t)!).unshift(e);
  }
  const positions = [...new Set([...opens.keys(), ...closes.keys()])].sort((a, b) => a - b);
  let out = '';
  let last = 0;
  for (const pos of positions) {
    out += text.slice(last, pos);
    for (const e of closes.get(pos) ?? []) out += `]{${e.label}${e.ref ? ' ' + e.ref : ''}}`;
    for (const _ of opens.get(pos) ?? []) out += '[';
    last = pos;
  }
  out += text.slice(last);
  // Line endings are normalised so that a CRLF article diffs like any other.
  return out.replace(/\r\n?/g, '\n');
}
