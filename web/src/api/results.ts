// Processing runs and their publication (NACC admins): the runs of a year, its publications, publish and
// cancel.
import type { Publication, PublishBody, Run } from '@server/modules/results/results.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

export type { Publication, PublishBody, Run };

export const resultKeys = {
  all: ['results'] as const,
  runs: (year: number) => [...resultKeys.all, 'runs', year] as const,
  publications: (year: number) => [...resultKeys.all, 'publications', year] as const,
};

export const resultQueries = {
  runs: (year: number) =>
    queryOptions({
      queryKey: resultKeys.runs(year),
      queryFn: ({ signal }) => api.get<{ items: Run[] }>(`/results/${year}/runs`, undefined, signal),
    }),
  publications: (year: number) =>
    queryOptions({
      queryKey: resultKeys.publications(year),
      queryFn: ({ signal }) =>
        api.get<{ items: Publication[] }>(`/results/${year}/publications`, undefined, signal),
    }),
};

export const useRuns = (year: number) => useQuery(resultQueries.runs(year));
export const usePublications = (year: number) => useQuery(resultQueries.publications(year));

export function usePublish(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishBody) => api.post<Publication>(`/results/${year}/publications`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: resultKeys.publications(year) }),
  });
}

export function useCancelPublication(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<Publication>(`/results/${year}/publications/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: resultKeys.publications(year) }),
  });
}
