import { TOKEN_TYPES } from '../../../common/protocol';
import type { CorpusConfig } from '../core/corpus/config';

/** The semantic token type of a label: its kind, or `entity` for kinds without a type of their own. */
export function tokenTypeOf(config: CorpusConfig, label: string): number {
  const kind = config.labels.find((l) => l.name === label)?.kind ?? 'other';
  const index = (TOKEN_TYPES as readonly string[]).indexOf(kind);
  return index === -1 ? TOKEN_TYPES.indexOf('entity') : index;
}
