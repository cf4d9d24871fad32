// The cycle of a fiscal year (/cycles/:year): its stages as the server states them, closure, extensions in
// scope; extensions for many agencies at once; closing and reopening the year.

import type { ZCycleSummary } from '@server/modules/agencies/participations.schema.ts';
import type {
  BulkExtensionBody,
  CycleCalendar,
  ZBulkExtensionResult,
} from '@server/modules/calendar/cycles.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../lib/api.ts';
import { calendarKeys } from './calendar.ts';

export type { BulkExtensionBody, CycleCalendar };
export type BulkExtensionResult = z.infer<typeof ZBulkExtensionResult>;
export type CycleSummary = z.infer<typeof ZCycleSummary>;

export const cycleKeys = {
  all: ['cycles'] as const,
  calendar: (year: number | null) => [...cycleKeys.all, 'calendar', year] as const,
  summary: (year: number | null) => [...cycleKeys.all, 'summary', year] as const,
};

export const cycleQueries = {
  calendar: (year: number | null, enabled = true) =>
    queryOptions({
      queryKey: cycleKeys.calendar(year),
      queryFn: () => api.get<CycleCalendar>(`/cycles/${year}/calendar`),
      enabled: enabled && year !== null,
    }),
  summary: (year: number | null) =>
    queryOptions({
      queryKey: cycleKeys.summary(year),
      queryFn: () => api.get<CycleSummary>(`/cycles/${year}/summary`),
      enabled: year !== null,
    }),
};

export function useCycleCalendar(year: number | null, enabled = true) {
  return useQuery(cycleQueries.calendar(year, enabled));
}

export function useCycleSummary(year: number | null) {
  return useQuery(cycleQueries.summary(year));
}

/** Any change to a year's calendar changes every agency's calendar too. */
function useRefreshCalendars() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: cycleKeys.all }),
      qc.invalidateQueries({ queryKey: calendarKeys.all }),
    ]);
}

export function useExtendMany(year: number) {
  const onSuccess = useRefreshCalendars();
  return useMutation({
    mutationFn: (body: BulkExtensionBody) =>
      api.post<BulkExtensionResult>(`/cycles/${year}/extensions`, body),
    onSuccess,
  });
}

export function useCycleClosure(year: number) {
  const onSuccess = useRefreshCalendars();
  return {
    close: useMutation({
      mutationFn: (reason: string) => api.put<CycleCalendar>(`/cycles/${year}/closure`, { reason }),
      onSuccess,
    }),
    reopen: useMutation({
      mutationFn: () => api.delete<CycleCalendar>(`/cycles/${year}/closure`),
      onSuccess,
    }),
  };
}
