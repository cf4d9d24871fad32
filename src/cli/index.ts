// `prongsai` command-line tool: each subcommand lives in src/cli/commands/.
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.ts';
import { CliError } from './io.ts';

const program = new Command('prongsai')
  .description('Prongsai (โปร่งใส) — Integrity and Transparency Assessment platform')
  .showHelpAfterError()
  .exitOverride();
for (const register of commands) register(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
  if (e instanceof CliError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(e.exitCode);
  }
  throw e;
}
