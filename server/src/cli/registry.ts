// The registry of subcommands. Each lives in its own file under commands/.
import type { CliIO } from './io';
import { renderCommand } from './commands/render';
import { validateCommand } from './commands/validate';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { statsCommand } from './commands/stats';
import { suggestCommand } from './commands/suggest';
import { mergeDriverCommand } from './commands/mergeDriver';
import { diffCommand } from './commands/diff';
import { agreeCommand } from './commands/agree';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const COMMANDS: Command[] = [validateCommand, renderCommand, suggestCommand, exportCommand, importCommand, statsCommand, diffCommand, mergeDriverCommand, agreeCommand];
