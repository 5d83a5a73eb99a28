// The state a client needs to draw a document: labels with colours, entities with ranges, status, health.
import { reviewProgress } from './reviewProgress';
import type { DocumentState, EntityInfo, SuggestionInfo } from '../../../common/protocol';
import type { Entity } from '../core/sidecar/types';
import type { ArticleSnapshot } from '../session/articleSnapshot';

export function entityInfo(article: ArticleSnapshot, entity: Entity): EntityInfo {
  const info: EntityInfo = { range: article.toRange(entity.start, entity.end), start: entity.start, end: entity.end, label: entity.label, text: entity.text };
  if (entity.ref) info.ref = entity.ref;
  return info;
}

/**
 * Infos made once per entity object: annotations are replaced, never changed, and an edit keeps the objects of
 * the entities before it (their place is unchanged), so a keystroke builds infos only for what moved.
 */
const infoCache = new WeakMap<Entity, EntityInfo>();

function cachedEntityInfo(article: ArticleSnapshot, entity: Entity): EntityInfo {
  let info = infoCache.get(entity);
  if (!info) {
    info = entityInfo(article, entity);
    infoCache.set(entity, info);
  }
  return info;
}

export function documentState(article: ArticleSnapshot, suggestions: SuggestionInfo[] = [], seq = 0): DocumentState {
  return {
    uri: article.uri,
    version: article.version,
    seq,
    corpusRoot: article.corpus.root,
    sidecarPath: article.sidecarPath,
    sidecar: article.health,
    status: article.annotations.status,
    labels: article.corpus.labels.map((l) => ({ name: l.name, title: l.title, color: l.color, kind: l.kind })),
    entities: article.annotations.entities.map((e) => cachedEntityInfo(article, e)),
    suggestions,
    unresolved: article.annotations.unresolved.map((e) => (e.ref ? { label: e.label, text: e.text, ref: e.ref } : { label: e.label, text: e.text })),
    review: reviewProgress(article),
    history: article.history,
  };
}
