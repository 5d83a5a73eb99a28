// An exact diff of two versions of a text, as the list of stretches they share, so that an offset in the old text
// can be mapped to the new one. Offsets are code points (as in sidecars).
//
// The units compared are words (runs of word characters, as core/text/words.ts defines them) and single other
// characters. A diff of characters would line a name up with the same letters at the start of a longer word
// typed before it (بغداد with the start of a new بغدادي) whenever that makes the edit one letter shorter; a diff
// of words cannot, and a shared word is still mapped character for character.
//
// Myers' O((N+M)·D) algorithm over the words; when that would cost too much (many edits far apart in a long
// article), over lines first (an article is mostly long paragraphs that an edit leaves alone), then over the
// words of each changed block of lines. The common prefix and suffix are trimmed first, so the usual edit — a
// few words typed in one place — costs a scan of the text. A diff whose work would exceed a budget gives up
// (undefined) rather than stall: callers then fall back to searching.
import { isWordCodePoint } from './words';

/** A stretch present in both texts: old [oldStart, oldStart+length) equals new [newStart, newStart+length). */
export interface CommonRun {
  oldStart: number;
  newStart: number;
  length: number;
}

export interface DiffOptions {
  /** Upper bound on the work (compared elements, roughly) of one diff; past it the diff gives up. */
  budget?: number;
}

const DEFAULT_BUDGET = 50_000_000;
/** The frontiers kept for the walk back grow as D²: past this many numbers (40 MB) the diff gives up. */
const MAX_TRACE = 10_000_000;

/** A text as a sequence of units (words, other characters, or lines), each an id, with where each starts. */
interface Units {
  ids: Int32Array;
  /** Code-point offset of each unit, and the text's length after the last. */
  starts: number[];
}

/** The runs the two texts share, in order, in code points; undefined when the diff would exceed its budget. */
export function commonRuns(oldText: string, newText: string, options: DiffOptions = {}): CommonRun[] | undefined {
  const wordIds = new Map<string, number>();
  const a = words(oldText, wordIds);
  const b = words(newText, wordIds);
  const inCodePoints = (runs: CommonRun[]): CommonRun[] => {
    const out: CommonRun[] = [];
    for (const r of runs) push(out, { oldStart: a.starts[r.oldStart], newStart: b.starts[r.newStart], length: a.starts[r.oldStart + r.length] - a.starts[r.oldStart] });
    return out;
  };
  // Words alone first: the shortest edit, which a lines-first diff can miss (a changed first line may pull an
  // unchanged copy of the second line into its place). Only when that is too costly, lines first.
  const direct = diffSequences(a.ids, b.ids, { left: options.budget ?? DEFAULT_BUDGET });
  if (direct) return inCodePoints(direct);
  const budget = { left: options.budget ?? DEFAULT_BUDGET };
  const runs: CommonRun[] = [];
  // Lines first, each one number (equal lines, equal numbers); lines start and end at word boundaries.
  const lineIds = new Map<string, number>();
  const newline = wordIds.get('\n');
  const aLines = lines(a, newline, lineIds);
  const bLines = lines(b, newline, lineIds);
  const lineRuns = diffSequences(aLines.ids, bLines.ids, budget);
  if (!lineRuns) return undefined;
  let oldLine = 0;
  let newLine = 0;
  const gap = (toOld: number, toNew: number): boolean => {
    // A block of changed lines: its words are diffed on their own.
    const oldFrom = aLines.starts[oldLine];
    const newFrom = bLines.starts[newLine];
    const oldTo = aLines.starts[toOld];
    const newTo = bLines.starts[toNew];
    if (oldTo > oldFrom && newTo > newFrom) {
      const inner = diffSequences(a.ids.subarray(oldFrom, oldTo), b.ids.subarray(newFrom, newTo), budget);
      if (!inner) return false;
      for (const r of inner) push(runs, { oldStart: oldFrom + r.oldStart, newStart: newFrom + r.newStart, length: r.length });
    }
    return true;
  };
  for (const r of lineRuns) {
    if (!gap(r.oldStart, r.newStart)) return undefined;
    const oldFrom = aLines.starts[r.oldStart];
    const newFrom = bLines.starts[r.newStart];
    push(runs, { oldStart: oldFrom, newStart: newFrom, length: aLines.starts[r.oldStart + r.length] - oldFrom });
    oldLine = r.oldStart + r.length;
    newLine = r.newStart + r.length;
  }
  if (!gap(aLines.ids.length, bLines.ids.length)) return undefined;
  return inCodePoints(runs);
}

/**
 * Maps an old code-point offset range [start, end) to the new text when every character of it lies in one
 * common run (nothing inside it was edited); undefined otherwise.
 */
export function mapThroughRuns(runs: readonly CommonRun[], start: number, end: number): { start: number; end: number } | undefined {
  if (end <= start) return undefined;
  // The last run starting at or before `start`.
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (runs[mid].oldStart <= start) lo = mid + 1;
    else hi = mid;
  }
  const run = runs[lo - 1];
  if (!run || end > run.oldStart + run.length) return undefined;
  const delta = run.newStart - run.oldStart;
  return { start: start + delta, end: end + delta };
}

function push(runs: CommonRun[], run: CommonRun): void {
  if (run.length <= 0) return;
  const last = runs[runs.length - 1];
  if (last && last.oldStart + last.length === run.oldStart && last.newStart + last.length === run.newStart) last.length += run.length;
  else runs.push({ ...run });
}

/** Words (runs of word characters) and single other characters, as ids. */
function words(text: string, ids: Map<string, number>): Units {
  const out: number[] = [];
  const starts: number[] = [];
  let cp = 0;
  let i = 0;
  while (i < text.length) {
    const from = i;
    starts.push(cp);
    let c = text.codePointAt(i)!;
    if (isWordCodePoint(c)) {
      do {
        i += c > 0xffff ? 2 : 1;
        cp++;
      } while (i < text.length && isWordCodePoint((c = text.codePointAt(i)!)));
    } else {
      i += c > 0xffff ? 2 : 1;
      cp++;
    }
    const unit = text.slice(from, i);
    let id = ids.get(unit);
    if (id === undefined) ids.set(unit, (id = ids.size));
    out.push(id);
  }
  starts.push(cp);
  return { ids: Int32Array.from(out), starts };
}

/** Lines (each with its line break) of a text already cut into words, as ids; starts are word indices. */
function lines(wordUnits: Units, newline: number | undefined, ids: Map<string, number>): Units {
  const out: number[] = [];
  const starts = [0];
  const n = wordUnits.ids.length;
  let from = 0;
  for (let w = 0; w < n; w++) {
    if (wordUnits.ids[w] === newline || w === n - 1) {
      const key = wordUnits.ids.subarray(from, w + 1).join(',');
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      out.push(id);
      starts.push(w + 1);
      from = w + 1;
    }
  }
  return { ids: Int32Array.from(out), starts };
}

/**
 * Myers' diff of two sequences: the runs they share, in order. Trims the common prefix and suffix first;
 * undefined when the work exceeds `budget.left` (which it decreases).
 */
export function diffSequences(a: Int32Array, b: Int32Array, budget: { left: number }): CommonRun[] | undefined {
  let prefix = 0;
  const minLength = Math.min(a.length, b.length);
  while (prefix < minLength && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < minLength - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  budget.left -= prefix + suffix;
  const runs: CommonRun[] = [];
  push(runs, { oldStart: 0, newStart: 0, length: prefix });
  const middle = myers(a.subarray(prefix, a.length - suffix), b.subarray(prefix, b.length - suffix), budget);
  if (!middle) return undefined;
  for (const r of middle) push(runs, { oldStart: r.oldStart + prefix, newStart: r.newStart + prefix, length: r.length });
  push(runs, { oldStart: a.length - suffix, newStart: b.length - suffix, length: suffix });
  return runs;
}

function myers(a: Int32Array, b: Int32Array, budget: { left: number }): CommonRun[] | undefined {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [];
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // The frontier after each step d, kept for the walk back (only its 2d+1 live diagonals).
  const trace: Int32Array[] = [];
  let traced = 0;
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    traced += 2 * d + 1;
    budget.left -= 2 * d + 1;
    if (traced > MAX_TRACE) return undefined;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      const x0 = x;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      budget.left -= x - x0;
      v[offset + k] = x;
      if (x >= n && y >= m) return walkBack(trace, d, n, m);
    }
    if (budget.left < 0) return undefined;
  }
  return undefined;
}

/** Follows the frontiers back from (n, m) and collects the diagonal stretches (the shared runs). */
function walkBack(trace: Int32Array[], last: number, n: number, m: number): CommonRun[] {
  const runs: CommonRun[] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    // trace[d] holds the frontier before step d: diagonals -(d-1)..(d-1) at indices 0..2d-2 shifted by one.
    const prev = trace[d];
    const at = (k: number) => prev[k + d];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const startX = down ? prevX : prevX + 1;
    const startY = startX - k;
    if (x > startX) runs.push({ oldStart: startX, newStart: startY, length: x - startX });
    x = prevX;
    y = prevY;
  }
  if (x > 0) runs.push({ oldStart: 0, newStart: 0, length: x });
  return runs.reverse();
}
