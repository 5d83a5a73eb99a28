// Normalisation for matching (SPEC §4). The article is never changed: matching runs on a normalised copy, and
// `origin` maps every normalised UTF-16 unit back to the original, so a match reports exact original offsets.
import type { NormalizationOptions } from '../corpus/config';

export interface NormalizedText {
  text: string;
  /** origin[i]: UTF-16 offset in the original of normalised unit i; origin[text.length] = original length. */
  origin: Int32Array;
}

const ALEF = 0x0627;
const YEH = 0x064a;
const HEH = 0x0647;
const WAW = 0x0648;
const KAF = 0x0643;

/**
 * Per-code-unit rule: -1 drops the unit, 0 keeps it, anything else replaces it; and 1 for each unit kept as it is
 * (kept), 0 for one dropped or replaced. Built once per option set, by the few rules there are (no pass over all
 * 65,536 units: the first article opened waits for this).
 */
function buildTables(o: NormalizationOptions): { table: Int32Array; kept: Uint8Array } {
  const table = new Int32Array(0x10000);
  const kept = new Uint8Array(0x10000).fill(1);
  const set = (from: number, to: number) => {
    table[from] = to;
    kept[from] = 0;
  };
  if (o.diacritics) {
    for (let c = 0x064b; c <= 0x065f; c++) set(c, -1);
    set(0x0670, -1);
    // Quranic annotation marks that news text sometimes carries.
    for (let c = 0x06d6; c <= 0x06dc; c++) set(c, -1);
  }
  if (o.tatweel) set(0x0640, -1);
  if (o.alef) for (const c of [0x0623, 0x0625, 0x0622, 0x0671, 0x0672, 0x0673]) set(c, ALEF);
  if (o.alefMaksura) set(0x0649, YEH);
  if (o.tehMarbuta) set(0x0629, HEH);
  if (o.hamzaCarriers) {
    set(0x0624, WAW);
    set(0x0626, YEH);
  }
  if (o.persianLetters) {
    for (const c of [0x06cc, 0x06d0, 0x06cd, 0x06ce]) set(c, YEH); // ی ې ۍ ێ
    for (const c of [0x06a9, 0x06aa]) set(c, KAF); // ک ڪ
    for (const c of [0x06c1, 0x06be, 0x06d5]) set(c, HEH); // ہ ھ ە
    set(0x06c0, HEH); // ۀ
  }
  if (o.digits) {
    for (let d = 0; d < 10; d++) {
      set(0x0660 + d, 0x30 + d);
      set(0x06f0 + d, 0x30 + d);
    }
  }
  if (o.bidiControls) for (const c of [0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x061c]) set(c, -1);
  if (o.joiners) {
    set(0x200c, -1);
    set(0x200d, -1);
  }
  // Presentation forms are replaced by their NFKC letters (normalizeUnits), outside the table.
  if (o.presentationForms) kept.fill(0, 0xfb50, 0xfe00).fill(0, 0xfe70, 0xff00);
  return { table, kept };
}


const tables = new Map<string, { table: Int32Array; kept: Uint8Array }>();

export class Normalizer {
  private readonly table: Int32Array;
  private readonly kept: Uint8Array;
  private scratchUnits = new Uint16Array(0);
  private scratchOrigin = new Int32Array(0);

  constructor(private readonly options: NormalizationOptions) {
    const key = JSON.stringify(options);
    let built = tables.get(key);
    if (!built) {
      built = buildTables(options);
      tables.set(key, built);
    }
    this.table = built.table;
    this.kept = built.kept;
  }

  /**
   * 1 for each UTF-16 unit normalisation keeps as it is, 0 for one it drops or replaces: a name made only of kept
   * units is already normal (most gazetteer names), and no normalised copy need be built.
   */
  keptUnits(): Uint8Array {
    return this.kept;
  }

  /** A name or a query normalised (no offset map needed). */
  normalizeString(text: string): string {
    return this.normalize(text).text;
  }

  normalize(text: string, from = 0, to = text.length): NormalizedText {
    const { units, length, origin } = this.normalizeUnits(text, from, to);
    // Buffer's UTF-16 decoding keeps every unit (TextDecoder would drop a leading U+FEFF and shift the map).
    const normalized = Buffer.from(units.buffer, units.byteOffset, length * 2).toString('utf16le');
    return { text: normalized, origin: origin.slice(0, length + 1) };
  }

  /**
   * The normalised code units of text[from, to) without building a string (the matcher scans them directly):
   * units[0, length) and origin[0, length] as in `normalize`. They are views of scratch buffers that the next call
   * reuses: fresh multi-megabyte arrays per call cost more in page faults than the normalisation itself.
   */
  normalizeUnits(text: string, from = 0, to = text.length): { units: Uint16Array; length: number; origin: Int32Array } {
    if (this.scratchUnits.length < to - from + 16) {
      const size = Math.max(1024, 2 ** Math.ceil(Math.log2(to - from + 17)));
      this.scratchUnits = new Uint16Array(size);
      this.scratchOrigin = new Int32Array(size + 1);
    }
    let units = this.scratchUnits;
    let origin = this.scratchOrigin;
    const forms = this.options.presentationForms;
    const table = this.table;
    // Presentation forms are rare: stretches without them go through a tight loop of one table lookup per unit.
    let n = 0;
    let pos = from;
    // The search runs on a slice (a view, no copy) so that it stops at `to`.
    const range = forms ? (from === 0 && to === text.length ? text : text.slice(from, to)) : '';
    while (pos < to) {
      PRESENTATION_FORMS.lastIndex = pos - from;
      const next = forms && PRESENTATION_FORMS.test(range) ? from + PRESENTATION_FORMS.lastIndex - 1 : to;
      n = mapUnits(text, pos, next, table, units, origin, n);
      if (next >= to) break;
      // NFKC of one presentation form may give several letters (ﻻ -> لا) and diacritics to drop again.
      const expanded = String.fromCharCode(text.charCodeAt(next)).normalize('NFKC');
      if (n + expanded.length + (to - next) + 16 >= units.length) {
        const size = 2 ** Math.ceil(Math.log2(n + expanded.length + (to - next) + 17));
        const u = new Uint16Array(size);
        u.set(units.subarray(0, n));
        const o = new Int32Array(size + 1);
        o.set(origin.subarray(0, n));
        this.scratchUnits = units = u;
        this.scratchOrigin = origin = o;
      }
      for (let k = 0; k < expanded.length; k++) {
        const e = expanded.charCodeAt(k);
        const rule = table[e];
        if (rule === -1) continue;
        units[n] = rule === 0 ? e : rule;
        origin[n++] = next;
      }
      pos = next + 1;
    }
    origin[n] = to;
    return { units, length: n, origin };
  }
}

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/g;

/** The hot loop: each unit dropped (-1), kept (0) or replaced, with its origin. Returns the count written. */
function mapUnits(text: string, from: number, to: number, table: Int32Array, units: Uint16Array, origin: Int32Array, n: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const rule = table[c];
    if (rule === -1) continue;
    units[n] = rule === 0 ? c : rule;
    origin[n++] = i;
  }
  return n;
}
