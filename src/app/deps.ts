// The process-wide dependencies, wired once for the server, the CLI and the tests: what the caller opens
// (database, configuration, mailer, clock) plus what one module supplies to another that cannot import it.
import { collectionWindow, yearClosedAt } from '../modules/calendar/index.ts';
import { resultEverPublished, resultEverPublishedLocked } from '../modules/results/index.ts';
import { accountCredentials, activeAdminEmails } from '../modules/users/index.ts';
import type { AppDeps } from './context.ts';

export function appDeps(
  base: Omit<AppDeps, 'adminEmails' | 'accounts' | 'agencyStage' | 'yearClosedAt' | 'agencyPublished'>,
): AppDeps {
  // The audit checkpoints go to the active admins; audit sits below users (which appends audit entries).
  // Sign-in and passwords (auth) use the accounts' credentials; users imports auth (hashing, sessions).
  // Registration (agencies) checks the stage rule of the calendar module, which itself imports agencies.
  // An agency's code is fixed once a result of it was published (results, which imports agencies).
  return {
    ...base,
    adminEmails: () => activeAdminEmails(base.db),
    accounts: accountCredentials,
    agencyStage: collectionWindow,
    yearClosedAt,
    agencyPublished: { read: resultEverPublished, locked: resultEverPublishedLocked },
  };
}
