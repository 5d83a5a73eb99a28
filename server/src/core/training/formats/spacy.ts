// spaCy v3 training data: a `.spacy` file, i.e. a DocBin (spacy/tokens/_serialize.py), which `spacy train` and
// `DocBin().from_disk()` read. A DocBin is zlib-compressed MessagePack of
//   {version "0.1", attrs [ORTH, ENT_IOB, ENT_TYPE, SENT_START], tokens (uint64 per token and attribute, C order,
//    little-endian), spaces (one bool byte per token), lengths (int32 per doc), strings (sorted), cats, flags,
//    span_groups, user_data}
// where every string value is its StringStore key: the symbol number for spaCy's symbols (ORG, PERSON, ...), else
// the 64-bit MurmurHash2 (MurmurHash64A, seed 1) of its UTF-8 bytes. One Doc per document, sentence starts set,
// entities in `doc.ents` (flat: nested entities resolved by the nesting policy), ENT_IOB B=3 I=1 O=2.
// Memory: the token table of every exported document is kept until the end (8 bytes × 4 attributes per token).
import { deflateSync } from 'node:zlib';
import { sentencesOf } from '../prepare';
import type { PreparedDocument } from '../types';
import { msgpackEncode, type MsgValue } from './msgpack';
import { ATTR, spacySymbol } from './spacySymbols';

const M = 0xc6a4a7935bd1e995n;
const MASK = (1n << 64n) - 1n;
const encoder = new TextEncoder();

/** MurmurHash64A of `bytes` (the hash64 of the murmurhash package that spaCy's StringStore uses). */
export function murmurHash64A(bytes: Uint8Array, seed = 1n): bigint {
  const len = bytes.length;
  let h = (seed ^ ((BigInt(len) * M) & MASK)) & MASK;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blocks = len >>> 3;
  for (let i = 0; i < blocks; i++) {
    let k = view.getBigUint64(i * 8, true);
    k = (k * M) & MASK;
    k ^= k >> 47n;
    k = (k * M) & MASK;
    h ^= k;
    h = (h * M) & MASK;
  }
  const tail = blocks * 8;
  const rest = len & 7;
  if (rest > 0) {
    for (let i = rest - 1; i >= 0; i--) h ^= BigInt(bytes[tail + i]) << BigInt(8 * i);
    h = (h * M) & MASK;
  }
  h ^= h >> 47n;
  h = (h * M) & MASK;
  h ^= h >> 47n;
  return h;
}

const keyCache = new Map<string, bigint>();

/** The StringStore key of a string: its symbol number, or its hash. */
export function spacyStringKey(s: string): bigint {
  let key = keyCache.get(s);
  if (key === undefined) {
    const symbol = spacySymbol(s);
    key = symbol !== undefined ? BigInt(symbol) : murmurHash64A(encoder.encode(s));
    if (keyCache.size > 1_000_000) keyCache.clear();
    keyCache.set(s, key);
  }
  return key;
}

const IOB_I = 1n;
const IOB_O = 2n;
const IOB_B = 3n;
const NOT_SENT_START = MASK; // -1 as uint64, as spaCy's to_array writes it
const EMPTY_SPAN_GROUPS = new Uint8Array([0x90]); // msgpack of [], SpanGroups._EMPTY_BYTES
const WS = /\s/;

export class DocBinBuilder {
  private readonly chunks: Uint8Array[] = [];
  private readonly spaces: Uint8Array[] = [];
  private readonly lengths: number[] = [];
  private readonly strings = new Set<string>(['']);
  private readonly userData: Uint8Array[] = [];

  add(doc: PreparedDocument): void {
    const n = doc.tokenStart.length;
    const attrs = 4;
    const table = new Uint8Array(n * attrs * 8);
    const view = new DataView(table.buffer);
    const spaces = new Uint8Array(n);
    const iob = new Array<bigint>(n).fill(IOB_O);
    const type = new Array<bigint>(n).fill(0n);
    const sentStart = new Array<bigint>(n).fill(NOT_SENT_START);
    for (const sentence of sentencesOf(doc)) {
      if (sentence.first < n) sentStart[sentence.first] = 1n;
      for (const e of sentence.entities) {
        this.strings.add(e.label);
        const key = spacyStringKey(e.label);
        for (let t = e.tokenStart; t < e.tokenEnd; t++) {
          iob[t] = t === e.tokenStart ? IOB_B : IOB_I;
          type[t] = key;
        }
      }
    }
    for (let t = 0; t < n; t++) {
      const text = doc.text.slice(doc.tokenStart[t], doc.tokenEnd[t]);
      this.strings.add(text);
      const row = t * attrs * 8;
      view.setBigUint64(row, spacyStringKey(text), true);
      view.setBigUint64(row + 8, iob[t], true);
      view.setBigUint64(row + 16, type[t], true);
      view.setBigUint64(row + 24, sentStart[t], true);
      const after = doc.tokenEnd[t];
      spaces[t] = after < doc.text.length && WS.test(doc.text[after]) ? 1 : 0;
    }
    this.chunks.push(table);
    this.spaces.push(spaces);
    this.lengths.push(n);
    this.userData.push(msgpackEncode({ hashiya_path: doc.path }));
  }

  get size(): number {
    return this.lengths.length;
  }

  toBytes(): Uint8Array {
    const lengths = new Uint8Array(this.lengths.length * 4);
    const lv = new DataView(lengths.buffer);
    this.lengths.forEach((n, i) => lv.setInt32(i * 4, n, true));
    const msg: { [key: string]: MsgValue } = {
      version: '0.1',
      attrs: [ATTR.ORTH, ATTR.ENT_IOB, ATTR.ENT_TYPE, ATTR.SENT_START],
      tokens: concat(this.chunks),
      spaces: concat(this.spaces),
      lengths,
      strings: [...this.strings].sort(compareCodePoints),
      cats: this.lengths.map(() => ({})),
      flags: this.lengths.map(() => ({ has_unknown_spaces: false })),
      span_groups: this.lengths.map(() => EMPTY_SPAN_GROUPS),
      user_data: this.userData,
    };
    return deflateSync(msgpackEncode(msg), { level: 6 });
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Python's string order (by code point), so `strings` is sorted as spaCy's own DocBin sorts it. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
