// Matcher throughput and latency (issue: pre-annotation and tag completion). Text: WikiFANE Gold detokenised
// (fixtures/wikifane). Gazetteers: (a) every name of GeoNames cities15000 (name, asciiname, alternate names),
// (b) a synthetic 1,000,000-name gazetteer. Peers, in the same run, on the same names and the same whole text,
// each with one warm-up scan: the npm packages `ahocorasick` and `@monyone/aho-corasick` with their raw matches
// filtered to whole words (no letter, mark or digit on either side; the filtering is timed with them; no
// normalisation, no proclitic readings), and a bare character-scan loop (the ceiling).
// Run alone: node --expose-gc --import tsx bench/matcher.bench.ts
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AhoCorasick as MonyoneAhoCorasick } from '@monyone/aho-corasick';
import { defaultConfig, DEFAULT_NORMALIZATION } from '../server/src/core/corpus/config';
import type { KbEntry } from '../server/src/core/gazetteer/entries';
import { buildMatcher, readKnowledge } from '../server/src/core/gazetteer/load';
import { GazetteerMatcher } from '../server/src/core/gazetteer/matcher';
import { prepareRanking, rankEntries } from '../server/src/core/gazetteer/rank';
import { readGeonamesGazetteer } from '../server/src/core/gazetteer/readers';
import { rematchAfterEdit } from '../server/src/core/gazetteer/rematch';
import { CodePointIndex } from '../server/src/core/text/codePoints';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AhoCorasick = require('ahocorasick') as new (keywords: string[]) => { search(text: string): unknown[] };

const ROOT = path.join(__dirname, '..');
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function emit(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000);
  process.stdout.write(JSON.stringify({ name, value: round(value), unit, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])) }) + '\n');
}

function seconds<T>(run: () => T): { result: T; s: number } {
  const t = process.hrtime.bigint();
  const result = run();
  return { result, s: Number(process.hrtime.bigint() - t) / 1e9 };
}

/** Memory retained by what `build` returns, in MB (gc before and after): the JS heap plus typed-array buffers. */
function buildWithHeap<T>(build: () => T): { result: T; s: number; heapMB: number } {
  gc();
  const retained = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = retained();
  const { result, s } = seconds(build);
  gc();
  return { result, s, heapMB: (retained() - before) / 2 ** 20 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** WikiFANE as running text: tokens joined by spaces, one sentence per line, LRM and BOM removed. */
function wikifaneText(): string {
  const raw = gunzipSync(readFileSync(path.join(ROOT, 'fixtures/wikifane/WikiFANE_Gold_2014_500K.txt.gz'))).toString('utf8');
  const sentences: string[] = [];
  let current: string[] = [];
  for (const line of raw.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const token = line.split('\t')[0].replace(/\u200e/g, '').trim();
    if (!token) {
      if (current.length) sentences.push(current.join(' '));
      current = [];
    } else current.push(token);
  }
  if (current.length) sentences.push(current.join(' '));
  return sentences.join('\n');
}

/** A deterministic 1,000,000-name gazetteer of Arabic-looking names of 1–3 words. */
function syntheticEntries(count: number): KbEntry[] {
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
  const out: KbEntry[] = [];
  for (let i = 0; i < count; i++) {
    const words = 1 + rand(3);
    const name = Array.from({ length: words }, word).join(' ');
    out.push({ ref: `synthetic:${i}`, label: i % 2 ? 'LOC' : 'ACTOR', names: [name], source: 'synthetic' });
  }
  return out;
}

const WORD = /[\p{L}\p{M}\p{N}]/u;
const isWordAt = (text: string, i: number) => i >= 0 && i < text.length && WORD.test(text[i]);

/** Whole-word matches among `ahocorasick`'s raw ones ([end index, keywords]); their count. */
function wholeWordsAho(text: string, raw: Array<[number, string[]]>): number {
  let n = 0;
  for (const [endIndex, found] of raw) {
    if (isWordAt(text, endIndex + 1)) continue;
    for (const name of found) if (!isWordAt(text, endIndex + 1 - name.length - 1)) n++;
  }
  return n;
}

/** Whole-word matches among `@monyone/aho-corasick`'s raw ones ({begin, end}); their count. */
function wholeWordsMonyone(text: string, raw: Array<{ begin: number; end: number }>): number {
  let n = 0;
  for (const m of raw) if (!isWordAt(text, m.begin - 1) && !isWordAt(text, m.end)) n++;
  return n;
}

function main(): void {
  const text = wikifaneText();
  const textMB = Buffer.byteLength(text, 'utf8') / 1e6;
  emit('text.wikifane.size', textMB, 'MB', { characters: text.length });

  // ---- (a) GeoNames cities15000, every name --------------------------------------------------------------------
  const geonames = gunzipSync(readFileSync(path.join(ROOT, 'fixtures/geonames/cities15000.txt.gz'))).toString('utf8');
  const entries = readGeonamesGazetteer(geonames, 'cities15000.txt', 'geonames');
  const names = [...new Set(entries.flatMap((e) => e.names))];
  emit('gazetteer.cities15000.names', names.length, 'names', { arabicScript: names.filter((n) => /[\u0600-\u06FF]/.test(n)).length });
  const options = { normalization: DEFAULT_NORMALIZATION, proclitics: 'exclude' as const };

  const ours = buildWithHeap(() => GazetteerMatcher.build(entries, options));
  emit('index.build.cities15000', ours.s, 's', { target: 1.5 });
  emit('index.heap.cities15000', ours.heapMB, 'MB', { target: 150 });
  // With the completion (sorted keys, typo buckets) and hover (ref -> entry) indexes the server also builds.
  const full = buildWithHeap(() => {
    const m = GazetteerMatcher.build(entries, options);
    prepareRanking(m);
    m.entryByRef('');
    return m;
  });
  emit('index.buildWithCompletionAndHover.cities15000', full.s, 's', { target: 1.5 });
  emit('index.heapWithCompletionAndHover.cities15000', full.heapMB, 'MB', { target: 150 });
  full.result = undefined as never;

  // Peers on the same names and the same whole text, keeping whole-word matches only. This machine is shared and
  // its speed drifts, so the three matchers and the bare scan take turns, round after round, each keeping its best
  // round, after one warm-up scan each.
  const aho = buildWithHeap(() => new AhoCorasick(names));
  emit('peer.ahocorasick.build.cities15000', aho.s, 's');
  emit('peer.ahocorasick.heap.cities15000', aho.heapMB, 'MB');
  const mony = buildWithHeap(() => new MonyoneAhoCorasick(names));
  emit('peer.monyone.build.cities15000', mony.s, 's');
  emit('peer.monyone.heap.cities15000', mony.heapMB, 'MB');
  const ahoWords = () => wholeWordsAho(text, aho.result.search(text) as Array<[number, string[]]>);
  const monyWords = () => wholeWordsMonyone(text, mony.result.matchInText(text));
  ours.result.matchAll(text);
  const peerCounts = { ahocorasick: ahoWords(), monyone: monyWords() };
  let ourBest = Infinity;
  let ahoBest = Infinity;
  let monyBest = Infinity;
  let matches = 0;
  // Bare scan: the ceiling for any matcher that reads every character.
  let scanBest = Infinity;
  let checksum = 0;
  for (let round = 0; round < 5; round++) {
    scanBest = Math.min(scanBest, seconds(() => {
      let sum = 0;
      for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
      checksum ^= sum;
    }).s);
    const run = seconds(() => ours.result.matchAll(text));
    matches = run.result.length;
    ourBest = Math.min(ourBest, run.s);
    ahoBest = Math.min(ahoBest, seconds(ahoWords).s);
    monyBest = Math.min(monyBest, seconds(monyWords).s);
  }
  emit('peer.ahocorasick.wholeWordMatches', peerCounts.ahocorasick, 'matches');
  emit('peer.monyone.wholeWordMatches', peerCounts.monyone, 'matches');
  emit('match.cities15000.matches', matches, 'candidates');
  const ourMBs = textMB / ourBest;
  const scanMBs = textMB / scanBest;
  const ahoMBs = textMB / ahoBest;
  const monyMBs = textMB / monyBest;
  emit('peer.ahocorasick.throughput', ahoMBs, 'MB/s');
  emit('peer.monyone.throughput', monyMBs, 'MB/s');
  aho.result = undefined as never;
  mony.result = undefined as never;
  gc();
  const fasterPeer = Math.max(ahoMBs, monyMBs);
  emit('peer.barescan.throughput', scanMBs, 'MB/s', { checksum });
  emit('match.throughput.cities15000', ourMBs, 'MB/s', {
    peer: ahoMBs >= monyMBs ? 'ahocorasick' : '@monyone/aho-corasick',
    peerValue: fasterPeer,
    ratio: ourMBs / fasterPeer,
    target: '≥ 10x the faster peer',
    fractionOfBareScan: ourMBs / scanMBs,
  });

  // ---- (b) synthetic 1,000,000 names -------------------------------------------------------------------------
  const synthetic = syntheticEntries(1_000_000);
  const big = buildWithHeap(() => GazetteerMatcher.build(synthetic, options));
  emit('index.build.synthetic1M', big.s, 's', { target: 5, names: big.result.size });
  emit('index.heap.synthetic1M', big.heapMB, 'MB', { target: 400 });
  big.result.matchAll(text);
  const bigMBs = textMB / Math.min(...[0, 1, 2].map(() => seconds(() => big.result.matchAll(text)).s));
  emit('match.throughput.synthetic1M', bigMBs, 'MB/s', { fractionOfBareScan: bigMBs / scanMBs });

  // Completion with the 1M gazetteer: key indexes built on first use, then each query.
  const prepare = seconds(() => prepareRanking(big.result));
  emit('completion.prepare.synthetic1M', prepare.s * 1000, 'ms');

  // Lookups by ref (hover on a confirmed entity) index the entries on first use, not at build.
  const refIndex = seconds(() => big.result.entryByRef('synthetic:999999'));
  emit('hover.refIndex.synthetic1M', refIndex.s * 1000, 'ms', { found: refIndex.result !== undefined });
  emit('index.buildWithCompletionAndHover.synthetic1M', big.s + prepare.s + refIndex.s, 's', { target: 5 });
  const queries = [...synthetic.slice(0, 20).map((e) => e.names[0]), ...synthetic.slice(20, 40).map((e) => e.names[0].slice(0, -1) + 'ق'), ...synthetic.slice(40, 60).map((e) => 'ب' + e.names[0])];
  const completion = queries.map((q) => seconds(() => rankEntries(big.result, q, 30)).s * 1000);
  emit('completion.latency.synthetic1M.median', median(completion), 'ms', { target: 30 });
  emit('completion.latency.synthetic1M.max', Math.max(...completion), 'ms', { target: 30 });

}

/** Editor latencies with the built-in gazetteer: suggestions for the seed and a 1 MB article, a keystroke's re-match. */
async function editorLatencies(): Promise<void> {
  const config = defaultConfig(path.join(ROOT, 'samples'));
  const matcher = buildMatcher(config, await readKnowledge(config));
  const seed = readFileSync(path.join(ROOT, 'samples/iraq/dhi-qar-convoy-2020-07-22.txt'), 'utf8');
  matcher.matchAll(seed);
  const seedRuns = Array.from({ length: 50 }, () => seconds(() => matcher.matchAll(seed, CodePointIndex.of(seed))).s * 1000);
  emit('suggest.latency.seed', median(seedRuns), 'ms', { target: 5 });
  // A 1 MB article: news text repeated (one article, many lines).
  let article = '';
  while (Buffer.byteLength(article, 'utf8') < 1e6) article += seed + '\n';
  const index = CodePointIndex.of(article);
  const mbRuns = Array.from({ length: 10 }, () => seconds(() => matcher.matchAll(article, index)).s * 1000);
  emit('suggest.latency.1MB', median(mbRuns), 'ms', { target: 50, bytes: Buffer.byteLength(article, 'utf8') });
  // One keystroke in the middle of the 1 MB article: only its line is matched again.
  const previous = matcher.matchAll(article, index);
  const edits = Array.from({ length: 50 }, (_, i) => {
    const at = Math.floor(article.length / 2) + i * 97;
    const newText = article.slice(0, at) + 'ب' + article.slice(at);
    const newIndex = index.applyEdit(at, at, 'ب', newText);
    return seconds(() => rematchAfterEdit(matcher, previous, index, newText, newIndex, { start: at, end: at, inserted: 'ب' })).s * 1000;
  });
  emit('rematch.latency.1MB', median(edits), 'ms', { target: 5 });
}

main();
editorLatencies().catch((e) => {
  console.error(e);
  process.exit(1);
});
