// NACC administrators created from the command line (`prongsai admin create`): the first one of a production
// installation, which has no demo data and so no account to sign in with, or a new one when every admin is
// locked out. Whoever can run the command already holds the server and its database, so the command is its
// own authorization; the audit log records the account as created by the system from the command line.

import type { z } from 'zod';
import type { AppDeps } from '../../app/context.ts';
import { appendAudit } from '../audit/index.ts';
import { hashPassword } from '../auth/index.ts';
import * as errors from './users.errors.ts';
import { auditSnapshot } from './users.present.ts';
import { emailTaken, insertUser, usernameTaken } from './users.repo.ts';
import { ZCreateUserBody } from './users.schema.ts';

/** The same rules as an account created in the app (username, e-mail, password length), role fixed. */
export const ZCommandLineAdmin = ZCreateUserBody.pick({
  username: true,
  displayName: true,
  email: true,
  password: true,
}).strict();
export type CommandLineAdmin = z.infer<typeof ZCommandLineAdmin>;

export async function createAdminFromCommandLine(
  deps: Pick<AppDeps, 'db' | 'now'>,
  body: CommandLineAdmin,
): Promise<{ id: string; username: string }> {
  if (await usernameTaken(deps.db, body.username)) throw errors.usernameTaken(body.username);
  if (body.email && (await emailTaken(deps.db, body.email))) throw errors.emailTaken();
  const passwordHash = await hashPassword(body.password);
  return deps.db.transaction(async (tx) => {
    const created = await insertUser(tx, {
      username: body.username,
      displayName: body.displayName,
      email: body.email ?? null,
      role: 'admin',
      agencyId: null,
      passwordHash,
    });
    await appendAudit(
      tx,
      {
        actor: null,
        agencyId: null,
        entityType: 'user',
        entityId: created.id,
        action: 'create',
        after: { ...auditSnapshot(created), via: 'command line' },
      },
      deps.now(),
    );
    return { id: created.id, username: created.username };
  });
}
