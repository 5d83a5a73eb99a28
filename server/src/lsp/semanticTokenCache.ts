// Semantic tokens with deltas (LSP 3.16 textDocument/semanticTokens/full/delta): the client keeps the previous
// result and receives only the edits to it, so a keystroke on a large article costs a few integers instead of
// every token of the document.
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit } from 'vscode-languageserver';

export class SemanticTokenCache {
  private readonly previous = new Map<string, { resultId: string; data: number[] }>();
  private next = 0;

  full(uri: string, data: number[]): SemanticTokens {
    const resultId = String(++this.next);
    this.previous.set(uri, { resultId, data });
    return { resultId, data };
  }

  delta(uri: string, previousResultId: string, data: number[]): SemanticTokens | SemanticTokensDelta {
    const previous = this.previous.get(uri);
    if (!previous || previous.resultId !== previousResultId) return this.full(uri, data);
    const resultId = String(++this.next);
    this.previous.set(uri, { resultId, data });
    return { resultId, edits: diff(previous.data, data) };
  }

  forget(uri: string): void {
    this.previous.delete(uri);
  }
}

/** One edit replacing the middle that differs (common prefix and suffix kept). */
function diff(before: number[], after: number[]): SemanticTokensEdit[] {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  if (prefix === before.length && prefix === after.length) return [];
  return [{ start: prefix, deleteCount: before.length - prefix - suffix, data: after.slice(prefix, after.length - suffix) }];
}
