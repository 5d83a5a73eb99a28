// Corpus statistics in a read-only webview: the figures (documents by status, entities by label, references,
// rejected, unresolved, pending suggestions of the open articles) and bar charts of statuses and labels drawn as
// inline SVG. Nothing remote and no script: the Content-Security-Policy allows only our nonce'd stylesheet, and
// colours come from the theme's variables. One panel per corpus, refreshed when the command runs again.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusStats } from '../../common/training';
import { DOCUMENT_STATUSES, type DocumentState } from '../../common/protocol';
import { escapeHtml, newNonce } from './webviewHtml';

export const STATS_VIEW_TYPE = 'hashiya.statistics';
const panels = new Map<string, vscode.WebviewPanel>();

/** Pending suggestions (one per span and label) of the open articles of a corpus. */
export function pendingInOpenArticles(states: readonly DocumentState[], root: string): { articles: number; pending: number } {
  let pending = 0;
  let articles = 0;
  for (const s of states) {
    if (path.resolve(s.corpusRoot) !== path.resolve(root)) continue;
    articles++;
    pending += new Set(s.suggestions.map((x) => `${x.start}-${x.end}|${x.label}`)).size;
  }
  return { articles, pending };
}

export function showStatsView(root: string, stats: CorpusStats, open: { articles: number; pending: number }): vscode.WebviewPanel {
  let panel = panels.get(root);
  if (!panel) {
    panel = vscode.window.createWebviewPanel(STATS_VIEW_TYPE, `Statistics: ${path.basename(root)}`, vscode.ViewColumn.Active, { enableScripts: false, localResourceRoots: [] });
    panels.set(root, panel);
    panel.onDidDispose(() => panels.delete(root));
  } else panel.reveal();
  panel.webview.html = statsHtml(root, stats, open, newNonce());
  return panel;
}


/** Horizontal bars, one per row, longest row the full width; the counts written beside them. */
function bars(rows: ReadonlyArray<[string, number]>, title: string): string {
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const rowHeight = 24;
  const width = 320;
  const body = rows
    .map(([name, n], i) => {
      const y = i * rowHeight;
      const w = Math.round((width * n) / max);
      return `<text x="0" y="${y + 16}" class="name">${escapeHtml(name)}</text><rect x="110" y="${y + 4}" width="${w}" height="16" class="bar bar${i % 6}"><title>${escapeHtml(name)}: ${n}</title></rect><text x="${116 + w}" y="${y + 16}" class="count">${n}</text>`;
    })
    .join('');
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg role="img" aria-label="${escapeHtml(title)}" width="${width + 180}" height="${Math.max(1, rows.length) * rowHeight}" xmlns="http://www.w3.org/2000/svg">${body}</svg></figure>`;
}

function table(rows: ReadonlyArray<[string, number | string]>, head: [string, string]): string {
  return `<table><thead><tr><th>${escapeHtml(head[0])}</th><th>${escapeHtml(head[1])}</th></tr></thead><tbody>${rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td class="num">${escapeHtml(String(v))}</td></tr>`).join('')}</tbody></table>`;
}

export function statsHtml(root: string, s: CorpusStats, open: { articles: number; pending: number }, nonce: string): string {
  const statuses: Array<[string, number]> = DOCUMENT_STATUSES.map((st) => [st, s.byStatus[st] ?? 0]);
  const labels: Array<[string, number]> = Object.entries(s.entitiesByLabel).sort((a, b) => b[1] - a[1]);
  const finished = (s.byStatus.done ?? 0) + (s.byStatus.reviewed ?? 0);
  const percent = s.documents ? Math.round((100 * finished) / s.documents) : 0;
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'none'; script-src 'none'`;
  const figures: Array<[string, number | string]> = [
    ['documents', s.documents],
    ['done or reviewed', `${finished} (${percent}%)`],
    ['entities', s.entities],
    ['with a reference', s.withRef],
    ['rejected suggestions', s.rejected],
    ['unresolved annotations', s.unresolved],
    [`suggestions pending (${open.articles} open article${open.articles === 1 ? '' : 's'})`, open.pending],
    ['unreadable sidecars', s.unreadable],
    ['tokens', s.tokens],
    ['sentences', s.sentences],
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 1.5em; }
h1 { font-size: 1.4em; font-weight: 600; }
.root { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { text-align: start; padding: 0.2em 1em 0.2em 0; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
figure { margin: 0 0 1.5em; }
figcaption { font-weight: 600; margin-bottom: 0.4em; }
svg text { fill: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: 12px; }
svg text.count { fill: var(--vscode-descriptionForeground); }
.bar0 { fill: var(--vscode-charts-blue); } .bar1 { fill: var(--vscode-charts-green); } .bar2 { fill: var(--vscode-charts-orange); }
.bar3 { fill: var(--vscode-charts-purple); } .bar4 { fill: var(--vscode-charts-red); } .bar5 { fill: var(--vscode-charts-yellow); }
.charts { display: flex; flex-wrap: wrap; gap: 2em; }
</style>
<title>Hashiya statistics</title>
</head>
<body>
<h1>Corpus statistics</h1>
<p class="root">${escapeHtml(root)}</p>
${table(figures, ['', 'count'])}
<div class="charts">
${bars(statuses, 'Documents by status')}
${bars(labels, 'Entities by label')}
</div>
</body>
</html>`;
}
