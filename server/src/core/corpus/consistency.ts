// Corpus-wide checks that no single sidecar can fail on its own, reported as warnings: an entity edge inside a
// word, a ref the knowledge base does not know, and the same surface form labelled differently across the corpus.
// Problems are placed on the entity's line in its sidecar, like every sidecar problem. Pure.
import type { Problem } from '../sidecar/problems';
import type { Entity } from '../sidecar/types';
import { CodePointIndex } from '../text/codePoints';
import type { Normalizer } from '../text/normalize';
import { procliticSplits } from '../text/proclitics';
import { isWordCodePoint } from '../text/words';

export interface CorpusDocument {
  /** The sidecar's path, as problems are filed under. */
  file: string;
  /** How messages name the sidecar (default: `file`). */
  name?: string;
  /** The article's text. */
  text: string;
  entities: readonly Entity[];
  /** Offset of each entity in the sidecar file (ParsedSidecar.entityOffsets.entities). */
  entityOffsets: readonly number[];
}

export interface FileProblem {
  file: string;
  problem: Problem;
}

const warning = (offset: number, message: string, code: string): Problem => ({ severity: 'warning', message, offset, length: 1, code });

/**
 * Entities that start or end inside a word. A start after a proclitic (و ف ب ل ك, as in بـ|بغداد) is a word
 * edge by the corpus's proclitic policy, not a cut.
 */
export function insideWordProblems(doc: CorpusDocument, index = CodePointIndex.of(doc.text)): Problem[] {
  const text = doc.text;
  const out: Problem[] = [];
  doc.entities.forEach((e, i) => {
    const s = index.toUtf16(e.start);
    const t = index.toUtf16(e.end);
    // Out of range or not covering its text: validateSidecar reports that, and word edges would only add noise.
    if (s > text.length || t > text.length || text.slice(s, t) !== e.text) return;
    const isWord = (at: number) => at >= 0 && at < text.length && isWordCodePoint(text.codePointAt(at)!);
    let wordStart = s;
    while (wordStart > 0 && isWord(wordStart - 1)) wordStart--;
    let wordEnd = s;
    while (wordEnd < text.length && isWord(wordEnd)) wordEnd++;
    const startCut = wordStart < s && isWord(s) && !procliticSplits(text, wordStart, wordEnd).some((p) => p.prefix === s - wordStart);
    const endCut = isWord(t - 1) && isWord(t);
    if (startCut || endCut) {
      out.push(warning(doc.entityOffsets[i] ?? 0, `${e.label} ${JSON.stringify(e.text)} ${startCut ? 'starts' : 'ends'} inside a word`, 'inside-word'));
    }
  });
  return out;
}

/** Entities whose ref no knowledge-base entry has. */
export function unknownRefProblems(doc: CorpusDocument, knownRefs: ReadonlySet<string>): Problem[] {
  const out: Problem[] = [];
  doc.entities.forEach((e, i) => {
    if (e.ref !== undefined && !knownRefs.has(e.ref)) {
      out.push(warning(doc.entityOffsets[i] ?? 0, `ref ${e.ref} of ${JSON.stringify(e.text)} is not in the knowledge base (built-in and hashiya.json gazetteers)`, 'unknown-ref'));
    }
  });
  return out;
}

/**
 * The same normalised surface form with different labels across the corpus. Each occurrence that does not carry
 * the form's most frequent label is reported, naming where the majority label is used.
 */
export function labelConsistencyProblems(docs: readonly CorpusDocument[], normalizer: Normalizer): FileProblem[] {
  type Occurrence = { doc: CorpusDocument; index: number; label: string };
  // A corpus repeats its surface forms: each distinct text is normalised once.
  const formOf = new Map<string, string>();
  // First pass: each form's first label, and whether another one shows up. Most forms have one label, so the
  // hundreds of thousands of entities of a large corpus make no object here.
  const firstLabel = new Map<string, string>();
  const mixed = new Map<string, Occurrence[]>();
  for (const doc of docs) {
    for (const e of doc.entities) {
      let form = formOf.get(e.text);
      if (form === undefined) formOf.set(e.text, (form = normalizer.normalizeString(e.text).replace(/\s+/g, ' ').trim()));
      const label = firstLabel.get(form);
      if (label === undefined) firstLabel.set(form, e.label);
      else if (label !== e.label && !mixed.has(form)) mixed.set(form, []);
    }
  }
  if (mixed.size === 0) return [];
  // Second pass: the occurrences of the forms with more than one label, in corpus order.
  for (const doc of docs) {
    doc.entities.forEach((e, index) => {
      const list = mixed.get(formOf.get(e.text)!);
      if (list) list.push({ doc, index, label: e.label });
    });
  }
  const out: FileProblem[] = [];
  // Forms in the order of their first occurrence, as they were found.
  for (const form of firstLabel.keys()) {
    const occurrences = mixed.get(form);
    if (!occurrences) continue;
    const counts = new Map<string, number>();
    for (const o of occurrences) counts.set(o.label, (counts.get(o.label) ?? 0) + 1);
    if (counts.size < 2) continue;
    // Majority label; a tie goes to the label first in alphabetical order, so the report is stable.
    const [majority, majorityCount] = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
    const example = occurrences.find((o) => o.label === majority)!;
    for (const o of occurrences) {
      if (o.label === majority) continue;
      const message = `${JSON.stringify(form)} is labelled ${o.label} here but ${majority} ${majorityCount} time${majorityCount === 1 ? '' : 's'} in the corpus (e.g. ${example.doc.name ?? example.doc.file})`;
      out.push({ file: o.doc.file, problem: warning(o.doc.entityOffsets[o.index] ?? 0, message, 'inconsistent-label') });
    }
  }
  return out;
}
