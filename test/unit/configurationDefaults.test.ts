// Editor defaults the extension contributes for Arabic news documents: VS Code's word-based suggestions (which
// offer every word of the document, «_», «d», «p») are off, so completion lists only knowledge-base entries.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

test('word-based suggestions are off for hashiya-arabic', () => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
  const language = pkg.contributes.configurationDefaults['[hashiya-arabic]'];
  assert.equal(language['editor.wordBasedSuggestions'], 'off');
});
