// Prodigy (ner_manual / spans.manual task format): one JSON line per document with its text, tokens
// {text, start, end, id, ws} and spans {start, end, label, token_start, token_end (inclusive)}. Offsets are code
// points, as Python counts. Nested entities are kept as they are.
import type { PreparedDocument } from '../types';

const WS = /\s/;

export function prodigyDocument(doc: PreparedDocument): string {
  const tokens = doc.tokenStart.map((start, id) => ({
    text: doc.text.slice(start, doc.tokenEnd[id]),
    start: doc.tokenCpStart[id],
    end: doc.tokenCpEnd[id],
    id,
    ws: doc.tokenEnd[id] < doc.text.length && WS.test(doc.text[doc.tokenEnd[id]]),
  }));
  const spans = doc.entities.map((e) => ({
    start: e.cpStart,
    end: e.cpEnd,
    label: e.label,
    token_start: e.tokenStart,
    token_end: e.tokenEnd - 1,
  }));
  return JSON.stringify({ text: doc.text, tokens, spans, meta: { source: doc.path, status: doc.status }, answer: 'accept' }) + '\n';
}
