// `hashiya suggest FILE`: pre-annotation as JSON Lines, from the built-in gazetteer, the corpus's gazetteers and
// any given on the command line.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findCorpus } from '../../core/corpus/discover';
import { loadCorpusConfig } from '../../core/corpus/load';
import { type CorpusConfig, defaultConfig, GAZETTEER_FORMATS, type GazetteerFormat, parseConfig } from '../../core/corpus/config';
import { inShard, parseShard, pathList } from '../../core/corpus/shard';
import type { GazetteerMatcher } from '../../core/gazetteer/matcher';
import { loadMatcher } from '../../core/gazetteer/load';
import { isReadFailure, readArticle } from '../../core/corpus/read';
import { CodePointIndex } from '../../core/text/codePoints';
import { parseCommandArgs } from '../args';
import { CliError } from '../io';
import type { Command } from '../registry';

const OUTPUT_BLOCK = 1 << 16;

const exists = (file: string) => fs.access(file).then(() => true, () => false);

function formatOf(file: string): GazetteerFormat {
  if (file.endsWith('.jsonl')) return 'jsonl';
  const name = path.basename(file);
  if (/^(cities\d+|allCountries|[A-Z]{2})(\.txt)?$/.test(name)) return 'geonames';
  return 'tsv';
}

export const suggestCommand: Command = {
  name: 'suggest',
  summary: 'pre-annotate an article from the knowledge base; one JSON object per line',
  usage: `usage: hashiya suggest FILE... [--gazetteer PATH[:FORMAT]]... [--no-builtin] [--config hashiya.json]
                       [--files-from PATH|-] [--shard K/N]

Prints {"start","end","label","text","ref","source",...} for every knowledge-base match in FILE, one per line;
offsets are code points into FILE (BOM removed). Gazetteers: TSV name<TAB>label[<TAB>ref[<TAB>description]],
GeoNames tables (cities15000.txt, XX.txt) and JSON Lines; the format follows the file name unless given as
PATH:tsv, PATH:geonames or PATH:jsonl. Settings come from --config, else from the hashiya.json of FILE's corpus,
else the defaults.

Several files (given, or listed one per line in --files-from PATH, - for standard input): each line also
carries "file", the path as given. --shard K/N keeps the files whose path, as given, hashes to shard K of N, so
that N machines given the same list suggest for disjoint parts that together are all of it.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      gazetteer: { type: 'string', multiple: true },
      'no-builtin': { type: 'boolean' },
      config: { type: 'string' },
      shard: { type: 'string' },
      'files-from': { type: 'string' },
    });
    const listed = values['files-from'] === undefined ? [] : pathList(values['files-from'] === '-' ? await io.readStdin() : await fs.readFile(values['files-from'], 'utf8'));
    let files = [...positionals, ...listed];
    if (files.length === 0) throw new CliError('expected FILE (or --files-from PATH)');
    const several = files.length > 1 || values['files-from'] !== undefined || values.shard !== undefined;
    if (values.shard !== undefined) {
      const shard = parseShard(values.shard);
      if (!shard) throw new CliError(`--shard takes K/N with 1 ≤ K ≤ N (got "${values.shard}")`);
      files = files.filter((f) => inShard(f.split(path.sep).join('/'), shard));
    }
    let fixedConfig: CorpusConfig | undefined;
    if (values.config) {
      const configPath = path.resolve(values.config);
      const parsed = parseConfig(path.dirname(configPath), await fs.readFile(configPath, 'utf8'));
      if (parsed.problems.some((p) => p.severity === 'error')) throw new CliError(`${values.config}: ${parsed.problems[0].message}`, 1);
      fixedConfig = parsed.config;
    }
    const extra = (values.gazetteer ?? []).map((spec) => {
      const m = /^(.*):(tsv|geonames|jsonl)$/.exec(spec);
      const p = path.resolve(m ? m[1] : spec);
      const format = m ? (m[2] as GazetteerFormat) : formatOf(p);
      if (!GAZETTEER_FORMATS.includes(format)) throw new CliError(`unknown gazetteer format in ${spec}`);
      return { path: p, format, label: 'LOC' };
    });
    // One matcher per corpus (files of one corpus share it): the knowledge base is loaded once.
    const matchers = new Map<string, GazetteerMatcher>();
    const matcherFor = async (file: string): Promise<GazetteerMatcher> => {
      let config = fixedConfig;
      if (!config) {
        const corpus = await findCorpus(file, exists);
        config = corpus ? (await loadCorpusConfig(corpus.root)).config : defaultConfig(path.dirname(file));
      }
      if (values['no-builtin']) config = { ...config, builtinGazetteer: false };
      let matcher = matchers.get(config.root);
      if (!matcher) {
        try {
          matcher = await loadMatcher(config, { extraGazetteers: extra });
        } catch (error) {
          throw new CliError((error as Error).message, 1);
        }
        matchers.set(config.root, matcher);
      }
      return matcher;
    };
    const quoted = new Map<string, string>();
    const json = (value: string): string => {
      let q = quoted.get(value);
      if (q === undefined) quoted.set(value, (q = JSON.stringify(value)));
      return q;
    };
    // Output in blocks of about 64 KB: one write per line costs more than the matching itself on a large text.
    let block = '';
    for (const given of files) {
      const file = path.resolve(given);
      // UTF-8 only: another encoding is named and refused, never matched as U+FFFD characters.
      const article = await readArticle(file, given);
      if (isReadFailure(article)) {
        if (block) io.out(block);
        throw new CliError(article.error.message, 1);
      }
      const matcher = await matcherFor(file);
      const { text } = article;
      const index = CodePointIndex.of(text);
      const head = several ? `{"file":${JSON.stringify(given)},"start":` : '{"start":';
      for (const c of matcher.matchAll(text, index)) {
        // The line JSON.stringify would make of {file?, start, end, label, text, ref, source, name, description?},
        // written out: labels, sources, refs and names repeat from match to match, and are quoted once each.
        const ref = c.ref === undefined ? 'null' : json(c.ref);
        block += `${head}${c.start},"end":${c.end},"label":${json(c.label)},"text":${JSON.stringify(text.slice(index.toUtf16(c.start), index.toUtf16(c.end)))},"ref":${ref},"source":${json(c.source)},"name":${json(c.name)}${c.description ? `,"description":${json(c.description)}` : ''}}\n`;
        if (block.length >= OUTPUT_BLOCK) {
          io.out(block);
          block = '';
        }
      }
    }
    if (block) io.out(block);
    return 0;
  },
};
