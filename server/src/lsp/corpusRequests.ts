// Export, import and statistics as server requests: the editor keeps only its pickers and dialogs, and what it
// exports is what it shows — open articles go in with their current text and annotations (unsaved edits
// included), everything else as it is on disk. Progress and cancellation come from the request itself.
import * as path from 'node:path';
import { type ExportManifest, exportCorpus, type ExportOverlay } from '../core/training/export';
import { type ImportResult, importCorpus } from '../core/training/import/importCorpus';
import { corpusStats } from '../core/training/stats';
import type { CorpusStats, ExportRequestOptions, ImportRequestOptions } from '../../../common/training';
import { UserError } from '../session/errors';

export interface ProgressSink {
  report(done: number, total: number, unit: string): void;
}

/** Export with the open articles' state laid over the disk. */
export async function exportTrainingData(
  options: ExportRequestOptions,
  overlay: ExportOverlay,
  signal: AbortSignal,
  progress: ProgressSink,
): Promise<ExportManifest> {
  if (!options || typeof options.root !== 'string' || typeof options.out !== 'string') throw new UserError('export needs a corpus root and an output path');
  return exportCorpus(
    { ...options, root: path.resolve(options.root), out: path.resolve(options.out) },
    { signal, overlay, onProgress: (done, total) => progress.report(done, total, 'documents') },
  );
}

export function importTrainingData(options: ImportRequestOptions, signal: AbortSignal, progress: ProgressSink): Promise<ImportResult> {
  if (!options || typeof options.input !== 'string' || typeof options.out !== 'string') throw new UserError('import needs an input and an output folder');
  return importCorpus(options, { signal, onProgress: (done, total) => progress.report(done, total, 'files') });
}

export async function statistics(root: string, signal: AbortSignal, progress: ProgressSink): Promise<CorpusStats> {
  if (typeof root !== 'string') throw new UserError('statistics need a corpus root');
  // The figures only: the errors behind `unreadable` (one per bad entity, possibly tens of thousands) are what
  // diagnostics and `hashiya validate` show.
  const { problems: _problems, ...stats } = await corpusStats(path.resolve(root), { signal, onProgress: (done, total) => progress.report(done, total, 'documents') });
  return stats;
}
