// What other modules may import from users.

export { loadActor } from './actor.ts';
export { type CommandLineAdmin, createAdminFromCommandLine, ZCommandLineAdmin } from './admin-cli.ts';
export { listAssignments, replaceAssessorAssignments } from './assignments.ts';
export { type AccountCredentials, accountCredentials, type UserRow } from './credentials.ts';
export { activeAgencyAccounts, assessorsOfAgencies, type Person, peopleByIds } from './people.ts';
export {
  activeSupervisorIds,
  agencyReminderRecipients,
  type Recipient,
  recipientNow,
} from './recipients.ts';
export {
  activeAdminEmails,
  agenciesAssignedTo,
  agencyContactEmails,
  agencyIdsAssignedTo,
  agencyYearContactEmails,
  assessorIdsFor,
  assignedAgencyYears,
  type UserName,
  userNamesByIds,
  userTotals,
} from './users.queries.ts';
