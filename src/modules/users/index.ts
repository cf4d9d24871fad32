// What other modules may import from users.

export { type CommandLineAdmin, createAdminFromCommandLine, ZCommandLineAdmin } from './admin-cli.ts';
export {
  listAssignments,
  replaceAssignments as replaceAssessorAssignments,
} from './scopes.repo.ts';
export { assessorIdsFor, type UserName, userNamesByIds } from './users.queries.ts';
export { activeAdminEmails } from './users.repo.ts';
export { usersRoutes } from './users.routes.ts';
