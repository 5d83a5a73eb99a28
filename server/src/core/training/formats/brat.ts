// brat standoff: the text as it is in NAME.txt and the annotations in NAME.ann: `T1<TAB>LABEL START END<TAB>text`
// per entity (code-point offsets; an entity across a line break written as fragments `S E;S E`), and
// `N1<TAB>Reference T1 geonames:98463<TAB>text` for each reference. Nested entities are kept as they are.
import type { PreparedDocument } from '../types';

export function bratAnnotations(doc: PreparedDocument): string {
  const lines: string[] = [];
  let n = 0;
  doc.entities.forEach((e, i) => {
    const t = `T${i + 1}`;
    const fragments = fragmentsOf(doc.text.slice(e.start, e.end), e.cpStart);
    const spans = fragments.map((f) => `${f.start} ${f.end}`).join(';');
    const covered = fragments.map((f) => f.text).join(' ');
    lines.push(`${t}\t${e.label} ${spans}\t${covered}`);
    if (e.ref !== undefined) lines.push(`N${++n}\tReference ${t} ${e.ref}\t${covered}`);
  });
  return lines.map((l) => l + '\n').join('');
}

/** The parts of an entity's text between line breaks, with code-point offsets (brat allows no break in a span). */
function fragmentsOf(text: string, cpStart: number): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  let cp = cpStart;
  for (const part of text.split(/(\r\n|[\n\r\u2028\u2029])/)) {
    const length = [...part].length;
    if (part !== '' && !/^(\r\n|[\n\r\u2028\u2029])$/.test(part)) out.push({ start: cp, end: cp + length, text: part.replace(/\t/g, ' ') });
    cp += length;
  }
  return out;
}

/** `annotation.conf` declaring the entity types, so the collection opens in brat as it is. */
export function bratConfig(labels: readonly string[]): string {
  return `[entities]\n${labels.join('\n')}\n\n[relations]\n\n[events]\n\n[attributes]\n`;
}
