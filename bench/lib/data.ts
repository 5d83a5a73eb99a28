// Benchmark inputs built from the repository's real data (fixtures/, licences there): WikiFANE as running text,
// the names of GeoNames cities15000, a synthetic million-name gazetteer, and corpora made by `hashiya import`.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';

export const ROOT = path.join(__dirname, '..', '..');

/** WikiFANE Gold CoNLL (token<TAB>tag lines), decompressed. */
export function wikifaneConll(): string {
  return gunzipSync(readFileSync(path.join(ROOT, 'fixtures/wikifane/WikiFANE_Gold_2014_500K.txt.gz'))).toString('utf8');
}

/** WikiFANE as running text: tokens joined by spaces, one sentence per line, LRM and BOM removed (4.17 MB). */
export function wikifaneText(): string {
  const sentences: string[] = [];
  let current: string[] = [];
  for (const line of wikifaneConll().replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const token = line.split('\t')[0].replace(/\u200e/g, '').trim();
    if (!token) {
      if (current.length) sentences.push(current.join(' '));
      current = [];
    } else current.push(token);
  }
  if (current.length) sentences.push(current.join(' '));
  return sentences.join('\n');
}

/** Every distinct name of GeoNames cities15000 (name, ASCII name, alternate names): 309,286. */
export function cities15000Names(): string[] {
  const rows = gunzipSync(readFileSync(path.join(ROOT, 'fixtures/geonames/cities15000.txt.gz'))).toString('utf8').split('\n');
  const names = new Set<string>();
  for (const row of rows) {
    const f = row.split('\t');
    if (f.length < 19) continue;
    for (const n of [f[1], f[2], ...(f[3] ? f[3].split(',') : [])]) {
      const t = n.trim();
      if (t && !t.includes('\t')) names.add(t);
    }
  }
  return [...names];
}

/** `count` deterministic Arabic-looking names of 1–3 words. */
export function syntheticNames(count: number): string[] {
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  let seed = 42;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const word = () => {
    const len = 3 + rand(6);
    let w = rand(3) === 0 ? 'ال' : '';
    for (let i = 0; i < len; i++) w += letters[rand(letters.length)];
    return w;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(Array.from({ length: 1 + rand(3) }, word).join(' '));
  return out;
}

/** Names as a TSV gazetteer (name<TAB>label), built in blocks (no array of lines). */
export function tsvOf(names: readonly string[], label = 'LOC'): string {
  const parts: string[] = [];
  let block = '';
  for (const n of names) {
    block += `${n}\t${label}\n`;
    if (block.length > 1 << 16) {
      parts.push(block);
      block = '';
    }
  }
  parts.push(block);
  return parts.join('');
}

/** `repeat` copies of the WikiFANE CoNLL, for a corpus of about 4 MB of text per copy. */
export function wikifaneConllRepeated(repeat: number): string {
  const one = wikifaneConll().replace(/^\uFEFF/, '');
  return Array.from({ length: repeat }, () => one).join('\n');
}

/** Sentences in a CoNLL text (blank-line separated). */
export function sentenceCount(conll: string): number {
  let n = 0;
  let inSentence = false;
  for (const line of conll.split('\n')) {
    if (line.trim() === '') inSentence = false;
    else if (!inSentence) {
      inSentence = true;
      n++;
    }
  }
  return n;
}
