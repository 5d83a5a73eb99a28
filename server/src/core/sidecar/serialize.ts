// Deterministic writer: the same annotations always give the same bytes, one entity per line, so that git diffs
// show one line per changed annotation and concurrent work merges line by line.
import { setOwn } from '../jsonTree';
import { compareEntities, type Entity, type Sidecar } from './types';

export function entityLine(entity: Entity): string {
  const ordered: Record<string, unknown> = {
    start: entity.start,
    end: entity.end,
    label: entity.label,
    text: entity.text,
  };
  if (entity.ref !== undefined) ordered.ref = entity.ref;
  for (const [key, value] of Object.entries(entity.extra ?? {})) setOwn(ordered, key, value);
  // JSON.stringify writes non-ASCII characters as themselves (UTF-8 on disk), never as \u escapes (except lone
  // surrogates, which must be escaped to stay valid JSON).
  return inlineJson(ordered);
}

/** JSON on one line with a space after each comma and colon, like the entity lines themselves. */
export function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`);
    return `{${fields.join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function entityList(key: string, entities: readonly Entity[], last: boolean): string {
  const tail = last ? '' : ',';
  if (entities.length === 0) return `  "${key}": []${tail}\n`;
  const lines = [...entities].sort(compareEntities).map((e) => `    ${entityLine(e)}`);
  return `  "${key}": [\n${lines.join(',\n')}\n  ]${tail}\n`;
}

export function scalar(key: string, value: unknown): string {
  return `  ${JSON.stringify(key)}: ${inlineJson(value)}`;
}

export function serializeSidecar(sidecar: Sidecar): string {
  const head = [
    scalar('hashiya', 1),
    scalar('text', sidecar.text),
    scalar('sha256', sidecar.sha256),
    scalar('status', sidecar.status),
  ];
  const extras = Object.entries(sidecar.extra ?? {}).map(([k, v]) => scalar(k, v));
  const lists: Array<[string, Entity[]]> = [
    ['entities', sidecar.entities],
    ['rejected', sidecar.rejected],
  ];
  if (sidecar.unresolved.length > 0) lists.push(['unresolved', sidecar.unresolved]);
  let out = '{\n' + head.join(',\n') + ',\n';
  lists.forEach(([key, list], i) => {
    out += entityList(key, list, i === lists.length - 1 && extras.length === 0);
  });
  if (extras.length > 0) out += extras.join(',\n') + '\n';
  return out + '}\n';
}
