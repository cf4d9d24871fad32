// Sign-in, sign-out, the current user, password change and reset.
import { everyone, type MatrixCase, signedIn } from './cases.ts';

export const cases: MatrixCase[] = [
  {
    name: 'POST /api/auth/login',
    method: 'POST',
    url: () => '/api/auth/login',
    body: (w) => ({ username: w.login.username, password: w.login.password }),
    // Signing in replaces the caller's session: give it one of its own.
    freshSession: true,
    expect: everyone(),
  },
  {
    name: 'POST /api/auth/logout',
    method: 'POST',
    url: () => '/api/auth/logout',
    freshSession: true,
    expect: signedIn(),
  },
  {
    name: 'GET /api/auth/me',
    method: 'GET',
    url: () => '/api/auth/me',
    expect: signedIn(),
    contents: { unscoped: 'the signed-in user’s own account' },
  },
  {
    // A wrong current password: passes authorization (400) without changing anyone's password.
    name: 'POST /api/auth/password',
    method: 'POST',
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'whatever-new-1234' }),
    expect: signedIn(),
  },
  {
    name: 'POST /api/auth/password-reset/request',
    method: 'POST',
    url: () => '/api/auth/password-reset/request',
    body: (w) => ({ usernameOrEmail: w.unique('nobody') }),
    expect: everyone(),
  },
  {
    // An unknown token: passes authorization (400) without resetting anything.
    name: 'POST /api/auth/password-reset/confirm',
    method: 'POST',
    url: () => '/api/auth/password-reset/confirm',
    body: () => ({ token: 'A'.repeat(43), newPassword: 'whatever-new-1234' }),
    expect: everyone(),
  },
];
