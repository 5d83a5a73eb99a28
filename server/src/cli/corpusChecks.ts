// The corpus-wide warnings of `hashiya validate`, run once every sidecar has been read: they need the whole
// corpus (label consistency) or the knowledge base (refs).
import { type CorpusDocument, insideWordProblems, labelConsistencyProblems, unknownRefProblems } from '../core/corpus/consistency';
import type { CorpusConfig } from '../core/corpus/config';
import { readKnowledge } from '../core/gazetteer/load';
import { Normalizer } from '../core/text/normalize';
import type { ReportedProblem } from './problemReport';

export interface CheckedDocument extends CorpusDocument {
  sidecarText: string;
}

export async function corpusWideProblems(config: CorpusConfig, docs: readonly CheckedDocument[]): Promise<{ problems: ReportedProblem[]; notes: string[] }> {
  const notes: string[] = [];
  const problems: ReportedProblem[] = [];
  const sidecarText = new Map(docs.map((d) => [d.file, d.sidecarText]));
  let knownRefs: Set<string> | undefined;
  try {
    const knowledge = await readKnowledge(config);
    const entries = [...(knowledge.builtin ?? []), ...knowledge.gazetteers];
    // With no knowledge base at all every ref would be "unknown": the check says nothing then.
    if (entries.length > 0) knownRefs = new Set(entries.map((e) => e.ref));
    else notes.push('refs not checked: no knowledge base (built-in gazetteer off, no gazetteers in hashiya.json)');
  } catch (error) {
    notes.push(`refs not checked: ${(error as Error).message}`);
  }
  for (const doc of docs) {
    for (const problem of insideWordProblems(doc)) problems.push({ file: doc.file, problem, fileText: doc.sidecarText });
    if (knownRefs) for (const problem of unknownRefProblems(doc, knownRefs)) problems.push({ file: doc.file, problem, fileText: doc.sidecarText });
  }
  for (const { file, problem } of labelConsistencyProblems(docs, new Normalizer(config.normalization))) {
    problems.push({ file, problem, fileText: sidecarText.get(file)! });
  }
  return { problems, notes };
}
