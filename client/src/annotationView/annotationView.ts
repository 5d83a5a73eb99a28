// Hashiya: Open Annotation View — a right-to-left webview of an article beside its text editor. It keeps no
// annotation state of its own: it shows the per-document state the text editor draws (DocumentStates, fed by the
// server) and turns what the annotator does in it into the server's existing requests and commands
// (hashiya/annotate, hashiya/removeAnnotation, hashiya/relabel, hashiya.server.accept / reject). Undo and redo
// (Ctrl+Z, Ctrl+Shift+Z in the view) are the article's annotation undo and redo, the same as in the text editor.
import * as vscode from 'vscode';
import { AnnotateRequest, type DocumentState, type EntityInfo, LANGUAGE_ID, RelabelRequest, RemoveAnnotationRequest, type SuggestionInfo } from '../../../common/protocol';
import type { CommandContext } from '../commands/context';
import { refusedInRestrictedMode } from '../workspaceTrust';
import { viewHtml } from './viewHtml';

export const VIEW_TYPE = 'hashiya.annotationView';

type LspRange = EntityInfo['range'];
type Mark = (EntityInfo | SuggestionInfo) & { kind?: 'entity' | 'suggestion' };

type FromView =
  | { type: 'ready' }
  | { type: 'rendered'; ms: number; lines: number; version: number }
  | { type: 'annotate'; range: LspRange; label: string }
  | { type: 'accept' | 'reject'; mark: SuggestionInfo }
  | { type: 'relabel'; mark: Mark; newLabel: string }
  | { type: 'remove'; mark: EntityInfo }
  | { type: 'reveal'; range: LspRange }
  | { type: 'undo' | 'redo' };

export class AnnotationViews implements vscode.Disposable {
  private readonly panels = new Map<string, AnnotationPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: CommandContext, private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      ctx.states.onDidChange((state) => this.panels.get(state.uri)?.update()),
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, saved: { uri?: string } | undefined) => {
          if (!saved?.uri) {
            panel.dispose();
            return;
          }
          await this.attach(panel, vscode.Uri.parse(saved.uri));
        },
      }),
    );
  }

  /** Opens (or reveals) the view of the active article, or of `uri`. Resolves with the view once it is showing. */
  async open(uri?: vscode.Uri): Promise<AnnotationPanel | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showWarningMessage('Hashiya: open an article of a corpus first.');
      return undefined;
    }
    const existing = this.panels.get(target.toString());
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Annotation view', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, this.options());
    return this.attach(panel, target);
  }

  /** What the open views last rendered, by article URI (for tests and timing). */
  rendered(uri: vscode.Uri): { ms: number; lines: number; version: number; openedMs?: number } | undefined {
    return this.panels.get(uri.toString())?.lastRender;
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')] };
  }

  private async attach(panel: vscode.WebviewPanel, uri: vscode.Uri): Promise<AnnotationPanel> {
    panel.webview.options = this.options();
    const view = new AnnotationPanel(panel, uri, this.ctx, this.extensionUri);
    this.panels.set(uri.toString(), view);
    panel.onDidDispose(() => {
      this.panels.delete(uri.toString());
      view.dispose();
    });
    await view.start();
    return view;
  }

  dispose(): void {
    this.panels.forEach((p) => p.panel.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}

class AnnotationPanel implements vscode.Disposable {
  lastRender: { ms: number; lines: number; version: number; openedMs?: number } | undefined;
  private readonly opened = Date.now();
  private readonly disposables: vscode.Disposable[] = [];
  private labelsKey = '';
  private ready = false;
  private readyAt = 0;

  constructor(readonly panel: vscode.WebviewPanel, private readonly uri: vscode.Uri, private readonly ctx: CommandContext, private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: FromView) => void this.onMessage(m)),
      // The editor's cursor shown in the view: its line scrolled into sight and marked.
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document.uri.toString() !== this.uri.toString() || !this.ready) return;
        const active = event.selections[0]?.active;
        if (active) void panel.webview.postMessage({ type: 'cursor', line: active.line, character: active.character });
      }),
    );
  }

  async start(): Promise<void> {
    await this.ctx.ready;
    // The server tracks open documents only: opening it (without an editor) makes it send the article's state.
    const document = await vscode.workspace.openTextDocument(this.uri);
    if (document.languageId === 'plaintext') await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID).then(undefined, () => undefined);
    this.panel.title = `Annotation view: ${this.uri.path.split('/').pop()}`;
    this.render();
  }

  private state(): DocumentState | undefined {
    return this.ctx.states.get(this.uri);
  }

  private document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
  }

  /** Sets the page (again when the corpus's labels change, since their colours are part of its style). */
  private render(): void {
    const state = this.state();
    const labels = state?.labels ?? [];
    this.labelsKey = JSON.stringify(labels);
    this.ready = false;
    this.panel.webview.html = viewHtml(this.panel.webview, this.extensionUri, labels);
  }

  /** Posts the state with the text it describes; a state of another version waits for the one that matches. */
  update(): void {
    const state = this.state();
    const document = this.document();
    if (!state || !document) return;
    if (JSON.stringify(state.labels) !== this.labelsKey) {
      this.render();
      return;
    }
    if (!this.ready || state.version !== document.version) return;
    const postedAt = Date.now();
    void this.panel.webview.postMessage({ type: 'state', state, text: document.getText(), postedAt, timeline: { openedAt: this.opened, readyAt: this.readyAt } });
  }

  private async onMessage(message: FromView): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.readyAt = Date.now();
        this.update();
        return;
      case 'rendered':
        this.lastRender = { ms: message.ms, lines: message.lines, version: message.version, ...(this.lastRender ? {} : { openedMs: Date.now() - this.opened }) };
        return;
      case 'reveal':
        this.reveal(message.range);
        return;
      case 'undo':
      case 'redo':
        if (refusedInRestrictedMode()) return;
        await this.run(async () => vscode.commands.executeCommand(message.type === 'undo' ? 'hashiya.undoAnnotation' : 'hashiya.redoAnnotation', this.uri.toString()));
        return;
      default:
        // Every other message changes annotations: refused with the reason in restricted mode.
        if (refusedInRestrictedMode()) return;
        await this.run(() => this.apply(message));
    }
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      void vscode.window.showErrorMessage(`Hashiya: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** One operation through the server's own requests and commands (which keep it for undo). */
  private async apply(message: Exclude<FromView, { type: 'ready' | 'rendered' | 'reveal' | 'undo' | 'redo' }>): Promise<void> {
    const textDocument = { uri: this.uri.toString() };
    const client = this.ctx.client;
    switch (message.type) {
      case 'annotate': {
        await client.sendRequest(AnnotateRequest, { textDocument, range: message.range, label: message.label });
        return;
      }
      case 'accept': {
        const s = message.mark;
        await vscode.commands.executeCommand('hashiya.server.accept', { uri: textDocument.uri, start: s.start, end: s.end, label: s.label, ...(s.ref ? { ref: s.ref } : {}) });
        return;
      }
      case 'reject': {
        const s = message.mark;
        await vscode.commands.executeCommand('hashiya.server.reject', { uri: textDocument.uri, start: s.start, end: s.end, label: s.label, ...(s.ref ? { ref: s.ref } : {}) });
        return;
      }
      case 'relabel': {
        const m = message.mark;
        if (m.kind === 'suggestion') {
          // A suggestion relabelled is accepted under the new label.
          await client.sendRequest(AnnotateRequest, { textDocument, range: m.range, label: message.newLabel });
          return;
        }
        await client.sendRequest(RelabelRequest, { textDocument, range: m.range, label: m.label, newLabel: message.newLabel });
        return;
      }
      case 'remove': {
        const m = message.mark;
        await client.sendRequest(RemoveAnnotationRequest, { textDocument, range: m.range, exact: true, label: m.label });
        return;
      }
    }
  }

  /** Shows the same span in the article's text editor, if one is visible. */
  private reveal(range: LspRange): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    if (!editor) return;
    const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    editor.selection = new vscode.Selection(r.start, r.end);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
