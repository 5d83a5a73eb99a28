// What the server runs with, by the workspace's trust. An untrusted workspace (VS Code's restricted mode) is
// shown, never changed, and gets no say in what the server runs or reads beyond its articles and sidecars:
// - its files are read-only (session/restrictedFiles.ts): no sidecar, lock, debris removal, export or import;
// - no text history: the cache would be written, and git, run in the corpus, obeys the workspace's own
//   configuration (hooks, filters, fsmonitor) — a way to run commands;
// - only the built-in gazetteer: files named by hashiya.json are workspace-controlled input.
import type { CorpusConfig } from '../core/corpus/config';
import type { EntityIndex } from '../core/corpus/entityIndex';
import { defaultTextCacheFolder, GitHistory, historyChain, TextCache, type TextHistory } from '../core/annotations/textHistory';
import type { TrustOptions } from '../../../common/restrictedMode';
import { restrictedSessionFiles } from '../session/restrictedFiles';
import { nodeSessionFiles, type SessionFiles } from '../session/sessionFiles';
import type { KnowledgeProvider, TextMatcher } from '../workspace/knowledge';

export interface TrustedParts {
  files: SessionFiles;
  history: TextHistory;
  knowledge: KnowledgeProvider;
}

/** Whether the client said the workspace is trusted (a client that says nothing knows no trust: trusted). */
export function isTrusted(initializationOptions: unknown): boolean {
  const options = initializationOptions as TrustOptions | null | undefined;
  return !(options && typeof options === 'object' && options.trusted === false);
}

export function partsFor(trusted: boolean, knowledge: KnowledgeProvider): TrustedParts {
  if (trusted) return { files: nodeSessionFiles, history: historyChain(new TextCache(defaultTextCacheFolder()), new GitHistory()), knowledge };
  return { files: restrictedSessionFiles, history: NO_HISTORY, knowledge: new BuiltinOnlyKnowledge(knowledge) };
}

/** Finds no earlier text and keeps none: sidecars are re-anchored by searching their words. */
const NO_HISTORY: TextHistory = {
  find: async () => undefined,
  remember: async () => undefined,
};

/** A corpus's knowledge without the gazetteers its configuration names: the built-in one and corpus memory. */
class BuiltinOnlyKnowledge implements KnowledgeProvider {
  constructor(private readonly inner: KnowledgeProvider) {}

  matcherFor(config: CorpusConfig, corpus: EntityIndex | undefined): Promise<TextMatcher> {
    return this.inner.matcherFor(withoutWorkspaceGazetteers(config), corpus);
  }

  corpusChanged(config: CorpusConfig, corpus: EntityIndex): void {
    this.inner.corpusChanged?.(withoutWorkspaceGazetteers(config), corpus);
  }
}

function withoutWorkspaceGazetteers(config: CorpusConfig): CorpusConfig {
  return { ...config, gazetteers: [] };
}
