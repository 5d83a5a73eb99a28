// What every Hashiya webview page needs, in one place: a nonce for its Content-Security-Policy (from the system's
// random source: a nonce that can be guessed lets injected script run) and escaping of text taken from sidecars
// and articles. No VS Code import, so pages built with it are tested as plain functions.
import { randomBytes } from 'node:crypto';

/** A fresh nonce for one page's `script-src` / `style-src` (base64url: safe inside an HTML attribute). */
export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
