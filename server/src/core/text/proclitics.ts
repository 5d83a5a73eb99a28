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
 * Every way to read a proclitic prefix off `word` (the code units of one token, from `start` to `end`), the whole
 * word first. The letters are compared after normalisation, so callers pass normalised text.
 */
export function procliticSplits(text: string, start = 0, end = text.length): ProcliticSplit[] {
  const out: ProcliticSplit[] = [{ prefix: 0, elidedAlef: false }];
  const length = end - start;
  const first = text.charCodeAt(start);
  // The conjunction (و ف) and the preposition (ب ل ك) may each be absent or present: و، ب، وب ...
  const conjunctionLengths = first === WAW || first === FEH ? [0, 1] : [0];
  for (const conjunction of conjunctionLengths) {
    if (conjunction === 1 && length - 1 >= MIN_REMAINDER) out.push({ prefix: 1, elidedAlef: false });
    const preposition = text.charCodeAt(start + conjunction);
    if ((preposition === BEH || preposition === LAM || preposition === KAF) && length - conjunction - 1 >= MIN_REMAINDER) {
      out.push({ prefix: conjunction + 1, elidedAlef: false });
      if (preposition === LAM && text.charCodeAt(start + conjunction + 1) === LAM) {
        out.push({ prefix: conjunction + 1, elidedAlef: true });
      }
    }
  }
  return out;
}
