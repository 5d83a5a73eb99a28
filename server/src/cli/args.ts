// Argument parsing for subcommands, on node's own parseArgs: unknown options are errors, not silently ignored.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io';

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}
