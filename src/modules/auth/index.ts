// What other modules may import from auth.
export { deleteSessionsOfUser } from './auth.repo.ts';
export { hashPassword } from './passwords.ts';
