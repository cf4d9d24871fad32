import type { Command } from 'commander';
import { withDatabase } from '../io.ts';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('Apply database migrations (also done at start)')
    .action(async () => {
      await withDatabase(async (database) => {
        process.stdout.write(`migrations applied (${database.driver})\n`);
      });
    });
}
