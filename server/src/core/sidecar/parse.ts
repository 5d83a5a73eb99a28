// Reads a sidecar with the place of every problem. A sidecar with structural errors yields no `sidecar`: the
// caller must report it and must not write over it (SPEC: a corrupt sidecar is reported, never overwritten).
import { REF_PATTERN } from '../../../../common/refPattern';
import { type Node, findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { excessiveNesting, MAX_JSON_DEPTH, nodeValue, setOwn } from '../jsonTree';
import { findConflictMarker } from './conflictMarkers';
import type { Problem } from './problems';
import { DOCUMENT_STATUSES, type DocumentStatus, type Entity, KNOWN_ENTITY_KEYS, KNOWN_TOP_KEYS, type Sidecar } from './types';

export interface ParsedSidecar {
  /** Undefined when the file cannot be used without losing or inventing data. */
  sidecar?: Sidecar;
  problems: Problem[];
  /** Where each entity of each list starts in the file, for placing later diagnostics. */
  entityOffsets: { entities: number[]; rejected: number[]; unresolved: number[] };
  /** Where the values of `text` and `sha256` are in the file. */
  fieldOffsets: { text: number; sha256: number };
}

/** `namespace:id`, both parts non-empty; importers check references against the same pattern. */
export { REF_PATTERN };
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

function properties(node: Node): Array<{ key: string; keyNode: Node; value: Node | undefined }> {
  return (node.children ?? []).flatMap((prop) => {
    const [keyNode, value] = prop.children ?? [];
    return keyNode && typeof keyNode.value === 'string' ? [{ key: keyNode.value, keyNode, value }] : [];
  });
}

export function parseSidecar(fileText: string): ParsedSidecar {
  const problems: Problem[] = [];
  const entityOffsets = { entities: [] as number[], rejected: [] as number[], unresolved: [] as number[] };
  const fieldOffsets = { text: 0, sha256: 0 };
  const error = (node: { offset: number; length: number } | undefined, message: string, code: string) =>
    problems.push({ severity: 'error', message, offset: node?.offset ?? 0, length: node?.length ?? 1, code });

  // An unfinished git merge is its own problem, not invalid JSON: callers offer to resolve it (merge.ts reads
  // both sides back) and, as with any sidecar that yields no data, never write over it.
  const marker = findConflictMarker(fileText);
  if (marker >= 0) {
    error({ offset: marker, length: 7 }, 'the sidecar contains git conflict markers (an unfinished merge): keep ours, theirs or both for each conflict', 'conflict-markers');
    return { problems, entityOffsets, fieldOffsets };
  }

  // Before the tree is built: jsonc-parser recurses per level, and a 100,000-deep file would overflow the stack.
  const tooDeep = excessiveNesting(fileText);
  if (tooDeep !== undefined) {
    error({ offset: tooDeep, length: 1 }, `JSON nested more than ${MAX_JSON_DEPTH} deep; a sidecar needs 3 levels`, 'too-deep');
    return { problems, entityOffsets, fieldOffsets };
  }

  const parseErrors: ParseError[] = [];
  const root = parseTree(fileText, parseErrors, { disallowComments: true, allowTrailingComma: false });
  for (const e of parseErrors) {
    error(e, `invalid JSON: ${printParseErrorCode(e.error)}`, 'json-syntax');
  }
  if (parseErrors.length > 0 || !root) return { problems, entityOffsets, fieldOffsets };
  if (root.type !== 'object') {
    error(root, 'a sidecar must be a JSON object', 'not-object');
    return { problems, entityOffsets, fieldOffsets };
  }

  const version = findNodeAtLocation(root, ['hashiya']);
  if (version?.value !== 1) {
    error(version ?? root, 'missing or unsupported format version: expected "hashiya": 1', 'version');
    return { problems, entityOffsets, fieldOffsets };
  }

  const textNode = findNodeAtLocation(root, ['text']);
  if (typeof textNode?.value !== 'string' || textNode.value.length === 0) {
    error(textNode ?? root, '"text" must name the article file', 'text-name');
  }
  const shaNode = findNodeAtLocation(root, ['sha256']);
  if (typeof shaNode?.value !== 'string' || !SHA256_PATTERN.test(shaNode.value)) {
    error(shaNode ?? root, '"sha256" must be 64 lowercase hex digits', 'sha256-format');
  }
  fieldOffsets.text = textNode?.offset ?? 0;
  fieldOffsets.sha256 = shaNode?.offset ?? 0;
  const statusNode = findNodeAtLocation(root, ['status']);
  const status = statusNode?.value;
  if (!DOCUMENT_STATUSES.includes(status)) {
    error(statusNode ?? root, `"status" must be one of ${DOCUMENT_STATUSES.join(', ')}`, 'status');
  }

  const readList = (key: 'entities' | 'rejected' | 'unresolved', required: boolean): Entity[] => {
    const listNode = findNodeAtLocation(root, [key]);
    if (!listNode) {
      if (required) error(root, `missing "${key}" list`, 'missing-list');
      return [];
    }
    if (listNode.type !== 'array') {
      error(listNode, `"${key}" must be a list`, 'not-list');
      return [];
    }
    const out: Entity[] = [];
    for (const item of listNode.children ?? []) {
      entityOffsets[key].push(item.offset);
      const entity = readEntity(item, key, error);
      if (entity) out.push(entity);
    }
    return out;
  };
  const entities = readList('entities', true);
  const rejected = readList('rejected', false);
  const unresolved = readList('unresolved', false);

  const extra: Record<string, unknown> = {};
  for (const { key, value } of properties(root)) {
    if (!KNOWN_TOP_KEYS.includes(key)) setOwn(extra, key, nodeValue(value));
  }

  if (problems.some((p) => p.severity === 'error')) return { problems, entityOffsets, fieldOffsets };
  const sidecar: Sidecar = {
    text: textNode!.value,
    sha256: shaNode!.value,
    status: status as DocumentStatus,
    entities,
    rejected,
    unresolved,
  };
  if (Object.keys(extra).length > 0) sidecar.extra = extra;
  return { sidecar, problems, entityOffsets, fieldOffsets };
}

function readEntity(
  item: Node,
  list: string,
  error: (node: Node | undefined, message: string, code: string) => void,
): Entity | undefined {
  if (item.type !== 'object') {
    error(item, `each item of "${list}" must be an object`, 'entity-not-object');
    return undefined;
  }
  // One pass over the properties (a sidecar may hold hundreds of thousands of entities): the first of a known key
  // counts, as findNodeAtLocation would take it; unknown keys are kept in file order.
  let start: Node | undefined, end: Node | undefined, label: Node | undefined, text: Node | undefined, ref: Node | undefined;
  let extra: Record<string, unknown> | undefined;
  const seen = new Set<string>();
  for (const prop of item.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string') continue;
    const key: string = keyNode.value;
    if (!KNOWN_ENTITY_KEYS.includes(key)) {
      setOwn((extra ??= {}), key, nodeValue(value));
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    if (key === 'start') start = value;
    else if (key === 'end') end = value;
    else if (key === 'label') label = value;
    else if (key === 'text') text = value;
    else ref = value;
  }
  let ok = true;
  const check = (cond: boolean, node: Node | undefined, message: string, code: string) => {
    if (!cond) {
      error(node ?? item, message, code);
      ok = false;
    }
  };
  check(Number.isInteger(start?.value) && start!.value >= 0, start, '"start" must be an integer ≥ 0', 'entity-start');
  check(Number.isInteger(end?.value) && end!.value >= 0, end, '"end" must be an integer ≥ 0', 'entity-end');
  if (ok) check(end!.value > start!.value, end, '"end" must be greater than "start"', 'entity-empty');
  check(typeof label?.value === 'string' && label.value.length > 0, label, '"label" must be a non-empty string', 'entity-label');
  check(typeof text?.value === 'string', text, '"text" must be a string', 'entity-text');
  if (ref) check(typeof ref.value === 'string' && REF_PATTERN.test(ref.value), ref, '"ref" must look like namespace:id', 'entity-ref');
  if (!ok) return undefined;
  const entity: Entity = { start: start!.value, end: end!.value, label: label!.value, text: text!.value };
  if (ref) entity.ref = ref.value;
  if (extra) entity.extra = extra;
  return entity;
}
