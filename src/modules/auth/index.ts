// What other modules may import from auth.

export { ZNewPassword } from './auth.schema.ts';
export { issuePasswordLink } from './password-reset.service.ts';
export { hashPassword } from './passwords.ts';
export { deleteSessionsOfUser } from './session-store.ts';
