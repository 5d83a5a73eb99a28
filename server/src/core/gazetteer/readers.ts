// Gazetteer formats (SPEC §3.4): TSV `name<TAB>label[<TAB>ref[<TAB>description]]`, the 19-column GeoNames table,
// and JSON Lines `{"id","label","names":[...],"description"}`. Bad lines are errors that name file and line.
// Each format is a line parser that hands entries to a sink: the loader streams a file's lines straight into the
// matcher's columns (no object per entry); readXxxGazetteer(text) collects them as KbEntry objects instead.
import { GazetteerError, type KbEntry } from './entries';
import { type EntryDetails, readEntryDetails } from './entryDetails';

const FEATURE_CODES: Record<string, string> = {
  PPLC: 'capital', PPLA: 'seat of a first-order admin division', PPLA2: 'seat of a second-order admin division',
  PPLA3: 'seat of a third-order admin division', PPLA4: 'seat of a fourth-order admin division', PPL: 'populated place',
  PPLX: 'section of populated place', PPLL: 'locality', ADM1: 'first-order administrative division',
  ADM2: 'second-order administrative division', PCLI: 'independent political entity', STM: 'stream', MT: 'mountain',
};

/**
 * Where parsed entries go. `ref` undefined: the entry is named `source:name` (a TSV row without a ref). `details`:
 * the checked detail fields of a JSON Lines entry (kind, country, …), for sinks that keep them.
 */
export interface GazetteerSink {
  entry(names: string | readonly string[], label: string, ref: string | undefined, description: string | undefined, details?: EntryDetails): void;
}

/**
 * Parses one line: text[start, end), without its line break (a leading BOM already removed), 1-based number. A
 * range rather than a string of the line: a million-line gazetteer then makes no string per line.
 */
export type LineParser = (text: string, start: number, end: number, lineNumber: number) => void;

export type GazetteerFormatName = 'tsv' | 'geonames' | 'jsonl';

const REF = /^[^\s:]+:\S+$/;

/** What String.prototype.trim removes (the same set, tested per unit). */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function lineParser(format: GazetteerFormatName, file: string, sink: GazetteerSink, defaultLabel?: string): LineParser {
  switch (format) {
    case 'tsv': {
      let lastLabel = '';
      return (text, start, end, n) => {
        if (text.charCodeAt(start) === 0x23 && start < end) return; // '#' comment
        // Fields by indexOf, not split: no array per line.
        let t1 = text.indexOf('\t', start);
        if (t1 >= end) t1 = -1;
        // The name without surrounding whitespace, sliced once.
        let nameStart = start;
        let nameEnd = t1 === -1 ? end : t1;
        while (nameStart < nameEnd && isSpace(text.charCodeAt(nameStart))) nameStart++;
        while (nameEnd > nameStart && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
        if (nameStart === nameEnd) {
          let k = start;
          while (k < end && isSpace(text.charCodeAt(k))) k++;
          if (k === end) return; // a blank line
          throw new GazetteerError(file, n, 'empty name');
        }
        const name = text.slice(nameStart, nameEnd);
        let label = defaultLabel;
        let ref: string | undefined;
        let description: string | undefined;
        if (t1 !== -1) {
          let t2 = text.indexOf('\t', t1 + 1);
          if (t2 >= end) t2 = -1;
          // Rows mostly repeat the previous row's label: reuse that string rather than slice a new one.
          const labelEnd = t2 === -1 ? end : t2;
          label = labelEnd - t1 - 1 === lastLabel.length && text.startsWith(lastLabel, t1 + 1) ? lastLabel : (lastLabel = text.slice(t1 + 1, labelEnd));
          if (t2 !== -1) {
            let t3 = text.indexOf('\t', t2 + 1);
            if (t3 >= end) t3 = -1;
            ref = text.slice(t2 + 1, t3 === -1 ? end : t3);
            if (t3 !== -1) {
              let t4 = text.indexOf('\t', t3 + 1);
              if (t4 >= end) t4 = -1;
              description = text.slice(t3 + 1, t4 === -1 ? end : t4);
            }
          }
        }
        if (!label) throw new GazetteerError(file, n, 'no label (name<TAB>label[<TAB>ref[<TAB>description]])');
        if (ref !== undefined && ref !== '' && !REF.test(ref)) throw new GazetteerError(file, n, `ref "${ref}" is not namespace:id`);
        sink.entry(name, label, ref || undefined, description || undefined);
      };
    }
    case 'geonames': {
      const label = defaultLabel ?? 'LOC';
      return (text, start, end, n) => {
        const line = text.slice(start, end);
        if (line === '' || line.startsWith('#')) return;
        const f = line.split('\t');
        if (f.length < 19) throw new GazetteerError(file, n, `expected 19 tab-separated GeoNames columns, found ${f.length}`);
        const [id, name, ascii, alternates, lat, lon, , code, country, , admin1] = f;
        if (!/^\d+$/.test(id)) throw new GazetteerError(file, n, `geonameid "${id}" is not a number`);
        const names = [...new Set([name, ascii, ...(alternates ? alternates.split(',') : [])].filter((x) => x && x.trim()))];
        // Own keys only: a feature code such as "constructor" is not a key of the table's prototype.
        const what = Object.hasOwn(FEATURE_CODES, code) ? FEATURE_CODES[code] : code;
        sink.entry(names, label, `geonames:${id}`, `${what}${admin1 ? `, admin1 ${country}.${admin1}` : ''}, ${country} — ${Number(lat).toFixed(2)}, ${Number(lon).toFixed(2)}`);
      };
    }
    case 'jsonl':
      return (text, start, end, n) => {
        const line = text.slice(start, end);
        if (line.trim() === '') return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch (e) {
          throw new GazetteerError(file, n, `invalid JSON: ${(e as Error).message}`);
        }
        // `null`, a number or a list is valid JSON but not an entry (and `null.names` would be an internal error).
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new GazetteerError(file, n, 'expected a JSON object {"id","label","names":[...]}');
        const value = parsed as Record<string, unknown>;
        const names = value.names;
        const label = (value.label as string | undefined) ?? defaultLabel;
        if (typeof value.id !== 'string' || !value.id) throw new GazetteerError(file, n, 'missing "id"');
        if (!Array.isArray(names) || names.length === 0 || !names.every((x) => typeof x === 'string')) throw new GazetteerError(file, n, '"names" must be a non-empty list of strings');
        if (typeof label !== 'string') throw new GazetteerError(file, n, 'missing "label"');
        let details: EntryDetails;
        try {
          details = readEntryDetails(value);
        } catch (e) {
          throw new GazetteerError(file, n, (e as Error).message);
        }
        sink.entry(names as string[], label, value.id, typeof value.description === 'string' ? value.description : undefined, details);
      };
  }
}

/** Calls `parse` with every line of `text` (LF or CRLF, BOM removed), without an array of the lines. */
export function forEachLine(text: string, parse: LineParser): void {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let n = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const stop = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    parse(text, start, stop, n++);
    start = end + 1;
  }
}

function collect(format: GazetteerFormatName, text: string, file: string, source: string, defaultLabel?: string): KbEntry[] {
  const out: KbEntry[] = [];
  const sink: GazetteerSink = {
    entry(names, label, ref, description, details) {
      const list = typeof names === 'string' ? [names] : [...names];
      const entry: KbEntry = { ref: ref ?? `${source}:${list[0]}`, label, names: list, source };
      if (description) entry.description = description;
      if (details) Object.assign(entry, details);
      out.push(entry);
    },
  };
  forEachLine(text, lineParser(format, file, sink, defaultLabel));
  return out;
}

export function readTsvGazetteer(text: string, file: string, source: string, defaultLabel?: string): KbEntry[] {
  return collect('tsv', text, file, source, defaultLabel);
}

export function readGeonamesGazetteer(text: string, file: string, source: string, label = 'LOC'): KbEntry[] {
  return collect('geonames', text, file, source, label);
}

export function readJsonlGazetteer(text: string, file: string, source: string, defaultLabel?: string): KbEntry[] {
  return collect('jsonl', text, file, source, defaultLabel);
}
