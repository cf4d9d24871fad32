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
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../lib/api.ts';

export type { Compare, Framework, FrameworkSummary, ScoreBody, ScoreOutput };
export type FrameworkDetail = z.infer<typeof ZFrameworkDetail>;
export type MinSampleOutput = z.infer<typeof ZMinSampleOutput>;

/** Frameworks change only by import: five minutes is fresh enough. */
const STALE = 5 * 60_000;

export const frameworkKeys = {
  all: ['frameworks'] as const,
  detail: (year: number | null) => [...frameworkKeys.all, year] as const,
  compare: (year: number) => [...frameworkKeys.detail(year), 'compare'] as const,
  minSample: (year: number, instrument: string | null, population: number | null) =>
    [...frameworkKeys.detail(year), 'min-sample', instrument, population] as const,
};

export const frameworkQueries = {
  list: () =>
    queryOptions({
      queryKey: frameworkKeys.all,
      queryFn: () => api.get<FrameworkSummary[]>('/frameworks'),
      staleTime: STALE,
    }),
  detail: (year: number | null) =>
    queryOptions({
      queryKey: frameworkKeys.detail(year),
      queryFn: () => api.get<FrameworkDetail>(`/frameworks/${year}`),
      enabled: year !== null,
      staleTime: STALE,
    }),
  compare: (year: number) =>
    queryOptions({
      queryKey: frameworkKeys.compare(year),
      queryFn: () => api.get<Compare>(`/frameworks/${year}/compare`),
      staleTime: STALE,
    }),
  minSample: (year: number, instrument: string | null, population: number | null) =>
    queryOptions({
      queryKey: frameworkKeys.minSample(year, instrument, population),
      queryFn: () => api.get<MinSampleOutput>(`/frameworks/${year}/min-sample`, { instrument, population }),
      enabled: instrument !== null && population !== null && population >= 0,
      placeholderData: keepPreviousData,
    }),
};

export function useFrameworks() {
  return useQuery(frameworkQueries.list());
}

export function useFramework(year: number | null) {
  return useQuery(frameworkQueries.detail(year));
}

export function useFrameworkCompare(year: number) {
  return useQuery(frameworkQueries.compare(year));
}

export function useMinSample(year: number, instrument: string | null, population: number | null) {
  return useQuery(frameworkQueries.minSample(year, instrument, population));
}

export function useScore(year: number) {
  return useMutation({
    mutationFn: (body: ScoreBody) => api.post<ScoreOutput>(`/frameworks/${year}/score`, body),
  });
}

export function useImportFramework() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (definition: unknown) => api.post<z.infer<typeof ZImportResult>>('/frameworks', definition),
    onSuccess: () => qc.invalidateQueries({ queryKey: frameworkKeys.all }),
  });
}

export const frameworkExportUrl = (year: number) => `/api/frameworks/${year}/export`;

/** The newest year that has a framework, or null when none is loaded. */
export function latestYear(list: readonly FrameworkSummary[] | undefined): number | null {
  if (!list || list.length === 0) return null;
  return Math.max(...list.map((f) => f.year));
}
