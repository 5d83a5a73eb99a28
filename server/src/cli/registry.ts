// The registry of subcommands. Each lives in its own file under commands/.
import type { CliIO } from './io';
import { renderCommand } from './commands/render';
import { validateCommand } from './commands/validate';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const COMMANDS: Command[] = [validateCommand, renderCommand];
