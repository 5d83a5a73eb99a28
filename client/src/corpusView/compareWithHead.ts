// Compare Annotations with HEAD: a diff editor of two read-only virtual documents, the article's annotations
// rendered inline (`[البطحاء]{LOC}`, as `hashiya render` prints them) as committed at HEAD and as the editor has
// them now, unsaved edits included. The server renders both (hashiya/renderAnnotations); the "now" side follows
// the article's annotation state as it changes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type RenderAnnotationsResult, RenderAnnotationsRequest } from '../../../common/corpusView';
import type { DocumentStates } from '../documentStates';

export const RENDERED_SCHEME = 'hashiya-rendered';

type Side = 'HEAD' | 'now';
const RERENDER_DELAY_MS = 200;

/** The virtual document of one side: the article's path (for the tab title) with the article and side in the query. */
export function renderedUri(article: vscode.Uri, side: Side): vscode.Uri {
  const name = article.path.split('/').pop() ?? 'article';
  return vscode.Uri.from({ scheme: RENDERED_SCHEME, path: `/${name} (${side === 'HEAD' ? 'HEAD' : 'annotations'})`, query: new URLSearchParams({ article: article.toString(), side }).toString() });
}

export class RenderedAnnotations implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  /** Open "now" documents by article, to refresh when the article's annotations change. */
  private readonly live = new Map<string, vscode.Uri>();
  private readonly subscription: vscode.Disposable;
  private readonly closing: vscode.Disposable;
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly client: LanguageClient, states: DocumentStates) {
    // Typing changes the state at every keystroke: the side is rendered again once typing pauses.
    this.subscription = states.onDidChange((state) => {
      const shown = this.live.get(state.uri);
      if (!shown || this.timers.has(state.uri)) return;
      this.timers.set(
        state.uri,
        setTimeout(() => {
          this.timers.delete(state.uri);
          this.emitter.fire(shown);
        }, RERENDER_DELAY_MS),
      );
    });
    // A closed diff no longer follows its article.
    this.closing = vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme !== RENDERED_SCHEME) return;
      for (const [article, shown] of this.live) if (shown.toString() === document.uri.toString()) this.live.delete(article);
    });
  }

  /** The server's rendering of one side (with its note when there is nothing to show). */
  render(article: vscode.Uri, side: Side): Promise<RenderAnnotationsResult> {
    return Promise.resolve(this.client.sendRequest(RenderAnnotationsRequest, side === 'HEAD' ? { uri: article.toString(), revision: 'HEAD' } : { uri: article.toString() }));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const query = new URLSearchParams(uri.query);
    const article = vscode.Uri.parse(query.get('article') ?? '');
    const side = query.get('side') === 'HEAD' ? 'HEAD' : 'now';
    if (side === 'now') this.live.set(article.toString(), uri);
    return (await this.render(article, side)).text;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.subscription.dispose();
    this.closing.dispose();
    this.emitter.dispose();
  }
}

/** Opens the diff editor for `article` (the active one by default); resolves to whether it opened. */
export async function compareWithHead(rendered: RenderedAnnotations, ready: Promise<void>, article?: vscode.Uri): Promise<boolean> {
  const target = article ?? vscode.window.activeTextEditor?.document.uri;
  if (!target || target.scheme !== 'file') {
    void vscode.window.showWarningMessage('Hashiya: open an article of a corpus to compare its annotations with HEAD.');
    return false;
  }
  await ready;
  let head: RenderAnnotationsResult;
  try {
    head = await rendered.render(target, 'HEAD');
  } catch (error) {
    void vscode.window.showErrorMessage(`Hashiya: ${(error as Error).message}`);
    return false;
  }
  if (head.reason === 'not-git' || head.reason === 'corrupt') {
    void vscode.window.showWarningMessage(`Hashiya: ${head.note}`);
    return false;
  }
  // A sidecar new since HEAD is compared with an empty document, and said so.
  if (head.note) void vscode.window.showInformationMessage(`Hashiya: ${head.note}; compared with an empty document.`);
  const name = target.path.split('/').pop();
  await vscode.commands.executeCommand('vscode.diff', renderedUri(target, 'HEAD'), renderedUri(target, 'now'), `${name}: annotations (HEAD ↔ now)`, { preview: false });
  return true;
}
