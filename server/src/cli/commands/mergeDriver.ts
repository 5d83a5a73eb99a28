// `hashiya merge-driver BASE OURS THEIRS [PATH]`: git's merge driver for sidecars (`%O %A %B %P`). Git expects
// the result in OURS and the exit code to say whether it is clean. A sidecar that cannot be read is never
// rewritten: OURS stays as it is and git marks the file conflicted.
import { promises as fs } from 'node:fs';
import { parseConflicted, serializeConflicted } from '../../core/sidecar/conflicted';
import { mergeSidecars } from '../../core/sidecar/merge';
import { parseSidecar } from '../../core/sidecar/parse';
import { formatProblem } from '../../core/sidecar/problems';
import { writeFileAtomic } from '../../core/sidecar/store';
import type { Sidecar } from '../../core/sidecar/types';
import { parseCommandArgs } from '../args';
import { CliError } from '../io';
import type { Command } from '../registry';

export const mergeDriverCommand: Command = {
  name: 'merge-driver',
  summary: 'git merge driver for *.ann.json: merges annotations by identity, conflicts only where both sides differ',
  usage: `usage: hashiya merge-driver BASE OURS THEIRS [PATH]

Git merge driver for sidecars (git passes %O %A %B %P). Merges the three versions by annotation identity
(start, end, label): every annotation either side added is kept, a removal or a ref change on one side wins over
no change, and only an annotation (or the labels of one span, or the status) changed differently on both sides is
a conflict. Writes the result into OURS; exits 0 when clean, 1 when there are conflicts (OURS then holds the
sidecar with each conflicting line between <<<<<<< ours / ======= / >>>>>>> theirs markers) or when a version
cannot be read (OURS is then left untouched). Setup:
  git config merge.hashiya.name "Hashiya annotation merge"
  git config merge.hashiya.driver "hashiya merge-driver %O %A %B %P"
  echo '*.ann.json merge=hashiya' >> .gitattributes`,
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {});
    if (positionals.length < 3 || positionals.length > 4) throw new CliError('expected BASE OURS THEIRS [PATH]');
    const [basePath, oursPath, theirsPath] = positionals;
    const name = positionals[3] ?? oursPath;
    const read = async (file: string, allowEmpty: boolean): Promise<Sidecar | undefined | 'unreadable'> => {
      const text = await fs.readFile(file, 'utf8');
      // Git passes an empty base when both sides added the file.
      if (allowEmpty && text.trim() === '') return undefined;
      const parsed = parseSidecar(text);
      if (parsed.sidecar) return parsed.sidecar;
      // With several merge bases git first merges the bases into a virtual one, which may hold conflict markers:
      // the merge of its sides by identity (conflicting annotations left out) stands for the base.
      const virtualBase = file === basePath ? parseConflicted(text) : undefined;
      if (virtualBase) return virtualBase.merged;
      const which = file === basePath ? 'base' : file === oursPath ? 'ours' : 'theirs';
      for (const p of parsed.problems) io.err(formatProblem(`${name} (${which})`, text, p) + '\n');
      return 'unreadable';
    };
    const base = await read(basePath, true);
    const ours = await read(oursPath, false);
    const theirs = await read(theirsPath, false);
    if (base === 'unreadable' || ours === 'unreadable' || theirs === 'unreadable' || !ours || !theirs) {
      io.err(`hashiya merge-driver: ${name}: not merged, left as ours; resolve by hand\n`);
      return 1;
    }
    const result = mergeSidecars(base, ours, theirs);
    await writeFileAtomic(oursPath, serializeConflicted(result));
    if (result.conflicts.length === 0) return 0;
    io.err(`hashiya merge-driver: ${name}: ${result.conflicts.length} conflict${result.conflicts.length === 1 ? '' : 's'}\n`);
    for (const c of result.conflicts) io.err(`  ${c.description}\n`);
    return 1;
  },
};
