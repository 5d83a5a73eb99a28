// Two annotation sets of two articles, made by hand for the agreement figures (hashiya agree, and the editor's
// agreement report); every figure is computed by hand in the comments. Written as two folders a/ and b/.
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { serializeSidecar } from '../../sidecar/serialize';
import type { Entity } from '../../sidecar/types';
import { sha256Hex } from '../../text/hash';

// Document 1, 10 tokens: زار | الوزير | بغداد | ثم | البصرة | وقابل | الجيش | في | النجف | .
export const DOC1 = 'زار الوزير بغداد ثم البصرة وقابل الجيش في النجف.';
// Document 2, 6 tokens: وفي | اليوم | التالي | زار | كربلاء | .
export const DOC2 = 'وفي اليوم التالي زار كربلاء.';

export const at = (doc: string, text: string, label: string): Entity => {
  const start = doc.indexOf(text);
  return { start, end: start + text.length, label, text };
};
// A: الوزير ACTOR, بغداد LOC, البصرة LOC, الجيش ACTOR, النجف LOC | كربلاء LOC                (6 annotations)
// B: الوزير ACTOR, بغداد LOC, البصرة ACTOR, في النجف LOC          | كربلاء LOC                (5 annotations)
export const A1 = [at(DOC1, 'الوزير', 'ACTOR'), at(DOC1, 'بغداد', 'LOC'), at(DOC1, 'البصرة', 'LOC'), at(DOC1, 'الجيش', 'ACTOR'), at(DOC1, 'النجف', 'LOC')];
export const B1 = [at(DOC1, 'الوزير', 'ACTOR'), at(DOC1, 'بغداد', 'LOC'), at(DOC1, 'البصرة', 'ACTOR'), at(DOC1, 'في النجف', 'LOC')];
export const A2 = [at(DOC2, 'كربلاء', 'LOC')];
export const B2 = [at(DOC2, 'كربلاء', 'LOC')];

// Exact matches: الوزير, بغداد, كربلاء = 3. P = 3/5 = 0.6, R = 3/6 = 0.5, F1 = 2·3/(6+5) = 6/11.
//   LOC:   A {بغداد, البصرة, النجف, كربلاء} = 4, B {بغداد, في النجف, كربلاء} = 3, matched 2:
//          P = 2/3, R = 2/4, F1 = 2·2/7 = 4/7.
//   ACTOR: A {الوزير, الجيش} = 2, B {الوزير, البصرة} = 2, matched 1: P = R = F1 = 1/2.
// Overlap matches (same label, overlapping): the three exact ones + النجف ~ في النجف = 4.
//   P = 4/5, R = 4/6, F1 = 2·4/11 = 8/11. LOC: 3 matched of 4 and 3: P = 1, R = 3/4, F1 = 6/7.
// Tokens (16):
//   doc 1  A: O ACTOR LOC O LOC   O ACTOR O   LOC O
//          B: O ACTOR LOC O ACTOR O O     LOC LOC O     → agree on 7 (not البصرة, الجيش, في)
//   doc 2  A = B: O O O O LOC O                         → agree on 6
//   p_o = 13/16. A: O 10, ACTOR 2, LOC 4; B: O 10, ACTOR 2, LOC 4.
//   p_e = (10·10 + 2·2 + 4·4)/16² = 120/256 = 15/32. κ = (13/16 − 15/32)/(1 − 15/32) = (11/32)/(17/32) = 11/17.

/** Writes a/ and b/ under `dir`: news/one and two in both, three in a/ only (not compared, and said so). */
export async function writeAgreementFolders(dir: string): Promise<void> {
  const write = async (side: string, name: string, text: string, entities: Entity[]) => {
    await mkdir(path.join(dir, side, path.dirname(name)), { recursive: true });
    await writeFile(path.join(dir, side, name + '.txt'), text);
    const sidecar = { text: path.basename(name) + '.txt', sha256: sha256Hex(text), status: 'done' as const, entities, rejected: [], unresolved: [] };
    await writeFile(path.join(dir, side, name + '.ann.json'), serializeSidecar(sidecar));
  };
  await write('a', 'news/one', DOC1, A1);
  await write('b', 'news/one', DOC1, B1);
  await write('a', 'two', DOC2, A2);
  await write('b', 'two', DOC2, B2);
  await write('a', 'three', DOC2, A2);
}
