import type { Command } from 'commander';
import { config } from '../../config.ts';
import { FolderInUse } from '../../ops/control.ts';
import { HashKeyChanged } from '../../ops/hash-key.ts';
import { startServer } from '../../server.ts';
import { CliError } from '../io.ts';

export function registerStart(program: Command) {
  program
    .command('start')
    .description('Start the server (migrates, loads frameworks, seeds demo data outside production)')
    .action(async () => {
      try {
        await startServer(config());
      } catch (e) {
        if (e instanceof HashKeyChanged || e instanceof FolderInUse) throw new CliError(e.message, 1);
        throw e;
      }
    });
}
