// What other modules may import from users.

export { type CommandLineAdmin, createAdminFromCommandLine, ZCommandLineAdmin } from './admin-cli.ts';
export { activeAgencyAccounts, assessorsOfAgencies, type Person, peopleByIds } from './people.ts';
export {
  listAssignments,
  replaceAssignments as replaceAssessorAssignments,
} from './scopes.repo.ts';
export {
  activeAdminEmails,
  agencyContactEmails,
  assessorIdsFor,
  type UserName,
  userNamesByIds,
} from './users.queries.ts';
