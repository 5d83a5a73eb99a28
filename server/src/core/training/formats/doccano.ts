// doccano sequence labelling (JSONL import format): one line per document, {"text", "label": [[start, end, label]]}
// with code-point offsets, end exclusive. Nested entities are kept as they are.
import type { PreparedDocument } from '../types';

export function doccanoDocument(doc: PreparedDocument): string {
  const label = doc.entities.map((e) => [e.cpStart, e.cpEnd, e.label]);
  return JSON.stringify({ text: doc.text, label }) + '\n';
}
