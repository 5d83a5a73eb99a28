// Completion inside a sidecar (`*.ann.json`) for the values people edit by hand: an entity's `label` (the corpus
// labels) and its `ref` (knowledge-base candidates for the entity's `text`, those of its label first). Offsets are
// UTF-16 throughout: JSON nodes and LSP positions both count in UTF-16 units.
import { findNodeAtLocation, findNodeAtOffset, getLocation, type Node, parseTree } from 'jsonc-parser';
import { type CompletionItem, CompletionItemKind } from 'vscode-languageserver';
import type { LabelDefinition } from '../core/corpus/config';
import type { RankedCandidate } from '../workspace/suggestionTypes';

/** The lists of a sidecar whose items are entities (SPEC §3.2). */
const ENTITY_LISTS = new Set(['entities', 'rejected', 'unresolved']);

export interface SidecarCompletionSource {
  labels: readonly LabelDefinition[];
  /** Knowledge-base candidates for an entity's text, best first; undefined when no knowledge base is configured. */
  rank?(text: string, limit: number): RankedCandidate[];
}

/** What is being completed: which field of which entity, and the UTF-16 range the new value replaces. */
export interface SidecarValueSite {
  field: 'label' | 'ref';
  entity: { text?: string; label?: string };
  replace: { start: number; end: number };
  /** The sidecar's top-level `text`: the article's file name, when it is a string. */
  articleName?: string;
}

/** The `label` or `ref` value at `offset`, if the cursor is on one (or right after its colon). */
export function sidecarValueSite(text: string, offset: number): SidecarValueSite | undefined {
  const location = getLocation(text, offset);
  const [list, index, field] = location.path;
  if (location.isAtPropertyKey || location.path.length !== 3) return undefined;
  if (typeof list !== 'string' || !ENTITY_LISTS.has(list) || typeof index !== 'number' || (field !== 'label' && field !== 'ref')) return undefined;
  const root = parseTree(text);
  if (!root) return undefined;
  const entityNode = findNodeAtLocation(root, [list, index]);
  const entity = entityNode?.type === 'object' ? entityFields(entityNode) : {};
  // On a string value: replace all of it, quotes included. After the colon with no value yet: insert.
  const node = findNodeAtOffset(root, offset, true);
  const valueNode = node && node.type !== 'object' && node.parent?.type === 'property' && node.parent.children?.[1] === node ? node : undefined;
  const replace = valueNode ? { start: valueNode.offset, end: valueNode.offset + valueNode.length } : { start: offset, end: offset };
  const articleName = findNodeAtLocation(root, ['text']);
  return { field, entity, replace, ...(articleName?.type === 'string' ? { articleName: articleName.value as string } : {}) };
}

function entityFields(node: Node): { text?: string; label?: string } {
  const out: { text?: string; label?: string } = {};
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (value?.type !== 'string') continue;
    if (key?.value === 'text') out.text = value.value as string;
    if (key?.value === 'label') out.label = value.value as string;
  }
  return out;
}

/** Completion items for a site; `range` turns UTF-16 offsets into the LSP range of the document. */
export function sidecarCompletionItems(
  site: SidecarValueSite,
  source: SidecarCompletionSource,
  range: (start: number, end: number) => { start: { line: number; character: number }; end: { line: number; character: number } },
): CompletionItem[] {
  const editRange = range(site.replace.start, site.replace.end);
  if (site.field === 'label') {
    return source.labels.map((l, i) => ({
      label: l.name,
      kind: CompletionItemKind.EnumMember,
      detail: `${l.title} (${l.kind})`,
      documentation: `colour ${l.color}`,
      sortText: String(i).padStart(4, '0'),
      filterText: JSON.stringify(l.name),
      textEdit: { range: editRange, newText: JSON.stringify(l.name) },
    }));
  }
  if (!site.entity.text || !source.rank) return [];
  const ranked = source.rank(site.entity.text, 50).filter((c) => c.ref);
  // The entity's own label first, keeping the ranking within each group.
  const ordered = [...ranked.filter((c) => c.label === site.entity.label), ...ranked.filter((c) => c.label !== site.entity.label)];
  const seen = new Set<string>();
  return ordered
    .filter((c) => !seen.has(c.ref!) && seen.add(c.ref!))
    .map((c, i) => ({
      label: c.ref!,
      kind: CompletionItemKind.Reference,
      labelDetails: { detail: ` ${c.name}`, description: c.label },
      detail: `${c.label}: ${c.name} — ${c.match}`,
      documentation: { kind: 'markdown' as const, value: [c.description, `source: ${c.source}`].filter(Boolean).join('\n\n') },
      sortText: String(i).padStart(4, '0'),
      filterText: JSON.stringify(c.ref),
      textEdit: { range: editRange, newText: JSON.stringify(c.ref) },
    }));
}
