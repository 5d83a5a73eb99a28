// Checks a parsed sidecar against its article: the offsets must cover exactly `text`, the hash must be the
// article's, entities sorted and unique, labels known. Pure: the caller reads the files.
import { CodePointIndex } from '../text/codePoints';
import type { ParsedSidecar } from './parse';
import type { Problem } from './problems';
import { compareEntities, type Entity } from './types';

export interface ArticleForValidation {
  text: string;
  sha256: string;
  /** Optional precomputed index of `text`. */
  index?: CodePointIndex;
  /** File name of the article (the file beside the sidecar); the sidecar's "text" must name it. */
  name?: string;
}

export interface ValidationOptions {
  /** Labels the corpus defines; undefined skips the check. */
  labels?: ReadonlySet<string>;
}

/** The characters of `text` between code-point offsets, or undefined when the range is out of the text. */
export function coveredText(text: string, index: CodePointIndex, start: number, end: number): string | undefined {
  if (start < 0 || end > index.codePointLength || end < start) return undefined;
  return text.slice(index.toUtf16(start), index.toUtf16(end));
}

export function validateSidecar(parsed: ParsedSidecar, article: ArticleForValidation, options: ValidationOptions = {}): Problem[] {
  const problems: Problem[] = [...parsed.problems];
  const sidecar = parsed.sidecar;
  if (!sidecar) return problems;
  const index = article.index ?? CodePointIndex.of(article.text);
  // The list of known labels, once, and short: a corpus may define thousands.
  let known: string | undefined;
  const knownLabels = () => (known ??= [...options.labels!].slice(0, 20).join(', ') + (options.labels!.size > 20 ? `, … (${options.labels!.size} in all)` : ''));
  const at = (offset: number, severity: Problem['severity'], message: string, code: string) =>
    problems.push({ severity, message, offset, length: 1, code });

  if (article.name !== undefined && sidecar.text !== article.name) {
    at(parsed.fieldOffsets.text, 'error', `"text" names ${JSON.stringify(sidecar.text)} but the article is ${article.name}`, 'text-name');
  }
  if (sidecar.sha256 !== article.sha256) {
    at(parsed.fieldOffsets.sha256, 'error', `sha256 does not match the article (article is ${article.sha256}); re-anchor the annotations`, 'sha256-mismatch');
  }
  const checkList = (list: Entity[], offsets: number[], name: string, checkOrder: boolean) => {
    list.forEach((entity, i) => {
      const offset = offsets[i] ?? 0;
      const covered = coveredText(article.text, index, entity.start, entity.end);
      if (covered === undefined) {
        at(offset, 'error', `${name} [${entity.start}, ${entity.end}) lies outside the article (${index.codePointLength} characters)`, 'out-of-range');
      } else if (covered !== entity.text) {
        at(offset, 'error', `${name} text ${JSON.stringify(entity.text)} does not equal the covered characters ${JSON.stringify(covered)}`, 'text-mismatch');
      }
      if (options.labels && !options.labels.has(entity.label)) {
        at(offset, 'error', `unknown label "${entity.label}" (known: ${knownLabels()})`, 'unknown-label');
      }
      if (checkOrder && i > 0) {
        const order = compareEntities(list[i - 1], entity);
        if (order > 0) at(offset, 'error', `${name}s are not sorted by (start, end, label)`, 'unsorted');
        else if (order === 0) at(offset, 'error', `duplicate ${name} [${entity.start}, ${entity.end}) ${entity.label}`, 'duplicate');
      }
    });
  };
  checkList(sidecar.entities, parsed.entityOffsets.entities, 'entity', true);
  checkList(sidecar.rejected, parsed.entityOffsets.rejected, 'rejection', true);
  sidecar.unresolved.forEach((entity, i) => {
    at(parsed.entityOffsets.unresolved[i] ?? 0, 'warning', `annotation ${JSON.stringify(entity.text)} (${entity.label}) could not be placed in the article; place it again or remove it`, 'unresolved');
  });
  return problems;
}
