// `hashiya agree DIR_A DIR_B`: agreement between two annotators' copies of the same corpus (span P/R/F1, exact
// and overlap; token-level Cohen's kappa; the disagreements). Definitions in core/corpus/agreement.ts.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { type AgreementDocument, type AgreementReport, computeAgreement, type Disagreement, type Scores } from '../../core/corpus/agreement';
import { contextLine } from '../../core/sidecar/context';
import { parseSidecar } from '../../core/sidecar/parse';
import { formatProblem } from '../../core/sidecar/problems';
import type { Entity, Sidecar } from '../../core/sidecar/types';
import { articleOfSidecar, isReadFailure, readArticle } from '../../core/corpus/read';
import { parseCommandArgs } from '../args';
import { CliError, type CliIO } from '../io';
import type { Command } from '../registry';
import { listSidecars } from '../sidecarFiles';

export const agreeCommand: Command = {
  name: 'agree',
  summary: "inter-annotator agreement of two copies of a corpus: span P/R/F1 (exact, overlap), token Cohen's kappa",
  usage: `usage: hashiya agree DIR_A DIR_B [--json]

Compares the sidecars present in both folders (paired by relative path; the article must be the same, by
sha256). A is the reference for precision (matched / annotations of B) and recall (matched / annotations of A);
F1 is symmetric. Exact match: same start, end and label. Overlap match: same label, overlapping spans, one to
one. Token-level Cohen's kappa: each token's category is the label of the entity covering it or O. Lists every
disagreement (label, boundary, only in A, only in B) with its article line. --json prints one object with
overall (exact), labels, overlap, kappa, tokens and disagreements.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
    if (positionals.length !== 2) throw new CliError('expected DIR_A DIR_B');
    const [dirA, dirB] = positionals;
    for (const dir of [dirA, dirB]) {
      const stat = await fs.stat(dir).catch(() => undefined);
      if (!stat?.isDirectory()) throw new CliError(`${dir}: not a folder`);
    }
    const [listA, listB] = await Promise.all([listSidecars(dirA), listSidecars(dirB)]);
    const inB = new Set(listB);
    const common = listA.filter((n) => inB.has(n));
    const read = async (name: string): Promise<AgreementDocument | string> => {
      const [a, b] = await Promise.all([readSidecar(path.join(dirA, name), io), readSidecar(path.join(dirB, name), io)]);
      if (!a || !b) return `${name}: skipped: cannot be read`;
      if (a.sha256 !== b.sha256) return `${name}: skipped: the two sidecars annotate different versions of the article (sha256 differs)`;
      // The article beside the sidecar, whatever its "text" says; UTF-8 only (another encoding is named).
      const articlePath = articleOfSidecar(path.join(dirA, name));
      const article = await readArticle(articlePath, path.join(dirA, path.relative(dirA, articlePath)));
      if (isReadFailure(article)) {
        return article.error.code === 'missing' ? `${name}: skipped: its article ${path.relative(dirA, articlePath)} is missing in ${dirA}` : `${name}: skipped: ${article.error.message}`;
      }
      return { name, text: article.text, a: a.entities, b: b.entities };
    };
    const documents: AgreementDocument[] = [];
    let problems = 0;
    // Files are read a batch at a time: waiting on one file after another leaves the disk and the CPU idle.
    for (let i = 0; i < common.length; i += 32) {
      for (const result of await Promise.all(common.slice(i, i + 32).map(read))) {
        if (typeof result !== 'string') documents.push(result);
        else {
          io.err(result + '\n');
          problems++;
        }
      }
    }
    const onlyOne = listA.length + listB.length - 2 * common.length;
    if (onlyOne > 0) io.err(`${onlyOne} sidecar${onlyOne === 1 ? '' : 's'} present in only one folder, not compared\n`);
    if (documents.length === 0) throw new CliError('no article annotated in both folders', 1);

    const report = computeAgreement(documents);
    const texts = new Map(documents.map((d) => [d.name, d.text]));
    const context = (d: Disagreement) => contextLine(texts.get(d.document)!, (d.b ?? d.a)!);
    if (values.json) {
      const disagreements = report.disagreements.map((d) => ({ ...d, context: context(d) }));
      io.out(JSON.stringify({ ...report, disagreements }, null, 2) + '\n');
    } else {
      io.out(formatReport(report, dirA, dirB, context));
    }
    return problems > 0 ? 2 : 0;
  },
};

async function readSidecar(file: string, io: CliIO): Promise<Sidecar | undefined> {
  const text = await fs.readFile(file, 'utf8');
  const parsed = parseSidecar(text);
  if (!parsed.sidecar) for (const p of parsed.problems) io.err(formatProblem(file, text, p) + '\n');
  return parsed.sidecar;
}

const f3 = (x: number) => x.toFixed(3);

function table(title: string, labels: Record<string, Scores>, all: Scores): string[] {
  const width = Math.max(5, ...Object.keys(labels).map((l) => l.length));
  const row = (name: string, s: Scores) =>
    `  ${name.padEnd(width)}  ${f3(s.precision)}  ${f3(s.recall)}  ${f3(s.f1)}  ${String(s.a).padStart(6)}  ${String(s.b).padStart(6)}  ${String(s.matched).padStart(7)}`;
  return [`${title}`, `  ${'label'.padEnd(width)}  P      R      F1          A       B  matched`, ...Object.entries(labels).map(([l, s]) => row(l, s)), row('all', all)];
}

const span = (e: Entity) => `[${e.start}, ${e.end})`;

function describe(d: Disagreement): string {
  const a = d.a!;
  const b = d.b!;
  switch (d.kind) {
    case 'label':
      return `${span(a)} ${JSON.stringify(a.text)}: label ${a.label} in A, ${b.label} in B`;
    case 'boundary':
      return `${a.label} ${span(a)} ${JSON.stringify(a.text)} in A, ${span(b)} ${JSON.stringify(b.text)} in B`;
    case 'only-a':
      return `${a.label} ${span(a)} ${JSON.stringify(a.text)} only in A`;
    case 'only-b':
      return `${b.label} ${span(b)} ${JSON.stringify(b.text)} only in B`;
  }
}

function formatReport(r: AgreementReport, dirA: string, dirB: string, context: (d: Disagreement) => string): string {
  const lines = [
    `${r.documents} documents, ${r.tokens.count} tokens; A = ${dirA} (reference), B = ${dirB}`,
    '',
    ...table('exact span match', r.labels, r.overall),
    '',
    ...table('overlap span match', r.overlap.labels, r.overlap),
    '',
    `token-level Cohen's kappa: ${r.kappa === null ? 'undefined (one category only)' : f3(r.kappa)} (observed agreement ${f3(r.tokens.observedAgreement)}, expected by chance ${f3(r.tokens.expectedAgreement)})`,
    '',
    `disagreements: ${r.disagreements.length}`,
  ];
  for (const d of r.disagreements) {
    lines.push(`  ${d.document}: ${d.kind}: ${describe(d)}`, `      ${context(d)}`);
  }
  return lines.join('\n') + '\n';
}
