// Writing an imported corpus: one article (.txt) and sidecar (.ann.json) per document, through the core's
// serializer and atomic write, and a hashiya.json with the labels found (kinds guessed from their names) and the
// tokenisation record that lets export give back the original tokens.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, KIND_COLORS, LABEL_NAME, type LabelDefinition, type LabelKind, labelNameProblem } from '../../corpus/config';
import { serializeSidecar } from '../../sidecar/serialize';
import { sidecarPathFor, writeFileAtomic } from '../../sidecar/store';
import { compareEntities, type DocumentStatus, type Entity, type Sidecar } from '../../sidecar/types';
import { encodingProblem } from '../../corpus/encoding';
import { articleBytes, sha256Hex } from '../../text/hash';
import { TOKEN_BREAKS_KEY, type TokenizationRecord } from '../types';

/** An import that cannot be done as asked (no input, an output folder in use): a message for the user. */
export class ImportError extends Error {}

export interface ImportProblem {
  file: string;
  /** 1-based line in the input, when the problem has one. */
  line?: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

/** Collects problems: all are counted, the first few of each kind per file kept in detail. */
export class ProblemLog {
  readonly problems: ImportProblem[] = [];
  /** No prototype: codes are ours, but a tally keyed by strings never inherits "constructor". */
  readonly counts: Record<string, number> = Object.create(null);
  private readonly perFileKind = new Map<string, number>();
  constructor(private readonly detailPerKind = 50) {}

  add(problem: ImportProblem): void {
    this.counts[problem.code] = (this.counts[problem.code] ?? 0) + 1;
    const key = `${problem.file}\u0000${problem.code}`;
    const n = (this.perFileKind.get(key) ?? 0) + 1;
    this.perFileKind.set(key, n);
    if (n <= this.detailPerKind) this.problems.push(problem);
  }

  /** How many of a file's problems of a kind were counted but not kept in detail. */
  omitted(): Array<{ file: string; code: string; count: number }> {
    const out: Array<{ file: string; code: string; count: number }> = [];
    for (const [key, n] of this.perFileKind) {
      if (n > this.detailPerKind) {
        const [file, code] = key.split('\u0000');
        out.push({ file, code, count: n - this.detailPerKind });
      }
    }
    return out;
  }
}

/** An entity of an imported document, in code points. */
export interface ImportedEntity {
  start: number;
  end: number;
  label: string;
  ref?: string;
}

export interface ImportedDocument {
  /** Path of the article relative to the output folder, `/`-separated, ending in .txt. */
  path: string;
  text: string;
  /** Keep a BOM the source text had (brat), so the article's bytes are the source's. */
  hasBom?: boolean;
  entities: ImportedEntity[];
  /** Code-point offsets of token breaks without whitespace (CoNLL-U SpaceAfter=No). */
  tokenBreaks?: number[];
  /** For problems: where the document came from (file, and line when it is one line of the file). */
  source: string;
  line?: number;
}

export interface ImportCounts {
  documents: number;
  sentences: number;
  tokens: number;
  entities: number;
  entitiesByLabel: Record<string, number>;
}

const KIND_RULES: Array<[RegExp, LabelKind]> = [
  [/^(LOC|LOCATION|GPE|GEO|GPE_LOC|FAC|FACILITY|PLACE)$/i, 'location'],
  [/^(ORG|ORGANI[SZ]ATION)$/i, 'organization'],
  [/^(PERS?|PERSON|PEOPLE)$/i, 'person'],
  [/^(DATE|TIME)$/i, 'date'],
  [/^EVENT$/i, 'event'],
  [/^ACTOR$/i, 'actor'],
];


/** Distinct colours for labels of kind `other`, given in label order. */
const OTHER_COLORS = ['#5d4037', '#ad1457', '#827717', '#283593', '#00695c', '#4e342e', '#6d4c41', '#9e9d24', '#37474f', '#d84315', '#4527a0', '#558b2f'];

export function guessLabelKind(name: string): LabelKind {
  for (const [pattern, kind] of KIND_RULES) if (pattern.test(name)) return kind;
  return 'other';
}

export { LABEL_NAME };

export class CorpusWriter {
  // entitiesByLabel has no prototype: a label may be called "constructor" or "toString".
  readonly counts: ImportCounts = { documents: 0, sentences: 0, tokens: 0, entities: 0, entitiesByLabel: Object.create(null) };
  private readonly pending = new Set<Promise<void>>();
  private readonly paths = new Set<string>();

  constructor(
    readonly outDir: string,
    private readonly status: DocumentStatus,
    private readonly log: ProblemLog,
    private readonly concurrency = 8,
  ) {}

  /** Refuses an output folder that holds anything (an import never writes over files); makes its parent. */
  static async prepare(outDir: string): Promise<void> {
    const entries = await fs.readdir(outDir).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [];
      if (e.code === 'ENOTDIR') throw new ImportError(`${outDir} is a file; an import writes into a new or empty folder`);
      throw e;
    });
    if (entries.length > 0) throw new ImportError(`${outDir} is not empty; an import writes into a new or empty folder`);
    await fs.mkdir(path.dirname(outDir), { recursive: true });
  }

  /** Queues a document for writing (a few are written at once). */
  async add(doc: ImportedDocument, stats: { sentences: number; tokens: number }): Promise<void> {
    if (this.paths.has(doc.path)) throw new ImportError(`two documents would be written to ${doc.path}`);
    this.paths.add(doc.path);
    // What validate would refuse as an article (control bytes such as NUL make it binary) is not written.
    const unreadable = encodingProblem(articleBytes(doc.text, doc.hasBom ?? false), doc.path);
    if (unreadable) {
      this.log.add({ file: doc.source, ...(doc.line ? { line: doc.line } : {}), severity: 'error', code: 'not-text', message: `${doc.path}: its text has control characters (${unreadable.encoding}); document not imported` });
      return;
    }
    const entities = this.entitiesOf(doc);
    this.counts.documents++;
    this.counts.sentences += stats.sentences;
    this.counts.tokens += stats.tokens;
    this.counts.entities += entities.length;
    for (const e of entities) this.counts.entitiesByLabel[e.label] = (this.counts.entitiesByLabel[e.label] ?? 0) + 1;
    while (this.pending.size >= this.concurrency) await Promise.race(this.pending);
    const job = this.write(doc, entities).finally(() => this.pending.delete(job));
    this.pending.add(job);
  }

  private entitiesOf(doc: ImportedDocument): Entity[] {
    const chars = [...doc.text];
    const out: Entity[] = [];
    for (const e of doc.entities) {
      // The importers report such labels at their line and leave them out; this keeps every written corpus valid.
      const unusable = labelNameProblem(e.label);
      if (unusable) {
        this.log.add({ file: doc.source, severity: 'warning', code: 'label-name', message: `${doc.path}: ${unusable}: entity not imported` });
        continue;
      }
      const entity: Entity = { start: e.start, end: e.end, label: e.label, text: chars.slice(e.start, e.end).join('') };
      if (e.ref !== undefined) entity.ref = e.ref;
      out.push(entity);
    }
    out.sort(compareEntities);
    return out.filter((e, i) => {
      const prev = out[i - 1];
      if (prev && prev.start === e.start && prev.end === e.end && prev.label === e.label) {
        this.log.add({ file: doc.source, severity: 'warning', code: 'duplicate-entity', message: `${doc.path}: entity [${e.start}, ${e.end}) ${e.label} given twice; kept once` });
        return false;
      }
      return true;
    });
  }

  private async write(doc: ImportedDocument, entities: Entity[]): Promise<void> {
    const articlePath = path.join(this.outDir, ...doc.path.split('/'));
    await fs.mkdir(path.dirname(articlePath), { recursive: true });
    const bytes = articleBytes(doc.text, doc.hasBom ?? false);
    const sha256 = sha256Hex(bytes);
    const sidecar: Sidecar = { text: path.basename(articlePath), sha256, status: this.status, entities, rejected: [], unresolved: [] };
    if (doc.tokenBreaks && doc.tokenBreaks.length > 0) sidecar.extra = { [TOKEN_BREAKS_KEY]: { sha256, offsets: doc.tokenBreaks } };
    await writeFileAtomic(articlePath, bytes);
    await writeFileAtomic(sidecarPathFor(articlePath), serializeSidecar(sidecar));
  }

  /** Waits for the queued writes (failures included). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  /** Waits for the writes, then writes hashiya.json with the labels found and the tokenisation record. */
  async finish(tokenization: TokenizationRecord): Promise<LabelDefinition[]> {
    await this.drain();
    const names = Object.keys(this.counts.entitiesByLabel).sort();
    let other = 0;
    const labels: LabelDefinition[] = [];
    for (const name of names) {
      if (!LABEL_NAME.test(name)) {
        this.log.add({ file: CONFIG_FILE, severity: 'warning', code: 'label-name', message: `label "${name}" is not a valid hashiya.json label name (letters, digits, _ or -); kept in the sidecars but not defined` });
        continue;
      }
      const kind = guessLabelKind(name);
      const color = kind === 'other' ? OTHER_COLORS[other++ % OTHER_COLORS.length] : KIND_COLORS[kind];
      labels.push({ name, title: name, color, kind });
    }
    const config = {
      labels: labels.length > 0 ? labels : undefined,
      tokenization,
    };
    const lines = [
      '{',
      ...(config.labels ? ['  "labels": [', config.labels.map((l) => `    ${JSON.stringify(l).replace(/","/g, '", "').replace(/":/g, '": ')}`).join(',\n'), '  ],'] : []),
      `  "tokenization": ${JSON.stringify(tokenization).replace(/","/g, '", "').replace(/":/g, '": ')}`,
      '}',
      '',
    ];
    await writeFileAtomic(path.join(this.outDir, CONFIG_FILE), lines.join('\n'));
    return labels;
  }
}

/** Characters that carry no text (bidi marks and controls, zero-width spaces, BOM), dropped from imported tokens. */
export const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C]/g;

/** Number of code points of a string. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
