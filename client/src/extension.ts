// Activation only: starts the language client and wires commands, decorations and the status bar.
import * as vscode from 'vscode';
import { type DocumentState, DocumentStateDeltaNotification, DocumentStateNotification, DocumentStateRequest } from '../../common/protocol';
import { AnnotationViews } from './annotationView/annotationView';
import { annotateSelection } from './commands/annotateSelection';
import type { CommandContext } from './commands/context';
import { removeAnnotation } from './commands/removeAnnotation';
import { setDocumentStatus } from './commands/setDocumentStatus';
import { exportTrainingData } from './commands/exportTrainingData';
import { importCorpusCommand } from './commands/importCorpus';
import { showStats } from './commands/showStats';
import { onSuggestionAtCursor } from './commands/suggestionAtCursor';
import { adoptCorpusArticles } from './corpusFiles';
import { EntityDecorations } from './decorations';
import { refreshTokensOnSettingChange } from './entityTextColour';
import { DocumentStates } from './documentStates';
import { createLanguageClient } from './languageClient';
import { acceptWithRef } from './acceptWithRef';
import { prompts, type Prompts } from './prompts';
import { ArticleStatusBar } from './statusBar';
import { WorkspaceTrustWatcher, writingCommand } from './workspaceTrust';
import type { CorpusNode } from './corpusView/corpusTree';
import { registerCorpusView } from './corpusView/register';
import { AnnotationHistoryCommands } from './commands/annotationHistory';
import { decideAndNext, goToSuggestion } from './commands/reviewLoop';
import { ArticleOutline } from './outlineRefresh';

export interface HashiyaApi {
  /** Resolves when the language server is running. */
  ready: Promise<void>;
  /** The annotation state of an open article as the server last reported it (what the editor draws). */
  documentState(uri: vscode.Uri): DocumentState | undefined;
  /** How long the annotation view of an article took to render, once it has (open: command to first full render). */
  annotationViewRendered(uri: vscode.Uri): { ms: number; lines: number; version: number; openedMs?: number } | undefined;
  /** The corpus tree's data, as the view shows it. */
  corpusTree: vscode.TreeDataProvider<CorpusNode>;
  /** The entity and suggestion marks last painted on an article's editor (`start:end:label`). */
  paintedMarks(uri: vscode.Uri): { version: number; entities: string[]; suggestions: string[] } | undefined;
  /** The modal questions and quick picks the extension shows (prompts.ts). */
  prompts: Prompts;
}

let stopClient: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): HashiyaApi {
  let commandContext: CommandContext | undefined;
  const client = createLanguageClient(context, acceptWithRef(() => commandContext));
  const states = new DocumentStates((uri) => client.sendRequest(DocumentStateRequest, { textDocument: { uri } }));
  context.subscriptions.push(
    client.onNotification(DocumentStateNotification, (state) => states.set(state)),
    client.onNotification(DocumentStateDeltaNotification, (delta) => states.applyDelta(delta)),
  );
  const ready = client.start();
  stopClient = () => client.stop();
  const ctx: CommandContext = { client, states, ready };
  commandContext = ctx;
  const annotationViews = new AnnotationViews(ctx, context.extensionUri);
  const corpusView = registerCorpusView(ctx);
  context.subscriptions.push(...corpusView.disposables);
  const decorations = new EntityDecorations(states);

  context.subscriptions.push(
    states,
    decorations,
    refreshTokensOnSettingChange(client),
    new ArticleStatusBar(states),
    new WorkspaceTrustWatcher(client, ready),
    adoptCorpusArticles(client, ready),
    vscode.workspace.onDidCloseTextDocument((d) => states.delete(d.uri)),
    vscode.commands.registerCommand('hashiya.annotateSelection', writingCommand((args?: { label?: string; ref?: string }) => annotateSelection(ctx, args))),
    vscode.commands.registerCommand('hashiya.removeAnnotation', writingCommand((args?: { label?: string }) => removeAnnotation(ctx, args))),
    vscode.commands.registerCommand('hashiya.exportTrainingData', writingCommand((preset?: Parameters<typeof exportTrainingData>[1]) => exportTrainingData(ctx, preset))),
    vscode.commands.registerCommand('hashiya.importCorpus', writingCommand((preset?: Parameters<typeof importCorpusCommand>[1]) => importCorpusCommand(ctx, preset))),
    vscode.commands.registerCommand('hashiya.showStats', (root?: string) => showStats(ctx, root)),
    vscode.commands.registerCommand('hashiya.acceptSuggestion', writingCommand(() => onSuggestionAtCursor(ctx, 'accept'))),
    vscode.commands.registerCommand('hashiya.rejectSuggestion', writingCommand(() => onSuggestionAtCursor(ctx, 'reject'))),
    annotationViews,
    new AnnotationHistoryCommands(ctx),
    new ArticleOutline(client, states, ready),
    vscode.commands.registerCommand('hashiya.nextSuggestion', () => goToSuggestion(ctx, 'next')),
    vscode.commands.registerCommand('hashiya.previousSuggestion', () => goToSuggestion(ctx, 'previous')),
    vscode.commands.registerCommand('hashiya.acceptAndNext', writingCommand(() => decideAndNext(ctx, 'accept'))),
    vscode.commands.registerCommand('hashiya.rejectAndNext', writingCommand(() => decideAndNext(ctx, 'reject'))),
    vscode.commands.registerCommand('hashiya.openAnnotationView', async (uri?: vscode.Uri) => Boolean(await annotationViews.open(uri))),
    vscode.commands.registerCommand('hashiya.setDocumentStatus', writingCommand((status?: Parameters<typeof setDocumentStatus>[1]) => setDocumentStatus(ctx, status))),
  );
  return { ready, documentState: (uri) => states.get(uri), annotationViewRendered: (uri) => annotationViews.rendered(uri), corpusTree: corpusView.tree, paintedMarks: (uri) => decorations.paintedOn(uri), prompts };
}

export async function deactivate(): Promise<void> {
  await stopClient?.();
}
