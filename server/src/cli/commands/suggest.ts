// `hashiya suggest FILE`: pre-annotation as JSON Lines, from the built-in gazetteer, the corpus's gazetteers and
// any given on the command line.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { findCorpus } from '../../core/corpus/discover';
import { loadCorpusConfig } from '../../core/corpus/load';
import { defaultConfig, GAZETTEER_FORMATS, type GazetteerFormat, parseConfig } from '../../core/corpus/config';
import { buildMatcher, readKnowledge } from '../../core/gazetteer/load';
import { isReadFailure, readArticle } from '../../core/corpus/read';
import { parseCommandArgs } from '../args';
import { CliError } from '../io';
import type { Command } from '../registry';

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
  usage: `usage: hashiya suggest FILE [--gazetteer PATH[:FORMAT]]... [--no-builtin] [--config hashiya.json]

Prints {"start","end","label","text","ref","source",...} for every knowledge-base match in FILE, one per line;
offsets are code points into FILE (BOM removed). Gazetteers: TSV name<TAB>label[<TAB>ref[<TAB>description]],
GeoNames tables (cities15000.txt, XX.txt) and JSON Lines; the format follows the file name unless given as
PATH:tsv, PATH:geonames or PATH:jsonl. Settings come from --config, else from the hashiya.json of FILE's corpus,
else the defaults.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      gazetteer: { type: 'string', multiple: true },
      'no-builtin': { type: 'boolean' },
      config: { type: 'string' },
    });
    if (positionals.length !== 1) throw new CliError('expected one FILE');
    const file = path.resolve(positionals[0]);
    const article = await readArticle(file, positionals[0]);
    if (isReadFailure(article)) throw new CliError(article.error.message, 1);
    let config;
    if (values.config) {
      const configPath = path.resolve(values.config);
      const parsed = parseConfig(path.dirname(configPath), await fs.readFile(configPath, 'utf8'));
      if (parsed.problems.some((p) => p.severity === 'error')) throw new CliError(`${values.config}: ${parsed.problems[0].message}`, 1);
      config = parsed.config;
    } else {
      const corpus = await findCorpus(file, exists);
      config = corpus ? (await loadCorpusConfig(corpus.root)).config : defaultConfig(path.dirname(file));
    }
    if (values['no-builtin']) config = { ...config, builtinGazetteer: false };
    const extra = (values.gazetteer ?? []).map((spec) => {
      const m = /^(.*):(tsv|geonames|jsonl)$/.exec(spec);
      const p = path.resolve(m ? m[1] : spec);
      const format = m ? (m[2] as GazetteerFormat) : formatOf(p);
      if (!GAZETTEER_FORMATS.includes(format)) throw new CliError(`unknown gazetteer format in ${spec}`);
      return { path: p, format, label: 'LOC' };
    });
    let matcher;
    try {
      matcher = buildMatcher(config, await readKnowledge(config, { extraGazetteers: extra }));
    } catch (error) {
      throw new CliError((error as Error).message, 1);
    }
    const { text } = article;
    const chars = [...text];
    for (const c of matcher.matchAll(text)) {
      const line: Record<string, unknown> = { start: c.start, end: c.end, label: c.label, text: chars.slice(c.start, c.end).join(''), ref: c.ref ?? null, source: c.source, name: c.name };
      if (c.description) line.description = c.description;
      io.out(JSON.stringify(line) + '\n');
    }
    return 0;
  },
};
