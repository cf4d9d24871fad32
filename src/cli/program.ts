// The `prongsai` program: parses the arguments, runs the command, and turns its failure into an exit code.
// `src/cli/index.ts` runs it on the process; tests run it in-process with their own environment and buffers.
import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.ts';
import { CliError, type CliIo } from './io.ts';

export function buildProgram(io: CliIo): Command {
  const program = new Command('prongsai')
    .description('Prongsai (โปร่งใส) — Integrity and Transparency Assessment platform')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    });
  for (const register of commands) register(program, io);
  return program;
}

/**
 * Runs `prongsai <argv…>`. Resolves with the exit code when the command failed or only printed help (2 for bad
 * input, the CliError's code otherwise), and with undefined when the command ran to completion (`start` keeps
 * serving after that). Anything else thrown is a bug and propagates.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number | undefined> {
  try {
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return undefined;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliError) {
      io.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}
