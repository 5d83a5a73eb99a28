// Arabic proclitics (SPEC §4): a word may start with و or ف, then one of ب ل ك, then the article ال — written
// لل when ل meets ال (للقوات = ل + القوات). Names in a knowledge base carry their article (العراق), so a name is
// looked for after each possible proclitic prefix; the prefix itself is not part of the entity unless the corpus
// policy says so.

const WAW = 0x0648; // و
const FEH = 0x0641; // ف
const BEH = 0x0628; // ب
const LAM = 0x0644; // ل
const KAF = 0x0643; // ك

/** Shortest remainder, in UTF-16 units, for a prefix to be worth trying: names have at least two letters. */
const MIN_REMAINDER = 2;

export interface ProcliticSplit {
  /** UTF-16 length of the proclitic prefix (0: the whole word). */
  prefix: number;
  /**
   * True for لل: the remainder starts with the article's ل whose ا was dropped in writing, so the remainder
   * stands for `ا` + remainder (لقوات for القوات).
   */
  elidedAlef: boolean;
}

/**
 * Writes every way to read a proclitic prefix off the token units[start, end) into `out` — the whole token first
 * — as prefix length × 2 + 1 when it stands for ل + ال with the alef dropped; returns how many. Allocates
 * nothing, so the matcher can call it for every token it scans. `out` needs room for 6 readings.
 */
export function fillProcliticReadings(units: ArrayLike<number>, start: number, end: number, out: Int32Array): number {
  let count = 0;
  out[count++] = 0;
  const length = end - start;
  const first = units[start];
  // The conjunction (و ف) and the preposition (ب ل ك) may each be absent or present: و، ب، وب ...
  const conjunctions = first === WAW || first === FEH ? 2 : 1;
  for (let conjunction = 0; conjunction < conjunctions; conjunction++) {
    if (conjunction === 1 && length - 1 >= MIN_REMAINDER) out[count++] = 2;
    const preposition = units[start + conjunction];
    if ((preposition === BEH || preposition === LAM || preposition === KAF) && length - conjunction - 1 >= MIN_REMAINDER) {
      out[count++] = (conjunction + 1) * 2;
      if (preposition === LAM && units[start + conjunction + 1] === LAM) out[count++] = (conjunction + 1) * 2 + 1;
    }
  }
  return count;
}

/**
 * Every way to read a proclitic prefix off `word` (the code units of one token, from `start` to `end`), the whole
 * word first. The letters are compared after normalisation, so callers pass normalised text.
 */
export function procliticSplits(text: string, start = 0, end = text.length): ProcliticSplit[] {
  const units = new Uint16Array(end - start);
  for (let i = start; i < end; i++) units[i - start] = text.charCodeAt(i);
  const readings = new Int32Array(6);
  const count = fillProcliticReadings(units, 0, units.length, readings);
  return Array.from(readings.subarray(0, count), (r) => ({ prefix: r >> 1, elidedAlef: (r & 1) === 1 }));
}
