// Token tags: writing entity spans as IOB2 or BIOES tags, and reading IOB1/IOB2/BIOES (and BILOU) tag columns
// back into spans, one or more columns per token (several columns = nested layers, as in Wojood).
import type { Scheme } from './types';

export type ReadScheme = 'iob1' | 'iob2' | 'bioes';

/** Tags of `n` tokens for non-overlapping spans [start, end) of token indexes, sorted by start. */
export function encodeTags(n: number, spans: ReadonlyArray<{ start: number; end: number; label: string }>, scheme: Scheme): string[] {
  const tags = new Array<string>(n).fill('O');
  for (const { start, end, label } of spans) {
    if (scheme === 'bioes') {
      if (end - start === 1) tags[start] = `S-${label}`;
      else {
        tags[start] = `B-${label}`;
        for (let i = start + 1; i < end - 1; i++) tags[i] = `I-${label}`;
        tags[end - 1] = `E-${label}`;
      }
    } else {
      tags[start] = `B-${label}`;
      for (let i = start + 1; i < end; i++) tags[i] = `I-${label}`;
    }
  }
  return tags;
}

/** The tag names of a label set in a stable order: O, then per label (sorted) B I or B I E S. */
export function tagNames(labels: readonly string[], scheme: Scheme): string[] {
  const prefixes = scheme === 'bioes' ? ['B', 'I', 'E', 'S'] : ['B', 'I'];
  return ['O', ...labels.flatMap((label) => prefixes.map((p) => `${p}-${label}`))];
}

export interface ParsedTag {
  prefix: 'O' | 'B' | 'I' | 'E' | 'S';
  type: string;
  /** Set when the tag was malformed and read by a repair rule: what was done. */
  repair?: string;
  /** True for a label with no B-/I- prefix (IO scheme). */
  bare?: boolean;
}

const O_TAG: ParsedTag = { prefix: 'O', type: '' };
const PREFIXED = /^([BIESLUbiesluO])([-_]+)(.*)$/;
const O_LIKE = /^(?:[Oo0]+|[-_]+|O[-_]+)$/;

/**
 * Reads one tag. Rules for malformed tags (documented in `hashiya import --help`):
 * `OO`, `0`, `o`, `O-` are read as O; repeated separators (`I--ORG`) as one (`I-ORG`); a lower-case prefix as
 * upper case; a prefix without a type (`B-`) as O; a label without prefix (`LOC`) as I-LOC (IO scheme).
 */
export function parseTag(raw: string): ParsedTag {
  if (raw === 'O') return O_TAG;
  if (O_LIKE.test(raw)) return { prefix: 'O', type: '', repair: `malformed tag "${raw}" read as O` };
  const m = PREFIXED.exec(raw);
  if (m && !(m[1] === 'O' && m[3] !== '')) {
    const letter = m[1].toUpperCase();
    const prefix = (letter === 'L' ? 'E' : letter === 'U' ? 'S' : letter) as ParsedTag['prefix'];
    const type = m[3];
    if (type === '' || /^[-_]/.test(type)) return { prefix: 'O', type: '', repair: `malformed tag "${raw}" (no type) read as O` };
    const repaired = m[2].length > 1 || m[1] !== letter;
    return repaired ? { prefix, type, repair: `malformed tag "${raw}" read as ${prefix}-${type}` } : { prefix, type };
  }
  return { prefix: 'I', type: raw, bare: true };
}

/** A span read from tags: token indexes [start, end) within the sentence. */
export interface DecodedSpan {
  start: number;
  end: number;
  type: string;
}

/** Something about the tags worth telling (only some schemes make them errors; see `schemeEvents`). */
export interface TagEvent {
  /** Index of the token in the sentence. */
  token: number;
  kind: 'stray-inside' | 'stray-end' | 'unclosed' | 'fresh-begin';
  tag: string;
}

interface OpenSpan {
  start: number;
  type: string;
  /** Token index at which it was last continued or opened. */
  seen: number;
  closeAfter: boolean;
}

/**
 * Decodes the tags of one sentence, token by token. Each token carries a list of tags (one per column, O left out).
 * A B or S tag opens a span; the k-th I or E tag of a type on a token continues the k-th open span of that type
 * (spans in start order, so the outer one first); an I or E with nothing to continue opens a span (conlleval's
 * rule); a span not continued on a token ends before it; E and S end a span after their token.
 */
export class SentenceDecoder {
  private open: OpenSpan[] = [];
  readonly spans: DecodedSpan[] = [];
  readonly events: TagEvent[] = [];
  private index = 0;

  push(tags: readonly ParsedTag[]): void {
    const i = this.index++;
    const used = new Set<OpenSpan>();
    const opened: OpenSpan[] = [];
    for (const tag of tags) {
      if (tag.prefix === 'O') continue;
      if (tag.prefix === 'I' || tag.prefix === 'E') {
        // The first open span of the type not yet continued on this token: the k-th for the k-th tag.
        const span = this.open.find((s) => s.type === tag.type && !used.has(s));
        if (span) {
          used.add(span);
          span.seen = i;
          if (tag.prefix === 'E') span.closeAfter = true;
        } else {
          if (!tag.bare) this.events.push({ token: i, kind: tag.prefix === 'I' ? 'stray-inside' : 'stray-end', tag: `${tag.prefix}-${tag.type}` });
          opened.push({ start: i, type: tag.type, seen: i, closeAfter: tag.prefix === 'E' });
        }
      } else {
        const continuing = this.open.some((s) => s.type === tag.type && s.seen === i - 1);
        if (!continuing && tag.prefix === 'B') this.events.push({ token: i, kind: 'fresh-begin', tag: `B-${tag.type}` });
        opened.push({ start: i, type: tag.type, seen: i, closeAfter: tag.prefix === 'S' });
      }
    }
    // Spans not continued on this token ended before it.
    const still: OpenSpan[] = [];
    for (const span of this.open) {
      if (used.has(span)) still.push(span);
      else this.close(span, i, true);
    }
    this.open = [...still, ...opened].sort((a, b) => a.start - b.start);
    // E and S close after this token.
    this.open = this.open.filter((span) => {
      if (!span.closeAfter) return true;
      this.spans.push({ start: span.start, end: i + 1, type: span.type });
      return false;
    });
  }

  /** Ends the sentence: every open span ends after the last token. */
  finish(): DecodedSpan[] {
    for (const span of this.open) this.close(span, this.index, true);
    this.open = [];
    return this.spans.sort((a, b) => a.start - b.start || b.end - a.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  }

  private close(span: OpenSpan, end: number, withoutEndTag: boolean): void {
    this.spans.push({ start: span.start, end, type: span.type });
    if (withoutEndTag) this.events.push({ token: end - 1, kind: 'unclosed', tag: span.type });
  }
}

/** Counts of tag evidence over a file, to guess its scheme. */
export interface SchemeEvidence {
  endOrSingle: number;
  freshBegin: number;
  strayInside: number;
}

/** The scheme a file's tags follow: BIOES if any E-/S-, IOB2 if a B- opens an entity after O, IOB1 if only I- do. */
export function guessScheme(evidence: SchemeEvidence): ReadScheme {
  if (evidence.endOrSingle > 0) return 'bioes';
  if (evidence.freshBegin > 0) return 'iob2';
  if (evidence.strayInside > 0) return 'iob1';
  return 'iob2';
}

/** Whether an event is a violation of `scheme` (and so reported). */
export function isViolation(kind: TagEvent['kind'], scheme: ReadScheme): boolean {
  if (kind === 'stray-inside') return scheme !== 'iob1';
  if (kind === 'stray-end') return true;
  if (kind === 'unclosed') return scheme === 'bioes';
  return false;
}
