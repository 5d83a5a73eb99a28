// Inter-annotator agreement between two annotations of the same articles (A and B). Pure: the caller reads files.
//
// Span agreement, as NER evaluation defines it (CoNLL-2003 shared task: Tjong Kim Sang & De Meulder 2003; MUC-7
// scoring, Chinchor 1998): A is taken as the reference, B as the response; precision = matched / |B|, recall =
// matched / |A|, F1 = 2PR / (P + R) = 2·matched / (|A| + |B|), which is symmetric in A and B. Counts are summed over
// all documents before dividing (micro-average).
// - exact: a match is the same (start, end, label);
// - overlap: a match is the same label with overlapping spans, each annotation matched at most once (greedy in
//   document order), the "partial" match of MUC/SemEval-2013 Task 9 counted as a full match.
// Token agreement: Cohen's kappa (Cohen 1960, "A coefficient of agreement for nominal scales"), κ = (p_o − p_e) /
// (1 − p_e), with p_o the share of tokens given the same category and p_e = Σ_k (n_Ak / N)(n_Bk / N) the
// agreement expected by chance from each annotator's own category frequencies. The category of a token is the
// label of the entity covering it (the longest one, when entities nest) or O. Tokens are the export tokens
// (training/tokenize.ts), split at every entity boundary of either annotator so that each token is either wholly
// inside an entity or wholly outside it.
import { compareEntities, type Entity } from '../sidecar/types';
import { CodePointIndex } from '../text/codePoints';
import { baseTokens, splitTokensAt } from '../training/tokenize';

export interface AgreementDocument {
  name: string;
  text: string;
  a: readonly Entity[];
  b: readonly Entity[];
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  /** Matched annotations, annotations in A, annotations in B. */
  matched: number;
  a: number;
  b: number;
}

export type DisagreementKind = 'label' | 'boundary' | 'only-a' | 'only-b';

export interface Disagreement {
  document: string;
  kind: DisagreementKind;
  a?: Entity;
  b?: Entity;
}

export interface AgreementReport {
  documents: number;
  /** Exact span match, all labels. */
  overall: Scores;
  /** Exact span match per label. */
  labels: Record<string, Scores>;
  /** Overlap match: all labels and per label. */
  overlap: Scores & { labels: Record<string, Scores> };
  /** Cohen's kappa over tokens; null when undefined (both annotators used one single category for every token). */
  kappa: number | null;
  tokens: { count: number; observedAgreement: number; expectedAgreement: number };
  disagreements: Disagreement[];
}

class Counter {
  matched = 0;
  a = 0;
  b = 0;
  scores(): Scores {
    // An empty side gives 0 rather than NaN: nothing found, or nothing to find.
    const precision = this.b === 0 ? 0 : this.matched / this.b;
    const recall = this.a === 0 ? 0 : this.matched / this.a;
    const f1 = this.a + this.b === 0 ? 0 : (2 * this.matched) / (this.a + this.b);
    return { precision, recall, f1, matched: this.matched, a: this.a, b: this.b };
  }
}

const key = (e: Entity) => `${e.start}:${e.end}:${e.label}`;
const overlaps = (x: Entity, y: Entity) => x.start < y.end && y.start < x.end;

function counterFor(map: Map<string, Counter>, label: string): Counter {
  return map.get(label) ?? map.set(label, new Counter()).get(label)!;
}

export function computeAgreement(documents: readonly AgreementDocument[]): AgreementReport {
  const exact = new Counter();
  const exactByLabel = new Map<string, Counter>();
  const overlap = new Counter();
  const overlapByLabel = new Map<string, Counter>();
  const disagreements: Disagreement[] = [];
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  let tokens = 0;
  let agreeing = 0;

  for (const doc of documents) {
    const a = [...doc.a].sort(compareEntities);
    const b = [...doc.b].sort(compareEntities);
    const inB = new Set(b.map(key));
    const inA = new Set(a.map(key));
    for (const e of a) {
      exact.a++;
      counterFor(exactByLabel, e.label).a++;
      overlap.a++;
      counterFor(overlapByLabel, e.label).a++;
      if (inB.has(key(e))) {
        exact.matched++;
        counterFor(exactByLabel, e.label).matched++;
      }
    }
    for (const e of b) {
      exact.b++;
      counterFor(exactByLabel, e.label).b++;
      overlap.b++;
      counterFor(overlapByLabel, e.label).b++;
    }
    // Overlap: greedy one-to-one in document order.
    const usedB = new Set<Entity>();
    for (const e of a) {
      const match = b.find((o) => !usedB.has(o) && o.label === e.label && overlaps(o, e));
      if (!match) continue;
      usedB.add(match);
      overlap.matched++;
      counterFor(overlapByLabel, e.label).matched++;
    }

    // Disagreements: every annotation without an exact match, paired where a relation explains it.
    const onlyA = a.filter((e) => !inB.has(key(e)));
    const onlyB = b.filter((e) => !inA.has(key(e)));
    const pairedB = new Set<Entity>();
    for (const e of onlyA) {
      const sameSpan = onlyB.find((o) => !pairedB.has(o) && o.start === e.start && o.end === e.end);
      const moved = sameSpan ? undefined : onlyB.find((o) => !pairedB.has(o) && o.label === e.label && overlaps(o, e));
      const other = sameSpan ?? moved;
      if (other) pairedB.add(other);
      disagreements.push({ document: doc.name, kind: sameSpan ? 'label' : moved ? 'boundary' : 'only-a', a: e, ...(other ? { b: other } : {}) });
    }
    for (const e of onlyB) if (!pairedB.has(e)) disagreements.push({ document: doc.name, kind: 'only-b', b: e });

    // Tokens.
    const index = CodePointIndex.of(doc.text);
    const boundaries = [...new Set([...a, ...b].flatMap((e) => [index.toUtf16(e.start), index.toUtf16(e.end)]))].sort((x, y) => x - y);
    const spans = splitTokensAt(baseTokens(doc.text, 'default'), boundaries);
    const labelsA = tokenLabels(spans, a, index);
    const labelsB = tokenLabels(spans, b, index);
    for (let i = 0; i < labelsA.length; i++) {
      tokens++;
      if (labelsA[i] === labelsB[i]) agreeing++;
      countA.set(labelsA[i], (countA.get(labelsA[i]) ?? 0) + 1);
      countB.set(labelsB[i], (countB.get(labelsB[i]) ?? 0) + 1);
    }
  }
  disagreements.sort((x, y) => (x.document < y.document ? -1 : x.document > y.document ? 1 : compareEntities((x.a ?? x.b)!, (y.a ?? y.b)!)));

  const observed = tokens === 0 ? 0 : agreeing / tokens;
  let expected = 0;
  for (const [label, n] of countA) expected += (n / tokens) * ((countB.get(label) ?? 0) / tokens);
  const kappa = tokens === 0 || expected === 1 ? null : (observed - expected) / (1 - expected);
  const byLabel = (map: Map<string, Counter>) => Object.fromEntries([...map].sort(([x], [y]) => (x < y ? -1 : 1)).map(([l, c]) => [l, c.scores()]));
  return {
    documents: documents.length,
    overall: exact.scores(),
    labels: byLabel(exactByLabel),
    overlap: { ...overlap.scores(), labels: byLabel(overlapByLabel) },
    kappa,
    tokens: { count: tokens, observedAgreement: observed, expectedAgreement: expected },
    disagreements,
  };
}

/** The category of each token: the label of the longest entity covering it, or O. */
function tokenLabels(tokens: { start: number[]; end: number[] }, entities: readonly Entity[], index: CodePointIndex): string[] {
  const labels: string[] = new Array(tokens.start.length).fill('O');
  const covering: number[] = new Array(tokens.start.length).fill(-1);
  for (const e of entities) {
    const s = index.toUtf16(e.start);
    const t = index.toUtf16(e.end);
    const length = e.end - e.start;
    // Tokens are split at every boundary, so a token overlapping the entity lies inside it.
    let lo = 0;
    let hi = tokens.start.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokens.end[mid] <= s) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < tokens.start.length && tokens.start[i] < t; i++) {
      if (length > covering[i]) {
        covering[i] = length;
        labels[i] = e.label;
      }
    }
  }
  return labels;
}
