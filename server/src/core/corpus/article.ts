// One article of a corpus with its sidecar, read from disk through the corpus reader (read.ts).
import type { ParsedSidecar } from '../sidecar/parse';
import { type ArticleText, isReadFailure, type ReadFailure, readArticle, readArticleSync, readSidecarFile, readSidecarFileSync, type SidecarFile, sidecarOfArticle } from './read';

export interface LoadedArticle {
  articlePath: string;
  /** '' when the article cannot be read (`articleError` says why). */
  text: string;
  hasBom: boolean;
  sha256: string;
  sidecarPath: string;
  /** Undefined when the article has no sidecar yet. */
  sidecarText?: string;
  parsed?: ParsedSidecar;
  /** Why the article cannot be read: not UTF-8 (the encoding named), binary, a folder, gone. */
  articleError?: ReadFailure['error'];
}

export async function loadArticle(articlePath: string, display = articlePath): Promise<LoadedArticle> {
  const sidecarPath = sidecarOfArticle(articlePath);
  const [article, sidecar] = await Promise.all([readArticle(articlePath, display), readSidecarFile(sidecarPath)]);
  return loaded(articlePath, sidecarPath, article, sidecar);
}

/** loadArticle without the event loop, for a command that reads a whole corpus in turn (see readBytesSync). */
export function loadArticleSync(articlePath: string, display = articlePath): LoadedArticle {
  const sidecarPath = sidecarOfArticle(articlePath);
  return loaded(articlePath, sidecarPath, readArticleSync(articlePath, display), readSidecarFileSync(sidecarPath));
}

function loaded(articlePath: string, sidecarPath: string, article: ArticleText | ReadFailure, sidecar: SidecarFile): LoadedArticle {
  const loaded: LoadedArticle = isReadFailure(article)
    ? { articlePath, text: '', hasBom: false, sha256: '', sidecarPath, articleError: article.error }
    : { articlePath, ...article, sidecarPath };
  if (sidecar.state === 'read') {
    loaded.sidecarText = sidecar.fileText;
    loaded.parsed = sidecar.parsed;
  }
  return loaded;
}
