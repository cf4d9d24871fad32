// The process-wide dependencies, wired once for the server, the CLI and the tests: what the caller opens
// (database, configuration, mailer, clock) plus what one module supplies to another that cannot import it.
import { activeAdminEmails } from '../modules/users/index.ts';
import type { AppDeps } from './context.ts';

export function appDeps(base: Omit<AppDeps, 'adminEmails'>): AppDeps {
  // The audit checkpoints go to the active admins; audit sits below users (which appends audit entries).
  return { ...base, adminEmails: () => activeAdminEmails(base.db) };
}
