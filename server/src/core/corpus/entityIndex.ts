// Every confirmed entity of a corpus, by article: what hover counts ("occurs 14 times in 6 articles"), what
// workspace symbols and references search, and what corpus memory learns surface forms from. Pure: the caller
// feeds it sidecars as it reads them and as they change.
import type { Entity } from '../sidecar/types';

export interface IndexedEntity extends Entity {
  /** Absolute path of the article. */
  article: string;
}

export interface Occurrences {
  count: number;
  articles: number;
}

/** Where entities of one text (or one ref) occur: articles and entities side by side, no object per occurrence. */
interface Occurring {
  /** Lower-cased text or ref, what a query is looked for in. */
  haystack: string;
  articles: string[];
  entities: Entity[];
}

/**
 * The distinct texts and refs of the corpus with their occurrences: a search scans the distinct forms (tens of
 * thousands in a corpus of hundreds of thousands of entities) instead of every entity, and lower-cases nothing.
 */
interface SearchIndex {
  texts: Map<string, Occurring>;
  refs: Map<string, Occurring>;
}

export class EntityIndex {
  private readonly byArticle = new Map<string, readonly Entity[]>();
  private changes = 0;
  /** Built on the first search, then kept up to date article by article. */
  private searchIndex: SearchIndex | undefined;

  /** Counts the changes: what is derived from the index (usage by surface form) is kept until it moves on. */
  get generation(): number {
    return this.changes;
  }

  /** Replaces what is known of one article (an empty list or undefined forgets it). */
  set(article: string, entities: readonly Entity[] | undefined): void {
    this.changes++;
    if (this.searchIndex) {
      const before = this.byArticle.get(article);
      if (before) for (const e of before) forget(this.searchIndex, e);
      if (entities) for (const e of entities) remember(this.searchIndex, article, e);
    }
    if (!entities || entities.length === 0) this.byArticle.delete(article);
    else this.byArticle.set(article, entities);
  }

  /** The entities known of one article (none when it has no sidecar or no entity). */
  entitiesOf(article: string): readonly Entity[] {
    return this.byArticle.get(article) ?? [];
  }

  get articleCount(): number {
    return this.byArticle.size;
  }

  *entities(): Iterable<IndexedEntity> {
    for (const [article, list] of this.byArticle) for (const e of list) yield { ...e, article };
  }

  /**
   * Entities with this ref, or without a ref but with this label and text; `normalize` (the corpus's matching
   * normalisation) makes texts that differ only in diacritics, alef forms and the like the same surface form.
   */
  find(target: { ref?: string; label: string; text: string }, normalize?: (text: string) => string): IndexedEntity[] {
    const out: IndexedEntity[] = [];
    // Surface forms repeat across a corpus: each distinct text is normalised once per search.
    const seen = new Map<string, string>();
    const form = (text: string) => {
      if (!normalize) return text;
      let n = seen.get(text);
      if (n === undefined) seen.set(text, (n = normalize(text)));
      return n;
    };
    const wanted = form(target.text);
    for (const e of this.entities()) {
      if (target.ref ? e.ref === target.ref : !e.ref && e.label === target.label && form(e.text) === wanted) out.push(e);
    }
    return out.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start));
  }

  occurrences(target: { ref?: string; label: string; text: string }): Occurrences {
    const found = this.find(target);
    return { count: found.length, articles: new Set(found.map((e) => e.article)).size };
  }

  /**
   * Entities whose text or ref contains `query` (case-insensitive), at most `limit`: every occurrence of the first
   * matching texts, then of the matching refs (an entity found by both is listed once).
   */
  search(query: string, limit = 500): IndexedEntity[] {
    const q = query.toLowerCase();
    const index = (this.searchIndex ??= this.buildSearchIndex());
    const out: IndexedEntity[] = [];
    const listed = new Set<Entity>();
    for (const forms of [index.texts, index.refs]) {
      for (const form of forms.values()) {
        if (!form.haystack.includes(q)) continue;
        for (let k = 0; k < form.entities.length; k++) {
          const e = form.entities[k];
          if (listed.has(e)) continue;
          listed.add(e);
          out.push({ ...e, article: form.articles[k] });
          if (out.length >= limit) return out;
        }
      }
    }
    return out;
  }

  private buildSearchIndex(): SearchIndex {
    const index: SearchIndex = { texts: new Map(), refs: new Map() };
    for (const [article, list] of this.byArticle) for (const e of list) remember(index, article, e);
    return index;
  }

  /** Surface forms with their label and ref, and how often each was confirmed: the corpus's own knowledge. */
  surfaceForms(): Array<{ text: string; label: string; ref?: string; count: number }> {
    const counts = new Map<string, { text: string; label: string; ref?: string; count: number }>();
    for (const e of this.entities()) {
      const key = `${e.text}\u0000${e.label}\u0000${e.ref ?? ''}`;
      const seen = counts.get(key);
      if (seen) seen.count++;
      else counts.set(key, e.ref ? { text: e.text, label: e.label, ref: e.ref, count: 1 } : { text: e.text, label: e.label, count: 1 });
    }
    return [...counts.values()];
  }

  /** Surface forms confirmed with more than one label across the corpus (inconsistent labelling). */
  conflictingLabels(): Map<string, Set<string>> {
    const labels = new Map<string, Set<string>>();
    for (const e of this.entities()) (labels.get(e.text) ?? labels.set(e.text, new Set()).get(e.text)!).add(e.label);
    return new Map([...labels].filter(([, set]) => set.size > 1));
  }
}

function remember(index: SearchIndex, article: string, e: Entity): void {
  const add = (map: Map<string, Occurring>, key: string) => {
    let form = map.get(key);
    if (!form) map.set(key, (form = { haystack: key.toLowerCase(), articles: [], entities: [] }));
    form.articles.push(article);
    form.entities.push(e);
  };
  add(index.texts, e.text);
  if (e.ref) add(index.refs, e.ref);
}

function forget(index: SearchIndex, e: Entity): void {
  const remove = (map: Map<string, Occurring>, key: string) => {
    const form = map.get(key);
    const at = form ? form.entities.indexOf(e) : -1;
    if (!form || at === -1) return;
    form.entities.splice(at, 1);
    form.articles.splice(at, 1);
    if (form.entities.length === 0) map.delete(key);
  };
  remove(index.texts, e.text);
  if (e.ref) remove(index.refs, e.ref);
}
