// Framework authoring (NACC admins): drafts copied from a year's framework, saved, published.
import type { Draft, DraftHead } from '@server/modules/frameworks/drafts.schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { frameworkKeys } from './frameworks.ts';

export type { Draft, DraftHead };

export const draftKeys = {
  all: ['framework-drafts'] as const,
  detail: (id: string) => [...draftKeys.all, id] as const,
};

export function useDrafts(enabled = true) {
  return useQuery({
    queryKey: draftKeys.all,
    queryFn: () => api.get<DraftHead[]>('/framework-drafts'),
    enabled,
  });
}

export function useDraft(id: string) {
  return useQuery({
    queryKey: draftKeys.detail(id),
    queryFn: () => api.get<Draft>(`/framework-drafts/${id}`),
    // The form holds the edits: a refetch in the background must not replace them.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

export function useCreateDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { fromYear: number; year: number }) => api.post<Draft>('/framework-drafts', body),
    onSuccess: (draft) => {
      qc.setQueryData(draftKeys.detail(draft.id), draft);
      void qc.invalidateQueries({ queryKey: draftKeys.all, exact: true });
    },
  });
}

export function useSaveDraft(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { revision: number; definition: Record<string, unknown> }) =>
      api.put<Draft>(`/framework-drafts/${id}`, body),
    onSuccess: (saved) => {
      qc.setQueryData(draftKeys.detail(id), saved);
      void qc.invalidateQueries({ queryKey: draftKeys.all, exact: true });
    },
  });
}

export function usePublishDraft(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (revision: number) =>
      api.post<{ year: number; version: number }>(`/framework-drafts/${id}/publish`, { revision }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: draftKeys.all });
      void qc.invalidateQueries({ queryKey: frameworkKeys.all });
    },
  });
}

export function useDiscardDraft(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<DraftHead>(`/framework-drafts/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: draftKeys.all }),
  });
}
