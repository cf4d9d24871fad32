// Every `prongsai` command, in the order `prongsai --help` lists them. A command file registers its name,
// options and help statically and loads what it runs inside its action (see the loading rule in ../io.ts).
import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { registerAdmin } from './admin.ts';
import { registerAudit } from './audit.ts';
import { registerBackup } from './backup.ts';
import { registerFramework } from './framework.ts';
import { registerMigrate } from './migrate.ts';
import { registerMinSample } from './min-sample.ts';
import { registerScore } from './score.ts';
import { registerSecrets } from './secrets.ts';
import { registerSeed } from './seed.ts';
import { registerStart } from './start.ts';

export const commands: Array<(program: Command, io: CliIo) => void> = [
  registerStart,
  registerMigrate,
  registerFramework,
  registerScore,
  registerMinSample,
  registerSeed,
  registerAudit,
  registerBackup,
  registerAdmin,
  registerSecrets,
];
