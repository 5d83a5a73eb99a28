// The built-in gazetteer against hand-annotated Arabic news (bench/kbRecall.ts): recall of place spans and the
// precision of what it suggests, on NewsFANE and on the Wojood sample. Floors set just under the measured figures
// (NewsFANE recall 0.785, precision 0.766; Wojood 0.539, 0.629), which the earlier gazetteer stood well below
// (0.621 / 0.664 and 0.502 / 0.470).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { test } from 'node:test';
import { scoreBuiltin } from '../../bench/kbRecall';

test('recall and precision of place suggestions on NewsFANE and Wojood', async () => {
  const scores = await scoreBuiltin(path.join(__dirname, '../../data/builtin'));
  const by = Object.fromEntries(scores.map((s) => [s.corpus, s]));
  assert.equal(by.newsfane.gold, 4223, 'NewsFANE place spans (Nation, Population-Center, …)');
  assert.equal(by.wojood.gold, 1057, 'Wojood GPE and LOC spans');
  assert.ok(by.newsfane.recall >= 0.78, JSON.stringify(by.newsfane));
  assert.ok(by.newsfane.precision >= 0.75, JSON.stringify(by.newsfane));
  assert.ok(by.wojood.recall >= 0.53, JSON.stringify(by.wojood));
  assert.ok(by.wojood.precision >= 0.6, JSON.stringify(by.wojood));
});
