import type { Command } from 'commander';
import { config } from '../../config.ts';
import { startServer } from '../../server.ts';

export function registerStart(program: Command) {
  program
    .command('start')
    .description('Start the server (migrates, loads frameworks, seeds demo data outside production)')
    .action(async () => {
      await startServer(config());
    });
}
