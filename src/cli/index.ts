// `prongsai` command-line tool: each subcommand lives in src/cli/commands/ (loaded when it runs).

import { processIo } from './io.ts';
import { runCli } from './program.ts';

const code = await runCli(process.argv.slice(2), processIo());
if (code !== undefined) process.exit(code);
