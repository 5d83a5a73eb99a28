// Importing doccano JSONL (sequence labelling): one document per line, {"text", "label": [[start, end, label]]}
// or {"text", "entities": [{"start_offset", "end_offset", "label"}]} (or "labels"), code-point offsets. A line that
// is not JSON, or has no "text", is reported and skipped; so is an entity outside the text or with start >= end.
import { labelNameProblem } from '../../corpus/config';
import { CodePointIndex } from '../../text/codePoints';
import { readLines } from './lines';
import type { CorpusWriter, ImportedEntity, ProblemLog } from './writer';

export async function importDoccanoFile(
  file: string,
  displayName: string,
  prefix: string,
  writer: CorpusWriter,
  log: ProblemLog,
): Promise<{ documents: number }> {
  let lineNo = 0;
  let documents = 0;
  const problem = (line: number, code: string, message: string) => log.add({ file: displayName, line, severity: 'warning', code, message });
  for await (const line of readLines(file)) {
    lineNo++;
    if (line.trim() === '') continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line);
    } catch (error) {
      problem(lineNo, 'bad-json', `not JSON (${(error as Error).message}): line skipped`);
      continue;
    }
    if (typeof record !== 'object' || record === null || typeof record.text !== 'string') {
      problem(lineNo, 'no-text', 'no "text" string: line skipped');
      continue;
    }
    const text = record.text;
    // Code points, counted without an array of the characters.
    const length = CodePointIndex.of(text).codePointLength;
    const field = (['label', 'labels', 'entities'] as const).find((k) => record[k] !== undefined && record[k] !== null);
    const raw: unknown[] = field === undefined ? [] : Array.isArray(record[field]) ? (record[field] as unknown[]) : [];
    if (field !== undefined && !Array.isArray(record[field])) {
      problem(lineNo, 'bad-labels', `"${field}" must be a list of [start, end, label] or of {start_offset, end_offset, label}, not ${JSON.stringify(record[field]).slice(0, 80)}: the document is imported without entities`);
    }
    const entities: ImportedEntity[] = [];
    for (const item of raw) {
      let start: unknown;
      let end: unknown;
      let label: unknown;
      if (Array.isArray(item)) [start, end, label] = item;
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        start = o.start_offset ?? o.start;
        end = o.end_offset ?? o.end;
        label = o.label;
      }
      if (!Number.isInteger(start) || !Number.isInteger(end) || typeof label !== 'string' || label === '') {
        problem(lineNo, 'bad-entity', `cannot read entity ${JSON.stringify(item)}: skipped`);
        continue;
      }
      const unusable = labelNameProblem(label);
      if (unusable) {
        problem(lineNo, 'label-name', `${unusable}: entity skipped`);
        continue;
      }
      if ((start as number) < 0 || (end as number) > length || (end as number) <= (start as number)) {
        problem(lineNo, 'bad-entity', `entity [${start}, ${end}) ${label} lies outside the text (${length} characters) or is empty: skipped`);
        continue;
      }
      entities.push({ start: start as number, end: end as number, label });
    }
    documents++;
    const id = typeof record.id === 'number' || typeof record.id === 'string' ? String(record.id).replace(/[^\p{L}\p{N}._-]+/gu, '_') : '';
    const name = `${prefix}-${String(documents).padStart(5, '0')}${id ? `-${id}` : ''}.txt`;
    await writer.add({ path: name, text, entities, source: displayName, line: lineNo }, { sentences: 0, tokens: 0 });
  }
  return { documents };
}
