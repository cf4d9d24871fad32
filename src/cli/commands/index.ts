import type { Command } from 'commander';
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

export const commands: Array<(program: Command) => void> = [
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
