// An agency's calendar of a year: the stages with the extensions granted to it, and granting or removing one.
import type { AgencyCalendar, ExtensionBody } from '@server/modules/calendar/calendar.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

export type { AgencyCalendar };

export const calendarKeys = {
  all: ['calendar'] as const,
  agencyYear: (agencyId: string, year: number | null) => [...calendarKeys.all, agencyId, year] as const,
};

export const calendarQueries = {
  agencyYear: (agencyId: string, year: number | null) =>
    queryOptions({
      queryKey: calendarKeys.agencyYear(agencyId, year),
      queryFn: () => api.get<AgencyCalendar>(`/agencies/${agencyId}/calendar/${year}`),
      enabled: year !== null,
    }),
};

export function useAgencyCalendar(agencyId: string, year: number | null) {
  return useQuery(calendarQueries.agencyYear(agencyId, year));
}

export function useExtension(agencyId: string, year: number) {
  const qc = useQueryClient();
  const url = (stage: string) => `/agencies/${agencyId}/calendar/${year}/extensions/${stage}`;
  const onSuccess = () => qc.invalidateQueries({ queryKey: calendarKeys.agencyYear(agencyId, year) });
  return {
    save: useMutation({
      mutationFn: ({ stage, ...body }: ExtensionBody & { stage: string }) =>
        api.put<AgencyCalendar>(url(stage), body),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (stage: string) => api.delete<AgencyCalendar>(url(stage)),
      onSuccess,
    }),
  };
}
