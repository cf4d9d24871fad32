import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@server/shared/limits.ts';

export type PasswordProblem = 'tooShort' | 'tooLong' | 'mismatch' | null;

/** The same limits the server applies, checked before sending so people see the problem at once. */
export function newPasswordProblem(password: string, confirm: string): PasswordProblem {
  if (password.length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'tooLong';
  if (password !== confirm) return 'mismatch';
  return null;
}

/** Only same-site paths are followed after sign-in ("//evil.example" is not a path). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}
