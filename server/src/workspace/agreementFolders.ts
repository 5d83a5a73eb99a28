// The agreement of two copies of a corpus (`hashiya agree DIR_A DIR_B`) for the editor: the same pairing and
// skipping rules as the command line, with each disagreement placed in the article of folder A (a link opens it
// there). The figures are the core's (core/corpus/agreement.ts, where the definitions are cited).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { AgreementResult } from '../../../common/corpusView';
import { type AgreementDocument, computeAgreement } from '../core/corpus/agreement';
import { articleOfSidecar, isReadFailure, readArticle } from '../core/corpus/read';
import { contextLine } from '../core/sidecar/context';
import { parseSidecar } from '../core/sidecar/parse';
import type { Sidecar } from '../core/sidecar/types';
import { CodePointIndex } from '../core/text/codePoints';
import { listSidecars } from '../cli/sidecarFiles';
import { UserError } from '../session/errors';

export async function compareFolders(dirA: string, dirB: string): Promise<AgreementResult> {
  for (const dir of [dirA, dirB]) {
    const stat = await fs.stat(dir).catch(() => undefined);
    if (!stat?.isDirectory()) throw new UserError(`${dir} is not a folder`);
  }
  const [listA, listB] = await Promise.all([listSidecars(dirA), listSidecars(dirB)]);
  const inB = new Set(listB);
  const common = listA.filter((n) => inB.has(n));
  const skipped: string[] = [];
  const documents: Array<AgreementDocument & { articlePath: string }> = [];
  for (let i = 0; i < common.length; i += 32) {
    const batch = await Promise.all(common.slice(i, i + 32).map((name) => readPair(dirA, dirB, name)));
    for (const result of batch) {
      if (typeof result === 'string') skipped.push(result);
      else documents.push(result);
    }
  }
  const onlyOne = listA.length + listB.length - 2 * common.length;
  if (onlyOne > 0) skipped.push(`${onlyOne} sidecar${onlyOne === 1 ? '' : 's'} present in only one folder, not compared`);
  if (documents.length === 0) throw new UserError(`No article is annotated in both ${dirA} and ${dirB}.`);
  const report = computeAgreement(documents);
  const byName = new Map(documents.map((d) => [d.name, { d, doc: TextDocument.create('', 'plaintext', 0, d.text), index: CodePointIndex.of(d.text) }]));
  const disagreements = report.disagreements.map((x) => {
    const { d, doc, index } = byName.get(x.document)!;
    const entity = (x.a ?? x.b)!;
    const range = { start: doc.positionAt(index.toUtf16(entity.start)), end: doc.positionAt(index.toUtf16(entity.end)) };
    return { ...x, uri: URI.file(d.articlePath).toString(), range, context: contextLine(d.text, (x.b ?? x.a)!) };
  });
  return { dirA, dirB, documents: report.documents, overall: report.overall, labels: report.labels, overlap: report.overlap, kappa: report.kappa, tokens: report.tokens, disagreements, skipped };
}

async function readPair(dirA: string, dirB: string, name: string): Promise<(AgreementDocument & { articlePath: string }) | string> {
  const [a, b] = await Promise.all([readSidecar(path.join(dirA, name)), readSidecar(path.join(dirB, name))]);
  if (!a || !b) return `${name}: skipped: cannot be read`;
  if (a.sha256 !== b.sha256) return `${name}: skipped: the two sidecars annotate different versions of the article (sha256 differs)`;
  const articlePath = articleOfSidecar(path.join(dirA, name));
  const article = await readArticle(articlePath);
  if (isReadFailure(article)) return article.error.code === 'missing' ? `${name}: skipped: its article is missing in ${dirA}` : `${name}: skipped: ${article.error.message}`;
  return { name, text: article.text, a: a.entities, b: b.entities, articlePath };
}

async function readSidecar(file: string): Promise<Sidecar | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseSidecar(text).sidecar;
}
