// `importCorpus`: existing annotated corpora (CoNLL-like, CoNLL-U, brat, doccano JSONL) turned into a Hashiya
// corpus: one article and sidecar per document, a hashiya.json with the labels found and the tokenisation record.
// The output folder must be new or empty. The corpus is built in a staging folder beside it and renamed into place
// at the end, so that the corpus appears whole or not at all: a cancelled, failed or killed import leaves the
// target as it was, and a retry works (staging folders of dead imports are removed). Malformed input is reported
// with file and line and handled by the stated rules; it never stops the import.
import { isProcessAlive } from '../../processAlive';
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
import { CorpusWriter, type ImportCounts, ImportError, type ImportProblem, type ImportedDocument, ProblemLog } from './writer';

export { ImportError };

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
  if (!stat) throw new ImportError(`${input}: no such file or folder`);
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

/** Staging folders of an import into `out` are named `.NAME.import-PID-XXXXXX` beside it. */
function stagingPrefix(out: string): string {
  return `.${path.basename(out)}.import-`;
}

/** Removes staging folders left beside `out` by imports whose process is gone (killed, or the machine stopped). */
async function removeDeadStaging(out: string): Promise<void> {
  const prefix = stagingPrefix(out);
  const entries = await fs.readdir(path.dirname(out)).catch(() => [] as string[]);
  for (const name of entries) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || isProcessAlive(pid)) continue;
    await fs.rm(path.join(path.dirname(out), name), { recursive: true, force: true });
  }
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
  if (files.length === 0) throw new ImportError(`${options.input}: no ${options.format} files found`);
  const inputIsDir = (await fs.stat(input)).isDirectory();
  await CorpusWriter.prepare(out);
  await removeDeadStaging(out);
  const staging = await fs.mkdtemp(path.join(path.dirname(out), `${stagingPrefix(out)}${process.pid}-`));
  const log = new ProblemLog();
  const writer = new CancellableWriter(staging, options.status ?? 'done', log, hooks.signal);
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
    if (hooks.signal?.aborted) throw new AbortError();
    // The one step that makes the corpus appear: rename(2) is atomic, and replaces the target only when it is an
    // empty folder (or absent).
    await fs.rename(staging, out).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOTEMPTY' || error.code === 'EEXIST' ? new Error(`${out} is not empty; an import writes into a new or empty folder`) : error;
    });
    return {
      inputs,
      counts: { ...writer.counts, entitiesByLabel: Object.fromEntries(Object.entries(writer.counts.entitiesByLabel).sort(([a], [b]) => (a < b ? -1 : 1))) },
      labels,
      tokenization,
      problems: log.problems,
      // A plain object for callers (Object.fromEntries defines keys as data, whatever their names).
      problemCounts: Object.fromEntries(Object.entries(log.counts)),
      omitted: log.omitted(),
    };
  } catch (error) {
    // Nothing was written to the target: remove the staging folder.
    await writer.drain();
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
}
