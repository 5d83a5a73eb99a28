// `corpusStats`: documents by status, entities per label, tokens and sentences (cut as export would cut them,
// before entity boundaries split any word), for `hashiya stats` and the corpus view.
import * as path from 'node:path';
import type { CorpusStats } from '../../../../common/training';
import { loadArticle } from '../corpus/article';
import { listArticles, loadCorpusConfig } from '../corpus/load';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../sidecar/types';
import { readTokenizationRecord } from './export';
import { sentenceStarts } from './sentences';
import { baseTokens, splitTokensAt } from './tokenize';
import { CodePointIndex } from '../text/codePoints';
import { throwIfAborted, TOKEN_BREAKS_KEY } from './types';

export type { CorpusStats } from '../../../../common/training';

export async function corpusStats(root: string, hooks: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<CorpusStats> {
  const { config } = await loadCorpusConfig(path.resolve(root));
  const tokenization = readTokenizationRecord(config.extra.tokenization).record;
  const articles = await listArticles(config);
  const stats: CorpusStats = {
    documents: articles.length,
    byStatus: Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, 0])) as Record<DocumentStatus, number>,
    unreadable: 0,
    entities: 0,
    entitiesByLabel: {},
    withRef: 0,
    rejected: 0,
    unresolved: 0,
    tokens: 0,
    sentences: 0,
    characters: 0,
    tokenization,
  };
  let done = 0;
  for (const file of articles) {
    throwIfAborted(hooks.signal);
    const article = await loadArticle(file);
    const sidecar = article.parsed?.sidecar;
    if (article.parsed && !sidecar) stats.unreadable++;
    stats.byStatus[sidecar?.status ?? 'todo']++;
    for (const e of sidecar?.entities ?? []) {
      stats.entities++;
      stats.entitiesByLabel[e.label] = (stats.entitiesByLabel[e.label] ?? 0) + 1;
      if (e.ref !== undefined) stats.withRef++;
    }
    stats.rejected += sidecar?.rejected.length ?? 0;
    stats.unresolved += sidecar?.unresolved.length ?? 0;
    const index = CodePointIndex.of(article.text);
    stats.characters += index.codePointLength;
    let tokens = baseTokens(article.text, tokenization.tokens);
    const breaks = sidecar?.extra?.[TOKEN_BREAKS_KEY] as { sha256?: string; offsets?: number[] } | undefined;
    if (tokenization.tokens === 'whitespace' && breaks?.sha256 === article.sha256 && Array.isArray(breaks.offsets)) {
      tokens = splitTokensAt(tokens, [...breaks.offsets].sort((a, b) => a - b).map((o) => index.toUtf16(o)));
    }
    stats.tokens += tokens.start.length;
    stats.sentences += Math.max(0, sentenceStarts(article.text, tokens, tokenization.sentences).length - 1);
    hooks.onProgress?.(++done, articles.length);
  }
  stats.entitiesByLabel = Object.fromEntries(Object.entries(stats.entitiesByLabel).sort(([a], [b]) => (a < b ? -1 : 1)));
  return stats;
}
