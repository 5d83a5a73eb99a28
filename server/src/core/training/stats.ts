// `corpusStats`: documents by status, entities per label, tokens and sentences (cut as export would cut them,
// before entity boundaries split any word), for `hashiya stats` and the corpus view.
import * as path from 'node:path';
import type { CorpusStats } from '../../../../common/training';
import { loadArticle } from '../corpus/article';
import { listArticles, loadCorpusConfig, requireUsableConfig } from '../corpus/load';
import { lineAndColumn, type Problem } from '../sidecar/problems';
import { validateSidecar } from '../sidecar/validate';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../sidecar/types';
import { readTokenizationRecord } from './export';
import { sentenceStarts } from './sentences';
import { baseTokens, splitTokensAt } from './tokenize';
import { CodePointIndex } from '../text/codePoints';
import { throwIfAborted, TOKEN_BREAKS_KEY } from './types';

export type { CorpusStats } from '../../../../common/training';

export interface StatsProblem {
  /** Absolute path of the file the problem is in. */
  file: string;
  line: number;
  column: number;
  problem: Problem;
}

/** The figures, and the errors of the documents left out of them (as `hashiya validate` reports them). */
export interface CorpusStatsReport extends CorpusStats {
  problems: StatsProblem[];
}

export async function corpusStats(root: string, hooks: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<CorpusStatsReport> {
  const loaded = await loadCorpusConfig(path.resolve(root));
  requireUsableConfig(loaded);
  const { config } = loaded;
  const labels = new Set(config.labels.map((l) => l.name));
  const tokenization = readTokenizationRecord(config.extra.tokenization).record;
  const articles = await listArticles(config);
  const stats: CorpusStatsReport = {
    documents: articles.length,
    byStatus: Object.fromEntries(DOCUMENT_STATUSES.map((s) => [s, 0])) as Record<DocumentStatus, number>,
    unreadable: 0,
    problems: [],
    entities: 0,
    // No prototype: a label may be called "constructor" or "__proto__".
    entitiesByLabel: Object.create(null) as Record<string, number>,
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
    const article = await loadArticle(file, path.relative(process.cwd(), file) || file);
    // A document counts only when validate would pass it: invalid entities are not counted as entities.
    const errors: StatsProblem[] = [];
    const add = (at: string, fileText: string, problem: Problem) => {
      if (problem.severity === 'error') errors.push({ file: at, ...lineAndColumn(fileText, problem.offset), problem });
    };
    if (article.articleError) add(file, '', { severity: 'error', message: article.articleError.message, offset: 0, length: 0, code: article.articleError.code });
    else if (article.parsed) {
      for (const p of validateSidecar(article.parsed, { text: article.text, sha256: article.sha256, name: path.basename(file) }, { labels })) add(article.sidecarPath, article.sidecarText!, p);
    }
    if (errors.length > 0) {
      stats.unreadable++;
      for (const e of errors) stats.problems.push(e);
      hooks.onProgress?.(++done, articles.length);
      continue;
    }
    const sidecar = article.parsed?.sidecar;
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
  // Object.fromEntries sets keys with [[DefineOwnProperty]], so a label "__proto__" stays an ordinary key.
  return stats;
}
