// `hashiya diff A B [-- DIR...]`: annotation-level differences between two sidecars, two corpus folders or two
// git revisions of a corpus, each change with a line of the article around it.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { contextLine } from '../../core/sidecar/context';
import { type AnnotationChange, diffSidecars, isEmptyDiff, type SidecarDiff } from '../../core/sidecar/diff';
import { parseSidecar } from '../../core/sidecar/parse';
import { formatProblem } from '../../core/sidecar/problems';
import type { Entity, Sidecar } from '../../core/sidecar/types';
import { articleOfSidecar, decodeArticleBytes, isReadFailure, readArticle } from '../../core/corpus/read';
import { parseCommandArgs } from '../args';
import { isGitRevision, listTree, readBlobs } from '../gitObjects';
import { CliError, type CliIO } from '../io';
import type { Command } from '../registry';
import { listSidecars } from '../sidecarFiles';

/** One sidecar on one side: its text and a way to read its article (for context), both possibly absent. */
interface Version {
  text?: string;
  article(name: string): Promise<string | undefined>;
}

interface Pair {
  name: string;
  a: Version;
  b: Version;
}

const KIND_ORDER = ['added', 'removed', 'relabelled', 'ref', 'changed', 'moved'] as const;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'annotation-level diff of two sidecars, corpus folders or git revisions (added, removed, relabelled, …)',
  usage: `usage: hashiya diff A B [--json] [--context N]
       hashiya diff REV_A REV_B [-- PATH...] [--json]

Compares annotations, not lines: added, removed, relabelled (same span, other label), ref changed, changed (text
or other keys), moved (same label, boundaries moved), and status, rejections and unresolved entries. A and B are
two sidecars, two corpus folders (sidecars paired by relative path), or two git revisions (e.g. HEAD~1 HEAD,
read from the repository of the current folder; only sidecars whose blobs differ are read). Each change is shown
with its article line around it (--context N characters each side, default 40). --json prints one object.
Exit 0 when there is no difference, 1 when there are differences, 2 on errors.`,
  async run(args, io) {
    const dashes = args.indexOf('--');
    const pathspecs = dashes >= 0 ? args.slice(dashes + 1) : [];
    const { values, positionals } = parseCommandArgs(dashes >= 0 ? args.slice(0, dashes) : args, {
      json: { type: 'boolean' },
      context: { type: 'string' },
    });
    if (positionals.length !== 2) throw new CliError('expected two sidecars, folders or revisions');
    const width = values.context === undefined ? 40 : Number(values.context);
    if (!Number.isInteger(width) || width < 0) throw new CliError('--context must be a whole number ≥ 0');
    const [a, b] = positionals;
    const pairs = dashes < 0 && (await exists(a)) && (await exists(b)) ? await filePairs(a, b) : await revisionPairs(a, b, pathspecs);

    const files: Array<{ name: string; diff: SidecarDiff; contexts: Map<AnnotationChange, string | undefined> }> = [];
    let errors = 0;
    for (const pair of pairs) {
      if (pair.a.text === pair.b.text) continue;
      const before = readSide(pair.name, pair.a.text, io);
      const after = readSide(pair.name, pair.b.text, io);
      if (before === 'unreadable' || after === 'unreadable') {
        errors++;
        continue;
      }
      const diff = diffSidecars(before, after);
      if (isEmptyDiff(diff)) continue;
      const articleA = before ? await pair.a.article(before.text) : undefined;
      const articleB = after ? await pair.b.article(after.text) : undefined;
      const contexts = new Map<AnnotationChange, string | undefined>();
      for (const change of diff.changes) {
        const [text, entity] = change.after ? [articleB, change.after] : [articleA, change.before!];
        contexts.set(change, text === undefined ? undefined : contextLine(text, entity, width));
      }
      files.push({ name: pair.name, diff, contexts });
    }

    const totals: Record<string, number> = Object.fromEntries(KIND_ORDER.map((k) => [k, 0]));
    for (const f of files) for (const c of f.diff.changes) totals[c.kind]++;
    if (values.json) {
      const json = files.map((f) => ({
        file: f.name,
        ...(f.diff.status ? { status: f.diff.status } : {}),
        changes: f.diff.changes.map((c) => ({ ...c, context: f.contexts.get(c) })),
        rejected: f.diff.rejected,
        unresolved: f.diff.unresolved,
      }));
      io.out(JSON.stringify({ files: json, totals: { files: files.length, ...totals } }, null, 2) + '\n');
    } else {
      for (const f of files) io.out(formatFile(f.name, f.diff, f.contexts));
    }
    io.err(`${files.length} sidecar${files.length === 1 ? '' : 's'} changed: ${KIND_ORDER.map((k) => `${totals[k]} ${k === 'ref' ? 'ref changed' : k}`).join(', ')}${errors ? `; ${errors} could not be read` : ''}\n`);
    return errors > 0 ? 2 : files.length > 0 ? 1 : 0;
  },
};

function readSide(name: string, text: string | undefined, io: CliIO): Sidecar | undefined | 'unreadable' {
  if (text === undefined) return undefined;
  const parsed = parseSidecar(text);
  if (parsed.sidecar) return parsed.sidecar;
  for (const p of parsed.problems.filter((q) => q.severity === 'error')) io.err(formatProblem(name, text, p) + '\n');
  return 'unreadable';
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

// A sidecar's article is the file beside it, whatever its "text" says (following it would let a sidecar make diff
// read any file), and UTF-8: an article in another encoding gives no context rather than U+FFFD characters.
const readArticleBeside = async (sidecarFile: string) => {
  const article = await readArticle(articleOfSidecar(sidecarFile));
  return isReadFailure(article) ? undefined : article.text;
};

async function filePairs(a: string, b: string): Promise<Pair[]> {
  const [statA, statB] = await Promise.all([fs.stat(a), fs.stat(b)]);
  if (statA.isDirectory() !== statB.isDirectory()) throw new CliError('compare two sidecars or two folders, not one of each');
  const version = async (file: string | undefined): Promise<Version> => ({
    text: file === undefined ? undefined : await fs.readFile(file, 'utf8').catch(() => undefined),
    article: async () => (file === undefined ? undefined : readArticleBeside(file)),
  });
  if (!statA.isDirectory()) return [{ name: b, a: await version(a), b: await version(b) }];
  const [listA, listB] = await Promise.all([listSidecars(a), listSidecars(b)]);
  const inA = new Set(listA);
  const inB = new Set(listB);
  const names = [...new Set([...listA, ...listB])].sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      a: await version(inA.has(name) ? path.join(a, name) : undefined),
      b: await version(inB.has(name) ? path.join(b, name) : undefined),
    })),
  );
}

async function revisionPairs(revA: string, revB: string, pathspecs: string[]): Promise<Pair[]> {
  const cwd = process.cwd();
  for (const rev of [revA, revB]) {
    if (!(await isGitRevision(cwd, rev))) throw new CliError(`${rev}: neither a file or folder nor a git revision here`, 2);
  }
  const [treeA, treeB] = await Promise.all([listTree(cwd, revA, pathspecs), listTree(cwd, revB, pathspecs)]);
  const sidecarNames = [...new Set([...treeA.keys(), ...treeB.keys()])].filter((n) => n.endsWith('.ann.json')).sort();
  // Only sidecars whose blob differs; their articles for context come in the same batch.
  const changed = sidecarNames.filter((n) => treeA.get(n) !== treeB.get(n));
  const articleOf = (name: string, tree: Map<string, string>) => tree.get(name.replace(/\.ann\.json$/, '.txt'));
  const ids = changed.flatMap((n) => [treeA.get(n), treeB.get(n), articleOf(n, treeA), articleOf(n, treeB)]).filter((x): x is string => !!x);
  const blobs = await readBlobs(cwd, ids);
  const version = (name: string, tree: Map<string, string>): Version => {
    const id = tree.get(name);
    return {
      text: id ? blobs.get(id)?.toString('utf8') : undefined,
      article: async () => {
        const articlePath = name.replace(/\.ann\.json$/, '') + '.txt';
        const articleId = tree.get(articlePath);
        if (!articleId) return undefined;
        const bytes = blobs.get(articleId) ?? (await readBlobs(cwd, [articleId])).get(articleId);
        const article = bytes ? decodeArticleBytes(bytes, articlePath) : undefined;
        return article && !isReadFailure(article) ? article.text : undefined;
      },
    };
  };
  return changed.map((name) => ({ name, a: version(name, treeA), b: version(name, treeB) }));
}

const span = (e: Entity) => `[${e.start}, ${e.end})`;
const show = (e: Entity) => `${span(e)} ${e.label} ${JSON.stringify(e.text)}${e.ref ? ' ' + e.ref : ''}`;

function describe(c: AnnotationChange): string {
  const a = c.before!;
  const b = c.after!;
  switch (c.kind) {
    case 'added':
      return `+ ${show(b)}`;
    case 'removed':
      return `- ${show(a)}`;
    case 'relabelled':
      return `~ relabelled ${span(b)} ${JSON.stringify(b.text)}: ${a.label} → ${b.label}`;
    case 'ref':
      return `~ ref ${span(b)} ${b.label} ${JSON.stringify(b.text)}: ${a.ref ?? '(none)'} → ${b.ref ?? '(none)'}`;
    case 'changed':
      return `~ changed ${show(a)} → ${JSON.stringify(b.text)}${b.extra ? ' ' + JSON.stringify(b.extra) : ''}`;
    case 'moved':
      return `~ moved ${b.label} ${span(a)} ${JSON.stringify(a.text)} → ${span(b)} ${JSON.stringify(b.text)}`;
  }
}

function formatFile(name: string, diff: SidecarDiff, contexts: Map<AnnotationChange, string | undefined>): string {
  const lines = [`=== ${name}`];
  if (diff.status) lines.push(`  status: ${diff.status.before ?? '(none)'} → ${diff.status.after ?? '(none)'}`);
  for (const c of diff.changes) {
    lines.push(`  ${describe(c)}`);
    const context = contexts.get(c);
    if (context !== undefined) lines.push(`      ${context}`);
  }
  for (const e of diff.rejected.added) lines.push(`  + rejected ${show(e)}`);
  for (const e of diff.rejected.removed) lines.push(`  - rejected ${show(e)}`);
  for (const e of diff.unresolved.added) lines.push(`  + unresolved ${show(e)}`);
  for (const e of diff.unresolved.removed) lines.push(`  - unresolved ${show(e)}`);
  return lines.join('\n') + '\n';
}
