// The signed-in user: GET /api/auth/me (null when signed out), sign-in and sign-out. The CSRF token from
// either answer is handed to the API client.

import type { Me } from '@server/modules/auth/auth.schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../lib/api.ts';

export type { Me };
export type SessionUser = Me['user'];
export type Role = SessionUser['role'];

export const ME_KEY = ['me'] as const;

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

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
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
      qc.setQueryData(ME_KEY, me);
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
      qc.setQueryData(ME_KEY, null);
    },
  });
}
