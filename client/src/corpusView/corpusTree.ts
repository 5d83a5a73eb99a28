// The corpus tree: each corpus of the workspace with its progress ("312 of 1,000 done"), its documents grouped by
// status, and for each document its counts and whether its annotations changed since HEAD. Everything comes
// from the server's corpus index (hashiya/corpusSummaries, hashiya/corpusDocuments); a group's documents are
// asked for only when it is expanded, in one request, so a 10,000-article corpus costs one request per open group.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CorpusChangedNotification, type CorpusDocument, CorpusDocumentsRequest, type CorpusSummary, CorpusSummariesRequest } from '../../../common/corpusView';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../../common/documentStatus';

export type CorpusNode =
  | { kind: 'corpus'; summary: CorpusSummary }
  | { kind: 'group'; summary: CorpusSummary; status: DocumentStatus }
  | { kind: 'document'; document: CorpusDocument; uri: vscode.Uri };

const STATUS_TITLES: Record<DocumentStatus, string> = { todo: 'To do', 'in-progress': 'In progress', done: 'Done', reviewed: 'Reviewed' };
const STATUS_ICONS: Record<DocumentStatus, string> = { todo: 'circle-large-outline', 'in-progress': 'circle-large-filled', done: 'pass', reviewed: 'verified-filled' };
/** How long change notifications are gathered before the tree is read again. */
const REFRESH_DELAY_MS = 250;

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = one + 's') => `${count(n)} ${n === 1 ? one : many}`;

/** "312 of 1,000 done" (done or reviewed) and a ten-step bar of the same share. */
export function progressOf(summary: CorpusSummary): { text: string; bar: string; share: number } {
  const finished = summary.byStatus.done + summary.byStatus.reviewed;
  const share = summary.total === 0 ? 0 : finished / summary.total;
  const filled = Math.round(share * 10);
  return { text: `${count(finished)} of ${count(summary.total)} done`, bar: '█'.repeat(filled) + '░'.repeat(10 - filled), share };
}

export class CorpusTreeProvider implements vscode.TreeDataProvider<CorpusNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CorpusNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient, private readonly ready: Promise<void>) {
    void ready.then(() => this.disposables.push(client.onNotification(CorpusChangedNotification, () => this.refreshSoon())));
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  private refreshSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, REFRESH_DELAY_MS);
  }

  async getChildren(node?: CorpusNode): Promise<CorpusNode[]> {
    await this.ready;
    if (!node) {
      const summaries = await this.client.sendRequest(CorpusSummariesRequest, {});
      return summaries.map((summary) => ({ kind: 'corpus', summary }));
    }
    if (node.kind === 'corpus') return DOCUMENT_STATUSES.map((status) => ({ kind: 'group', summary: node.summary, status }));
    if (node.kind === 'group') {
      const documents = await this.client.sendRequest(CorpusDocumentsRequest, { root: node.summary.root, status: node.status });
      const root = vscode.Uri.file(node.summary.root);
      return documents.map((document) => ({ kind: 'document', document, uri: vscode.Uri.joinPath(root, ...document.path.split('/')) }));
    }
    return [];
  }

  getTreeItem(node: CorpusNode): vscode.TreeItem {
    switch (node.kind) {
      case 'corpus': {
        const s = node.summary;
        const progress = progressOf(s);
        const item = new vscode.TreeItem(vscode.Uri.file(s.root).path.split('/').pop() || s.root, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `corpus:${s.root}`;
        item.description = `${progress.bar} ${progress.text}${s.complete ? '' : ' (indexing…)'}`;
        item.tooltip = new vscode.MarkdownString(
          [`**${s.root}**`, '', `${progress.text} (${Math.round(progress.share * 100)}%)`, '', ...DOCUMENT_STATUSES.map((st) => `- ${STATUS_TITLES[st]}: ${count(s.byStatus[st])}`), '', s.git ? 'In a git repository: ● marks annotations changed since HEAD.' : 'Not in a git repository.'].join('\n'),
        );
        item.iconPath = new vscode.ThemeIcon('library');
        item.contextValue = 'hashiya.corpus';
        return item;
      }
      case 'group': {
        const n = node.summary.byStatus[node.status];
        const item = new vscode.TreeItem(STATUS_TITLES[node.status], n === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `group:${node.summary.root}:${node.status}`;
        item.description = count(n);
        item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[node.status]);
        item.contextValue = 'hashiya.statusGroup';
        return item;
      }
      case 'document': {
        const d = node.document;
        const uri = node.uri;
        const item = new vscode.TreeItem(d.path.split('/').pop() ?? d.path, vscode.TreeItemCollapsibleState.None);
        item.id = `document:${uri.toString()}`;
        item.resourceUri = uri;
        const parts = [plural(d.entities, 'entity', 'entities')];
        if (d.suggestions !== undefined) parts.push(plural(d.suggestions, 'suggestion'));
        if (d.unresolved > 0) parts.push(`${count(d.unresolved)} unresolved`);
        item.description = `${d.changed ? '● ' : ''}${parts.join(' · ')}`;
        const health = d.sidecar === 'corrupt' ? 'The sidecar has errors.' : d.sidecar === 'conflict' ? 'The sidecar has an unfinished merge.' : d.sidecar === 'missing' ? 'No sidecar yet.' : '';
        item.tooltip = [d.path, `${STATUS_TITLES[d.status]} · ${parts.join(' · ')}`, d.changed ? 'Annotations changed since HEAD.' : '', health].filter(Boolean).join('\n');
        item.iconPath = d.sidecar === 'corrupt' ? new vscode.ThemeIcon('error') : d.sidecar === 'conflict' ? new vscode.ThemeIcon('git-merge') : new vscode.ThemeIcon(STATUS_ICONS[d.status]);
        item.contextValue = d.changed ? 'hashiya.document.changed' : 'hashiya.document';
        item.command = { command: 'vscode.open', title: 'Open Article', arguments: [uri] };
        return item;
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.emitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
