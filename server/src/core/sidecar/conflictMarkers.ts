// Git conflict markers in a sidecar. A sidecar with markers is an unfinished merge, not a corrupt file: it is
// recognised before JSON parsing so that it is reported as such and its two sides can be read back.
// Markers are whole lines at column 0: `<<<<<<< label`, optional `||||||| label` (diff3), `=======`,
// `>>>>>>> label`. A valid JSON sidecar can never contain such a line (a string cannot hold a raw newline).

const OPEN = /^<{7}(?: .*)?$/;
const BASE = /^\|{7}(?: .*)?$/;
const SEPARATOR = /^={7}$/;
const CLOSE = /^>{7}(?: .*)?$/;

function lines(text: string): Array<{ line: string; raw: string; offset: number }> {
  const out: Array<{ line: string; raw: string; offset: number }> = [];
  let offset = 0;
  for (const raw of text.split(/(?<=\n)/)) {
    out.push({ line: raw.replace(/\r?\n$/, ''), raw, offset });
    offset += raw.length;
  }
  return out;
}

/** UTF-16 offset of the first conflict-marker line, or -1 when there is none. */
export function findConflictMarker(text: string): number {
  // Cheap pre-check: most sidecars have no marker characters at a line start at all.
  if (!/^(?:<{7}|\|{7}|={7}|>{7})/m.test(text)) return -1;
  for (const { line, offset } of lines(text)) {
    if (OPEN.test(line) || BASE.test(line) || SEPARATOR.test(line) || CLOSE.test(line)) return offset;
  }
  return -1;
}

export interface ConflictSides {
  /** The file as the ours side wrote it: common lines plus the ours part of every conflict. */
  ours: string;
  theirs: string;
  /** Common lines plus the base part of every conflict (empty when the markers have no base part). */
  base: string;
  /** Number of conflict blocks. */
  blocks: number;
}

/** The sides of a file with conflict markers; undefined when there are none or they are not well nested. */
export function splitConflictSides(text: string): ConflictSides | undefined {
  let state: 'common' | 'ours' | 'base' | 'theirs' = 'common';
  const sides = { ours: '', theirs: '', base: '' };
  let blocks = 0;
  for (const { line, raw } of lines(text)) {
    if (OPEN.test(line)) {
      if (state !== 'common') return undefined;
      state = 'ours';
      blocks++;
    } else if (BASE.test(line)) {
      if (state !== 'ours') return undefined;
      state = 'base';
    } else if (SEPARATOR.test(line)) {
      if (state !== 'ours' && state !== 'base') return undefined;
      state = 'theirs';
    } else if (CLOSE.test(line)) {
      if (state !== 'theirs') return undefined;
      state = 'common';
    } else if (state === 'common') {
      sides.ours += raw;
      sides.theirs += raw;
      sides.base += raw;
    } else {
      sides[state] += raw;
    }
  }
  if (state !== 'common' || blocks === 0) return undefined;
  return { ...sides, blocks };
}
