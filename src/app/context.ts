// What every route and service receives: the process-wide dependencies and, per request, the actor.
import type { Config } from '../config.ts';
import type { Actor } from '../core/authz.ts';
import type { Db } from '../db/client.ts';
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
