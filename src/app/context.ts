// What every route and service receives: the process-wide dependencies and, per request, the actor.
import type { Config } from '../config.ts';
import type { Actor } from '../core/authz.ts';
import type { Db, DbOrTx, Tx } from '../db/client.ts';
import type { CollectionWindow } from '../modules/calendar/index.ts';
import type { AccountCredentials } from '../modules/users/index.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface AppDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  /** Injected so tests can move time (lockouts, token expiry). */
  now: () => Date;
  /**
   * The e-mail addresses of the active NACC admins, who receive the signed audit checkpoints. Wired at
   * startup from the users module (the audit module sits below users and cannot read accounts itself).
   */
  adminEmails: () => Promise<string[]>;
  /**
   * The credentials of accounts (sign-in, lockout, password change and reset), for the auth module: the
   * users table is the users module's, which imports auth, so auth gets them here (src/app/deps.ts).
   */
  accounts: AccountCredentials;
  /**
   * Where a stage stands for one agency now — the one rule of src/core/calendar.ts with the agency's extension
   * and the year's closure — for modules the calendar module sits above (agencies: registration). Wired in
   * src/app/deps.ts from the calendar module's `collectionWindow`.
   */
  agencyStage: (
    db: DbOrTx,
    key: { agencyId: string; year: number; stage: string },
    now: Date,
  ) => Promise<CollectionWindow>;
  /** When NACC closed a year (null while open): the calendar module's `yearClosedAt`, for the same modules. */
  yearClosedAt: (db: DbOrTx, year: number) => Promise<Date | null>;
  /**
   * Whether a result of the agency was ever published — its code is then the open data's stable identifier and
   * may not change: the results module's `resultEverPublished` (`read`) and `resultEverPublishedLocked`
   * (`locked`: in the caller's transaction, holding until it ends), for the agencies module, which results
   * imports.
   */
  agencyPublished: {
    read: (db: DbOrTx, agencyId: string) => Promise<boolean>;
    locked: (tx: Tx, agencyId: string) => Promise<boolean>;
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    /** The signed-in user with their resolved scope, or null for anonymous requests. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Set to false on routes that must accept state-changing requests without a CSRF token (login). */
    csrf?: boolean;
  }
  interface Session {
    userId?: string;
    passwordChangedAt?: string;
    /** Set by the session store on a session read from its row (never stored): see DbSessionStore.set. */
    fromStore?: { expiresAt: number; contents: string };
  }
}
