// `hashiya render SIDECAR`: the article with inline marks, for `git diff` textconv.
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { decodeArticle } from '../../core/text/codePoints';
import { parseSidecar } from '../../core/sidecar/parse';
import { formatProblem } from '../../core/sidecar/problems';
import { renderInline } from '../../core/sidecar/render';
import { articlePathFor } from '../../core/sidecar/store';
import { parseCommandArgs } from '../args';
import { CliError } from '../io';
import type { Command } from '../registry';

export const renderCommand: Command = {
  name: 'render',
  summary: 'print an article with its entities marked inline, e.g. [ذي قار]{LOC} (a git diff textconv)',
  usage: `usage: hashiya render SIDECAR

Prints the article of SIDECAR (dir/name.ann.json -> dir/name.txt, or the file its "text" names) with every
entity marked as [text]{LABEL ref}, one output line per article line. For git:
  git config diff.hashiya.textconv "hashiya render"   and   *.ann.json diff=hashiya   in .gitattributes`,
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length !== 1) throw new CliError('expected one SIDECAR argument');
    const sidecarPath = path.resolve(positionals[0]);
    const fileText = await fs.readFile(sidecarPath, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new CliError(`${positionals[0]}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`, 1);
    });
    const parsed = parseSidecar(fileText);
    // An unfinished merge: as a textconv this must not fail (git diff would stop), so the file is shown as it is.
    if (parsed.problems.some((p) => p.code === 'conflict-markers')) {
      io.out(fileText);
      return 0;
    }
    if (!parsed.sidecar) {
      for (const p of parsed.problems) io.err(formatProblem(positionals[0], fileText, p) + '\n');
      return 1;
    }
    const articlePath = articlePathFor(sidecarPath, parsed.sidecar.text);
    const bytes = await fs.readFile(articlePath).catch(() => {
      throw new CliError(`${positionals[0]}: its article ${parsed.sidecar!.text} is missing`, 1);
    });
    const { text } = decodeArticle(bytes);
    const rendered = renderInline(text, parsed.sidecar.entities);
    io.out(rendered.endsWith('\n') ? rendered : rendered + '\n');
    return 0;
  },
};
