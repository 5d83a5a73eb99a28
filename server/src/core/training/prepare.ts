// One document made ready for export: its entities checked against the text, selected, adjusted by the clitic
// policy, resolved for nesting (flat formats), and aligned to tokens that are split at every entity boundary, so
// that no entity is dropped or shifted by tokenisation. Every change and every entity left out becomes a note.
import { lowerBound } from '../lowerBound';
import { CodePointIndex } from '../text/codePoints';
import type { Entity } from '../sidecar/types';
import { coveredText } from '../sidecar/validate';
import { type LabelSelection, resolveNesting, selectLabel } from './entities';
import { sentenceStarts } from './sentences';
import { baseTokens, splitProclitics, splitTokensAt, tokenStrictlyContaining } from './tokenize';
import type { AlignedEntity, CliticPolicy, NestedPolicy, PreparedDocument, TokenizationRecord } from './types';

export interface PrepareOptions {
  tokenization: TokenizationRecord;
  clitics: CliticPolicy;
  /** Set for flat formats: how overlapping entities are resolved. Undefined keeps them all. */
  nested?: NestedPolicy;
  labels?: LabelSelection;
  /**
   * True for formats that write character offsets (brat, doccano): entities keep their exact offsets and need not
   * cover a token. False aligns them to their tokens' edges.
   */
  exactOffsets: boolean;
  /** Labels become tag-safe (whitespace written as _), for formats that write tags. */
  tagSafeLabels?: boolean;
  /** Code-point offsets of extra token breaks (CoNLL-U tokens written without a space). */
  tokenBreaks?: readonly number[];
}

export interface PreparedNote {
  kind: 'adjusted' | 'skipped';
  /** Code-point offsets and label of the entity as the sidecar has it. */
  start: number;
  end: number;
  label: string;
  reason: string;
}

interface Working {
  start: number;
  end: number;
  label: string;
  ref?: string;
  original: Entity;
}

export function prepareDocument(
  path: string,
  text: string,
  status: string,
  entities: readonly Entity[],
  options: PrepareOptions,
): { document: PreparedDocument; notes: PreparedNote[] } {
  const index = CodePointIndex.of(text);
  const notes: PreparedNote[] = [];
  const note = (kind: PreparedNote['kind'], e: Entity, reason: string) =>
    notes.push({ kind, start: e.start, end: e.end, label: e.label, reason });

  // 1. Entities that really cover their text, with the label the selection gives them.
  let working: Working[] = [];
  for (const entity of entities) {
    const covered = coveredText(text, index, entity.start, entity.end);
    if (covered === undefined) {
      note('skipped', entity, 'lies outside the article');
      continue;
    }
    if (covered !== entity.text) {
      note('skipped', entity, 'its text does not match the article (article changed; re-anchor in the editor)');
      continue;
    }
    let label = selectLabel(entity.label, options.labels);
    if (label === undefined) {
      note('skipped', entity, 'label not selected (--labels)');
      continue;
    }
    if (options.tagSafeLabels && label !== tagSafeLabel(label)) {
      label = tagSafeLabel(label);
      note('adjusted', entity, 'label with spaces written with _ in tags');
    }
    const w: Working = { start: index.toUtf16(entity.start), end: index.toUtf16(entity.end), label, original: entity };
    if (entity.ref !== undefined) w.ref = entity.ref;
    working.push(w);
  }

  // 2. Base tokens, with the breaks an imported corpus recorded.
  let tokens = baseTokens(text, options.tokenization.tokens);
  if (options.tokenization.tokens === 'whitespace' && options.tokenBreaks?.length) {
    tokens = splitTokensAt(tokens, options.tokenBreaks.map((cp) => index.toUtf16(cp)));
  }

  // 3. `attach`: an entity boundary inside a word moves to the word's edge.
  if (options.clitics === 'attach') {
    for (const w of working) {
      const first = tokenStrictlyContaining(tokens, w.start);
      const last = tokenStrictlyContaining(tokens, w.end);
      if (first === -1 && last === -1) continue;
      if (first !== -1) w.start = tokens.start[first];
      if (last !== -1) w.end = tokens.end[last];
      note('adjusted', w.original, 'extended to the whole word (--clitics attach)');
    }
  }

  // 4. One entity per span and label.
  working.sort((a, b) => a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  working = working.filter((w, i) => {
    const prev = working[i - 1];
    if (prev && prev.start === w.start && prev.end === w.end && prev.label === w.label) {
      note('skipped', w.original, 'duplicate of another entity once labels were mapped or words attached');
      return false;
    }
    return true;
  });

  // 5. Flat formats: one entity per token.
  if (options.nested) {
    const { kept, dropped } = resolveNesting(working, options.nested);
    for (const d of dropped) note('skipped', d.entity.original, d.reason);
    working = kept;
  }

  // 6. Tokens split at every entity boundary (and proclitics split off under `split`).
  const boundaries = [...new Set(working.flatMap((w) => [w.start, w.end]))].sort((a, b) => a - b);
  if (options.clitics === 'split') tokens = splitProclitics(text, tokens, boundaries);
  tokens = splitTokensAt(tokens, boundaries);

  // 7. Entities aligned to tokens.
  const aligned: AlignedEntity[] = [];
  for (const w of working) {
    const tokenStart = lowerBound(tokens.start, w.start);
    const tokenEnd = lowerBound(tokens.start, w.end);
    const hasTokens = tokenStart < tokenEnd;
    let start = w.start;
    let end = w.end;
    if (!options.exactOffsets) {
      if (!hasTokens) {
        note('skipped', w.original, 'covers no token (only spaces or invisible marks)');
        continue;
      }
      start = tokens.start[tokenStart];
      end = tokens.end[tokenEnd - 1];
      if (start !== w.start || end !== w.end) note('adjusted', w.original, 'trimmed to its tokens (space or invisible mark at an edge)');
    }
    const a: AlignedEntity = {
      start,
      end,
      cpStart: index.toCodePoint(start),
      cpEnd: index.toCodePoint(end),
      label: w.label,
      tokenStart,
      tokenEnd,
    };
    if (w.ref !== undefined) a.ref = w.ref;
    aligned.push(a);
  }

  // 8. Sentences, never broken inside an entity.
  const n = tokens.start.length;
  const blocked = new Uint8Array(Math.max(0, n - 1));
  for (const a of aligned) for (let k = a.tokenStart; k < a.tokenEnd - 1; k++) blocked[k] = 1;
  const sentences = sentenceStarts(text, tokens, options.tokenization.sentences, blocked);

  const document: PreparedDocument = {
    path,
    text,
    status,
    tokenStart: tokens.start,
    tokenEnd: tokens.end,
    tokenCpStart: codePoints(index, tokens.start),
    tokenCpEnd: codePoints(index, tokens.end),
    sentenceStarts: sentences,
    entities: aligned,
  };
  return { document, notes };
}

/** A label usable inside a tag and a CoNLL column: whitespace becomes _. */
export function tagSafeLabel(label: string): string {
  return label.replace(/\s+/g, '_');
}

function codePoints(index: CodePointIndex, offsets: readonly number[]): number[] {
  if (index.codePointLength === index.utf16Length) return offsets as number[];
  return offsets.map((o) => index.toCodePoint(o));
}


export interface SentenceView {
  /** First token of the sentence and one past its last. */
  first: number;
  end: number;
  /** The entities whose tokens lie in the sentence, in order. */
  entities: AlignedEntity[];
}

/** The sentences of a document with their entities (every aligned entity lies in exactly one sentence). */
export function* sentencesOf(doc: PreparedDocument): Generator<SentenceView> {
  let p = 0;
  const entities = doc.entities;
  for (let s = 0; s + 1 < doc.sentenceStarts.length; s++) {
    const first = doc.sentenceStarts[s];
    const end = doc.sentenceStarts[s + 1];
    const list: AlignedEntity[] = [];
    while (p < entities.length && entities[p].tokenStart < end) {
      if (entities[p].tokenStart < entities[p].tokenEnd) list.push(entities[p]);
      p++;
    }
    yield { first, end, entities: list };
  }
}

export function sentenceCount(doc: PreparedDocument): number {
  return Math.max(0, doc.sentenceStarts.length - 1);
}
