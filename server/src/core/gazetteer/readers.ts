// Gazetteer formats (SPEC §3.4): TSV `name<TAB>label[<TAB>ref[<TAB>description]]`, the 19-column GeoNames table,
// and JSON Lines `{"id","label","names":[...],"description"}`. Bad lines are errors that name file and line.
import { GazetteerError, type KbEntry } from './entries';

const FEATURE_CODES: Record<string, string> = {
  PPLC: 'capital', PPLA: 'seat of a first-order admin division', PPLA2: 'seat of a second-order admin division',
  PPLA3: 'seat of a third-order admin division', PPLA4: 'seat of a fourth-order admin division', PPL: 'populated place',
  PPLX: 'section of populated place', PPLL: 'locality', ADM1: 'first-order administrative division',
  ADM2: 'second-order administrative division', PCLI: 'independent political entity', STM: 'stream', MT: 'mountain',
};

function lines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
}

export function readTsvGazetteer(text: string, file: string, source: string, defaultLabel?: string): KbEntry[] {
  const out: KbEntry[] = [];
  lines(text).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [name, label = defaultLabel, ref, description] = line.split('\t');
    if (!name?.trim()) throw new GazetteerError(file, i + 1, 'empty name');
    if (!label) throw new GazetteerError(file, i + 1, 'no label (name<TAB>label[<TAB>ref[<TAB>description]])');
    if (ref !== undefined && ref !== '' && !/^[^\s:]+:\S+$/.test(ref)) throw new GazetteerError(file, i + 1, `ref "${ref}" is not namespace:id`);
    const entry: KbEntry = { ref: ref || `${source}:${name.trim()}`, label, names: [name.trim()], source };
    if (description) entry.description = description;
    out.push(entry);
  });
  return out;
}

export function readGeonamesGazetteer(text: string, file: string, source: string, label = 'LOC'): KbEntry[] {
  const out: KbEntry[] = [];
  lines(text).forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const f = line.split('\t');
    if (f.length < 19) throw new GazetteerError(file, i + 1, `expected 19 tab-separated GeoNames columns, found ${f.length}`);
    const [id, name, ascii, alternates, lat, lon, , code, country, , admin1] = f;
    if (!/^\d+$/.test(id)) throw new GazetteerError(file, i + 1, `geonameid "${id}" is not a number`);
    const names = [...new Set([name, ascii, ...(alternates ? alternates.split(',') : [])].filter((n) => n && n.trim()))];
    const what = Object.hasOwn(FEATURE_CODES, code) ? FEATURE_CODES[code] : code;
    out.push({ ref: `geonames:${id}`, label, names, source, description: `${what}${admin1 ? `, admin1 ${country}.${admin1}` : ''}, ${country} — ${Number(lat).toFixed(2)}, ${Number(lon).toFixed(2)}` });
  });
  return out;
}

export function readJsonlGazetteer(text: string, file: string, source: string, defaultLabel?: string): KbEntry[] {
  const out: KbEntry[] = [];
  lines(text).forEach((line, i) => {
    if (line.trim() === '') return;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new GazetteerError(file, i + 1, `invalid JSON: ${(e as Error).message}`);
    }
    const names = value.names;
    const label = (value.label as string | undefined) ?? defaultLabel;
    if (typeof value.id !== 'string' || !value.id) throw new GazetteerError(file, i + 1, 'missing "id"');
    if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string')) throw new GazetteerError(file, i + 1, '"names" must be a non-empty list of strings');
    if (typeof label !== 'string') throw new GazetteerError(file, i + 1, 'missing "label"');
    const entry: KbEntry = { ref: value.id, label, names: names as string[], source };
    if (typeof value.description === 'string') entry.description = value.description;
    out.push(entry);
  });
  return out;
}
