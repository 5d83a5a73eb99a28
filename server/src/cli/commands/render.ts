// `hashiya render SIDECAR`: the article with inline marks, for `git diff` textconv.
import * as path from 'node:path';
import { findCorpus } from '../../core/corpus/discover';
import { loadCorpusConfig } from '../../core/corpus/load';
import { articleOfSidecar, containedRealPath, isReadFailure, readArticle, readSidecarFile } from '../../core/corpus/read';
import { formatProblem } from '../../core/sidecar/problems';
import { renderInline } from '../../core/sidecar/render';
import { validateSidecar } from '../../core/sidecar/validate';
import { promises as fs } from 'node:fs';
import { parseCommandArgs } from '../args';
import { CliError } from '../io';
import type { Command } from '../registry';

export const renderCommand: Command = {
  name: 'render',
  summary: 'print an article with its entities marked inline, e.g. [ذي قار]{LOC} (a git diff textconv)',
  usage: `usage: hashiya render SIDECAR

Prints the article of SIDECAR (dir/name.ann.json -> dir/name.txt, the file beside it) with every entity marked
as [text]{LABEL ref}, one output line per article line. A sidecar that "validate" rejects is not rendered: its
errors are printed as "validate" prints them (exit 1). For git:
  git config diff.hashiya.textconv "hashiya render"   and   *.ann.json diff=hashiya   in .gitattributes`,
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length !== 1) throw new CliError('expected one SIDECAR argument');
    const shown = positionals[0];
    const sidecarPath = path.resolve(shown);
    const read = await readSidecarFile(sidecarPath, shown);
    if (read.state === 'missing') throw new CliError(`${shown}: no such file`, 1);
    const articlePath = articleOfSidecar(sidecarPath);
    const articleShown = path.join(path.dirname(shown), path.basename(articlePath));
    const report = (problems: ReturnType<typeof validateSidecar>) => {
      for (const p of problems) io.err(formatProblem(shown, read.fileText, p) + '\n');
      return 1;
    };
    if (!read.parsed.sidecar) return report(read.parsed.problems);
    // The article must really be in the sidecar's folder (not a symbolic link to a file elsewhere).
    if (!(await containedRealPath(path.dirname(sidecarPath), articlePath)) && (await fs.stat(articlePath).catch(() => undefined))) {
      throw new CliError(`${articleShown} leads out of the folder of ${shown} (a symbolic link); refused`, 1);
    }
    const article = await readArticle(articlePath, articleShown);
    if (isReadFailure(article)) {
      throw new CliError(article.error.code === 'missing' ? `${shown}: its article ${articleShown} is missing` : article.error.message, 1);
    }
    const corpus = await findCorpus(sidecarPath, (f) => fs.stat(f).then(() => true, () => false));
    const labels = corpus?.configured ? new Set((await loadCorpusConfig(corpus.root)).config.labels.map((l) => l.name)) : undefined;
    const problems = validateSidecar(read.parsed, { ...article, name: path.basename(articlePath) }, labels ? { labels } : {});
    if (problems.some((p) => p.severity === 'error')) return report(problems.filter((p) => p.severity === 'error'));
    const rendered = renderInline(article.text, read.parsed.sidecar.entities);
    io.out(rendered.endsWith('\n') ? rendered : rendered + '\n');
    return 0;
  },
};
