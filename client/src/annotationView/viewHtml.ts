// The annotation view's page: a strict Content-Security-Policy (nothing remote; our script and style by nonce
// only), the label colours of the text editor's marks as CSS per theme kind, and the script that lays the article
// out right to left (dist/annotationView.js, bundled from client/src/annotationView/page/ by esbuild.mjs).
import * as vscode from 'vscode';
import type { LabelInfo } from '../../../common/protocol';
import { confirmedStyle, suggestionStyle } from '../entityStyle';
import { newNonce } from '../webviewHtml';

export interface PageOptions {
  /** When the view was asked for (ms since the epoch): the page reports its first screen against it. */
  openedAt: number;
  /** hashiya.annotationView.lineHeight: the page's own choice (+/−, kept in its state) wins over it. */
  lineHeight: number;
}

export function viewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, labels: readonly LabelInfo[], options: PageOptions): string {
  const nonce = newNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'annotationView.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'annotationView.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="ar">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<style id="label-style" nonce="${nonce}">${labelCss(labels)}</style>
<title>Hashiya annotation view</title>
</head>
<body data-opened-at="${options.openedAt}" data-line-height="${options.lineHeight}">
<div id="toolbar" role="toolbar" aria-label="Annotation view">
  <span id="summary" role="status" aria-live="polite"></span>
  <span class="controls" dir="ltr">
    <button type="button" data-setting="fontSize" data-step="-2" aria-label="Smaller text">A−</button>
    <button type="button" data-setting="fontSize" data-step="2" aria-label="Larger text">A+</button>
    <button type="button" data-setting="lineHeight" data-step="-0.2" aria-label="Less line height">↕−</button>
    <span id="line-height-value" aria-label="Line height"></span>
    <button type="button" data-setting="lineHeight" data-step="0.2" aria-label="More line height">↕+</button>
  </span>
  <span class="keys" dir="ltr">select with the mouse or Shift+←/→, then 1–9 to label · C choose a reference · J/K next/previous suggestion · A accept · R reject · L relabel · Delete remove · Ctrl+Z undo · Ctrl+Shift+Z redo · +/− size · [/] line height</span>
</div>
<section id="unresolved" aria-label="Unresolved annotations" hidden></section>
<main id="article" role="document" aria-label="Article" lang="ar"></main>
<div id="picker" role="listbox" aria-label="Label" hidden></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** One rule per label and theme kind: the same hues and border styles as the text editor's marks. */
export function labelCss(labels: readonly LabelInfo[]): string {
  const rules: string[] = [];
  labels.forEach((label, index) => {
    const name = cssString(label.name);
    const confirmed = confirmedStyle(label.color, index);
    const suggested = suggestionStyle(label.color);
    for (const [kind, selector] of [['dark', 'body.vscode-dark, body.vscode-high-contrast:not(.vscode-high-contrast-light)'], ['light', 'body.vscode-light, body.vscode-high-contrast-light']] as const) {
      const scope = selector.split(', ');
      const c = confirmed[kind];
      const s = suggested[kind];
      rules.push(`${scope.map((b) => `${b} .mark.entity[data-label="${name}"]`).join(', ')} { background-color: ${c.backgroundColor}; border: ${confirmed.borderWidth} ${confirmed.borderStyle} ${c.borderColor}; }`);
      rules.push(`${scope.map((b) => `${b} .mark.suggestion[data-label="${name}"]`).join(', ')} { border: 1px dashed ${s.borderColor}; }`);
      rules.push(`${scope.map((b) => `${b} .mark[data-label="${name}"]::before`).join(', ')} { color: ${c.borderColor}; }`);
    }
  });
  return rules.join('\n');
}

function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
