// `prongsai seed`: loads reference data, the bundled frameworks and the demo province (never in production).
import type { Command } from 'commander';
import { CliError, type CliIo, cliConfig } from '../io.ts';
import { cliAction, withFrameworks } from './framework.ts';

export function registerSeed(program: Command, io: CliIo) {
  program
    .command('seed')
    .description('Seed the demo province, its users and the FY2568 cycle (idempotent; refused in production)')
    .action(() =>
      cliAction(async () => {
        const cfg = await cliConfig(io);
        const { demoRefusedInProduction, seedDemo } = await import('../../modules/demo/index.ts');
        // Checked before the database is even opened.
        if (cfg.production) throw demoRefusedInProduction();
        const { checkHashKey, HashKeyChanged } = await import('../../ops/hash-key.ts');
        const result = await withFrameworks(io, async (db) => {
          // The demo's token slips are keyed hashes: under the database's own key only.
          await checkHashKey(db, cfg, new Date()).catch((e) => {
            throw e instanceof HashKeyChanged ? new CliError(e.message, 1) : e;
          });
          return seedDemo({ db, config: cfg, now: () => new Date() });
        });
        const summary = `demo data: ${result.agenciesCreated} agencies and ${result.usersCreated} users created`;
        io.stdout.write(`${[summary, ...result.banner].join('\n')}\n`);
      }),
    );
}
