// Hashiya: Show Corpus Statistics — documents by status, entities per label, tokens; as a Markdown preview.
import * as vscode from 'vscode';
import { CorpusStatsRequest } from '../../../common/protocol';
import type { CorpusStats } from '../../../common/training';
import { requestWithProgress } from '../serverProgress';
import { pickCorpusRoot } from '../corpusRoot';
import type { CommandContext } from './context';

export async function showStats(ctx: CommandContext, presetRoot?: string): Promise<CorpusStats | undefined> {
  const root = presetRoot ?? (await pickCorpusRoot(ctx.states, 'Corpus statistics'));
  if (!root) return undefined;
  await ctx.ready;
  const stats = await requestWithProgress(ctx.client, CorpusStatsRequest, { root }, 'Hashiya: counting', vscode.ProgressLocation.Window);
  if (presetRoot) return stats;
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: statsMarkdown(root, stats) });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
  return stats;
}

export function statsMarkdown(root: string, s: CorpusStats): string {
  const rows = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `| ${k} | ${v} |`).join('\n');
  const done = (s.byStatus.done ?? 0) + (s.byStatus.reviewed ?? 0);
  return `# Corpus statistics\n\n${root}\n\n${s.documents} documents, ${done} done or reviewed (${s.documents ? Math.round((100 * done) / s.documents) : 0}%), ${s.tokens} tokens, ${s.sentences} sentences.\n\n| status | documents |\n|---|---|\n${rows(s.byStatus)}\n\n| label | entities |\n|---|---|\n${rows(s.entitiesByLabel)}\n\n${s.entities} entities, ${s.withRef} with a reference; ${s.rejected} rejected suggestions; ${s.unresolved} unresolved; ${s.unreadable} unreadable sidecars.\n`;
}
