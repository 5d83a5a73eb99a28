// `exportCorpus`: a corpus's annotations as training data in one of the formats of SPEC §6, with reproducible
// splits and a manifest of counts. Documents are read and written one at a time (streaming; only the spaCy format
// keeps its token table until the end). Output goes to a staging folder beside the target and is moved into place
// at the end, so a cancelled or failed export leaves nothing half-written. Same corpus and options: same bytes.
import { createHash, type Hash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describeReanchor, reanchorStaleSidecar, type SidecarReanchorReport } from '../annotations/reanchorSidecar';
import type { TextHistory } from '../annotations/textHistory';
import { type LoadedArticle, loadArticle } from '../corpus/article';
import { CONFIG_FILE } from '../corpus/config';
import { articleFilter } from '../corpus/discover';
import { CorpusError, listArticles, loadCorpusConfig, requireUsableConfig } from '../corpus/load';
import { containedRealPath, isInside, readSidecarText, type SidecarText } from '../corpus/read';
import { inShard, type Shard } from '../corpus/shard';
import { articleBytes, sha256Hex } from '../text/hash';
import { parseSidecar } from '../sidecar/parse';
import { isSidecarPath, sidecarPathFor } from '../sidecar/store';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../sidecar/types';
import { DEFAULT_EXPORT_STATUSES } from '../../../../common/documentStatus';
import { type LabelSelection, parseLabelSelection, selectLabel } from './entities';
import { bratAnnotations, bratConfig } from './formats/brat';
import { conllDocument } from './formats/conll';
import { doccanoDocument } from './formats/doccano';
import { hfJsonlDocument } from './formats/hfJsonl';
import { prodigyDocument } from './formats/prodigy';
import { DocBinBuilder } from './formats/spacy';
import { prepareDocument, sentenceCount, tagSafeLabel } from './prepare';
import { parseSplit, type SplitSpec, splitOf } from './split';
import { readAhead } from './readAhead';
import { tagNames } from './tags';
import {
  AbortError,
  type CliticPolicy,
  DEFAULT_TOKENIZATION,
  type ExportFormat,
  FLAT_FORMATS,
  type NestedPolicy,
  type Scheme,
  throwIfAborted,
  TOKEN_BREAKS_KEY,
  type TokenizationRecord,
} from './types';

export interface ExportOptions {
  /** Corpus root. */
  root: string;
  format: ExportFormat;
  /** Output file, or folder for brat and for any split export. */
  out: string;
  /** Tagging scheme of conll/hf-jsonl (default iob2; `iob2` and `bioes` formats imply theirs). */
  scheme?: Scheme;
  /** Statuses exported (default: all but `todo`). */
  status?: DocumentStatus[];
  /** `80,10,10`: train/dev/test percentages by document. */
  split?: string;
  seed?: string;
  /** `LOC,ACTOR` keeps those labels; `GPE=LOC` renames. */
  labels?: string;
  /** Flat formats: which entity of a nest to keep (default outer). */
  nested?: NestedPolicy;
  clitics?: CliticPolicy;
  /** CoNLL: write `-DOCSTART- O` before each document (default true). */
  docstart?: boolean;
  /** Only these articles (paths absolute or relative to the working folder), e.g. a list read from stdin. */
  files?: string[];
  /** Only the articles whose path relative to the root (with /) falls in this shard. */
  shard?: Shard;
}

/**
 * Articles open in an editor, by absolute path: their current text (possibly unsaved) and the sidecar that the
 * editor's annotations would write for it. Export reads these instead of the disk, so that what is exported is
 * what the annotator sees.
 */
export type ExportOverlay = ReadonlyMap<string, { text: string; hasBom: boolean; sidecarText: string }>;

export interface ExportHooks {
  signal?: AbortSignal;
  overlay?: ExportOverlay;
  /**
   * Where to look for the text a sidecar was written for, when its article has changed since: its annotations
   * are then mapped through a diff rather than searched for.
   */
  history?: TextHistory;
  /** Called for each document whose sidecar was written for another version of its article and was re-anchored. */
  onReanchored?: (path: string, report: SidecarReanchorReport) => void;
  /** Called after each document with the number done and the number to do. */
  onProgress?: (done: number, total: number) => void;
}

export interface Counts {
  documents: number;
  sentences: number;
  tokens: number;
  entities: number;
  entitiesByLabel: Record<string, number>;
}

export interface ExportManifest {
  hashiya: 'export/1';
  format: ExportFormat;
  options: {
    scheme?: Scheme;
    status: DocumentStatus[];
    split?: { names: string[]; percents: number[]; seed: string };
    labels?: string;
    nested?: NestedPolicy;
    clitics: CliticPolicy;
    docstart?: boolean;
    tokenization: TokenizationRecord;
    /** `K/N` when only one shard of the corpus was exported. */
    shard?: string;
    /** When only listed articles were exported: how many were listed. */
    files?: number;
  };
  /** Documents of the corpus and why some were not exported. */
  corpus: { articles: number; exported: number; excluded: Record<string, number> };
  totals: Counts;
  splits: Record<string, Counts & { files: string[] }>;
  /** Output files relative to the output folder (or the output file's folder), with their SHA-256. */
  files: Array<{ path: string; sha256: string; bytes: number }>;
  /** Tag names in id order (hf-jsonl) or the label set. */
  labels: string[];
  adjusted: Record<string, number>;
  skipped: Record<string, number>;
  /** The first notes in detail (path, code-point offsets, label, reason). */
  examples: Array<{ kind: 'adjusted' | 'skipped'; path: string; start: number; end: number; label: string; reason: string }>;
  warnings: string[];
  documents: Record<string, string[]>;
}

export class ExportError extends Error {}

const MAX_EXAMPLES = 200;
/**
 * Status and entity labels of a sidecar, all the pre-pass needs: the native JSON parser reads them far faster
 * than the full one, which runs once per document in the export itself (and classifies anything odd here).
 */
function sidecarSummary(text: string): { status: DocumentStatus; entities: Array<{ label: string }> } | undefined {
  try {
    const json = JSON.parse(text) as { status?: unknown; entities?: unknown };
    const entities = json.entities;
    if (DOCUMENT_STATUSES.includes(json.status as DocumentStatus) && Array.isArray(entities) && entities.every((e) => typeof e?.label === 'string')) {
      return { status: json.status as DocumentStatus, entities: entities as Array<{ label: string }> };
    }
  } catch {
    // Not JSON: the full parser says what is wrong.
  }
  return parseSidecar(text).sidecar;
}

/** Documents read ahead of the one being exported. */
const READ_AHEAD = 8;

const EXTENSIONS: Record<ExportFormat, string> = {
  conll: '.conll',
  iob2: '.conll',
  bioes: '.conll',
  'hf-jsonl': '.jsonl',
  spacy: '.spacy',
  'prodigy-jsonl': '.jsonl',
  'doccano-jsonl': '.jsonl',
  brat: '',
};

/** Reads the `"tokenization"` record of hashiya.json (written by `hashiya import`); defaults when absent. */
export function readTokenizationRecord(value: unknown): { record: TokenizationRecord; warning?: string } {
  if (value === undefined) return { record: { ...DEFAULT_TOKENIZATION } };
  const v = value as Partial<TokenizationRecord> | null;
  const tokensOk = v?.tokens === 'default' || v?.tokens === 'whitespace';
  const sentencesOk = v?.sentences === 'punctuation' || v?.sentences === 'lines';
  if (typeof v !== 'object' || v === null || !tokensOk || !sentencesOk) {
    return {
      record: { ...DEFAULT_TOKENIZATION },
      warning: 'hashiya.json "tokenization" must be {"tokens": "default"|"whitespace", "sentences": "punctuation"|"lines"}; using the defaults',
    };
  }
  const record: TokenizationRecord = { tokens: v.tokens!, sentences: v.sentences! };
  if (typeof v.source === 'string') record.source = v.source;
  return { record };
}

/** Token breaks recorded in a sidecar, when they were recorded for this very text. */
function tokenBreaksOf(extra: Record<string, unknown> | undefined, sha256: string): { offsets?: number[]; stale: boolean } {
  const value = extra?.[TOKEN_BREAKS_KEY] as { sha256?: unknown; offsets?: unknown } | undefined;
  if (!value || typeof value !== 'object') return { stale: false };
  const ok = Array.isArray(value.offsets) && value.offsets.every((o) => Number.isInteger(o) && o >= 0);
  if (!ok || value.sha256 !== sha256) return { stale: true };
  return { offsets: [...(value.offsets as number[])].sort((a, b) => a - b), stale: false };
}

/** A tally keyed by labels or reasons from the input: no prototype, so that "constructor" starts at 0 too. */
function tally(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

function emptyCounts(): Counts {
  return { documents: 0, sentences: 0, tokens: 0, entities: 0, entitiesByLabel: tally() };
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A file being written in the staging folder, hashed as it goes. */
class OutputFile {
  private hash: Hash = createHash('sha256');
  bytes = 0;
  private constructor(
    readonly relative: string,
    private readonly handle: fs.FileHandle,
  ) {}

  static async open(staging: string, relative: string): Promise<OutputFile> {
    const full = path.join(staging, relative);
    await fs.mkdir(path.dirname(full), { recursive: true });
    return new OutputFile(relative, await fs.open(full, 'wx'));
  }

  async write(content: string | Uint8Array): Promise<void> {
    if (content.length === 0) return;
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    this.hash.update(bytes);
    this.bytes += bytes.length;
    await this.handle.write(bytes);
  }

  async close(): Promise<{ path: string; sha256: string; bytes: number }> {
    await this.handle.close();
    return { path: this.relative, sha256: this.hash.digest('hex'), bytes: this.bytes };
  }

  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** The file an output lands in: the split's file inside the output folder, or the output file itself. */
function targetLayout(options: ExportOptions, split: SplitSpec | undefined) {
  const out = path.resolve(options.out);
  const isDir = options.format === 'brat' || split !== undefined;
  const base = path.basename(out);
  return {
    out,
    isDir,
    /** Relative name inside the staging folder for a split's data file (not brat). */
    dataFile: (name: string) => (isDir ? `${name}${EXTENSIONS[options.format]}` : base),
    manifest: isDir ? 'manifest.json' : `${base}.manifest.json`,
    labels: isDir ? 'labels.json' : `${base}.labels.json`,
  };
}

export async function exportCorpus(options: ExportOptions, hooks: ExportHooks = {}): Promise<ExportManifest> {
  const { signal, onProgress } = hooks;
  const format = options.format;
  const scheme: Scheme = format === 'bioes' ? 'bioes' : format === 'iob2' ? 'iob2' : (options.scheme ?? 'iob2');
  const flat = FLAT_FORMATS.has(format);
  const nested = flat ? (options.nested ?? 'outer') : undefined;
  const clitics = options.clitics ?? 'boundary';
  const statuses = options.status ?? [...DEFAULT_EXPORT_STATUSES];
  let selection: LabelSelection | undefined;
  let split: SplitSpec | undefined;
  try {
    selection = options.labels ? parseLabelSelection(options.labels) : undefined;
    split = options.split ? parseSplit(options.split) : undefined;
  } catch (error) {
    throw new ExportError((error as Error).message);
  }
  const seed = options.seed ?? '0';
  const root = path.resolve(options.root);
  const warnings: string[] = [];

  const loaded = await loadCorpusConfig(root);
  try {
    requireUsableConfig(loaded);
  } catch (error) {
    throw error instanceof CorpusError ? new ExportError(error.message) : error;
  }
  const { config, problems: configProblems } = loaded;
  for (const p of configProblems) warnings.push(`hashiya.json: ${p.message}`);
  const tokenizationRead = readTokenizationRecord(config.extra.tokenization);
  if (tokenizationRead.warning) warnings.push(tokenizationRead.warning);
  const tokenization = tokenizationRead.record;

  // Pre-pass over the sidecars: status, labels, and the documents to export.
  let articles = await listArticles(config);
  if (options.files) {
    const wanted = new Set(options.files.map((f) => path.resolve(f)));
    const known = new Set(articles);
    const missing = [...wanted].filter((f) => !known.has(f));
    if (missing.length) throw new ExportError(`not an article of the corpus ${root}: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}`);
    articles = articles.filter((f) => wanted.has(f));
  }
  const shard = options.shard;
  if (shard) articles = articles.filter((f) => inShard(path.relative(root, f).split(path.sep).join('/'), shard));
  const excluded = tally();
  const exclude = (reason: string) => (excluded[reason] = (excluded[reason] ?? 0) + 1);
  const selected: Array<{ file: string; rel: string }> = [];
  const found = new Set<string>();
  const overlay = hooks.overlay;
  // An article open in the editor is exported as the editor holds it: its text and sidecar text replace the files.
  const sidecarTextOf = (f: string): Promise<SidecarText> => {
    const open = overlay?.get(f);
    if (open) return Promise.resolve({ state: 'text', fileText: open.sidecarText });
    return readSidecarText(sidecarPathFor(f), path.relative(root, sidecarPathFor(f)));
  };
  const articleOf = (f: string, rel: string): Promise<LoadedArticle> => {
    const open = overlay?.get(f);
    if (!open) return loadArticle(f, rel);
    const parsed = parseSidecar(open.sidecarText);
    return Promise.resolve({ articlePath: f, text: open.text, hasBom: open.hasBom, sha256: sha256Hex(articleBytes(open.text, open.hasBom)), sidecarPath: sidecarPathFor(f), sidecarText: open.sidecarText, parsed });
  };
  for await (const [file, read] of readAhead(articles, READ_AHEAD, sidecarTextOf)) {
    throwIfAborted(signal);
    const rel = path.relative(root, file).split(path.sep).join('/');
    const sidecar = read.state === 'text' ? sidecarSummary(read.fileText) : undefined;
    if (read.state !== 'missing' && !sidecar) {
      exclude('sidecar has errors (run hashiya validate)');
      // A sidecar that is a folder or cannot be read says so; any other says where to look.
      warnings.push(read.state === 'unreadable' ? `${read.error.message}; document not exported` : `${rel}: sidecar has errors; document not exported (run hashiya validate)`);
      continue;
    }
    const status: DocumentStatus = sidecar?.status ?? 'todo';
    if (!statuses.includes(status)) {
      exclude(`status ${status} not selected (--status)`);
      continue;
    }
    for (const e of sidecar?.entities ?? []) {
      const label = selectLabel(e.label, selection);
      if (label !== undefined) found.add(label);
    }
    selected.push({ file, rel });
  }
  for (const l of config.labels) {
    const label = selectLabel(l.name, selection);
    if (label !== undefined) found.add(label);
  }
  const labels = [...new Set([...found].map((l) => (flat ? tagSafeLabel(l) : l)))].sort();
  if (flat && labels.some((l) => l.includes('-'))) {
    warnings.push('some labels contain "-": conlleval.pl reads a type only up to its first "-" (seqeval and spaCy read it whole)');
  }
  const names = format === 'hf-jsonl' ? tagNames(labels, scheme) : labels;
  const tagIds = new Map(names.map((name, i) => [name, i]));

  // Staging folder beside the target.
  const layout = targetLayout(options, split);
  // Nothing is written inside the corpus: brat's .txt files would become articles, a train.txt would too, and any
  // other output would be indexed, searched and committed with the annotations (also through a symlink).
  const insideRoot = isInside(root, layout.out) || path.resolve(layout.out) === root;
  if (insideRoot || (await containedRealPath(root, layout.out))) {
    throw new ExportError(`${options.out} is inside the corpus ${root}: training data written there would be read as part of the corpus; write the export to a folder outside it`);
  }
  await refuseCorpusFiles(root, config, layout, split ? split.names : ['all']);
  await fs.mkdir(path.dirname(layout.out), { recursive: true });
  if (layout.isDir) await checkReplaceableFolder(layout.out);
  else if ((await fs.stat(layout.out).catch(() => undefined))?.isDirectory()) throw new ExportError(`${options.out} is a folder; give a file name, or --split for a folder`);
  const staging = await fs.mkdtemp(path.join(path.dirname(layout.out), `.${path.basename(layout.out)}.export-`));

  const splitNames = split ? split.names : ['all'];
  const outputs = new Map<string, OutputFile>();
  const docBins = new Map<string, DocBinBuilder>();
  const perSplit = new Map(splitNames.map((name) => [name, { ...emptyCounts(), files: [] as string[] }]));
  const documents: Record<string, string[]> = Object.fromEntries(splitNames.map((name) => [name, []]));
  const totals = emptyCounts();
  const adjusted = tally();
  const skipped = tally();
  const examples: ExportManifest['examples'] = [];
  const files: ExportManifest['files'] = [];

  const outputFor = async (name: string): Promise<OutputFile> => {
    let file = outputs.get(name);
    if (!file) {
      file = await OutputFile.open(staging, layout.dataFile(name));
      outputs.set(name, file);
    }
    return file;
  };

  try {
    // Every split gets its file, even an empty one, so that a pipeline finds train/dev/test.
    if (format !== 'brat' && format !== 'spacy') for (const name of splitNames) await outputFor(name);
    let done = 0;
    for await (const [{ rel }, article] of readAhead(selected, READ_AHEAD, (s) => articleOf(s.file, s.rel))) {
      throwIfAborted(signal);
      // Training data with U+FFFD in place of letters is worse than none: refuse, naming the encoding.
      if (article.articleError) throw new ExportError(article.articleError.message);
      const sidecar = article.parsed?.sidecar;
      if (article.parsed && !sidecar) {
        // Well-formed JSON that is not a valid sidecar (the pre-pass only read its status and labels).
        exclude('sidecar has errors (run hashiya validate)');
        warnings.push(`${rel}: sidecar has errors; document not exported (run hashiya validate)`);
        continue;
      }
      // A sidecar written for an earlier version of its article (edited outside the editor): its annotations are
      // found again in the text as it is, exactly as `validate --fix` would; what finds no place is counted below.
      let entities = sidecar?.entities ?? [];
      let unresolved = sidecar?.unresolved ?? [];
      if (sidecar && sidecar.sha256 !== article.sha256) {
        const { sidecar: placed, report } = await reanchorStaleSidecar(sidecar, article, hooks.history);
        entities = placed.entities;
        unresolved = placed.unresolved;
        warnings.push(`${rel}: the article changed after its sidecar was written; re-anchored: ${describeReanchor(report)} (hashiya validate --fix rewrites the sidecar)`);
        hooks.onReanchored?.(rel, report);
      }
      const part = split ? splitOf(split, seed, rel) : 'all';
      const breaks = tokenization.tokens === 'whitespace' ? tokenBreaksOf(sidecar?.extra, article.sha256) : { stale: false };
      if (breaks.stale) warnings.push(`${rel}: token breaks were recorded for another version of the text; ignored`);
      for (const u of unresolved) {
        skipped['unresolved in its sidecar (place it again in the editor)'] = (skipped['unresolved in its sidecar (place it again in the editor)'] ?? 0) + 1;
        if (examples.length < MAX_EXAMPLES) examples.push({ kind: 'skipped', path: rel, start: u.start, end: u.end, label: u.label, reason: 'unresolved in its sidecar' });
      }
      const { document: doc, notes } = prepareDocument(rel, article.text, sidecar?.status ?? 'todo', entities, {
        tokenization,
        clitics,
        ...(nested ? { nested } : {}),
        ...(selection ? { labels: selection } : {}),
        tagSafeLabels: flat,
        exactOffsets: format === 'brat' || format === 'doccano-jsonl',
        ...(breaks.offsets ? { tokenBreaks: breaks.offsets } : {}),
      });
      for (const n of notes) {
        const bucket = n.kind === 'adjusted' ? adjusted : skipped;
        bucket[n.reason] = (bucket[n.reason] ?? 0) + 1;
        if (examples.length < MAX_EXAMPLES) examples.push({ kind: n.kind, path: rel, start: n.start, end: n.end, label: n.label, reason: n.reason });
      }

      switch (format) {
        case 'conll':
        case 'iob2':
        case 'bioes':
          await (await outputFor(part)).write(conllDocument(doc, { scheme, docstart: options.docstart ?? true }));
          break;
        case 'hf-jsonl':
          await (await outputFor(part)).write(hfJsonlDocument(doc, scheme, tagIds));
          break;
        case 'prodigy-jsonl':
          await (await outputFor(part)).write(prodigyDocument(doc));
          break;
        case 'doccano-jsonl':
          await (await outputFor(part)).write(doccanoDocument(doc));
          break;
        case 'spacy': {
          let bin = docBins.get(part);
          if (!bin) docBins.set(part, (bin = new DocBinBuilder()));
          bin.add(doc);
          break;
        }
        case 'brat': {
          const stem = rel.replace(/\.[^./]*$/, '');
          const prefix = split ? `${part}/` : '';
          const txt = await OutputFile.open(staging, `${prefix}${stem}.txt`);
          await txt.write(doc.text);
          files.push(await txt.close());
          const ann = await OutputFile.open(staging, `${prefix}${stem}.ann`);
          await ann.write(bratAnnotations(doc));
          files.push(await ann.close());
          break;
        }
      }

      const counts = perSplit.get(part)!;
      for (const c of [counts, totals]) {
        c.documents++;
        c.sentences += sentenceCount(doc);
        c.tokens += doc.tokenStart.length;
        c.entities += doc.entities.length;
        for (const e of doc.entities) c.entitiesByLabel[e.label] = (c.entitiesByLabel[e.label] ?? 0) + 1;
      }
      documents[part].push(rel);
      onProgress?.(++done, selected.length);
    }
    throwIfAborted(signal);

    if (format === 'spacy') {
      for (const name of splitNames) {
        const file = await OutputFile.open(staging, layout.dataFile(name));
        await file.write((docBins.get(name) ?? new DocBinBuilder()).toBytes());
        files.push(await file.close());
      }
    }
    for (const file of outputs.values()) files.push(await file.close());
    outputs.clear();
    if (format === 'hf-jsonl') {
      const file = await OutputFile.open(staging, layout.labels);
      await file.write(JSON.stringify(names) + '\n');
      files.push(await file.close());
    }
    if (format === 'brat') {
      const file = await OutputFile.open(staging, 'annotation.conf');
      await file.write(bratConfig(labels));
      files.push(await file.close());
    }
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const name of splitNames) {
      perSplit.get(name)!.files = files
        .filter((f) => (format === 'brat' ? (split ? f.path.startsWith(`${name}/`) : f.path !== 'annotation.conf') : f.path === layout.dataFile(name)))
        .map((f) => f.path);
    }

    const manifest: ExportManifest = {
      hashiya: 'export/1',
      format,
      options: {
        ...(flat && format !== 'spacy' ? { scheme } : {}),
        status: statuses,
        ...(split ? { split: { names: split.names, percents: split.percents, seed } } : {}),
        ...(options.labels ? { labels: options.labels } : {}),
        ...(nested ? { nested } : {}),
        clitics,
        ...(format === 'conll' || format === 'iob2' || format === 'bioes' ? { docstart: options.docstart ?? true } : {}),
        tokenization,
        ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
        ...(options.files ? { files: options.files.length } : {}),
      },
      corpus: { articles: articles.length, exported: totals.documents, excluded: sortedRecord(excluded) },
      totals: { ...totals, entitiesByLabel: sortedRecord(totals.entitiesByLabel) },
      splits: Object.fromEntries([...perSplit].map(([name, c]) => [name, { ...c, entitiesByLabel: sortedRecord(c.entitiesByLabel) }])),
      files,
      labels: names,
      adjusted: sortedRecord(adjusted),
      skipped: sortedRecord(skipped),
      examples,
      warnings,
      documents,
    };
    await fs.writeFile(path.join(staging, layout.manifest), JSON.stringify(manifest, null, 2) + '\n');
    await moveIntoPlace(staging, layout);
    return manifest;
  } catch (error) {
    for (const file of outputs.values()) await file.abandon();
    await fs.rm(staging, { recursive: true, force: true });
    if (error instanceof AbortError) throw error;
    throw error;
  }
}

/**
 * Refuses an output that would land on a file of the corpus: an article (or a file the corpus would take for one),
 * a sidecar or hashiya.json. Judged by the path as given and by its real path (through symbolic links).
 */
async function refuseCorpusFiles(root: string, config: Parameters<typeof articleFilter>[0], layout: ReturnType<typeof targetLayout>, splitNames: string[]): Promise<void> {
  const targets = layout.isDir
    ? [layout.out, ...[layout.manifest, layout.labels, ...splitNames.map(layout.dataFile)].map((f) => path.join(layout.out, f))]
    : [layout.out, ...[layout.manifest, layout.labels].map((f) => path.join(path.dirname(layout.out), f))];
  const isArticle = articleFilter(config);
  for (const target of targets) {
    const real = await containedRealPath(root, target);
    if (!isInside(root, target) && !real) continue;
    const candidates = [target, ...(real ? [path.join(root, path.relative(await fs.realpath(root).catch(() => root), real))] : [])];
    if (candidates.some((c) => isArticle(c) || isSidecarPath(c) || path.basename(c) === CONFIG_FILE)) {
      throw new ExportError(`${target} is inside the corpus and is (or would become) one of its articles, sidecars or its ${CONFIG_FILE}; write the export elsewhere`);
    }
  }
}

/** A folder output may replace only an empty folder or an earlier export (one with a manifest.json). */
async function checkReplaceableFolder(out: string): Promise<void> {
  const stat = await fs.stat(out).catch(() => undefined);
  if (!stat) return;
  if (!stat.isDirectory()) throw new ExportError(`${out} exists and is not a folder`);
  const entries = await fs.readdir(out);
  if (entries.length > 0 && !entries.includes('manifest.json')) {
    throw new ExportError(`${out} is a folder with other files in it; give an empty or new folder (an earlier export, with its manifest.json, is replaced)`);
  }
}

async function moveIntoPlace(staging: string, layout: ReturnType<typeof targetLayout>): Promise<void> {
  if (layout.isDir) {
    const old = `${staging}.old`;
    const existed = await fs.stat(layout.out).then(() => true, () => false);
    if (existed) await fs.rename(layout.out, old);
    await fs.rename(staging, layout.out);
    if (existed) await fs.rm(old, { recursive: true, force: true });
    return;
  }
  const dir = path.dirname(layout.out);
  for (const name of await fs.readdir(staging)) await fs.rename(path.join(staging, name), path.join(dir, name));
  await fs.rm(staging, { recursive: true, force: true });
}
