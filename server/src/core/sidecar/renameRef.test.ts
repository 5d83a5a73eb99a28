import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { parseSidecar } from './parse';
import { renameRef } from './renameRef';
import { serializeSidecar } from './serialize';

const TEXT = 'زار الوفد بغداد ثم بغداد.';
const SHA = createHash('sha256').update(TEXT).digest('hex');

test('renaming a ref changes entities, rejections and unresolved annotations, and keeps every unknown key', () => {
  const file = `{
  "hashiya": 1, "text": "a.txt", "sha256": "${SHA}", "status": "done", "reviewer": "نور", "__proto__": {"x": 1},
  "entities": [
    {"start": 10, "end": 15, "label": "LOC", "text": "بغداد", "ref": "geonames:98182", "note": "checked"},
    {"start": 19, "end": 24, "label": "LOC", "text": "بغداد", "ref": "geonames:98180"}
  ],
  "rejected": [{"start": 19, "end": 24, "label": "LOC", "text": "بغداد", "ref": "geonames:98182"}],
  "unresolved": [{"start": 0, "end": 5, "label": "LOC", "text": "الموصل", "ref": "geonames:98182"}]
}
`;
  const parsed = parseSidecar(file).sidecar!;
  assert.ok(parsed, 'the fixture parses');
  const { lists, renamed } = renameRef(parsed, 'geonames:98182', 'geonames:1');
  assert.equal(renamed, 3, 'one entity, one rejection, one unresolved (counted by hand)');
  const again = parseSidecar(serializeSidecar(lists)).sidecar!;
  assert.deepEqual(again.entities.map((e) => e.ref), ['geonames:1', 'geonames:98180']);
  assert.deepEqual(again.rejected.map((e) => e.ref), ['geonames:1']);
  assert.deepEqual(again.unresolved.map((e) => e.ref), ['geonames:1']);
  const written = serializeSidecar(lists);
  assert.match(written, /"reviewer": "نور"/, 'a document-level unknown key is kept');
  assert.match(written, /"__proto__"/, 'even one named __proto__');
  assert.match(written, /"note": "checked"/, 'an entity-level unknown key is kept');
  assert.equal(renameRef(parsed, 'geonames:404', 'geonames:1').renamed, 0);
});
