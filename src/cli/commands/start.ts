import type { Command } from 'commander';
import { CliError, type CliIo, cliConfig } from '../io.ts';

export function registerStart(program: Command, io: CliIo) {
  program
    .command('start')
    .description('Start the server (migrates, loads frameworks, seeds demo data outside production)')
    .action(async () => {
      const cfg = await cliConfig(io);
      const [{ startServer }, { FolderInUse }, { HashKeyChanged }] = await Promise.all([
        import('../../server.ts'),
        import('../../ops/control.ts'),
        import('../../ops/hash-key.ts'),
      ]);
      try {
        await startServer(cfg);
      } catch (e) {
        if (e instanceof HashKeyChanged || e instanceof FolderInUse) throw new CliError(e.message, 1);
        throw e;
      }
    });
}
