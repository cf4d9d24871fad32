// What other modules may import from users.
export {
  listAssignments,
  replaceAssignments as replaceAssessorAssignments,
} from './scopes.repo.ts';
export { activeAdminEmails } from './users.repo.ts';
export { usersRoutes } from './users.routes.ts';
