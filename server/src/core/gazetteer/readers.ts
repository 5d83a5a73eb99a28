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

/** Parses one line (1-based number, without its line break; a leading BOM already removed). */
export type LineParser = (line: string, lineNumber: number) => void;

export type GazetteerFormatName = 'tsv' | 'geonames' | 'jsonl';

const REF = /^[^\s:]+:\S+$/;

export function lineParser(format: GazetteerFormatName, file: string, sink: GazetteerSink, defaultLabel?: string): LineParser {
  switch (format) {
    case 'tsv': {
      let lastLabel = '';
      return (line, n) => {
        if (line.startsWith('#')) return;
        // Fields by indexOf, not split: no array per line.
        const t1 = line.indexOf('\t');
        const rawName = t1 === -1 ? line : line.slice(0, t1);
        const name = rawName.trim();
        if (!name) {
          if (line.trim() === '') return;
          throw new GazetteerError(file, n, 'empty name');
        }
        let label = defaultLabel;
        let ref: string | undefined;
        let description: string | undefined;
        if (t1 !== -1) {
          const t2 = line.indexOf('\t', t1 + 1);
          // Rows mostly repeat the previous row's label: reuse that string rather than slice a new one.
          const labelEnd = t2 === -1 ? line.length : t2;
          label = labelEnd - t1 - 1 === lastLabel.length && line.startsWith(lastLabel, t1 + 1) ? lastLabel : (lastLabel = line.slice(t1 + 1, labelEnd));
          if (t2 !== -1) {
            const t3 = line.indexOf('\t', t2 + 1);
            ref = t3 === -1 ? line.slice(t2 + 1) : line.slice(t2 + 1, t3);
            if (t3 !== -1) {
              const t4 = line.indexOf('\t', t3 + 1);
              description = t4 === -1 ? line.slice(t3 + 1) : line.slice(t3 + 1, t4);
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
      return (line, n) => {
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
      return (line, n) => {
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
    parse(text.slice(start, stop), n++);
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
