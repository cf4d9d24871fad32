// IIT access (agency admin): code, rotation, tokens switch, token batches. Files (QR, poster) are plain
// same-origin links; the token slips come back from a POST, so they are fetched as a blob.
import type { IitAccess, ZTokenBatchList } from '@server/modules/iit-access/iit-access.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, toApiError } from '../lib/api.ts';

export type { IitAccess };
export type TokenBatchList = z.infer<typeof ZTokenBatchList>;

export const iitBase = (agencyId: string, year: number) => `/agencies/${agencyId}/iit-access/${year}`;

export const iitAccessKeys = {
  all: ['iit-access'] as const,
  access: (agencyId: string | null, year: number | null) => [...iitAccessKeys.all, agencyId, year] as const,
  tokens: (agencyId: string | null, year: number | null) =>
    [...iitAccessKeys.access(agencyId, year), 'tokens'] as const,
};

export const iitAccessQueries = {
  access: (agencyId: string | null, year: number | null) =>
    queryOptions({
      queryKey: iitAccessKeys.access(agencyId, year),
      queryFn: () => api.get<IitAccess>(iitBase(agencyId as string, year as number)),
      enabled: Boolean(agencyId && year),
    }),
  tokens: (agencyId: string | null, year: number | null) =>
    queryOptions({
      queryKey: iitAccessKeys.tokens(agencyId, year),
      queryFn: () => api.get<TokenBatchList>(`${iitBase(agencyId as string, year as number)}/tokens`),
      enabled: Boolean(agencyId && year),
    }),
};

export function useIitAccess(agencyId: string | null, year: number | null) {
  return useQuery(iitAccessQueries.access(agencyId, year));
}

export function useTokenBatches(agencyId: string | null, year: number | null) {
  return useQuery(iitAccessQueries.tokens(agencyId, year));
}

export function useRotateCode(agencyId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<IitAccess>(`${iitBase(agencyId, year)}/rotate`),
    onSuccess: (data) => qc.setQueryData(iitAccessKeys.access(agencyId, year), data),
  });
}

export function useSetTokensRequired(agencyId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (required: boolean) =>
      api.put<IitAccess>(`${iitBase(agencyId, year)}/tokens-required`, { required }),
    onSuccess: (data) => qc.setQueryData(iitAccessKeys.access(agencyId, year), data),
  });
}

/** Generates a batch and saves its slips (PDF); the tokens exist nowhere else. */
export function useGenerateTokens(agencyId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (count: number) => {
      const me = await fetch('/api/auth/me', { credentials: 'same-origin' });
      const csrf = ((await me.json()) as { csrfToken?: string }).csrfToken ?? '';
      const res = await fetch(`/api${iitBase(agencyId, year)}/tokens`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ count }),
      });
      if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null));
      const blob = await res.blob();
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = name ?? `iit-tokens-${year}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      return count;
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: iitAccessKeys.tokens(agencyId, year) }),
  });
}
