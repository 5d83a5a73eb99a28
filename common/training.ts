// The vocabulary of training data shared by the server, the command line and the client's pickers: formats,
// policies, and what export, import and statistics requests carry and answer (SPEC §6). The core re-exports
// these; the client imports them from here and nothing from the core.
import type { DocumentStatus } from './documentStatus';

export const EXPORT_FORMATS = ['conll', 'iob2', 'bioes', 'hf-jsonl', 'spacy', 'prodigy-jsonl', 'doccano-jsonl', 'brat'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats that hold one label per token: nested entities must be resolved by the nesting policy. */
export const FLAT_FORMATS: ReadonlySet<ExportFormat> = new Set(['conll', 'iob2', 'bioes', 'hf-jsonl', 'spacy']);

export const SCHEMES = ['iob2', 'bioes'] as const;
export type Scheme = (typeof SCHEMES)[number];

/**
 * What to do when an entity boundary falls inside a word (بالعراق with the entity on العراق):
 * - `boundary` (default): split the word exactly at the entity boundary (ب + العراق);
 * - `attach`: keep the word whole and extend the entity over it (ANERcorp, Wojood);
 * - `split`: split proclitics (و ف ب ك ل) off as tokens of their own, one per clitic, at entity boundaries and
 *   before the article ال everywhere (و + ب + العراق).
 */
export const CLITIC_POLICIES = ['boundary', 'attach', 'split'] as const;
export type CliticPolicy = (typeof CLITIC_POLICIES)[number];

/** Which entity of a nested pair a flat format keeps: the longest (`outer`) or the shortest (`inner`). */
export const NESTED_POLICIES = ['outer', 'inner'] as const;
export type NestedPolicy = (typeof NESTED_POLICIES)[number];

export const IMPORT_FORMATS = ['conll', 'conllu', 'brat', 'doccano'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What the editor's Export Training Data… asks the server for. */
export interface ExportRequestOptions {
  root: string;
  format: ExportFormat;
  out: string;
  status?: DocumentStatus[];
  split?: string;
  seed?: string;
  scheme?: Scheme;
  labels?: string;
  nested?: NestedPolicy;
  clitics?: CliticPolicy;
  docstart?: boolean;
}

export interface ExportCounts {
  documents: number;
  sentences: number;
  tokens: number;
  entities: number;
  entitiesByLabel: Record<string, number>;
}

/** The part of an export's manifest the editor shows (the server sends the whole manifest). */
export interface ExportManifestSummary {
  format: ExportFormat;
  totals: ExportCounts;
  files: Array<{ path: string; sha256: string; bytes: number }>;
  adjusted: Record<string, number>;
  skipped: Record<string, number>;
  warnings: string[];
  corpus: { articles: number; exported: number; excluded: Record<string, number> };
}

/** What the editor's Import Corpus… asks the server for. */
export interface ImportRequestOptions {
  format: ImportFormat;
  input: string;
  out: string;
  status?: DocumentStatus;
  docsPer?: number;
}

export interface ImportSummary {
  /** Documents, sentences, tokens and entities written (shown as they are). */
  counts: object;
  labels: Array<{ name: string }>;
  problemCounts: Record<string, number>;
}

export interface CorpusStats {
  documents: number;
  byStatus: Record<DocumentStatus, number>;
  /** Documents whose article or sidecar has errors (see `hashiya validate`); nothing of them is counted. */
  unreadable: number;
  entities: number;
  entitiesByLabel: Record<string, number>;
  /** Entities with a knowledge-base reference. */
  withRef: number;
  rejected: number;
  unresolved: number;
  tokens: number;
  sentences: number;
  characters: number;
  tokenization: { tokens: string; sentences: string };
}
