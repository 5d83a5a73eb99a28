// Hashiya: Import Corpus… — CoNLL, CoNLL-U, brat or doccano into a new corpus folder (text + sidecars +
// hashiya.json), with progress, Cancel and a summary of what was found and what was malformed.
import * as vscode from 'vscode';
import { ImportCorpusRequest } from '../../../common/protocol';
import { IMPORT_FORMATS, type ImportFormat, type ImportRequestOptions as ImportOptions, type ImportSummary as ImportResult } from '../../../common/training';
import { requestWithProgress } from '../serverProgress';
import type { CommandContext } from './context';
import { isCancelled } from './exportTrainingData';

const DETAILS: Record<ImportFormat, string> = {
  conll: 'token + one or more tag columns (IOB1/IOB2/BIOES; several columns = nested layers)',
  conllu: 'Universal Dependencies with # text (raw text kept exactly)',
  brat: 'brat standoff .txt + .ann',
  doccano: 'doccano JSONL',
};

export async function importCorpusCommand(ctx: CommandContext, preset?: Partial<ImportOptions>): Promise<ImportResult | undefined> {
  const format = preset?.format ?? ((await vscode.window.showQuickPick(IMPORT_FORMATS.map((f) => ({ label: f, detail: DETAILS[f] })), { title: 'Import corpus (1/3): format' }))?.label as ImportFormat | undefined);
  if (!format) return undefined;
  const input = preset?.input ?? (await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectFolders: true, title: 'Import corpus (2/3): file or folder to import' }))?.[0]?.fsPath;
  if (!input) return undefined;
  const out = preset?.out ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: 'Import corpus (3/3): new, empty corpus folder' }))?.[0]?.fsPath;
  if (!out) return undefined;
  await ctx.ready;
  let result: ImportResult;
  try {
    result = await requestWithProgress(ctx.client, ImportCorpusRequest, { options: { ...preset, format, input, out } }, `Hashiya: importing ${format}`);
  } catch (error) {
    if (isCancelled(error)) void vscode.window.showWarningMessage('Hashiya: import cancelled.');
    else void vscode.window.showErrorMessage(`Hashiya: import failed: ${(error as Error).message}`);
    return undefined;
  }
  const problems = Object.values(result.problemCounts).reduce((a, b) => a + b, 0);
  if (!preset?.out) {
    const summary = `Hashiya: imported ${JSON.stringify(result.counts)} with labels ${result.labels.map((l) => l.name).join(', ')}${problems ? `; ${problems} malformed lines handled (see the output)` : ''}.`;
    void vscode.window.showInformationMessage(summary, 'Open Folder').then((choice) => {
      if (choice === 'Open Folder') void vscode.commands.executeCommand('vscode.openFolder', vscode.Uri.file(out), { forceNewWindow: true });
    });
  }
  return result;
}
