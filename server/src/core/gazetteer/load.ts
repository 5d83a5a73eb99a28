// Loading the knowledge of a corpus: the built-in gazetteer (JSON Lines shipped in data/builtin), the corpus's
// own gazetteers from hashiya.json, and corpus memory (every confirmed entity teaches its surface form).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CorpusConfig, GazetteerSource } from '../corpus/config';
import type { EntityIndex } from '../corpus/entityIndex';
import type { KbEntry } from './entries';
import { GazetteerMatcher } from './matcher';
import { readGeonamesGazetteer, readJsonlGazetteer, readTsvGazetteer } from './readers';

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
  for (const file of files) out.push(...readJsonlGazetteer(await fs.readFile(path.join(dir, file), 'utf8'), path.join(dir, file), 'builtin'));
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
  for (const source of [...config.gazetteers, ...(options.extraGazetteers ?? [])]) gazetteers.push(...(await readGazetteer(source)));
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
