// What other modules may import from auth.
export { deleteSessionsOfUser } from './auth.repo.ts';
export { ZNewPassword } from './auth.schema.ts';
export { issuePasswordLink } from './password-reset.service.ts';
export { hashPassword } from './passwords.ts';
