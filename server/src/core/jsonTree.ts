import type { Node } from 'jsonc-parser';

/**
 * Sets `key` as an own, enumerable property. Plain assignment would treat a key named `__proto__` as the
 * prototype (and drop it); keys read from a file are data and are kept as such.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The plain value of a jsonc-parser tree node (objects keep their key order, every key kept as data). */
export function nodeValue(node: Node | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (key && typeof key.value === 'string') setOwn(out, key.value, nodeValue(value));
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** Deeper nesting than any sidecar or hashiya.json needs; the JSON parser recurses once per level. */
export const MAX_JSON_DEPTH = 256;

/**
 * Where `text` first nests arrays and objects deeper than `max`, or undefined. Strings and comments are skipped,
 * so that brackets inside them do not count. Run before parsing: a recursive parser overflows the stack on
 * deeply nested input (100,000 levels), which would be an internal error instead of a problem in the file.
 */
export function excessiveNesting(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return undefined;
}
