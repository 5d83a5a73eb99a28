// The corpus configuration `hashiya.json` (SPEC §3.3): parsed with the place of every problem, defaults filled in.
// Paths that leave the corpus root are refused.
import * as path from 'node:path';
import { findNodeAtLocation, type Node, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { excessiveNesting, MAX_JSON_DEPTH, nodeValue, setOwn } from '../jsonTree';
import type { Problem } from '../sidecar/problems';

export const LABEL_KINDS = ['location', 'actor', 'person', 'organization', 'date', 'event', 'other'] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];

export interface LabelDefinition {
  name: string;
  title: string;
  /** CSS colour (#rrggbb) used for the background of confirmed entities. */
  color: string;
  kind: LabelKind;
}

export const GAZETTEER_FORMATS = ['tsv', 'geonames', 'jsonl'] as const;
export type GazetteerFormat = (typeof GAZETTEER_FORMATS)[number];

export interface GazetteerSource {
  /** Absolute path (resolved against the corpus root, checked to stay inside it). */
  path: string;
  format: GazetteerFormat;
  /** Label for entries that carry none (TSV rows without a label, GeoNames rows). */
  label?: string;
}

/** Switches of the matching normalisation (SPEC §4); all on by default. */
export interface NormalizationOptions {
  diacritics: boolean;
  tatweel: boolean;
  alef: boolean;
  alefMaksura: boolean;
  tehMarbuta: boolean;
  hamzaCarriers: boolean;
  persianLetters: boolean;
  digits: boolean;
  bidiControls: boolean;
  joiners: boolean;
  presentationForms: boolean;
}

export const DEFAULT_NORMALIZATION: NormalizationOptions = {
  diacritics: true,
  tatweel: true,
  alef: true,
  alefMaksura: true,
  tehMarbuta: true,
  hamzaCarriers: true,
  persianLetters: true,
  digits: true,
  bidiControls: true,
  joiners: true,
  presentationForms: true,
};

/** Whether an entity found after a proclitic (بـ in ببغداد) covers it. */
export type procliticPolicy = 'exclude' | 'include';

export interface CorpusConfig {
  /** Absolute path of the corpus root. */
  root: string;
  include: string[];
  exclude: string[];
  labels: LabelDefinition[];
  gazetteers: GazetteerSource[];
  builtinGazetteer: boolean;
  normalization: NormalizationOptions;
  proclitics: procliticPolicy;
  /** Keys this version does not know (other tools' settings, later issues' settings), kept as read. */
  extra: Record<string, unknown>;
}

export const CONFIG_FILE = 'hashiya.json';

/** What a label may be called: hashiya.json defines only such names, so an entity with another label never validates. */
export const LABEL_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Why `label` cannot be a label of a corpus, or undefined when it can. */
export function labelNameProblem(label: string): string | undefined {
  return LABEL_NAME.test(label) ? undefined : `label ${JSON.stringify(label)} cannot be a label name (ASCII letters, digits, _ or -, starting with a letter)`;
}

export const DEFAULT_LABELS: LabelDefinition[] = [
  { name: 'LOC', title: 'Location', color: '#2e7d32', kind: 'location' },
  { name: 'ACTOR', title: 'Actor', color: '#1565c0', kind: 'actor' },
];

/** Default background colour of each kind of label. */
export const KIND_COLORS: Record<LabelKind, string> = {
  location: '#2e7d32',
  actor: '#1565c0',
  person: '#6a1b9a',
  organization: '#00838f',
  date: '#ef6c00',
  event: '#c62828',
  other: '#616161',
};

export function defaultConfig(root: string): CorpusConfig {
  return {
    root,
    include: ['**/*.txt'],
    exclude: ['**/node_modules/**', '**/.git/**'],
    labels: DEFAULT_LABELS.map((l) => ({ ...l })),
    gazetteers: [],
    builtinGazetteer: true,
    normalization: { ...DEFAULT_NORMALIZATION },
    proclitics: 'exclude',
    extra: {},
  };
}

export interface ParsedConfig {
  config: CorpusConfig;
  problems: Problem[];
}

/**
 * Problems after which the corpus cannot be read as its owner meant: the file is not usable JSON, or a glob is
 * invalid, so the set of articles is unknown. Commands that read the whole corpus stop on them (a silent
 * "0 articles" would look like success); the others are reported and the rest of the file applies.
 */
export const FATAL_CONFIG_PROBLEMS: ReadonlySet<string> = new Set(['json-syntax', 'not-object', 'too-deep', 'globs', 'glob']);

/** Longer globs are refused: picomatch stops at 65,536 characters, and no real pattern comes near this. */
export const MAX_GLOB_LENGTH = 4096;

/** Why a glob cannot be used, or undefined when it can. Unbalanced brackets and braces are errors, not literals. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `is too long (${glob.length} characters; at most ${MAX_GLOB_LENGTH})`;
  try {
    picomatch.makeRe(glob, { strictBrackets: true });
    return undefined;
  } catch (error) {
    return `is not a valid glob (${(error as Error).message.replace(/ - use .*$/, '')})`;
  }
}

function shortForm(glob: string): string {
  return JSON.stringify(glob.length > 40 ? glob.slice(0, 40) + '…' : glob);
}

const KNOWN_KEYS = ['$schema', 'include', 'exclude', 'labels', 'gazetteers', 'builtinGazetteer', 'normalization', 'proclitics'];

/** Parses `hashiya.json` text. Problems are reported; the usable parts still apply over the defaults. */
export function parseConfig(root: string, fileText: string): ParsedConfig {
  const config = defaultConfig(root);
  const problems: Problem[] = [];
  const error = (node: Node | { offset: number; length: number } | undefined, message: string, code: string) =>
    problems.push({ severity: 'error', message, offset: node?.offset ?? 0, length: node?.length ?? 1, code });

  const tooDeep = excessiveNesting(fileText);
  if (tooDeep !== undefined) {
    error({ offset: tooDeep, length: 1 }, `JSON nested more than ${MAX_JSON_DEPTH} deep; hashiya.json needs 3 levels`, 'too-deep');
    return { config, problems };
  }
  const parseErrors: ParseError[] = [];
  const tree = parseTree(fileText, parseErrors, { disallowComments: false, allowTrailingComma: true });
  for (const e of parseErrors) error(e, `invalid JSON: ${printParseErrorCode(e.error)}`, 'json-syntax');
  if (!tree || tree.type !== 'object') {
    if (tree) error(tree, 'hashiya.json must hold a JSON object', 'not-object');
    return { config, problems };
  }
  const get = (...p: (string | number)[]) => findNodeAtLocation(tree, p);

  const globs = (key: 'include' | 'exclude') => {
    const node = get(key);
    if (!node) return;
    const value = node.children?.map((c) => c.value);
    if (node.type !== 'array' || !value?.every((v) => typeof v === 'string')) {
      error(node, `"${key}" must be a list of glob patterns`, 'globs');
      return;
    }
    const usable: string[] = [];
    node.children!.forEach((child, i) => {
      const why = globProblem(value[i]);
      if (why) error(child, `"${key}" pattern ${shortForm(value[i])} ${why}`, 'glob');
      else usable.push(value[i]);
    });
    config[key] = key === 'exclude' ? [...config.exclude, ...usable] : usable;
  };
  globs('include');
  globs('exclude');

  const labels = get('labels');
  if (labels) {
    if (labels.type !== 'array' || !labels.children?.length) error(labels, '"labels" must be a non-empty list', 'labels');
    else {
      const seen = new Set<string>();
      const defs: LabelDefinition[] = [];
      for (const item of labels.children) {
        const name = findNodeAtLocation(item, ['name'])?.value;
        const kind = findNodeAtLocation(item, ['kind'])?.value ?? 'other';
        const color = findNodeAtLocation(item, ['color'])?.value;
        const title = findNodeAtLocation(item, ['title'])?.value;
        if (typeof name !== 'string' || !LABEL_NAME.test(name)) {
          error(item, 'a label needs a "name" of letters, digits, _ or - (e.g. "LOC")', 'label-name');
          continue;
        }
        if (seen.has(name)) error(item, `label "${name}" is defined twice`, 'label-duplicate');
        if (!LABEL_KINDS.includes(kind)) error(findNodeAtLocation(item, ['kind']), `"kind" must be one of ${LABEL_KINDS.join(', ')}`, 'label-kind');
        if (color !== undefined && (typeof color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(color))) error(findNodeAtLocation(item, ['color']), '"color" must be #rrggbb', 'label-color');
        seen.add(name);
        const safeKind: LabelKind = LABEL_KINDS.includes(kind) ? kind : 'other';
        defs.push({
          name,
          title: typeof title === 'string' ? title : name,
          color: typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color : KIND_COLORS[safeKind],
          kind: safeKind,
        });
      }
      if (defs.length > 0) config.labels = defs;
    }
  }

  const gazetteers = get('gazetteers');
  if (gazetteers) {
    if (gazetteers.type !== 'array') error(gazetteers, '"gazetteers" must be a list', 'gazetteers');
    for (const item of gazetteers.children ?? []) {
      const rel = findNodeAtLocation(item, ['path'])?.value;
      const format = findNodeAtLocation(item, ['format'])?.value ?? formatFromExtension(String(rel));
      const label = findNodeAtLocation(item, ['label'])?.value;
      if (typeof rel !== 'string') {
        error(item, 'a gazetteer needs a "path"', 'gazetteer-path');
        continue;
      }
      const resolved = resolveInside(root, rel);
      if (!resolved) {
        error(findNodeAtLocation(item, ['path']), `gazetteer path "${rel}" leaves the corpus root; refused`, 'path-outside');
        continue;
      }
      if (!GAZETTEER_FORMATS.includes(format)) {
        error(item, `gazetteer "format" must be one of ${GAZETTEER_FORMATS.join(', ')}`, 'gazetteer-format');
        continue;
      }
      config.gazetteers.push(typeof label === 'string' ? { path: resolved, format, label } : { path: resolved, format });
    }
  }

  const builtin = get('builtinGazetteer');
  if (builtin) {
    if (typeof builtin.value !== 'boolean') error(builtin, '"builtinGazetteer" must be true or false', 'builtin');
    else config.builtinGazetteer = builtin.value;
  }

  const normalization = get('normalization');
  if (normalization) {
    for (const prop of normalization.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || typeof k.value !== 'string' || !Object.hasOwn(DEFAULT_NORMALIZATION, k.value)) error(k ?? prop, `unknown normalisation switch "${k?.value}" (known: ${Object.keys(DEFAULT_NORMALIZATION).join(', ')})`, 'normalization');
      else if (typeof v?.value !== 'boolean') error(v ?? prop, 'a normalisation switch is true or false', 'normalization');
      else config.normalization[k.value as keyof NormalizationOptions] = v.value;
    }
  }

  const proclitics = get('proclitics');
  if (proclitics) {
    if (proclitics.value !== 'exclude' && proclitics.value !== 'include') error(proclitics, '"proclitics" must be "exclude" or "include"', 'proclitics');
    else config.proclitics = proclitics.value;
  }

  for (const prop of tree.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k && typeof k.value === 'string' && !KNOWN_KEYS.includes(k.value)) setOwn(config.extra, k.value, nodeValue(v));
  }
  return { config, problems };
}

function formatFromExtension(file: string): GazetteerFormat {
  if (file.endsWith('.jsonl')) return 'jsonl';
  if (/cities\d+|allCountries|geonames/i.test(file)) return 'geonames';
  return 'tsv';
}

/** `rel` resolved against `root`, or undefined when it leaves the root. */
export function resolveInside(root: string, rel: string): string | undefined {
  const resolved = path.resolve(root, rel);
  const relative = path.relative(root, resolved);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative)) ? resolved : undefined;
}

export function labelByName(config: CorpusConfig, name: string): LabelDefinition | undefined {
  return config.labels.find((l) => l.name === name);
}
