// The assessors' advice on an agency's IIT and EIT and their overall comment (per agency-year), written
// before processing; the report shows it from the run's snapshot.
import type { Advice, AdviceBody, AdviceQuestion } from '@server/modules/advice/advice.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

export type { Advice, AdviceBody, AdviceQuestion };

export const adviceKeys = {
  all: ['advice'] as const,
  agencyYear: (agencyId: string, year: number) => [...adviceKeys.all, agencyId, year] as const,
};

export const adviceQueries = {
  agencyYear: (agencyId: string, year: number) =>
    queryOptions({
      queryKey: adviceKeys.agencyYear(agencyId, year),
      queryFn: ({ signal }) => api.get<Advice>(`/agencies/${agencyId}/advice/${year}`, undefined, signal),
    }),
};

export function useAdvice(agencyId: string, year: number) {
  return useQuery(adviceQueries.agencyYear(agencyId, year));
}

export function useSaveAdvice(agencyId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AdviceBody) => api.put<Advice>(`/agencies/${agencyId}/advice/${year}`, body),
    onSuccess: (saved) => qc.setQueryData(adviceKeys.agencyYear(agencyId, year), saved),
  });
}
