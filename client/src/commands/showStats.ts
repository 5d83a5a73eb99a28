// Hashiya: Show Corpus Statistics — documents by status, entities per label, pending and unresolved work, with
// bar charts, in a read-only webview (statsView.ts): nothing to save, nothing asks "Save changes?".
import * as vscode from 'vscode';
import { CorpusStatsRequest } from '../../../common/protocol';
import type { CorpusStats } from '../../../common/training';
import { requestWithProgress } from '../serverProgress';
import { pickCorpusRoot } from '../corpusRoot';
import { pendingInOpenArticles, showStatsView } from '../statsView';
import type { CommandContext } from './context';

export async function showStats(ctx: CommandContext, presetRoot?: string): Promise<CorpusStats | undefined> {
  const root = presetRoot ?? (await pickCorpusRoot(ctx.states, 'Corpus statistics'));
  if (!root) return undefined;
  await ctx.ready;
  const stats = await requestWithProgress(ctx.client, CorpusStatsRequest, { root }, 'Hashiya: counting', vscode.ProgressLocation.Window);
  showStatsView(root, stats, pendingInOpenArticles(ctx.states.all(), root));
  return stats;
}
