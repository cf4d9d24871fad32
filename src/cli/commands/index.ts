import type { Command } from 'commander';
import { registerMigrate } from './migrate.ts';
import { registerStart } from './start.ts';

export const commands: Array<(program: Command) => void> = [registerStart, registerMigrate];
