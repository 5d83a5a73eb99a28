// Candidates found in text: one per span, label and ref, whichever sources found it.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { mergeSpanCandidates } from './candidates';
import type { Candidate } from './matcher';

test('the built-in gazetteer and corpus memory finding the same ref at one span give one candidate', () => {
  const at = (source: string, ref: string | undefined, start = 10, description?: string): Candidate => ({
    start, end: start + 5, label: 'LOC', name: 'بغداد', matched: 'بغداد', source, ...(ref ? { ref } : {}), ...(description ? { description } : {}),
  });
  const merged = mergeSpanCandidates([
    at('corpus', 'geonames:98182', 10, 'confirmed 2 times in this corpus'),
    at('builtin', 'geonames:98182', 10, 'capital Baghdad'),
    at('builtin', 'geonames:98180', 10, 'governorate of Iraq: Baghdad'),
    at('corpus', 'geonames:98182', 40),
    at('corpus', undefined, 60),
    at('gazetteer:kb.tsv', undefined, 60),
  ]);
  assert.deepEqual(
    merged.map((c) => [c.start, c.ref ?? '-', c.sources.join('+'), c.description ?? '']),
    [
      [10, 'geonames:98182', 'corpus+builtin', 'capital Baghdad'],
      [10, 'geonames:98180', 'builtin', 'governorate of Iraq: Baghdad'],
      [40, 'geonames:98182', 'corpus', ''],
      [60, '-', 'corpus+gazetteer:kb.tsv', ''],
    ],
  );
});
