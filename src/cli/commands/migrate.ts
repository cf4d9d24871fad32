import type { Command } from 'commander';
import { type CliIo, withDatabase } from '../io.ts';

export function registerMigrate(program: Command, io: CliIo) {
  program
    .command('migrate')
    .description('Apply database migrations (also done at start)')
    .action(async () => {
      await withDatabase(io, async (database) => {
        io.stdout.write(`migrations applied (${database.driver})\n`);
      });
    });
}
