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
 * Calls `visit` for every way to read a proclitic prefix off the token [start, end) — the whole token first — with
 * the prefix length in code units and whether it stands for ل + ال with the alef dropped. `codeAt` reads the
 * (normalised) text; nothing is allocated, so the matcher can call this for every token it scans.
 */
export function visitProcliticSplits(codeAt: (i: number) => number, start: number, end: number, visit: (prefix: number, elidedAlef: boolean) => void): void {
  visit(0, false);
  const length = end - start;
  const first = codeAt(start);
  // The conjunction (و ف) and the preposition (ب ل ك) may each be absent or present: و، ب، وب ...
  const conjunctions = first === WAW || first === FEH ? 2 : 1;
  for (let conjunction = 0; conjunction < conjunctions; conjunction++) {
    if (conjunction === 1 && length - 1 >= MIN_REMAINDER) visit(1, false);
    const preposition = codeAt(start + conjunction);
    if ((preposition === BEH || preposition === LAM || preposition === KAF) && length - conjunction - 1 >= MIN_REMAINDER) {
      visit(conjunction + 1, false);
      if (preposition === LAM && codeAt(start + conjunction + 1) === LAM) visit(conjunction + 1, true);
    }
  }
}

/**
 * Every way to read a proclitic prefix off `word` (the code units of one token, from `start` to `end`), the whole
 * word first. The letters are compared after normalisation, so callers pass normalised text.
 */
export function procliticSplits(text: string, start = 0, end = text.length): ProcliticSplit[] {
  const out: ProcliticSplit[] = [];
  visitProcliticSplits((i) => text.charCodeAt(i), start, end, (prefix, elidedAlef) => out.push({ prefix, elidedAlef }));
  return out;
}
