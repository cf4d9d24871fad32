// Framework data: the yearly ITA methodology (public on the server).

import type { Framework } from '@server/core/framework/schema.ts';
import type {
  Compare,
  FrameworkSummary,
  ScoreBody,
  ScoreOutput,
  ZFrameworkDetail,
  ZImportResult,
  ZMinSampleOutput,
} from '@server/modules/frameworks/frameworks.schema.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../lib/api.ts';

export type { Compare, Framework, FrameworkSummary, ScoreBody, ScoreOutput };
export type FrameworkDetail = z.infer<typeof ZFrameworkDetail>;
export type MinSampleOutput = z.infer<typeof ZMinSampleOutput>;

export function useFrameworks() {
  return useQuery({
    queryKey: ['frameworks'],
    queryFn: () => api.get<FrameworkSummary[]>('/frameworks'),
    staleTime: 5 * 60_000,
  });
}

export function useFramework(year: number | null) {
  return useQuery({
    queryKey: ['frameworks', year],
    queryFn: () => api.get<FrameworkDetail>(`/frameworks/${year}`),
    enabled: year !== null,
    staleTime: 5 * 60_000,
  });
}

export function useFrameworkCompare(year: number) {
  return useQuery({
    queryKey: ['frameworks', year, 'compare'],
    queryFn: () => api.get<Compare>(`/frameworks/${year}/compare`),
    staleTime: 5 * 60_000,
  });
}

export function useScore(year: number) {
  return useMutation({
    mutationFn: (body: ScoreBody) => api.post<ScoreOutput>(`/frameworks/${year}/score`, body),
  });
}

export function useMinSample(year: number, instrument: string | null, population: number | null) {
  return useQuery({
    queryKey: ['frameworks', year, 'min-sample', instrument, population],
    queryFn: () => api.get<MinSampleOutput>(`/frameworks/${year}/min-sample`, { instrument, population }),
    enabled: instrument !== null && population !== null && population >= 0,
    placeholderData: keepPreviousData,
  });
}

export function useImportFramework() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (definition: unknown) => api.post<z.infer<typeof ZImportResult>>('/frameworks', definition),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['frameworks'] }),
  });
}

export const frameworkExportUrl = (year: number) => `/api/frameworks/${year}/export`;

/** The newest year that has a framework, or null when none is loaded. */
export function latestYear(list: readonly FrameworkSummary[] | undefined): number | null {
  if (!list || list.length === 0) return null;
  return Math.max(...list.map((f) => f.year));
}
