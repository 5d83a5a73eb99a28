// The agreement report's page: text from sidecars (entity texts, labels, folder names) is escaped, never markup;
// nothing remote is allowed; only the page's own script and style run (by nonce).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { AgreementResult } from '../../common/corpusView';
import { agreementHtml } from '../../client/src/corpusView/agreementHtml';

const scores = { precision: 1, recall: 0.5, f1: 2 / 3, matched: 1, a: 2, b: 1 };
const hostile = '<img src=x onerror=alert(1)>';
const result: AgreementResult = {
  dirA: `/a/${hostile}`,
  dirB: '/b',
  documents: 1,
  overall: scores,
  labels: { [hostile]: scores },
  overlap: { ...scores, labels: {} },
  kappa: null,
  tokens: { count: 4, observedAgreement: 0.75, expectedAgreement: 0.5 },
  disagreements: [
    { document: 'x.ann.json', kind: 'only-a', a: { start: 0, end: 3, label: 'LOC', text: `"${hostile}` }, uri: 'file:///a/x.txt', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, context: `</script>${hostile}` },
  ],
  skipped: [hostile],
};

test('sidecar text is escaped; only nonce-bearing script and style; nothing remote', () => {
  const html = agreementHtml(result, 'N0nce', 'vscode-resource:');
  assert.equal(html.includes(hostile), false, 'no raw markup from the data');
  assert.equal(html.match(/&#60;img src=x onerror=alert\(1\)&#62;/g)?.length, 5, 'dirA, the label, the entity text, the context and the skipped line, escaped');
  assert.equal(html.match(/<script/g)?.length, 1);
  assert.match(html, /<script nonce="N0nce">/);
  assert.match(html, /<style nonce="N0nce">/);
  assert.match(html, /content="default-src 'none'; style-src 'nonce-N0nce'; script-src 'nonce-N0nce'/);
  assert.equal(/https?:\/\//.test(html), false);
  // Figures as the CLI prints them (three decimals); kappa undefined is said in words; the link names line 3.
  assert.match(html, /<td>1\.000<\/td><td>0\.500<\/td><td>0\.667<\/td>/);
  assert.match(html, /Cohen's kappa: <strong>undefined \(one category only\)<\/strong>/);
  assert.match(html, /<a href="#" data-index="0">x\.ann\.json:3<\/a>/);
});
