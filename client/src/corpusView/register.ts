// The corpus maintainer's parts of the extension: the corpus tree view, Compare Annotations with HEAD, Rename Ref
// Across Corpus and Compare Annotators. Wired here so that activation adds one line.
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import { compareAnnotators } from './agreementView';
import { compareWithHead, RENDERED_SCHEME, RenderedAnnotations } from './compareWithHead';
import { type CorpusNode, CorpusTreeProvider } from './corpusTree';
import { renameRefCommand } from './renameRef';
import { writingCommand } from '../workspaceTrust';

export function registerCorpusView(ctx: CommandContext): { disposables: vscode.Disposable[]; tree: CorpusTreeProvider } {
  const tree = new CorpusTreeProvider(ctx.client, ctx.ready);
  const rendered = new RenderedAnnotations(ctx.client, ctx.states);
  const disposables = [
    tree,
    rendered,
    vscode.window.createTreeView('hashiya.corpus', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.workspace.registerTextDocumentContentProvider(RENDERED_SCHEME, rendered),
    vscode.commands.registerCommand('hashiya.refreshCorpusView', () => tree.refresh()),
    // From the editor (no argument: the active article), the explorer (a Uri) or the corpus tree (its node).
    vscode.commands.registerCommand('hashiya.compareWithHead', (target?: vscode.Uri | CorpusNode) =>
      compareWithHead(rendered, ctx.ready, target instanceof vscode.Uri ? target : target?.kind === 'document' ? target.uri : undefined),
    ),
    vscode.commands.registerCommand('hashiya.renameRef', writingCommand((preset?: { newRef?: string; confirm?: boolean }) => renameRefCommand(ctx, preset))),
    vscode.commands.registerCommand('hashiya.compareAnnotators', (dirA?: string, dirB?: string) => compareAnnotators(ctx, dirA, dirB)),
  ];
  return { disposables, tree };
}
