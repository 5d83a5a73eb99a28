// Hashiya: Export Training Data… — format, options and target through quick picks; a progress notification with
// Cancel; a summary with the counts and a button to open the output. The server exports (the same core as
// `hashiya export`), with the open articles as the editor has them, unsaved edits included.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DOCUMENT_STATUSES, ExportTrainingDataRequest } from '../../../common/protocol';
import { DEFAULT_EXPORT_STATUSES } from '../../../common/documentStatus';
import {
  CLITIC_POLICIES,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportManifestSummary as ExportManifest,
  type ExportRequestOptions as ExportOptions,
  FLAT_FORMATS,
  NESTED_POLICIES,
} from '../../../common/training';
import { requestWithProgress } from '../serverProgress';
import { pickCorpusRoot } from '../corpusRoot';
import type { CommandContext } from './context';

const FORMAT_INFO: Record<ExportFormat, { detail: string; file?: string }> = {
  conll: { detail: 'token per line, tag last, -DOCSTART- between documents (conlleval)', file: 'train.conll' },
  iob2: { detail: 'CoNLL columns with IOB2 tags', file: 'train.iob2' },
  bioes: { detail: 'CoNLL columns with BIOES tags', file: 'train.bioes' },
  'hf-jsonl': { detail: 'Hugging Face datasets: {"id","tokens","ner_tags"} + labels file', file: 'train.jsonl' },
  spacy: { detail: 'spaCy v3 DocBin (.spacy) for spacy train', file: 'train.spacy' },
  'prodigy-jsonl': { detail: 'Prodigy: {"text","tokens","spans"} per line', file: 'train.prodigy.jsonl' },
  'doccano-jsonl': { detail: 'doccano sequence labelling import', file: 'train.doccano.jsonl' },
  brat: { detail: 'brat standoff: .txt + .ann per document, N lines for refs (a folder)' },
};

export async function exportTrainingData(ctx: CommandContext, preset?: Partial<ExportOptions>): Promise<ExportManifest | undefined> {
  const root = preset?.root ?? (await pickCorpusRoot(ctx.states, 'Export training data'));
  if (!root) return undefined;
  const options = preset?.format && preset.out ? ({ ...preset, root } as ExportOptions) : await askOptions(root, preset);
  if (!options) return undefined;
  await ctx.ready;
  let manifest: ExportManifest;
  try {
    manifest = await requestWithProgress(ctx.client, ExportTrainingDataRequest, { options }, `Hashiya: exporting ${options.format}`);
  } catch (error) {
    if (isCancelled(error)) void vscode.window.showWarningMessage('Hashiya: export cancelled; nothing was written over.');
    else void vscode.window.showErrorMessage(`Hashiya: export failed: ${(error as Error).message}`);
    return undefined;
  }
  const t = manifest.totals;
  const byLabel = Object.entries(t.entitiesByLabel).map(([l, n]) => `${l} ${n}`).join(', ');
  const notes = Object.values(manifest.adjusted).reduce((a, b) => a + b, 0) + Object.values(manifest.skipped).reduce((a, b) => a + b, 0);
  const summary = `Hashiya: exported ${t.documents} documents, ${t.sentences} sentences, ${t.tokens} tokens, ${t.entities} entities (${byLabel})${notes ? `; ${notes} entities adjusted or skipped, see the manifest` : ''}.`;
  if (!preset?.out) {
    void vscode.window.showInformationMessage(summary, 'Open Output', 'Open Manifest').then(async (choice) => {
      const first = manifest.files[0]?.path;
      const base = writesSingleFile(options) ? path.dirname(options.out) : options.out;
      if (choice === 'Open Output' && first) await vscode.window.showTextDocument(vscode.Uri.file(path.join(base, first)));
      if (choice === 'Open Manifest') await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(base));
    });
  }
  return manifest;
}

export function isCancelled(error: unknown): boolean {
  return (error as { code?: number })?.code === -32800 || /cancel/i.test((error as Error)?.message ?? '');
}

function writesSingleFile(options: ExportOptions): boolean {
  return options.format !== 'brat' && !options.split;
}

async function askOptions(root: string, preset?: Partial<ExportOptions>): Promise<ExportOptions | undefined> {
  const format = preset?.format ?? (await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ label: f, detail: FORMAT_INFO[f].detail })),
    { title: 'Export training data (1/4): format' },
  ))?.label as ExportFormat | undefined;
  if (!format) return undefined;
  const statuses = await vscode.window.showQuickPick(
    DOCUMENT_STATUSES.map((s) => ({ label: s, picked: DEFAULT_EXPORT_STATUSES.includes(s) })),
    { title: 'Export training data (2/4): documents with status', canPickMany: true },
  );
  if (!statuses || statuses.length === 0) return undefined;
  const split = await vscode.window.showInputBox({
    title: 'Export training data (3/4): split by document (empty for one file)',
    placeHolder: '80,10,10',
    validateInput: (v) => (v === '' || /^\d+(,\d+){1,2}$/.test(v) ? undefined : 'percentages such as 80,10,10'),
  });
  if (split === undefined) return undefined;
  const extra: Partial<ExportOptions> = {};
  if (FLAT_FORMATS.has(format)) {
    const clitics = await vscode.window.showQuickPick(
      CLITIC_POLICIES.map((c) => ({ label: c, detail: { boundary: 'split tokens at entity edges (بـ|العراق)', attach: 'extend the entity to the whole word (ANERcorp, Wojood)', split: 'split proclitics off as tokens' }[c] })),
      { title: 'Proclitics before entities' },
    );
    if (!clitics) return undefined;
    extra.clitics = clitics.label as ExportOptions['clitics'];
    extra.nested = NESTED_POLICIES[0];
  }
  const asFolder = format === 'brat' || split !== '';
  const target = asFolder
    ? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, title: 'Export training data (4/4): output folder (outside the corpus)', defaultUri: vscode.Uri.file(path.dirname(root)) }))?.[0]
    : await vscode.window.showSaveDialog({ title: 'Export training data (4/4): output file (outside the corpus)', defaultUri: vscode.Uri.file(path.join(path.dirname(root), `${path.basename(root)}-${FORMAT_INFO[format].file ?? 'train.txt'}`)) });
  if (!target) return undefined;
  return {
    root,
    format,
    out: target.fsPath,
    status: statuses.map((s) => s.label) as ExportOptions['status'],
    ...(split ? { split, seed: 'hashiya' } : {}),
    ...extra,
  };
}
