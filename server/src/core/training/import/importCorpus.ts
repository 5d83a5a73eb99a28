// `importCorpus`: existing annotated corpora (CoNLL-like, CoNLL-U, brat, doccano JSONL) turned into a Hashiya
// corpus: one article and sidecar per document, a hashiya.json with the labels found and the tokenisation record.
// The output folder must be new or empty; a cancelled or failed import removes what it wrote. Malformed input is
// reported with file and line and handled by the stated rules; it never stops the import.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LabelDefinition } from '../../corpus/config';
import type { DocumentStatus } from '../../sidecar/types';
import type { ReadScheme } from '../tags';
import { AbortError, type TokenizationRecord } from '../types';
import { importBratDocument } from './brat';
import { type ConllReadOptions, importConllFile } from './conll';
import { importConlluFile } from './conllu';
import { importDoccanoFile } from './doccano';
import { inputStem } from './lines';
import { CorpusWriter, type ImportCounts, type ImportProblem, type ImportedDocument, ProblemLog } from './writer';

import type { ImportFormat } from '../../../../../common/training';
export { IMPORT_FORMATS, type ImportFormat } from '../../../../../common/training';

export interface ImportOptions {
  format: ImportFormat;
  /** A file, or a folder of files of the format (searched recursively). */
  input: string;
  /** The corpus folder to create (new or empty). */
  out: string;
  /** Status of the imported documents (default done). */
  status?: DocumentStatus;
  /** CoNLL and CoNLL-U: sentences per document (CoNLL default: -DOCSTART- lines, else 100). */
  docsPer?: number;
  scheme?: ReadScheme | 'auto';
  tokenColumn?: number;
  tagColumns?: number[] | 'last';
  separator?: 'auto' | 'tab' | 'space';
}

export interface ImportHooks {
  signal?: AbortSignal;
  /** Called after each input file with the number done and the number to do. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  inputs: Array<{ file: string; documents: number; scheme?: ReadScheme }>;
  counts: ImportCounts;
  labels: LabelDefinition[];
  tokenization: TokenizationRecord;
  problems: ImportProblem[];
  problemCounts: Record<string, number>;
  /** Problems counted but not listed in `problems` (beyond the first 50 of a kind in a file). */
  omitted: Array<{ file: string; code: string; count: number }>;
}

const EXTENSIONS: Record<ImportFormat, RegExp> = {
  conll: /\.(txt|conll|conllx|tsv|iob|iob1|iob2|bio|bioes|bilou|ner)(\.gz)?$/i,
  conllu: /\.conllu(\.gz)?$/i,
  brat: /\.ann$/i,
  doccano: /\.(jsonl|json)(\.gz)?$/i,
};

const TOKENIZATION: Record<ImportFormat, TokenizationRecord> = {
  conll: { tokens: 'whitespace', sentences: 'lines', source: 'conll' },
  conllu: { tokens: 'whitespace', sentences: 'lines', source: 'conllu' },
  brat: { tokens: 'default', sentences: 'punctuation', source: 'brat' },
  doccano: { tokens: 'default', sentences: 'punctuation', source: 'doccano' },
};

async function inputFiles(format: ImportFormat, input: string): Promise<string[]> {
  const stat = await fs.stat(input).catch(() => undefined);
  if (!stat) throw new Error(`${input}: no such file or folder`);
  if (stat.isFile()) return [format === 'brat' && input.endsWith('.txt') ? input.replace(/\.txt$/, '.ann') : input];
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && EXTENSIONS[format].test(entry.name)) out.push(full);
    }
  };
  await walk(input);
  return out.sort();
}

/** A writer that stops at the next document once the import is cancelled. */
class CancellableWriter extends CorpusWriter {
  constructor(outDir: string, status: DocumentStatus, log: ProblemLog, private readonly signal?: AbortSignal) {
    super(outDir, status, log);
  }
  override async add(doc: ImportedDocument, stats: { sentences: number; tokens: number }): Promise<void> {
    if (this.signal?.aborted) throw new AbortError();
    await super.add(doc, stats);
  }
}

export async function importCorpus(options: ImportOptions, hooks: ImportHooks = {}): Promise<ImportResult> {
  const input = path.resolve(options.input);
  const out = path.resolve(options.out);
  const files = await inputFiles(options.format, input);
  if (files.length === 0) throw new Error(`${options.input}: no ${options.format} files found`);
  const inputIsDir = (await fs.stat(input)).isDirectory();
  const outExisted = await fs.stat(out).then(() => true, () => false);
  await CorpusWriter.prepare(out);
  const log = new ProblemLog();
  const writer = new CancellableWriter(out, options.status ?? 'done', log, hooks.signal);
  const inputs: ImportResult['inputs'] = [];
  const conllOptions: ConllReadOptions = {
    ...(options.scheme ? { scheme: options.scheme } : {}),
    ...(options.docsPer ? { docsPer: options.docsPer } : {}),
    ...(options.tokenColumn ? { tokenColumn: options.tokenColumn } : {}),
    ...(options.tagColumns ? { tagColumns: options.tagColumns } : {}),
    ...(options.separator ? { separator: options.separator } : {}),
  };
  try {
    let done = 0;
    for (const file of files) {
      if (hooks.signal?.aborted) throw new AbortError();
      const rel = inputIsDir ? path.relative(input, file).split(path.sep).join('/') : path.basename(file);
      const display = path.relative(process.cwd(), file) || file;
      const relDir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
      const stem = inputStem(rel);
      const prefix = `${relDir}${stem}/${stem}`;
      switch (options.format) {
        case 'conll': {
          const r = await importConllFile(file, display, prefix, writer, log, conllOptions);
          inputs.push({ file: display, documents: r.documents, scheme: r.scheme });
          break;
        }
        case 'conllu': {
          const r = await importConlluFile(file, display, prefix, writer, log, {
            ...(options.docsPer ? { docsPer: options.docsPer } : {}),
            ...(options.scheme ? { scheme: options.scheme } : {}),
          });
          inputs.push({ file: display, documents: r.documents, scheme: r.scheme });
          break;
        }
        case 'doccano': {
          const r = await importDoccanoFile(file, display, prefix, writer, log);
          inputs.push({ file: display, documents: r.documents });
          break;
        }
        case 'brat': {
          const txt = file.replace(/\.ann$/i, '.txt');
          if (!(await fs.stat(txt).catch(() => undefined))) {
            log.add({ file: display, severity: 'warning', code: 'no-text', message: `no ${path.basename(txt)} beside it: skipped` });
            break;
          }
          const docPath = `${relDir}${path.basename(txt)}`;
          await importBratDocument(txt, file, display, docPath, writer, log);
          inputs.push({ file: display, documents: 1 });
          break;
        }
      }
      hooks.onProgress?.(++done, files.length);
    }
    const tokenization = TOKENIZATION[options.format];
    const labels = await writer.finish(tokenization);
    return {
      inputs,
      counts: { ...writer.counts, entitiesByLabel: Object.fromEntries(Object.entries(writer.counts.entitiesByLabel).sort(([a], [b]) => (a < b ? -1 : 1))) },
      labels,
      tokenization,
      problems: log.problems,
      problemCounts: log.counts,
      omitted: log.omitted(),
    };
  } catch (error) {
    // The folder was new or empty: remove what this import wrote.
    await writer.drain();
    await fs.rm(out, { recursive: true, force: true });
    if (outExisted) await fs.mkdir(out, { recursive: true });
    throw error;
  }
}
