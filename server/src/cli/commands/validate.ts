// `hashiya validate [DIR]`: every sidecar of the corpus checked against its article; for a corpus's CI.
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { loadArticle } from '../../core/corpus/article';
import { listArticles, loadCorpusConfig } from '../../core/corpus/load';
import { formatProblem, lineAndColumn, type Problem } from '../../core/sidecar/problems';
import { validateSidecar } from '../../core/sidecar/validate';
import { isSidecarPath } from '../../core/sidecar/store';
import { articleOfSidecar, readSidecarFile } from '../../core/corpus/read';
import { parseCommandArgs } from '../args';
import type { Command } from '../registry';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check every sidecar of a corpus (format, order, text, sha256, labels); exit 1 on errors',
  usage: `usage: hashiya validate [DIR] [--json] [--warnings-as-errors]

Checks every *.ann.json under DIR (default: .) against its article: the hashiya/1 format, entities sorted and
unique, each entity's "text" equal to the characters it covers, sha256 equal to the article's, labels defined in
hashiya.json. Prints file:line:col: lines and exits 1 when there are errors, 0 when the corpus is clean.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      'warnings-as-errors': { type: 'boolean' },
    });
    const root = path.resolve(positionals[0] ?? '.');
    const { config, problems: configProblems, configPath, configText } = await loadCorpusConfig(root);
    const report: Array<{ file: string; problem: Problem; fileText: string }> = [];
    for (const problem of configProblems) report.push({ file: configPath!, problem, fileText: configText! });

    const labels = new Set(config.labels.map((l) => l.name));
    const articles = await listArticles(config);
    const seenSidecars = new Set<string>();
    let sidecars = 0;
    for (const articlePath of articles) {
      const article = await loadArticle(articlePath, path.relative(process.cwd(), articlePath) || articlePath);
      if (article.articleError) {
        // Its sidecar (if any) cannot be checked against text that cannot be read.
        report.push({ file: articlePath, problem: { severity: 'error', message: article.articleError.message, offset: 0, length: 0, code: article.articleError.code }, fileText: '' });
      }
      if (!article.parsed) continue;
      sidecars++;
      seenSidecars.add(article.sidecarPath);
      if (article.articleError) continue;
      const problems = validateSidecar(article.parsed, { text: article.text, sha256: article.sha256, name: path.basename(articlePath) }, { labels });
      for (const problem of problems) report.push({ file: article.sidecarPath, problem, fileText: article.sidecarText! });
    }
    // Sidecars whose article is missing are errors too: their annotations refer to nothing.
    for (const sidecarPath of await findSidecars(root)) {
      if (seenSidecars.has(sidecarPath)) continue;
      const read = await readSidecarFile(sidecarPath);
      if (read.state === 'missing') continue;
      const { fileText, parsed } = read;
      const article = articleOfSidecar(sidecarPath);
      const problems = [...parsed.problems];
      problems.push({ severity: 'error', message: `no article ${path.basename(article)} in the corpus for this sidecar`, offset: 0, length: 1, code: 'orphan-sidecar' });
      for (const problem of problems) report.push({ file: sidecarPath, problem, fileText });
    }

    const errors = report.filter((r) => r.problem.severity === 'error' || (values['warnings-as-errors'] && r.problem.severity === 'warning'));
    // Once per file, and the output in one write: a sidecar may have tens of thousands of problems.
    const relative = new Map<string, string>();
    const rel = (file: string) => relative.get(file) ?? relative.set(file, path.relative(process.cwd(), file) || file).get(file)!;
    const lines: string[] = [];
    if (values.json) {
      for (const r of report) lines.push(JSON.stringify({ file: rel(r.file), ...lineAndColumn(r.fileText, r.problem.offset), severity: r.problem.severity, code: r.problem.code, message: r.problem.message }) + '\n');
    } else {
      for (const r of report) lines.push(formatProblem(rel(r.file), r.fileText, r.problem) + '\n');
    }
    if (lines.length > 0) io.out(lines.join(''));
    io.err(`${articles.length} articles, ${sidecars} sidecars, ${errors.length} errors, ${report.length - errors.length} warnings\n`);
    return errors.length > 0 ? 1 : 0;
  },
};

async function findSidecars(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && entry.name !== 'node_modules') await walk(full);
      } else if (isSidecarPath(entry.name)) out.push(full);
    }
  };
  await walk(root);
  return out.sort();
}
