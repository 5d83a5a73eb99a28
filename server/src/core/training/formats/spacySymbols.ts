// spaCy's fixed symbol table (spacy/symbols.pxd and symbols.pyx, v3): strings such as ORG, PERSON or NOUN are stored
// by their symbol number, not by their hash, and spaCy cannot look up the hash of a symbol string. So a DocBin must
// use these numbers for any label or token that is a symbol. The numbers are the enum order; checks in the tests:
// ORTH 65 and DEP 76 (documented in spaCy's attributes page), PERSON 380, ORG 383, DATE 391, NOUN 92, nsubj 429.

const range = (prefix: string, from: number, to: number, width = 0) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(width, '0')}`);

/** Symbol names in enum order: the index of a name is its number. */
export const SPACY_SYMBOL_NAMES: readonly string[] = [
  '',
  'IS_ALPHA', 'IS_ASCII', 'IS_DIGIT', 'IS_LOWER', 'IS_PUNCT', 'IS_SPACE', 'IS_TITLE', 'IS_UPPER', 'LIKE_URL', 'LIKE_NUM',
  'LIKE_EMAIL', 'IS_STOP', 'IS_OOV_DEPRECATED', 'IS_BRACKET', 'IS_QUOTE', 'IS_LEFT_PUNCT', 'IS_RIGHT_PUNCT', 'IS_CURRENCY',
  ...range('FLAG', 19, 63),
  'ID', 'ORTH', 'LOWER', 'NORM', 'SHAPE', 'PREFIX', 'SUFFIX',
  'LENGTH', 'CLUSTER', 'LEMMA', 'POS', 'TAG', 'DEP', 'ENT_IOB', 'ENT_TYPE', 'HEAD', 'SENT_START', 'SPACY', 'PROB', 'LANG',
  'ADJ', 'ADP', 'ADV', 'AUX', 'CONJ', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ',
  'SYM', 'VERB', 'X', 'EOL', 'SPACE',
  ...range('DEPRECATED', 1, 276, 3),
  'PERSON', 'NORP', 'FACILITY', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LANGUAGE', 'LAW',
  'DATE', 'TIME', 'PERCENT', 'MONEY', 'QUANTITY', 'ORDINAL', 'CARDINAL',
  'acomp', 'advcl', 'advmod', 'agent', 'amod', 'appos', 'attr', 'aux', 'auxpass', 'cc', 'ccomp', 'complm', 'conj', 'cop',
  'csubj', 'csubjpass', 'dep', 'det', 'dobj', 'expl', 'hmod', 'hyph', 'infmod', 'intj', 'iobj', 'mark', 'meta', 'neg',
  'nmod', 'nn', 'npadvmod', 'nsubj', 'nsubjpass', 'num', 'number', 'oprd', 'obj', 'obl', 'parataxis', 'partmod', 'pcomp',
  'pobj', 'poss', 'possessive', 'preconj', 'prep', 'prt', 'punct', 'quantmod', 'relcl', 'rcmod', 'root', 'xcomp',
  'acl', 'ENT_KB_ID', 'MORPH', 'ENT_ID', 'IDX', '_',
];

const BY_NAME = new Map(SPACY_SYMBOL_NAMES.map((name, i) => [name, i]));

export function spacySymbol(name: string): number | undefined {
  return BY_NAME.get(name);
}

/** Attribute ids (spacy.attrs) used in the DocBin. */
export const ATTR = {
  ORTH: BY_NAME.get('ORTH')!,
  ENT_IOB: BY_NAME.get('ENT_IOB')!,
  ENT_TYPE: BY_NAME.get('ENT_TYPE')!,
  SENT_START: BY_NAME.get('SENT_START')!,
};
