// Multi-pattern matching of knowledge-base names over Arabic text. Names and text are normalised the same way
// (SPEC §4) and cut into word tokens; a name is the sequence of its tokens joined by one space. The scan walks the
// normalised text once, a chunk of lines at a time, hashing each token as it goes and allocating nothing: a bit
// filter that stays in cache turns most words away, an open-addressing table of hashes says which start a name or
// are one, and only then is a key spelled out and compared with the names. Proclitics are tried on each token's
// first letters (و ف, ب ل ك, لل); the longest match at a position wins, ambiguity is kept.
import { WORD_TABLE } from '../text/words';
import type { NormalizationOptions, procliticPolicy } from '../corpus/config';
import { CodePointIndex } from '../text/codePoints';
import { Normalizer } from '../text/normalize';
import { fillProcliticReadings } from '../text/proclitics';
import type { KbEntry } from './entries';
import { type EntryDetailFields, EntryColumns } from './entryColumns';
import { HashFlags } from './hashFlags';
import { FNV_OFFSET, fnv1a, fnvStep, KeyTable } from './keyTable';
import { Int32List } from '../int32List';
import { radixSort } from '../radixOrder';
import type { StringList } from '../stringList';

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

/** Word characters (BMP table): everything else separates tokens. */
const WORD = WORD_TABLE;

/** Characters that may stand between the words of one name in running text: spaces, underscores (#ذي_قار), hyphens. */
function isJoiner(c: number): boolean {
  return c === 0x20 || c === 0x5f || c === 0xa0 || c === 0x2d || c === 0x09;
}
const MAX_JOINER_RUN = 3;

const ALEF_HASH = fnvStep(FNV_OFFSET, 0x0627);
/**
 * Bit 0 of a hash's value: a whole name has this hash. The bits above: the most tokens of a name of several words
 * whose first word has this hash (0 when none: a one-word name needs no more than its IS_KEY bit).
 */
const IS_KEY = 1;
/** The filter starts at 2^21 bits (256 KB, within the L2 cache) and grows to keep under one bit in eight set. */
const MIN_FILTER_BITS = 21;
const MAX_FILTER_BITS = 25;
/** UTF-16 units normalised and scanned at a time (whole lines). */
const CHUNK = 1 << 14;

/** Most name ends remembered at one token (readings × words of the longest name starting there). */
const HIT_LIMIT = 64;

export interface MatcherOptions {
  normalization: NormalizationOptions;
  proclitics: procliticPolicy;
}

export class GazetteerMatcher {
  readonly normalizer: Normalizer;
  /** 1 for a unit that normalisation keeps as it is. */
  private readonly kept: Uint8Array;
  /** Normalised keys, each with its entry id, or ids when several entries share the name; found by FNV hash. */
  private readonly keys = new KeyTable();
  /**
   * The scan never builds strings: it hashes as it reads, and looks each hash up here. For the hash of a name's
   * first token: the most tokens a name starting with it has (shifted left by one); for the hash of a whole key:
   * the IS_KEY bit. Keys are only spelled out and compared on a hit, so a hash collision is never a match.
   */
  private readonly hashes = new HashFlags(1 << 16);
  /**
   * One bit per hash in `hashes` (its top filterBits bits): small enough to stay in the processor's cache, where
   * the table does not. Most words of running text start no name, and most words after one that does continue
   * none: both stop here.
   */
  private filterBits = MIN_FILTER_BITS;
  private filter = new Int32Array(1 << (MIN_FILTER_BITS - 5));
  /** The entries (canonical name, label, source, ref, description, details), one column per field. */
  private readonly entries = new EntryColumns();
  private readonly readings = new Int32Array(8);
  private readonly hitEnds = new Int32Array(HIT_LIMIT);
  private readonly hitReadings = new Int32Array(HIT_LIMIT);
  /**
   * First words of the names of several words added since the hash table was last read, with each name's number
   * of words: applied together in the order of the hashes (flush), so that filling the table walks memory front to
   * back. In arrival order, each of a million names waited on memory several times.
   */
  private readonly pendingFirstHashes = new Int32List();
  private readonly pendingTokens = new Int32List();

  constructor(readonly options: MatcherOptions) {
    this.normalizer = new Normalizer(options.normalization);
    this.kept = this.normalizer.keptUnits();
  }

  static build(entries: Iterable<KbEntry>, options: MatcherOptions): GazetteerMatcher {
    const matcher = new GazetteerMatcher(options);
    for (const entry of entries) matcher.add(entry);
    matcher.index();
    return matcher;
  }

  /** Number of distinct keys. */
  get size(): number {
    this.flush();
    return this.keys.size;
  }

  /** Normalised key of a name: its word tokens joined by single spaces ('' when it has none). */
  keyOf(name: string): string {
    // Most names already are keys: the name itself, no new string (a million names kept once, not twice).
    if (isSpelledKey(name, this.kept)) return name;
    const { units, length } = this.normalizer.normalizeUnits(name);
    return spellKey(units, 0, length, false);
  }

  /** Number of entries (an entry may have several names). */
  get entryCount(): number {
    return this.entries.count;
  }

  add(entry: KbEntry): void {
    const id = this.addEntry(entry.names[0], entry.label, entry.ref, entry.description, entry.source);
    for (let k = 1; k < entry.names.length; k++) this.addName(id, entry.names[k]);
    this.setDetails(id, entry);
  }

  /**
   * What tells entry `id` apart from others of its name (kind, country, governorate, population, seat, office,
   * terms): kept only for the entries that have any, so a million plain names cost nothing here.
   */
  setDetails(id: number, from: EntryDetailFields): void {
    this.entries.setDetails(id, from);
  }

  /**
   * A new entry with its canonical name; returns its id for further names (addName). `ref` undefined: the entry's
   * ref is `source:name`, spelled out only when asked for.
   */
  addEntry(name: string, label: string, ref: string | undefined, description: string | undefined, source: string): number {
    const id = this.entries.add(name, label, ref, description, source);
    this.addName(id, name);
    return id;
  }

  /** The ref of entry `id` ('' for corpus memory without one). */
  refOf(id: number): string {
    return this.entries.refOf(id);
  }

  /** Entry `id` as an object (made on request; it carries the canonical name only). */
  entry(id: number): KbEntry {
    return this.entries.entry(id);
  }

  /** Another name of entry `id` (in the tables at the next read). */
  addName(id: number, name: string): void {
    const key = this.keyOf(name);
    if (key.length < 2) return;
    this.keys.add(key, fnv1a(key), id);
    const space = key.indexOf(' ');
    if (space === -1) return;
    let tokens = 1;
    for (let i = space; i !== -1; i = key.indexOf(' ', i + 1)) tokens++;
    this.pendingFirstHashes.push(fnv1a(key, 0, space));
    this.pendingTokens.push(tokens);
  }

  /**
   * Puts every name added so far into the tables (a read does it first otherwise): after a gazetteer is read, so
   * that a caller timing the load counts it.
   */
  index(): void {
    this.flush();
  }

  /** Puts the names added since the last read into the key table, the hash table and the filter. */
  private flush(): void {
    const newKeys = this.keys.unplacedCount;
    if (newKeys === 0) return;
    const firsts = this.pendingFirstHashes.length;
    // Room for every new key's hash; first words mostly start other names too (the table grows if need be).
    this.hashes.reserve(this.hashes.size + newKeys);
    let bits = this.filterBits;
    while ((this.hashes.size + newKeys + firsts) * 8 > 2 ** bits && bits < MAX_FILTER_BITS) bits++;
    if (bits !== this.filterBits) {
      this.filterBits = bits;
      this.filter = new Int32Array(1 << (bits - 5));
      this.hashes.forEachHash((h) => this.filterSet(h));
    }
    // The key table places its keys in the order of their slots, which is the hash table's order too.
    this.keys.place((hash) => {
      this.hashes.set(hash, this.hashes.get(hash) | IS_KEY);
      this.filterSet(hash);
    });
    const hashes = this.pendingFirstHashes.array;
    const tokens = this.pendingTokens.array;
    radixSort(hashes, tokens, firsts, this.hashes.slotBits);
    this.pendingFirstHashes.clear();
    this.pendingTokens.clear();
    for (let i = 0; i < firsts; i++) {
      const old = this.hashes.get(hashes[i]);
      if (old >>> 1 < tokens[i]) this.hashes.set(hashes[i], (tokens[i] << 1) | (old & IS_KEY));
      this.filterSet(hashes[i]);
    }
  }

  private filterSet(hash: number): void {
    this.filter[hash >>> (32 - this.filterBits + 5)] |= 1 << ((hash >>> (32 - this.filterBits)) & 31);
  }

  /** The first entry with this ref; the ref index is built on the first call (hover), not with the index. */
  entryByRef(ref: string): KbEntry | undefined {
    const id = this.idByRef(ref);
    return id === undefined ? undefined : this.entry(id);
  }

  idByRef(ref: string): number | undefined {
    let best = this.entries.idOfExplicitRef(ref);
    // A row without a ref is named `source:name`: found through its name.
    for (const source of this.entries.sources()) {
      if (ref.length <= source.length + 1 || ref.charCodeAt(source.length) !== 0x3a || !ref.startsWith(source)) continue;
      const name = ref.slice(source.length + 1);
      for (const id of this.lookupKeyIds(this.keyOf(name))) {
        if (this.entries.explicitRef(id) === undefined && this.entries.sourceOf(id) === source && this.entries.nameOf(id) === name && (best === undefined || id < best)) best = id;
      }
    }
    return best;
  }

  /** Entries whose name has exactly this normalised key. */
  lookupKey(key: string): KbEntry[] {
    return this.lookupKeyIds(key).map((id) => this.entry(id));
  }

  /** Ids of the entries whose name has exactly this normalised key. */
  lookupKeyIds(key: string): readonly number[] {
    this.flush();
    const n = this.keys.find(key, fnv1a(key));
    if (n === -1) return [];
    const ids = this.keys.entriesOf(n);
    return typeof ids === 'number' ? [ids] : ids;
  }

  /** Canonical name, label and source of entry `id`, without making an object. */
  nameOf(id: number): string {
    return this.entries.nameOf(id);
  }

  labelOfEntry(id: number): string {
    return this.entries.labelOf(id);
  }

  sourceOfEntry(id: number): string {
    return this.entries.sourceOf(id);
  }

  /** Every normalised key, in the order first added; '' where a key was added again (its entries joined the first). */
  allKeys(): StringList {
    this.flush();
    return this.keys.keys;
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
    this.flush();
    const lineStart = from <= 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
    let lineEnd = to >= text.length ? text.length : text.indexOf('\n', to);
    if (lineEnd === -1) lineEnd = text.length;
    const out: Candidate[] = [];
    // Whole lines at a time, about CHUNK units: the normalised copy and its offset map then stay in the processor's
    // cache between being written and being scanned.
    for (let chunkStart = lineStart; chunkStart < lineEnd; ) {
      let chunkEnd = chunkStart + CHUNK >= lineEnd ? lineEnd : text.indexOf('\n', chunkStart + CHUNK);
      if (chunkEnd === -1 || chunkEnd > lineEnd) chunkEnd = lineEnd;
      this.scanLines(text, index, chunkStart, chunkEnd, out);
      chunkStart = chunkEnd + 1;
    }
    return out;
  }

  /** Matches in text[from, to), whole lines, appended to `out`. */
  private scanLines(text: string, index: CodePointIndex, from: number, to: number, out: Candidate[]): void {
    const { units, length: n, origin } = this.normalizer.normalizeUnits(text, from, to);
    const hashes = this.hashes;
    const filter = this.filter;
    const bitShift = 32 - this.filterBits;
    const wordShift = bitShift + 5;
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
      while (i < n && WORD[units[i]]) wholeHash = Math.imul(wholeHash ^ units[i++], 0x01000193);
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
          for (let k = s + prefix; k < e; k++) h = Math.imul(h ^ units[k], 0x01000193);
        }
        if ((filter[h >>> wordShift] & (1 << ((h >>> bitShift) & 31))) === 0) continue;
        const found = hashes.get(h);
        if (found === 0) continue;
        const maxTokens = found >>> 1;
        let end = e;
        if ((found & IS_KEY) !== 0 && hitCount < HIT_LIMIT) {
          hitEnds[hitCount] = end;
          hitReadings[hitCount++] = readings[r];
        }
        for (let t = 1; t < maxTokens; t++) {
          // The next word must follow after a short run of joiners on the same line.
          let j = end;
          while (j < n && j - end < MAX_JOINER_RUN && isJoiner(units[j])) j++;
          if (j === end || j >= n || !WORD[units[j]]) break;
          h = Math.imul(h ^ 0x20, 0x01000193);
          let k = j;
          while (k < n && WORD[units[k]]) h = Math.imul(h ^ units[k++], 0x01000193);
          end = k;
          if ((filter[h >>> wordShift] & (1 << ((h >>> bitShift) & 31))) !== 0 && (hashes.get(h) & IS_KEY) !== 0 && hitCount < HIT_LIMIT) {
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
        const found = this.keys.find(key, fnv1a(key));
        if (found !== -1) {
          this.emit(out, text, index, origin, s + (include ? 0 : prefix), hitEnds[pick], key, this.keys.entriesOf(found));
          i = hitEnds[pick];
          break;
        }
        hitEnds[pick] = -1;
      }
    }
  }

  /** One candidate per entry of `key`, for normalised units [start, end) of the scanned line. */
  private emit(out: Candidate[], text: string, index: CodePointIndex, origin: Int32Array, start: number, end: number, key: string, ids: number | readonly number[]): void {
    const start16 = origin[start];
    let end16 = origin[end - 1] + 1;
    // Marks and tatweel dropped by normalisation right after the last letter belong to the name.
    while (end16 < text.length && isMarkOrTatweel(text.charCodeAt(end16))) end16++;
    const startCp = index.toCodePoint(start16);
    const endCp = index.toCodePoint(end16);
    const count = typeof ids === 'number' ? 1 : ids.length;
    for (let k = 0; k < count; k++) {
      const id = typeof ids === 'number' ? ids : ids[k];
      const entries = this.entries;
      const c: Candidate = { start: startCp, end: endCp, label: entries.labelOf(id), name: entries.nameOf(id), matched: key, source: entries.sourceOf(id) };
      const ref = entries.refOf(id);
      if (ref) c.ref = ref;
      const description = entries.descriptionOf(id);
      if (description) c.description = description;
      out.push(c);
    }
  }
}

/** Arabic marks, tatweel and combining diacritics: what may trail a name's last letter. */
function isMarkOrTatweel(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || (c >= 0x06d6 && c <= 0x06ed) || (c >= 0x0300 && c <= 0x036f);
}


/**
 * Whether `name` is already its own key: word characters that normalisation keeps as they are (`kept`), in words
 * joined by single spaces, as spellKey would spell it.
 */
function isSpelledKey(name: string, kept: Uint8Array): boolean {
  const n = name.length;
  if (n === 0) return false;
  const last = name.charCodeAt(n - 1);
  if (WORD[last] !== 1 || kept[last] !== 1) return false;
  let previousWord = false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (WORD[c] === 1 && kept[c] === 1) previousWord = true;
    else if (c === 0x20 && previousWord) previousWord = false;
    else return false;
  }
  return true;
}

/** Scratch for spellKey: one String.fromCharCode.apply over a plain array beats appending or typed-array views. */
const keyUnits: number[] = [];
const SPELL_BLOCK = 8192;

/** The key of normalised units [from, to): words joined by single spaces, with the elided alef of لل restored. */
function spellKey(units: Uint16Array, from: number, to: number, elidedAlef: boolean): string {
  let n = 0;
  if (elidedAlef) keyUnits[n++] = 0x0627;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const c = units[i];
    if (WORD[c] === 1) {
      if (!inWord && n > (elidedAlef ? 1 : 0)) keyUnits[n++] = 0x20;
      inWord = true;
      keyUnits[n++] = c;
    } else inWord = false;
  }
  keyUnits.length = n;
  if (n <= SPELL_BLOCK) return String.fromCharCode.apply(null, keyUnits);
  // A name may be as long as a gazetteer line: apply() past ~120K arguments overflows the stack, so in blocks.
  let key = '';
  for (let k = 0; k < n; k += SPELL_BLOCK) key += String.fromCharCode.apply(null, keyUnits.slice(k, k + SPELL_BLOCK));
  return key;
}
