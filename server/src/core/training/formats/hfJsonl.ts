// Hugging Face token classification: one JSON line per sentence, {"id", "tokens", "ner_tags"} with integer tags,
// and a labels file listing the tag names in id order (what `datasets.ClassLabel(names=...)` takes).
import { sentencesOf } from '../prepare';
import { encodeTags } from '../tags';
import type { PreparedDocument, Scheme } from '../types';

export function hfJsonlDocument(doc: PreparedDocument, scheme: Scheme, tagIds: ReadonlyMap<string, number>): string {
  let out = '';
  let s = 0;
  for (const sentence of sentencesOf(doc)) {
    const n = sentence.end - sentence.first;
    const index = s++;
    if (n === 0) continue;
    const spans = sentence.entities.map((e) => ({ start: e.tokenStart - sentence.first, end: e.tokenEnd - sentence.first, label: e.label }));
    const tags = encodeTags(n, spans, scheme);
    const tokens: string[] = [];
    for (let t = sentence.first; t < sentence.end; t++) tokens.push(doc.text.slice(doc.tokenStart[t], doc.tokenEnd[t]));
    const ids = tags.map((tag) => {
      const id = tagIds.get(tag);
      if (id === undefined) throw new Error(`tag ${tag} missing from the label set`);
      return id;
    });
    out += JSON.stringify({ id: `${doc.path}#${index}`, tokens, ner_tags: ids }) + '\n';
  }
  return out;
}
