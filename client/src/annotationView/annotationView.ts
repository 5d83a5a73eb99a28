// Hashiya: Open Annotation View — a right-to-left webview of an article beside its text editor. It keeps no
// annotation state of its own: it shows the per-document state the text editor draws (DocumentStates, fed by the
// server) and turns what the annotator does in it into the server's existing requests and commands
// (hashiya/annotate, hashiya/removeAnnotation, hashiya/relabel, hashiya/candidates, hashiya.server.accept /
// reject). The page gets the article once and then edits and deltas (pageFeed.ts). Undo and redo (Ctrl+Z,
// Ctrl+Shift+Z in the view) are the article's annotation undo and redo, the same as in the text editor.
import * as vscode from 'vscode';
import { AnnotateRequest, type CandidateInfo, CandidatesRequest, type DocumentState, type EntityInfo, LANGUAGE_ID, RelabelRequest, RemoveAnnotationRequest, type SuggestionInfo } from '../../../common/protocol';
import type { CommandContext } from '../commands/context';
import { refusedInRestrictedMode } from '../workspaceTrust';
import { PageFeed } from './pageFeed';
import { labelCss, viewHtml } from './viewHtml';

export const VIEW_TYPE = 'hashiya.annotationView';
const LINE_HEIGHT_SETTING = 'hashiya.annotationView.lineHeight';

type LspRange = EntityInfo['range'];
type Mark = (EntityInfo | SuggestionInfo) & { kind?: 'entity' | 'suggestion' };
/** What a reference is chosen for: a new annotation (its range and label), or a box of the view. */
type RefTarget = { kind: 'new'; range: LspRange; label: string } | { kind: 'entity' | 'suggestion'; mark: Mark; label: string };

type FromView =
  | { type: 'ready' }
  | { type: 'painted'; firstScreenMs: number; openInPageMs: number; lines: number; boxes: number }
  | { type: 'rendered'; ms: number; lines: number; version: number }
  | { type: 'resync' }
  | { type: 'annotate'; range: LspRange; label: string }
  | { type: 'refChoices'; kind: 'entity' | 'suggestion'; mark: Mark }
  | { type: 'chooseRef'; target: RefTarget; candidate?: CandidateInfo }
  | { type: 'accept' | 'reject'; mark: SuggestionInfo }
  | { type: 'relabel'; mark: Mark; newLabel: string }
  | { type: 'remove'; mark: EntityInfo }
  | { type: 'reveal'; range: LspRange }
  | { type: 'undo' | 'redo' };


export interface ViewTimeline {
  /** From the command to the first screen painted with its boxes, measured by the page. */
  firstScreenMs?: number;
  /** Last render: when (ms after the command), how many lines, which version. */
  ms: number;
  lines: number;
  version: number;
  openedMs?: number;
}

export class AnnotationViews implements vscode.Disposable {
  private readonly panels = new Map<string, AnnotationPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: CommandContext, private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      ctx.states.onDidChange((state) => this.panels.get(state.uri)?.stateChanged(state)),
      vscode.workspace.onDidChangeTextDocument((event) => this.panels.get(event.document.uri.toString())?.textChanged(event)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(LINE_HEIGHT_SETTING)) this.panels.forEach((p) => p.settingsChanged());
      }),
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, saved: { uri?: string } | undefined) => {
          if (!saved?.uri) {
            panel.dispose();
            return;
          }
          await this.attach(panel, vscode.Uri.parse(saved.uri), Date.now());
        },
      }),
    );
  }

  /** Opens (or reveals) the view of the active article, or of `uri`. Resolves with the view once it is showing. */
  async open(uri?: vscode.Uri): Promise<AnnotationPanel | undefined> {
    const openedAt = Date.now();
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
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, `Annotation view: ${target.path.split('/').pop()}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, this.options());
    return this.attach(panel, target, openedAt);
  }

  /** What the open views last rendered, by article URI (for tests and timing). */
  rendered(uri: vscode.Uri): ViewTimeline | undefined {
    return this.panels.get(uri.toString())?.lastRender;
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')] };
  }

  private async attach(panel: vscode.WebviewPanel, uri: vscode.Uri, openedAt: number): Promise<AnnotationPanel> {
    panel.webview.options = this.options();
    const view = new AnnotationPanel(panel, uri, this.ctx, this.extensionUri, openedAt);
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

/** How long the page may take to paint its first screen before it gets the rest anyway (a hidden page paints late). */
const PAINT_WAIT_MS = 1000;

class AnnotationPanel implements vscode.Disposable {
  lastRender: ViewTimeline | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly feed: PageFeed;
  private labelsKey = '';
  private pageReady = false;
  private documentOpen = false;
  private firstScreenMs: number | undefined;
  private paintTimer: NodeJS.Timeout | undefined;

  constructor(readonly panel: vscode.WebviewPanel, private readonly uri: vscode.Uri, private readonly ctx: CommandContext, extensionUri: vscode.Uri, private readonly openedAt: number) {
    this.feed = new PageFeed((message) => void panel.webview.postMessage(message), (state) => ctx.states.deltaTo(state));
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: FromView) => void this.onMessage(m)),
      // The editor's cursor shown in the view: its line scrolled into sight and marked.
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document.uri.toString() !== this.uri.toString() || !this.feed.started) return;
        const active = event.selections[0]?.active;
        if (active) void panel.webview.postMessage({ type: 'cursor', line: active.line, character: active.character });
      }),
    );
    // The page starts loading at once, while the document is made ready for it.
    const labels = this.state()?.labels ?? [];
    this.labelsKey = JSON.stringify(labels);
    panel.webview.html = viewHtml(panel.webview, extensionUri, labels, { openedAt, lineHeight: lineHeightSetting() });
  }

  async start(): Promise<void> {
    await this.ctx.ready;
    // The server tracks open documents only: opening it (without an editor) makes it send the article's state.
    const document = await vscode.workspace.openTextDocument(this.uri);
    if (document.languageId === 'plaintext') await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID).then(undefined, () => undefined);
    this.documentOpen = true;
    this.tryOpen();
  }

  private state(): DocumentState | undefined {
    return this.ctx.states.get(this.uri);
  }

  private document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
  }

  /** The first screen, once the page has loaded and the state of the document's current version is here. */
  private tryOpen(): void {
    if (this.feed.started || !this.pageReady || !this.documentOpen) return;
    const state = this.state();
    const document = this.document();
    if (!state || !document || state.version !== document.version) return;
    this.postLabels(state);
    this.feed.open(document.getText(), state);
    this.paintTimer = setTimeout(() => this.feed.completeOpen(this.state()), PAINT_WAIT_MS);
  }

  stateChanged(state: DocumentState): void {
    if (!this.feed.started) {
      this.tryOpen();
      return;
    }
    this.postLabels(state);
    this.feed.stateChanged(state);
  }

  textChanged(event: vscode.TextDocumentChangeEvent): void {
    this.feed.textChanged(event);
  }

  settingsChanged(): void {
    void this.panel.webview.postMessage({ type: 'settings', lineHeight: lineHeightSetting() });
  }

  /** The label colours again when the corpus's labels changed (they are part of the page's style). */
  private postLabels(state: DocumentState): void {
    const key = JSON.stringify(state.labels);
    if (key === this.labelsKey) return;
    this.labelsKey = key;
    void this.panel.webview.postMessage({ type: 'labels', css: labelCss(state.labels) });
  }

  private async onMessage(message: FromView): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.pageReady = true;
        this.tryOpen();
        return;
      case 'painted':
        this.firstScreenMs = message.firstScreenMs;
        clearTimeout(this.paintTimer);
        this.feed.completeOpen(this.state());
        return;
      case 'rendered':
        this.lastRender = { ms: message.ms, lines: message.lines, version: message.version, firstScreenMs: this.firstScreenMs, ...(this.lastRender ? { openedMs: this.lastRender.openedMs } : { openedMs: Date.now() - this.openedAt }) };
        return;
      case 'resync': {
        const state = this.state();
        const document = this.document();
        if (state && document && state.version === document.version) this.feed.resync(document.getText(), state);
        return;
      }
      case 'reveal':
        this.reveal(message.range);
        return;
      case 'undo':
      case 'redo':
        if (refusedInRestrictedMode()) return;
        await this.run(async () => vscode.commands.executeCommand(message.type === 'undo' ? 'hashiya.undoAnnotation' : 'hashiya.redoAnnotation', this.uri.toString()));
        return;
      case 'annotate':
        if (refusedInRestrictedMode()) return;
        await this.run(() => this.annotateOrChoose(message.range, message.label));
        return;
      case 'refChoices':
        if (refusedInRestrictedMode()) return;
        await this.run(() => this.offerRefs({ kind: message.kind, mark: message.mark, label: message.mark.label }, message.mark.range, message.mark.text, true));
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

  /** The knowledge-base entries of `label` for a span, one per reference, best first (the server's ranking). */
  private async candidates(range: LspRange, label: string): Promise<CandidateInfo[]> {
    const all = await this.ctx.client.sendRequest(CandidatesRequest, { textDocument: { uri: this.uri.toString() }, range, limit: 20 }).catch(() => [] as CandidateInfo[]);
    const seen = new Set<string>();
    return all.filter((c) => c.label === label && c.ref && !seen.has(c.ref) && Boolean(seen.add(c.ref)));
  }

  /** A new annotation: with several knowledge-base entries to tell apart, the page asks which one first. */
  private async annotateOrChoose(range: LspRange, label: string): Promise<void> {
    const text = this.document()?.getText(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character)) ?? '';
    if (await this.offerRefs({ kind: 'new', range, label }, range, text, false)) return;
    await this.apply({ type: 'chooseRef', target: { kind: 'new', range, label } });
  }

  /** Posts the choice of references for a target; false (nothing posted) when there are fewer than `always` ? 1 : 2. */
  private async offerRefs(target: RefTarget, range: LspRange, text: string, always: boolean): Promise<boolean> {
    const candidates = await this.candidates(range, target.label);
    if (candidates.length < (always ? 1 : 2)) {
      if (always) void vscode.window.setStatusBarMessage(`Hashiya: no ${target.label} entry of the knowledge base for «${text}»`, 3000);
      return false;
    }
    await this.panel.webview.postMessage({ type: 'refChoices', target, text, candidates });
    return true;
  }

  /** One operation through the server's own requests and commands (which keep it for undo). */
  private async apply(message: Exclude<FromView, { type: 'ready' | 'painted' | 'rendered' | 'resync' | 'reveal' | 'undo' | 'redo' | 'annotate' | 'refChoices' }>): Promise<void> {
    const textDocument = { uri: this.uri.toString() };
    const client = this.ctx.client;
    switch (message.type) {
      case 'chooseRef': {
        const { target, candidate } = message;
        const ref = candidate?.ref;
        if (target.kind === 'entity') {
          const m = target.mark;
          await client.sendRequest(RelabelRequest, { textDocument, range: m.range, label: m.label, ref: ref ?? null });
          return;
        }
        // A new annotation, or a suggestion accepted with the chosen reference; a candidate found after a
        // proclitic annotates the name only (its own range), as Annotate Selection does.
        const range = target.kind === 'new' ? (candidate?.range ?? target.range) : target.mark.range;
        await client.sendRequest(AnnotateRequest, { textDocument, range, label: target.label, ...(ref ? { ref } : {}) });
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
    clearTimeout(this.paintTimer);
    this.disposables.forEach((d) => d.dispose());
  }
}

function lineHeightSetting(): number {
  const value = vscode.workspace.getConfiguration().get<number>(LINE_HEIGHT_SETTING, 2.6);
  return Number.isFinite(value) && value >= 1 && value <= 5 ? value : 2.6;
}
