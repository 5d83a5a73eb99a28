// `hashiya validate [DIR] [--fix]`: every sidecar of the corpus checked against its article; for a corpus's CI.
// With --fix, a sidecar written for an earlier version of its article is re-anchored and rewritten.
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { loadArticleSync } from '../../core/corpus/article';
import { listArticles, loadCorpusConfig } from '../../core/corpus/load';
import type { Problem } from '../../core/sidecar/problems';
import { validateSidecar } from '../../core/sidecar/validate';
import { isSidecarPath } from '../../core/sidecar/store';
import { articleOfSidecar, readSidecarFile } from '../../core/corpus/read';
import { parseSidecar } from '../../core/sidecar/parse';
import { serializeSidecar } from '../../core/sidecar/serialize';
import { writeFileAtomic } from '../../core/sidecar/store';
import { describeReanchor, reanchorStaleSidecar } from '../../core/annotations/reanchorSidecar';
import { defaultTextCacheFolder, GitHistory, historyChain, TextCache } from '../../core/annotations/textHistory';
import { parseCommandArgs } from '../args';
import { type CheckedDocument, corpusWideProblems } from '../corpusChecks';
import { printProblems, reportFormat } from '../problemReport';
import type { Command } from '../registry';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check every sidecar of a corpus (format, order, text, sha256, labels, consistency); exit 1 on errors',
  usage: `usage: hashiya validate [DIR] [--format text|json|github] [--strict] [--fix]

Checks every *.ann.json under DIR (default: .) against its article: the hashiya/1 format, entities sorted and
unique, each entity's "text" equal to the characters it covers, sha256 equal to the article's, labels defined in
hashiya.json; an unfinished merge (conflict markers) is an error of its own. Warnings, corpus-wide: an entity
edge inside a word (a proclitic before the entity is not a cut), a ref the knowledge base does not know, the
same normalised surface form labelled differently in the corpus, unresolved annotations.
--format text prints file:line:col: lines, json one JSON object per line (--json is the same), github GitHub
Actions annotations (::error file=…,line=…,col=…::…). Exits 1 when there are errors (with --strict, also
warnings; --warnings-as-errors is the same), 0 otherwise.

--fix   re-anchors every sidecar whose sha256 is not its article's (the article was edited outside the editor)
        and rewrites it with the article's sha256, printing per file how many annotations stayed, moved or were
        left unresolved (kept under "unresolved", never dropped). When the text the sidecar was written for is
        found — in the corpus's git history or in the cache of texts ($XDG_CACHE_HOME/hashiya/texts, or
        ~/.cache/hashiya/texts) — offsets are mapped through an exact diff; otherwise each annotation's text is
        searched for. Keys this version does not know are kept. A sidecar that cannot be read is reported and
        left as it is.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string' },
      strict: { type: 'boolean' },
      json: { type: 'boolean' },
      'warnings-as-errors': { type: 'boolean' },
      fix: { type: 'boolean' },
    });
    const format = reportFormat(values.format, values.json);
    const cache = new TextCache(defaultTextCacheFolder());
    const history = historyChain(cache, new GitHistory());
    const rel = (file: string) => path.relative(process.cwd(), file) || file;
    const root = path.resolve(positionals[0] ?? '.');
    const { config, problems: configProblems, configPath, configText } = await loadCorpusConfig(root);
    const report: Array<{ file: string; problem: Problem; fileText: string }> = [];
    for (const problem of configProblems) report.push({ file: configPath!, problem, fileText: configText! });

    const labels = new Set(config.labels.map((l) => l.name));
    const articles = await listArticles(config);
    const seenSidecars = new Set<string>();
    let sidecars = 0;
    const checked: CheckedDocument[] = [];
    let fixed = 0;
    for (const articlePath of articles) {
      // Read synchronously: through the promise API, reading 20,000 small files costs seconds of CPU.
      const article = loadArticleSync(articlePath, path.relative(process.cwd(), articlePath) || articlePath);
      if (article.articleError) {
        // Its sidecar (if any) cannot be checked against text that cannot be read.
        report.push({ file: articlePath, problem: { severity: 'error', message: article.articleError.message, offset: 0, length: 0, code: article.articleError.code }, fileText: '' });
      }
      if (!article.parsed) continue;
      sidecars++;
      seenSidecars.add(article.sidecarPath);
      // Its sidecar cannot be checked (or re-anchored) against text that cannot be read: reported above.
      if (article.articleError) continue;
      let parsed = article.parsed;
      let sidecarText = article.sidecarText!;
      // Only a sidecar that was read whole is rewritten: a corrupt one stays byte for byte as it is.
      if (values.fix && parsed.sidecar && parsed.sidecar.sha256 !== article.sha256) {
        const { sidecar, report: counts } = await reanchorStaleSidecar(parsed.sidecar, article, history);
        const newText = serializeSidecar(sidecar);
        try {
          await writeFileAtomic(article.sidecarPath, newText);
          sidecarText = newText;
          parsed = parseSidecar(sidecarText);
          io.err(`${rel(article.sidecarPath)}: re-anchored: ${describeReanchor(counts)}\n`);
          fixed++;
          // The text it is anchored against now: the next edit of the article can be mapped exactly.
          const bytes = await fs.readFile(articlePath);
          await cache.remember(bytes).catch((error: Error) => io.err(`hashiya validate: cannot keep a copy of the text in ${cache.folder}: ${error.message}\n`));
        } catch (error) {
          // The old sidecar is still there, whole (atomic write); its problems are reported below as they are.
          report.push({ file: article.sidecarPath, problem: { severity: 'error', message: `cannot rewrite the sidecar: ${(error as Error).message}`, offset: 0, length: 1, code: 'fix-failed' }, fileText: sidecarText });
        }
      }
      const problems = validateSidecar(parsed, { text: article.text, sha256: article.sha256, name: path.basename(articlePath) }, { labels });
      for (const problem of problems) report.push({ file: article.sidecarPath, problem, fileText: sidecarText });
      if (parsed.sidecar) checked.push({ file: article.sidecarPath, name: path.relative(process.cwd(), article.sidecarPath), text: article.text, entities: parsed.sidecar.entities, entityOffsets: parsed.entityOffsets.entities, sidecarText });
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

    const corpusWide = await corpusWideProblems(config, checked);
    for (const problem of corpusWide.problems) report.push(problem);
    for (const note of corpusWide.notes) io.err(`note: ${note}\n`);
    const strict = values.strict || values['warnings-as-errors'];
    const errors = report.filter((r) => r.problem.severity === 'error' || (strict && r.problem.severity === 'warning'));
    printProblems(sortedReport(report), format, io);
    const fixedNote = values.fix ? `, ${fixed} re-anchored` : '';
    io.err(`${articles.length} articles, ${sidecars} sidecars${fixedNote}, ${errors.length} errors, ${report.length - errors.length} warnings\n`);
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

/** Problems by file, then by place in the file, so that corpus-wide warnings sit with the file's other problems. */
function sortedReport<T extends { file: string; problem: Problem }>(report: T[]): T[] {
  return [...report].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.problem.offset - b.problem.offset));
}
