// Loading the knowledge of a corpus: the built-in gazetteer (JSON Lines shipped in data/builtin), the corpus's
// own gazetteers from hashiya.json, and corpus memory (every confirmed entity teaches its surface form).
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CorpusConfig, GazetteerSource } from '../corpus/config';
import type { EntityIndex } from '../corpus/entityIndex';
import type { Pacer } from '../pacer';
import type { KbEntry } from './entries';
import { GazetteerMatcher } from './matcher';
import { type GazetteerSink, lineParser, type LineParser, readGeonamesGazetteer, readJsonlGazetteer, readTsvGazetteer } from './readers';

/** Where the built-in gazetteer lives: beside the bundles in an installed extension, or in the repository. */
export function defaultBuiltinDir(): string {
  // Bundled: dist/server.js and dist/cli.js -> ../data/builtin. From source: server/src/core/gazetteer -> ../../../../data/builtin.
  const bundled = path.join(__dirname, '..', 'data', 'builtin');
  const source = path.join(__dirname, '..', '..', '..', '..', 'data', 'builtin');
  return path.basename(__dirname) === 'dist' ? bundled : source;
}

export async function readBuiltinGazetteer(dir = defaultBuiltinDir()): Promise<KbEntry[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
  if (files.length === 0) throw new Error(`no built-in gazetteer (*.jsonl) in ${dir}`);
  const out: KbEntry[] = [];
  // One at a time, never push(...list): spreading a data-sized array into a call overflows the stack.
  for (const file of files) for (const entry of readJsonlGazetteer(await fs.readFile(path.join(dir, file), 'utf8'), path.join(dir, file), 'builtin')) out.push(entry);
  return out;
}

export async function readGazetteer(source: GazetteerSource, displayName = path.basename(source.path)): Promise<KbEntry[]> {
  const text = await fs.readFile(source.path, 'utf8');
  const tag = `gazetteer:${displayName}`;
  switch (source.format) {
    case 'tsv':
      return readTsvGazetteer(text, source.path, tag, source.label);
    case 'geonames':
      return readGeonamesGazetteer(text, source.path, tag, source.label);
    case 'jsonl':
      return readJsonlGazetteer(text, source.path, tag, source.label);
  }
}

/** Corpus memory: each confirmed surface form (with label and ref) as an entry of source `corpus`. */
export function corpusMemoryEntries(index: EntityIndex): KbEntry[] {
  return index.surfaceForms().map((f) => ({
    // An entity annotated without a ref teaches its form and label only.
    ref: f.ref ?? '',
    label: f.label,
    names: [f.text],
    source: 'corpus',
    description: `confirmed ${f.count} time${f.count === 1 ? '' : 's'} in this corpus`,
  }));
}

export interface KnowledgeSources {
  builtin?: KbEntry[];
  gazetteers: KbEntry[];
  memory: KbEntry[];
}

export async function readKnowledge(config: CorpusConfig, options: { builtinDir?: string; extraGazetteers?: GazetteerSource[]; memory?: EntityIndex } = {}): Promise<KnowledgeSources> {
  const builtin = config.builtinGazetteer ? await readBuiltinGazetteer(options.builtinDir) : undefined;
  const gazetteers: KbEntry[] = [];
  for (const source of [...config.gazetteers, ...(options.extraGazetteers ?? [])]) for (const entry of await readGazetteer(source)) gazetteers.push(entry);
  return { ...(builtin ? { builtin } : {}), gazetteers, memory: options.memory ? corpusMemoryEntries(options.memory) : [] };
}

/** One matcher over every source; labels the corpus does not define are left out. */
export function buildMatcher(config: CorpusConfig, sources: KnowledgeSources): GazetteerMatcher {
  const labels = new Set(config.labels.map((l) => l.name));
  const matcher = new GazetteerMatcher({ normalization: config.normalization, proclitics: config.proclitics });
  for (const list of [sources.gazetteers, sources.builtin ?? [], sources.memory]) {
    for (const entry of list) if (labels.has(entry.label)) matcher.add(entry);
  }
  return matcher;
}

/**
 * Calls `parse` with every line of the file (LF or CRLF, BOM removed), read a megabyte at a time (256 KB with a
 * pacer). Lines are parsed where they lie in each read; only a line that two reads cut is put together (joining
 * each read to the rest of the last would copy the whole file once more, as garbage). With a pacer (a server that
 * lets the editor in: a megabyte of JSON Lines is tens of milliseconds), it is asked before each read is decoded
 * and every 64 lines.
 */
export async function streamLines(file: string, parse: LineParser, pacer?: Pacer): Promise<void> {
  let rest = '';
  let lineNumber = 1;
  let first = true;
  const parseLine = (line: string) => parse(line, 0, line.endsWith('\r') ? line.length - 1 : line.length, lineNumber++);
  // TextDecoder in streaming mode decodes Arabic UTF-8 in about 60 % of the time the stream's own decoding takes.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  // With a pacer, reads of 256 KB: decoding a whole megabyte at once is itself a stretch of several milliseconds.
  for await (const bytes of createReadStream(file, { highWaterMark: pacer ? 1 << 18 : 1 << 20 })) {
    // A read that just came in is not parsed while the editor has a message in hand.
    if (pacer?.due()) await pacer.pause();
    const text = decoder.decode(bytes as Buffer, { stream: true });
    if (text === '') continue;
    let start = first && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    first = false;
    let end = text.indexOf('\n', start);
    if (end === -1) {
      rest += text.slice(start);
      continue;
    }
    if (rest !== '') {
      parseLine(rest + text.slice(start, end));
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    for (; end !== -1; end = text.indexOf('\n', start)) {
      parse(text, start, end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end, lineNumber++);
      start = end + 1;
      if (pacer && (lineNumber & 63) === 0 && pacer.due()) await pacer.pause();
    }
    rest = text.slice(start);
  }
  parseLine(rest + decoder.decode());
}

/** A sink that adds each entry of a label the corpus defines straight to the matcher. */
function matcherSink(matcher: GazetteerMatcher, labels: Set<string>, source: string): GazetteerSink {
  return {
    entry(names, label, ref, description, details) {
      if (!labels.has(label)) return;
      if (typeof names === 'string') {
        const id = matcher.addEntry(names, label, ref, description, source);
        if (details) matcher.setDetails(id, details);
        return;
      }
      const id = matcher.addEntry(names[0], label, ref, description, source);
      for (let k = 1; k < names.length; k++) matcher.addName(id, names[k]);
      // Kind, country, governorate, population, terms: what ranking and disambiguation tell candidates apart by.
      if (details) matcher.setDetails(id, details);
    },
  };
}

/**
 * The corpus's matcher, built while its gazetteers are read: the corpus's gazetteers and any extra ones, then the
 * built-in gazetteer, then corpus memory (the order of entries that share a name). Same result as
 * buildMatcher(config, await readKnowledge(config, options)) without an object per gazetteer row.
 */
export async function loadMatcher(config: CorpusConfig, options: { builtinDir?: string; extraGazetteers?: GazetteerSource[]; memory?: EntityIndex; pacer?: Pacer } = {}): Promise<GazetteerMatcher> {
  const labels = new Set(config.labels.map((l) => l.name));
  const matcher = new GazetteerMatcher({ normalization: config.normalization, proclitics: config.proclitics });
  for (const source of [...config.gazetteers, ...(options.extraGazetteers ?? [])]) {
    const sink = matcherSink(matcher, labels, `gazetteer:${path.basename(source.path)}`);
    await streamLines(source.path, lineParser(source.format, source.path, sink, source.label), options.pacer);
  }
  if (config.builtinGazetteer) {
    const dir = options.builtinDir ?? defaultBuiltinDir();
    const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
    if (files.length === 0) throw new Error(`no built-in gazetteer (*.jsonl) in ${dir}`);
    const sink = matcherSink(matcher, labels, 'builtin');
    for (const file of files) await streamLines(path.join(dir, file), lineParser('jsonl', path.join(dir, file), sink), options.pacer);
  }
  if (options.memory) for (const entry of corpusMemoryEntries(options.memory)) if (labels.has(entry.label)) matcher.add(entry);
  // The index is one stretch of work (about a millisecond for the built-in gazetteer): it starts on a fresh slice.
  await options.pacer?.pause();
  matcher.index();
  return matcher;
}
