// The SPA asks the server's own rule table (src/core/authz.ts) whether to offer an action, so buttons and
// the API never disagree. The server still checks every request.
import { type Action, type Actor, can } from '@server/core/authz.ts';
import { type SessionUser, useUser } from '../api/auth.ts';

export function actorOf(user: SessionUser): Actor {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    agencyId: user.agencyId,
    scope: user.scope,
    assignedAgencies: user.assignedAgencies,
  };
}

type Check = <A extends Action>(action: A, resource: Parameters<typeof can<A>>[2]) => boolean;

export function useCan(): Check {
  const user = useUser();
  const actor = actorOf(user);
  return (action, resource) => can(actor, action, resource);
}
