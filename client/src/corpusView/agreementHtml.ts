// The agreement report's page (no VS Code import, so that it is tested as a plain function): the overall and
// per-label precision, recall and F1 for exact and overlap matching, Cohen's kappa over tokens, and each
// disagreement as a link that opens the article of folder A at the place. Colours are the theme's variables;
// the Content-Security-Policy allows nothing remote and only the page's own script and style, by nonce.
import type { AgreementResult, AgreementScores } from '../../../common/corpusView';
import { escapeHtml } from '../webviewHtml';

export const f3 = (x: number) => x.toFixed(3);

function table(title: string, labels: Record<string, AgreementScores>, all: AgreementScores): string {
  const row = (name: string, s: AgreementScores, cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${escapeHtml(name)}</th><td>${f3(s.precision)}</td><td>${f3(s.recall)}</td><td>${f3(s.f1)}</td><td>${s.a}</td><td>${s.b}</td><td>${s.matched}</td></tr>`;
  return `<table><caption>${escapeHtml(title)}</caption>
<thead><tr><th scope="col">label</th><th scope="col">P</th><th scope="col">R</th><th scope="col">F1</th><th scope="col">A</th><th scope="col">B</th><th scope="col">matched</th></tr></thead>
<tbody>${Object.entries(labels)
    .map(([l, s]) => row(l, s))
    .join('')}${row('all', all, 'all')}</tbody></table>`;
}

const KIND_TITLES = { label: 'label differs', boundary: 'boundary differs', 'only-a': 'only in A', 'only-b': 'only in B' } as const;

export function agreementHtml(r: AgreementResult, nonce: string, cspSource: string): string {
  const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `font-src ${cspSource}`].join('; ');
  const kappa = r.kappa === null ? 'undefined (one category only)' : f3(r.kappa);
  const disagreements = r.disagreements
    .map((d, i) => {
      const a = d.a ? `${escapeHtml(d.a.label)} «${escapeHtml(d.a.text)}»` : '—';
      const b = d.b ? `${escapeHtml(d.b.label)} «${escapeHtml(d.b.text)}»` : '—';
      return `<tr><td><a href="#" data-index="${i}">${escapeHtml(d.document)}:${d.range.start.line + 1}</a></td><td>${KIND_TITLES[d.kind]}</td><td dir="auto">${a}</td><td dir="auto">${b}</td><td dir="auto" class="context">${escapeHtml(d.context)}</td></tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Annotator agreement</title>
<style nonce="${nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
caption { text-align: start; font-weight: bold; padding-bottom: 0.3em; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-editorGroup-border)); padding: 0.2em 0.6em; text-align: end; font-variant-numeric: tabular-nums; }
th[scope="row"], td[dir="auto"], td:first-child { text-align: start; }
tr.all { font-weight: bold; }
a { color: var(--vscode-textLink-foreground); }
.context { font-family: var(--vscode-editor-font-family); }
.muted { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<h1>Annotator agreement</h1>
<p>A = <code>${escapeHtml(r.dirA)}</code> (reference), B = <code>${escapeHtml(r.dirB)}</code>; ${r.documents} documents, ${r.tokens.count} tokens.</p>
${table('Exact span match', r.labels, r.overall)}
${table('Overlap span match', r.overlap.labels, r.overlap)}
<p id="kappa">Token-level Cohen's kappa: <strong>${kappa}</strong> <span class="muted">(observed agreement ${f3(r.tokens.observedAgreement)}, expected by chance ${f3(r.tokens.expectedAgreement)})</span></p>
${r.skipped.length > 0 ? `<p class="muted">Not compared:</p><ul class="muted">${r.skipped.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>` : ''}
<h2>Disagreements: ${r.disagreements.length}</h2>
<table><thead><tr><th scope="col">where</th><th scope="col">kind</th><th scope="col">A</th><th scope="col">B</th><th scope="col">in context</th></tr></thead>
<tbody>
${disagreements}
</tbody></table>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-index]');
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ open: Number(link.dataset.index) });
});
</script>
</body>
</html>`;
}
