// Helpers for the extension-host tests: condition polling (never fixed sleeps), sidecars on disk, and the
// code-point ⇄ UTF-16 arithmetic the sidecar format needs.
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Calls `probe` until it returns something other than undefined/false (errors count as "not yet"), and returns
 * that. Fails after `timeoutMs` with `what` and the last value or error seen.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let interval = 20; ; interval = Math.min(interval * 2, 250)) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Rejects when `promise` has not settled after `timeoutMs`. */
export function within<T>(what: string, promise: Thenable<T>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms: ${what}`)), timeoutMs);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error: unknown) => { clearTimeout(timer); reject(error); },
    );
  });
}

export interface SidecarEntity {
  start: number;
  end: number;
  label: string;
  text: string;
  ref?: string;
}

export interface Sidecar {
  hashiya: number;
  text: string;
  sha256: string;
  status: string;
  entities: SidecarEntity[];
  rejected: unknown[];
}

export function sidecarPathOf(article: vscode.Uri): string {
  return article.fsPath.replace(/\.txt$/, '.ann.json');
}

/** The sidecar as it is on disk now (throws while it is missing or half-written, which waitFor treats as "not yet"). */
export function readSidecar(file: string): Sidecar {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Sidecar;
}

/** UTF-16 offset of code-point offset `codePoint` in `text`. */
export function utf16Offset(text: string, codePoint: number): number {
  let units = 0;
  let points = 0;
  for (const char of text) {
    if (points === codePoint) return units;
    units += char.length;
    points++;
  }
  if (points === codePoint) return units;
  throw new RangeError(`code point ${codePoint} is past the end of the text (${points} code points)`);
}

/** Code-point offset of UTF-16 offset `units` in `text`. */
export function codePointOffset(text: string, units: number): number {
  return [...text.slice(0, units)].length;
}

/** The characters from code point `start` to `end` (exclusive). */
export function codePointSlice(text: string, start: number, end: number): string {
  return text.slice(utf16Offset(text, start), utf16Offset(text, end));
}

/** The VS Code range of a sidecar entity in `document`. */
export function rangeOfEntity(document: vscode.TextDocument, entity: { start: number; end: number }): vscode.Range {
  const text = document.getText();
  return new vscode.Range(document.positionAt(utf16Offset(text, entity.start)), document.positionAt(utf16Offset(text, entity.end)));
}

export interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** Decodes LSP/VS Code relative semantic token data with its legend. */
export function decodeSemanticTokens(tokens: vscode.SemanticTokens, legend: vscode.SemanticTokensLegend): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  const data = tokens.data;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const modifiers = legend.tokenModifiers.filter((_, bit) => (data[i + 4] & (1 << bit)) !== 0);
    out.push({ line, character, length: data[i + 2], type: legend.tokenTypes[data[i + 3]] ?? `#${data[i + 3]}`, modifiers });
  }
  return out;
}

/** The open document for `uri` (its TextDocument object is replaced when its language changes). */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}
