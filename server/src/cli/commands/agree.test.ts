// `hashiya agree` on two annotation sets made by hand; every figure is computed by hand in the comments.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { computeAgreement } from '../../core/corpus/agreement';
import type { Entity } from '../../core/sidecar/types';
import { at, writeAgreementFolders } from '../../core/corpus/testdata/agreementFixture';
import { captureIO } from '../io';
import { runCli } from '../main';

// The fixture and its figures computed by hand: core/corpus/testdata/agreementFixture.ts.
const close = (actual: number | null, expected: number, what: string) => assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${what}: ${actual} ≠ ${expected}`);

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hashiya-agree-'));
  await writeAgreementFolders(dir);
});
after(() => rm(dir, { recursive: true, force: true }));

test('agree --json: exact and overlap P/R/F1, per label, and token kappa as computed by hand', async () => {
  const io = captureIO();
  assert.equal(await runCli(['agree', path.join(dir, 'a'), path.join(dir, 'b'), '--json'], io), 0, io.stderr);
  assert.match(io.stderr, /1 sidecar present in only one folder, not compared/);
  const r = JSON.parse(io.stdout);
  assert.equal(r.documents, 2);
  close(r.overall.precision, 3 / 5, 'P');
  close(r.overall.recall, 3 / 6, 'R');
  close(r.overall.f1, 6 / 11, 'F1');
  close(r.labels.LOC.precision, 2 / 3, 'LOC P');
  close(r.labels.LOC.recall, 2 / 4, 'LOC R');
  close(r.labels.LOC.f1, 4 / 7, 'LOC F1');
  close(r.labels.ACTOR.f1, 1 / 2, 'ACTOR F1');
  close(r.overlap.precision, 4 / 5, 'overlap P');
  close(r.overlap.recall, 4 / 6, 'overlap R');
  close(r.overlap.f1, 8 / 11, 'overlap F1');
  close(r.overlap.labels.LOC.f1, 6 / 7, 'overlap LOC F1');
  close(r.kappa, 11 / 17, 'kappa');
  assert.equal(r.tokens.count, 16);
  close(r.tokens.observedAgreement, 13 / 16, 'p_o');
  close(r.tokens.expectedAgreement, 15 / 32, 'p_e');
  assert.deepEqual(
    r.disagreements.map((d: { kind: string; a?: Entity; b?: Entity }) => [d.kind, d.a?.text, d.b?.text]),
    [
      ['label', 'البصرة', 'البصرة'],
      ['only-a', 'الجيش', undefined],
      ['boundary', 'النجف', 'في النجف'],
    ],
  );
  assert.equal(r.disagreements[0].context, 'زار الوزير بغداد ثم [البصرة]{ACTOR} وقابل الجيش في النجف.');
});

test('agree prints a readable report', async () => {
  const io = captureIO();
  assert.equal(await runCli(['agree', path.join(dir, 'a'), path.join(dir, 'b')], io), 0);
  assert.match(io.stdout, /^  all    0\.600  0\.500  0\.545       6       5        3$/m);
  assert.match(io.stdout, /token-level Cohen's kappa: 0\.647 \(observed agreement 0\.813, expected by chance 0\.469\)/);
  assert.match(io.stdout, /news\/one\.ann\.json: label: \[20, 26\) "البصرة": label LOC in A, ACTOR in B/);
});

test('kappa: nested entities give a token the label of the longest; perfect agreement is 1; one category only is undefined', () => {
  const text = 'مجلس محافظة البصرة اجتمع';
  // Tokens: مجلس | محافظة | البصرة | اجتمع. The ORG covers the first three, the LOC inside it the third.
  const org = at(text, 'مجلس محافظة البصرة', 'ORG');
  const loc = at(text, 'البصرة', 'LOC');
  // A: ORG ORG ORG O; B (LOC alone): O O LOC O. p_o = 1/4; p_e = (1·3 + 3·0 + 0·1)/16 = 3/16 (O: 1 and 3; ORG: 3
  // and 0; LOC: 0 and 1). κ = (1/4 − 3/16)/(1 − 3/16) = (1/16)/(13/16) = 1/13.
  close(computeAgreement([{ name: 'x', text, a: [org, loc], b: [loc] }]).kappa, 1 / 13, 'nested');
  close(computeAgreement([{ name: 'x', text, a: [org, loc], b: [loc, org] }]).kappa, 1, 'same');
  assert.equal(computeAgreement([{ name: 'x', text, a: [], b: [] }]).kappa, null);
});
