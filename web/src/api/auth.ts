// The signed-in user: GET /api/auth/me (null when signed out), sign-in and sign-out (the CSRF token from
// either answer is handed to the API client); changing the password, and the e-mailed reset.
import type { Me } from '@server/modules/auth/auth.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../lib/api.ts';
import type { LocalizedText } from '../lib/localized.ts';

export type { Me };
export type SessionUser = Me['user'];
export type Role = SessionUser['role'];

export const authKeys = {
  me: ['me'] as const,
};

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export const authQueries = {
  me: () => queryOptions({ queryKey: authKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 }),
};

export function useMe() {
  return useQuery(authQueries.me());
}

/** The signed-in user; only for pages under RequireAuth, where it is always there. */
export function useUser(): SessionUser {
  const { data } = useMe();
  if (!data) throw new Error('useUser outside a signed-in page');
  return data.user;
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<Me>('/auth/login', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.clear();
      qc.setQueryData(authKeys.me, me);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<null>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(authKeys.me, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post('/auth/password', body),
    // Other sessions end; this one gets a fresh CSRF token.
    onSuccess: () => qc.invalidateQueries({ queryKey: authKeys.me }),
  });
}

/** Asks for a reset e-mail; the server answers the same whether or not the account exists. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (usernameOrEmail: string) =>
      api.post<{ message?: LocalizedText } | null>('/auth/password-reset/request', { usernameOrEmail }),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      api.post('/auth/password-reset/confirm', body),
  });
}
