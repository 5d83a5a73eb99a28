// Multi-pattern matching of knowledge-base names over Arabic text. Names and text are normalised the same way
// (SPEC §4) and cut into word tokens; a name is the sequence of its tokens joined by one space. The scan walks the
// normalised text once, hashing each token as it goes; a Bloom filter of the names' first tokens lets almost
// every token pass without allocating, and only candidates reach the hash map of names. Proclitics are tried
// on each token's first letters (و ف, ب ل ك, لل); the longest match at a position wins, ambiguity is kept.
import type { NormalizationOptions, procliticPolicy } from '../corpus/config';
import { CodePointIndex } from '../text/codePoints';
import { Normalizer } from '../text/normalize';
import { fillProcliticReadings } from '../text/proclitics';
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
/** Most name ends remembered at one token (readings × words of the longest name starting there). */
const HIT_LIMIT = 64;

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
  /**
   * The scan never builds strings: it hashes as it reads. Hash of a name's first token -> the most tokens a name
   * starting with it has; hash of a whole key -> the keys with that hash (checked for equality only on a match).
   */
  private readonly firstTokens = new Map<number, number>();
  private readonly keyHashes = new Map<number, string | string[]>();
  private readonly bloom = new Uint32Array(BLOOM_BITS >>> 5);
  readonly entries: KbEntry[] = [];
  private readonly readings = new Int32Array(8);
  private readonly hitEnds = new Int32Array(HIT_LIMIT);
  private readonly hitReadings = new Int32Array(HIT_LIMIT);
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
      if (ids) continue;
      const space = key.indexOf(' ');
      const firstHash = fnvString(key, 0, space === -1 ? key.length : space) | 0;
      let tokens = 1;
      for (let i = space; i !== -1; i = key.indexOf(' ', i + 1)) tokens++;
      if ((this.firstTokens.get(firstHash) ?? 0) < tokens) this.firstTokens.set(firstHash, tokens);
      this.bloomAdd(firstHash >>> 0);
      const keyHash = fnvString(key) | 0;
      const same = this.keyHashes.get(keyHash);
      if (same === undefined) this.keyHashes.set(keyHash, key);
      else if (typeof same === 'string') this.keyHashes.set(keyHash, [same, key]);
      else same.push(key);
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

  /** Two bits per first token; the scan in matchRange tests the same two bits inline. */
  private bloomAdd(h: number): void {
    const a = h & (BLOOM_BITS - 1);
    const b = ((h >>> 16) | (h << 16)) & (BLOOM_BITS - 1);
    this.bloom[a >>> 5] |= 1 << (a & 31);
    this.bloom[b >>> 5] |= 1 << (b & 31);
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
    const { units, length: n, origin } = this.normalizer.normalizeUnits(text, lineStart, lineEnd);
    const out: Candidate[] = [];
    const keyHashes = this.keyHashes;
    const firstTokens = this.firstTokens;
    const bloom = this.bloom;
    const readings = this.readings;
    const include = this.options.proclitics === 'include';
    const hitEnds = this.hitEnds;
    const hitReadings = this.hitReadings;
    // One loop, no closures: every variable stays local to this function (V8 keeps them in registers).
    let i = 0;
    while (i < n) {
      while (i < n && !WORD[units[i]]) i++;
      if (i >= n) break;
      const s = i;
      let wholeHash = FNV_OFFSET;
      while (i < n && WORD[units[i]]) wholeHash = Math.imul(wholeHash ^ units[i++], 0x01000193) >>> 0;
      const e = i;
      // Only a token starting with و ف ب ل ك can carry a proclitic.
      const c0 = units[s];
      let count = 1;
      readings[0] = 0;
      if (e - s > 2 && (c0 === 0x0648 || c0 === 0x0641 || c0 === 0x0628 || c0 === 0x0644 || c0 === 0x0643)) count = fillProcliticReadings(units, s, e, readings);
      // Every (end, reading) whose hash is a name's, longest checked first: a hash collision must not hide a
      // shorter real name.
      let hitCount = 0;
      for (let r = 0; r < count; r++) {
        const prefix = readings[r] >> 1;
        const elided = (readings[r] & 1) === 1;
        let h = wholeHash;
        if (r > 0) {
          h = elided ? ALEF_HASH : FNV_OFFSET;
          for (let k = s + prefix; k < e; k++) h = Math.imul(h ^ units[k], 0x01000193) >>> 0;
        }
        const a = h & (BLOOM_BITS - 1);
        const b = ((h >>> 16) | (h << 16)) & (BLOOM_BITS - 1);
        if ((bloom[a >>> 5] & (1 << (a & 31))) === 0 || (bloom[b >>> 5] & (1 << (b & 31))) === 0) continue;
        const maxTokens = firstTokens.get(h | 0);
        if (maxTokens === undefined) continue;
        let end = e;
        if (keyHashes.has(h | 0) && hitCount < HIT_LIMIT) {
          hitEnds[hitCount] = end;
          hitReadings[hitCount++] = readings[r];
        }
        for (let t = 1; t < maxTokens; t++) {
          // The next word must follow after a short run of joiners on the same line.
          let j = end;
          while (j < n && j - end < MAX_JOINER_RUN && isJoiner(units[j])) j++;
          if (j === end || j >= n || !WORD[units[j]]) break;
          h = Math.imul(h ^ 0x20, 0x01000193) >>> 0;
          let k = j;
          while (k < n && WORD[units[k]]) h = Math.imul(h ^ units[k++], 0x01000193) >>> 0;
          end = k;
          if (keyHashes.has(h | 0) && hitCount < HIT_LIMIT) {
            hitEnds[hitCount] = end;
            hitReadings[hitCount++] = readings[r];
          }
        }
      }
      if (hitCount === 0) continue;
      // Only now are keys spelled out and checked against the names (a hash collision is not a match). The longest
      // end wins; among readings with the same end, the earlier one (the whole word before a proclitic reading).
      for (;;) {
        let pick = -1;
        for (let h = 0; h < hitCount; h++) if (hitEnds[h] >= 0 && (pick < 0 || hitEnds[h] > hitEnds[pick])) pick = h;
        if (pick < 0) break;
        const prefix = hitReadings[pick] >> 1;
        const key = spellKey(units, s + prefix, hitEnds[pick], (hitReadings[pick] & 1) === 1);
        if (this.keys.has(key)) {
          this.emit(out, text, index, origin, s + (include ? 0 : prefix), hitEnds[pick], key);
          i = hitEnds[pick];
          break;
        }
        hitEnds[pick] = -1;
      }
    }
    return out;
  }

  /** One candidate per entry of `key`, for normalised units [start, end) of the scanned line. */
  private emit(out: Candidate[], text: string, index: CodePointIndex, origin: Int32Array, start: number, end: number, key: string): void {
    const start16 = origin[start];
    let end16 = origin[end - 1] + 1;
    // Marks and tatweel dropped by normalisation right after the last letter belong to the name.
    while (end16 < text.length && isMarkOrTatweel(text.charCodeAt(end16))) end16++;
    const startCp = index.toCodePoint(start16);
    const endCp = index.toCodePoint(end16);
    for (const id of this.keys.get(key)!) {
      const entry = this.entries[id];
      const c: Candidate = { start: startCp, end: endCp, label: entry.label, name: entry.names[0], matched: key, source: entry.source };
      if (entry.ref) c.ref = entry.ref;
      if (entry.description) c.description = entry.description;
      out.push(c);
    }
  }
}

/** Arabic marks, tatweel and combining diacritics: what may trail a name's last letter. */
function isMarkOrTatweel(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || (c >= 0x06d6 && c <= 0x06ed) || (c >= 0x0300 && c <= 0x036f);
}


/** The key of normalised units [from, to): words joined by single spaces, with the elided alef of لل restored. */
function spellKey(units: Uint16Array, from: number, to: number, elidedAlef: boolean): string {
  let key = elidedAlef ? 'ا' : '';
  let wordStart = -1;
  for (let i = from; i <= to; i++) {
    const inWord = i < to && WORD[units[i]] === 1;
    if (inWord && wordStart < 0) wordStart = i;
    else if (!inWord && wordStart >= 0) {
      // Whole words at once: native decoding of a short run beats appending characters one by one.
      key += (key.length > (elidedAlef ? 1 : 0) ? ' ' : '') + String.fromCharCode.apply(null, units.subarray(wordStart, i) as unknown as number[]);
      wordStart = -1;
    }
  }
  return key;
}
