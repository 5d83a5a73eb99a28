// Multi-pattern matching of knowledge-base names over Arabic text. Names and text are normalised the same way
// (SPEC §4) and cut into word tokens; a name is the sequence of its tokens joined by one space. The scan walks the
// normalised text once, hashing each token as it goes; a Bloom filter of the names' first tokens lets almost
// every token pass without allocating, and only candidates reach the hash map of names. Proclitics are tried
// on each token's first letters (و ف, ب ل ك, لل); the longest match at a position wins, ambiguity is kept.
import type { NormalizationOptions, procliticPolicy } from '../corpus/config';
import { CodePointIndex } from '../text/codePoints';
import { Normalizer } from '../text/normalize';
import { procliticSplits } from '../text/proclitics';
import type { KbEntry } from './entries';

export interface Candidate {
  /** Code points into the original text. */
  start: number;
  end: number;
  label: string;
  /** Absent for corpus memory of entities annotated without a ref. */
  ref?: string;
  /** Canonical name of the entry. */
  name: string;
  /** The (normalised) name that matched. */
  matched: string;
  description?: string;
  source: string;
}

/** Word characters: letters, marks, digits (BMP). Everything else separates tokens. */
const WORD = (() => {
  const table = new Uint8Array(0x10000);
  const re = /[\p{L}\p{M}\p{Nd}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (re.test(String.fromCharCode(c))) table[c] = 1;
  }
  return table;
})();

/** Characters that may stand between the words of one name in running text: spaces, underscores (#ذي_قار), hyphens. */
function isJoiner(c: number): boolean {
  return c === 0x20 || c === 0x5f || c === 0xa0 || c === 0x2d || c === 0x09;
}
const MAX_JOINER_RUN = 3;

const FNV_OFFSET = 0x811c9dc5;
function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193) >>> 0;
}
function fnvString(s: string, from = 0, to = s.length, h = FNV_OFFSET): number {
  for (let i = from; i < to; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}
const ALEF_HASH = fnvStep(FNV_OFFSET, 0x0627);

const BLOOM_BITS = 1 << 24;

export interface MatcherOptions {
  normalization: NormalizationOptions;
  proclitics: procliticPolicy;
}

/** Tokens of a normalised string: [start, end) pairs. */
export function wordTokens(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && !WORD[text.charCodeAt(i)]) i++;
    const s = i;
    while (i < n && WORD[text.charCodeAt(i)]) i++;
    if (i > s) out.push(s, i);
  }
  return out;
}

export class GazetteerMatcher {
  readonly normalizer: Normalizer;
  /** Normalised name key -> entry ids. */
  private readonly keys = new Map<string, number[]>();
  /** First token of a name -> the most tokens a name starting with it has. */
  private readonly firstTokens = new Map<string, number>();
  private readonly bloom = new Uint32Array(BLOOM_BITS >>> 5);
  readonly entries: KbEntry[] = [];
  private readonly byRef = new Map<string, number>();

  constructor(readonly options: MatcherOptions) {
    this.normalizer = new Normalizer(options.normalization);
  }

  static build(entries: Iterable<KbEntry>, options: MatcherOptions): GazetteerMatcher {
    const matcher = new GazetteerMatcher(options);
    for (const entry of entries) matcher.add(entry);
    return matcher;
  }

  get size(): number {
    return this.keys.size;
  }

  /** Normalised key of a name: its word tokens joined by single spaces ('' when it has none). */
  keyOf(name: string): string {
    const norm = this.normalizer.normalizeString(name);
    const tokens = wordTokens(norm);
    let key = '';
    for (let t = 0; t < tokens.length; t += 2) key += (t ? ' ' : '') + norm.slice(tokens[t], tokens[t + 1]);
    return key;
  }

  add(entry: KbEntry): void {
    const id = this.entries.length;
    this.entries.push(entry);
    if (entry.ref && !this.byRef.has(entry.ref)) this.byRef.set(entry.ref, id);
    for (const name of entry.names) {
      const key = this.keyOf(name);
      if (key.length < 2) continue;
      const ids = this.keys.get(key);
      if (ids) {
        if (!ids.includes(id)) ids.push(id);
      } else this.keys.set(key, [id]);
      const space = key.indexOf(' ');
      const first = space === -1 ? key : key.slice(0, space);
      let tokens = 1;
      for (let i = space; i !== -1; i = key.indexOf(' ', i + 1)) tokens++;
      if ((this.firstTokens.get(first) ?? 0) < tokens) this.firstTokens.set(first, tokens);
      this.bloomAdd(fnvString(first));
    }
  }

  entryByRef(ref: string): KbEntry | undefined {
    const id = this.byRef.get(ref);
    return id === undefined ? undefined : this.entries[id];
  }

  /** Entries whose name has exactly this normalised key. */
  lookupKey(key: string): KbEntry[] {
    return (this.keys.get(key) ?? []).map((id) => this.entries[id]);
  }

  allKeys(): IterableIterator<string> {
    return this.keys.keys();
  }

  private bloomAdd(h: number): void {
    const a = h & (BLOOM_BITS - 1);
    const b = ((h >>> 16) | (h << 16)) & (BLOOM_BITS - 1);
    this.bloom[a >>> 5] |= 1 << (a & 31);
    this.bloom[b >>> 5] |= 1 << (b & 31);
  }

  private bloomHas(h: number): boolean {
    const a = h & (BLOOM_BITS - 1);
    const b = ((h >>> 16) | (h << 16)) & (BLOOM_BITS - 1);
    return (this.bloom[a >>> 5] & (1 << (a & 31))) !== 0 && (this.bloom[b >>> 5] & (1 << (b & 31))) !== 0;
  }

  /** Every match in the whole text. */
  matchAll(text: string, index: CodePointIndex = CodePointIndex.of(text)): Candidate[] {
    return this.matchRange(text, index, 0, text.length);
  }

  /**
   * Matches in the lines that UTF-16 range [from, to) touches (names never cross a line break), with code-point
   * offsets into the whole text.
   */
  matchRange(text: string, index: CodePointIndex, from: number, to: number): Candidate[] {
    const lineStart = from <= 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
    let lineEnd = to >= text.length ? text.length : text.indexOf('\n', to);
    if (lineEnd === -1) lineEnd = text.length;
    const { text: norm, origin } = this.normalizer.normalize(text, lineStart, lineEnd);
    const out: Candidate[] = [];
    const n = norm.length;
    const firstTokens = this.firstTokens;
    let i = 0;
    while (i < n) {
      // Next token [s, e) with its hash.
      while (i < n && !WORD[norm.charCodeAt(i)]) i++;
      if (i >= n) break;
      const s = i;
      let h = FNV_OFFSET;
      while (i < n && WORD[norm.charCodeAt(i)]) h = fnvStep(h, norm.charCodeAt(i++));
      const e = i;
      const matchEnd = this.matchAt(norm, s, e, h, firstTokens, out, text, origin, index);
      if (matchEnd > e) i = matchEnd;
    }
    return out;
  }

  /** Tries the token [s, e) and its proclitic readings as the start of a name; returns the end of the match. */
  private matchAt(norm: string, s: number, e: number, wholeHash: number, firstTokens: Map<string, number>, out: Candidate[], text: string, origin: Int32Array, index: CodePointIndex): number {
    let best: { prefix: number; end: number; key: string } | undefined;
    const splits = e - s > 2 ? procliticSplits(norm, s, e) : [{ prefix: 0, elidedAlef: false }];
    for (const split of splits) {
      const h = split.prefix === 0 ? wholeHash : fnvString(norm, s + split.prefix, e, split.elidedAlef ? ALEF_HASH : FNV_OFFSET);
      if (!this.bloomHas(h)) continue;
      const first = (split.elidedAlef ? 'ا' : '') + norm.slice(s + split.prefix, e);
      const maxTokens = firstTokens.get(first);
      if (maxTokens === undefined) continue;
      let key = first;
      let end = e;
      let found: { end: number; key: string } | undefined = this.keys.has(key) ? { end, key } : undefined;
      for (let t = 1; t < maxTokens; t++) {
        // The next token must follow after a short run of joiners on the same line.
        let j = end;
        while (j < norm.length && j - end < MAX_JOINER_RUN && isJoiner(norm.charCodeAt(j))) j++;
        if (j === end || j >= norm.length || !WORD[norm.charCodeAt(j)]) break;
        let k = j;
        while (k < norm.length && WORD[norm.charCodeAt(k)]) k++;
        key += ' ' + norm.slice(j, k);
        end = k;
        if (this.keys.has(key)) found = { end, key };
      }
      if (found && (!best || found.end > best.end)) best = { prefix: split.prefix, end: found.end, key: found.key };
    }
    if (!best) return e;
    const prefix = this.options.proclitics === 'include' ? 0 : best.prefix;
    const start16 = origin[s + prefix];
    let end16 = origin[best.end - 1] + 1;
    // Marks and tatweel dropped by normalisation right after the last letter belong to the name.
    while (end16 < text.length && (text.charCodeAt(end16) === 0x0640 || /\p{M}/u.test(text[end16]))) end16++;
    const start = index.toCodePoint(start16);
    const end = index.toCodePoint(end16);
    for (const id of this.keys.get(best.key)!) {
      const entry = this.entries[id];
      const c: Candidate = { start, end, label: entry.label, name: entry.names[0], matched: best.key, source: entry.source };
      if (entry.ref) c.ref = entry.ref;
      if (entry.description) c.description = entry.description;
      out.push(c);
    }
    return best.end;
  }
}
