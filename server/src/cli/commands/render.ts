// `hashiya render SIDECAR`: the article with inline marks, for `git diff` textconv.
import * as path from 'node:path';
import { findCorpus } from '../../core/corpus/discover';
import { loadCorpusConfig } from '../../core/corpus/load';
import { articleOfSidecar, containedRealPath, isReadFailure, readArticle, readSidecarFile } from '../../core/corpus/read';
import { describeReanchor, reanchorStaleSidecar } from '../../core/annotations/reanchorSidecar';
import { defaultTextCacheFolder, GitHistory, historyChain, TextCache } from '../../core/annotations/textHistory';
import { formatProblem, type Problem } from '../../core/sidecar/problems';
import { renderInline } from '../../core/sidecar/render';
import { validateSidecar } from '../../core/sidecar/validate';
import { promises as fs } from 'node:fs';
import { parseCommandArgs } from '../args';
import { CliError } from '../io';
import type { Command } from '../registry';

/** What a sidecar written for an earlier version of its article shows besides its sha256: offsets that moved. */
const STALE_CODES = new Set(['sha256-mismatch', 'text-mismatch', 'out-of-range']);

export const renderCommand: Command = {
  name: 'render',
  summary: 'print an article with its entities marked inline, e.g. [ذي قار]{LOC} (a git diff textconv)',
  usage: `usage: hashiya render SIDECAR

Prints the article of SIDECAR (dir/name.ann.json -> dir/name.txt, the file beside it) with every entity marked
as [text]{LABEL ref}, one output line per article line. A sidecar that "validate" rejects is not rendered: its
errors are printed as "validate" prints them (exit 1). Two exceptions keep "git diff" working: a sidecar written
for an earlier version of its article (sha256 mismatch) is shown re-anchored as "validate --fix" would place it,
with a warning on standard error; a sidecar with conflict markers is printed as it is. For git:
  git config diff.hashiya.textconv "hashiya render"   and   *.ann.json diff=hashiya   in .gitattributes`,
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length !== 1) throw new CliError('expected one SIDECAR argument');
    const shown = positionals[0];
    const sidecarPath = path.resolve(shown);
    const read = await readSidecarFile(sidecarPath, shown);
    if (read.state === 'missing') throw new CliError(`${shown}: no such file`, 1);
    // An unfinished merge: as a textconv this must not fail (git diff would stop), so the file is shown as it is.
    if (read.parsed.problems.some((p) => p.code === 'conflict-markers')) {
      io.out(read.fileText);
      return 0;
    }
    const articlePath = articleOfSidecar(sidecarPath);
    const articleShown = path.join(path.dirname(shown), path.basename(articlePath));
    const report = (problems: readonly Problem[]) => {
      for (const p of problems) io.err(formatProblem(shown, read.fileText, p) + '\n');
      return 1;
    };
    if (!read.parsed.sidecar) return report(read.parsed.problems);
    // The article must really be in the sidecar's folder (not a symbolic link to a file elsewhere).
    if (!(await containedRealPath(path.dirname(sidecarPath), articlePath)) && (await fs.stat(articlePath).catch(() => undefined))) {
      throw new CliError(`${articleShown} leads out of the folder of ${shown} (a symbolic link); refused`, 1);
    }
    const article = await readArticle(articlePath, articleShown);
    if (isReadFailure(article) && article.error.code === 'missing') {
      // git runs a textconv on a copy of the old sidecar in a temporary folder, with no article beside it. The
      // text it was written for is shown when the cache of texts holds it (by its sha256); otherwise the entities
      // alone, one per line with their text — still a readable diff, never a failed one.
      const sidecar = read.parsed.sidecar;
      const known = await new TextCache(defaultTextCacheFolder()).find(sidecar.sha256).catch(() => undefined);
      if (known !== undefined) {
        const rendered = renderInline(known, sidecar.entities);
        io.out(rendered.endsWith('\n') ? rendered : rendered + '\n');
        return 0;
      }
      io.err(`${shown}: note: no article ${articleShown} beside it; its entities are listed without the text\n`);
      io.out(`status: ${sidecar.status}\n`);
      for (const e of sidecar.entities) io.out(`[${e.text}]{${e.label}${e.ref ? ' ' + e.ref : ''}} ${e.start}-${e.end}\n`);
      for (const e of sidecar.unresolved) io.out(`unresolved [${e.text}]{${e.label}${e.ref ? ' ' + e.ref : ''}}\n`);
      return 0;
    }
    if (isReadFailure(article)) throw new CliError(article.error.message, 1);
    const corpus = await findCorpus(sidecarPath, (f) => fs.stat(f).then(() => true, () => false));
    const labels = corpus?.configured ? new Set((await loadCorpusConfig(corpus.root)).config.labels.map((l) => l.name)) : undefined;
    const sidecar = read.parsed.sidecar;
    const errors = validateSidecar(read.parsed, { ...article, name: path.basename(articlePath) }, labels ? { labels } : {}).filter((p) => p.severity === 'error');
    let entities = sidecar.entities;
    if (sidecar.sha256 !== article.sha256) {
      // The article was edited outside the editor (in `git diff`, a working-tree article): the offsets are those
      // of the earlier text. Failing here would stop `git diff`, so the annotations are shown where
      // `validate --fix` would put them, with a warning; any other error still refuses.
      const other = errors.filter((p) => !STALE_CODES.has(p.code));
      if (other.length > 0) return report(other);
      const history = historyChain(new TextCache(defaultTextCacheFolder()), new GitHistory());
      const placed = await reanchorStaleSidecar(sidecar, { articlePath, text: article.text, sha256: article.sha256 }, history);
      entities = placed.sidecar.entities;
      io.err(`${shown}: warning: the sha256 does not match ${articleShown} (edited since the sidecar was written); shown re-anchored: ${describeReanchor(placed.report)}; hashiya validate --fix rewrites the sidecar\n`);
    } else if (errors.length > 0) {
      return report(errors);
    }
    const rendered = renderInline(article.text, entities);
    io.out(rendered.endsWith('\n') ? rendered : rendered + '\n');
    return 0;
  },
};
