// Lessons learned after publication (issue 11 §4): the scopes the reader may choose, a scope's figures of a
// year, its XLSX and its target.
import type { Lessons, ScopeOption, Target } from '@server/modules/lessons/lessons.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

export type { Lessons, ScopeOption, Target };

export const lessonsKeys = {
  all: ['lessons'] as const,
  scopes: () => [...lessonsKeys.all, 'scopes'] as const,
  year: (year: number, scope: string) => [...lessonsKeys.all, year, scope] as const,
};

export const lessonsQueries = {
  scopes: () =>
    queryOptions({
      queryKey: lessonsKeys.scopes(),
      queryFn: ({ signal }) => api.get<{ items: ScopeOption[] }>('/lessons/scopes', undefined, signal),
    }),
  year: (year: number, scope: string) =>
    queryOptions({
      queryKey: lessonsKeys.year(year, scope),
      queryFn: ({ signal }) => api.get<Lessons>(`/lessons/${year}`, { scope }, signal),
      retry: false,
    }),
};

export const useLessonsScopes = () => useQuery(lessonsQueries.scopes());
export const useLessons = (year: number, scope: string | null) =>
  useQuery({ ...lessonsQueries.year(year, scope ?? ''), enabled: scope !== null });

/** The scope's tables as one workbook (built by the server from the same answer). */
export const lessonsXlsxUrl = (year: number, scope: string) =>
  `/api/lessons/${year}/xlsx?scope=${encodeURIComponent(scope)}`;

/** The newest years with published results (the public list: the same publications in effect). */
export const usePublishedYears = () =>
  useQuery({
    queryKey: [...lessonsKeys.all, 'published-years'],
    queryFn: ({ signal }) => api.get<{ items: { year: number }[] }>('/public/results', undefined, signal),
  });

export function useSetTarget(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { scope: string; threshold: number; share: number }) =>
      api.put<Target>(`/lessons/${year}/target`, body),
    onSuccess: (_t, body) => qc.invalidateQueries({ queryKey: lessonsKeys.year(year, body.scope) }),
  });
}
