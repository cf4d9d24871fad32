// Stakeholder data, contact lists, progress and calendar extensions: queries and mutations.

import type { AgencyCalendar, ExtensionBody } from '@server/modules/calendar/calendar.schema.ts';
import type {
  AgencyProgress,
  ProgressList,
  StakeholderBody,
  StakeholderData,
} from '@server/modules/stakeholders/stakeholders.schema.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api.ts';

export type { AgencyCalendar, AgencyProgress, ProgressList, StakeholderData };

const base = (agencyId: string, year: number) => `/agencies/${agencyId}/stakeholders/${year}`;

export function useStakeholders(agencyId: string, year: number | null) {
  return useQuery({
    queryKey: ['stakeholders', agencyId, year],
    queryFn: () => api.get<StakeholderData>(base(agencyId, year as number)),
    enabled: year !== null,
  });
}

/** Everything that shows stakeholder state or progress is refreshed after a change. */
function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['stakeholders'] }),
      qc.invalidateQueries({ queryKey: ['progress'] }),
    ]);
}

export function useSaveStakeholders(agencyId: string, year: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: StakeholderBody) => api.put<StakeholderData>(base(agencyId, year), body),
    onSuccess: refresh,
  });
}

export function useApproveStakeholders(agencyId: string, year: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.post<StakeholderData>(`${base(agencyId, year)}/approve`, {}),
    onSuccess: refresh,
  });
}

export function useUploadContacts(agencyId: string, year: number) {
  const refresh = useRefresh();
  return useMutation({
    // A form upload: the server reads .csv and .xlsx alike from the one `file` field.
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return request<{ imported: number; revision: number }>('POST', `${base(agencyId, year)}/contacts`, {
        body: form,
      });
    },
    onSuccess: refresh,
  });
}

export const contactsTemplateUrl = (agencyId: string, year: number) =>
  `/api${base(agencyId, year)}/contacts/template`;

export function useContacts(agencyId: string, year: number, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['stakeholders', agencyId, year, 'contacts', page],
    queryFn: () =>
      api.get<{
        items: { id: string; name: string; phone: string | null; email: string | null; relation: string }[];
        total: number;
        page: number;
        pageSize: number;
      }>(`${base(agencyId, year)}/contacts`, { page, pageSize: 20 }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAgencyProgress(agencyId: string | undefined, year: number | null) {
  return useQuery({
    queryKey: ['progress', 'agency', agencyId, year],
    queryFn: () => api.get<AgencyProgress>(`/agencies/${agencyId}/progress/${year}`),
    enabled: Boolean(agencyId) && year !== null,
    // Counters move while collection runs: refresh now and then while the page is open.
    refetchInterval: 60_000,
  });
}

export interface ProgressFilters {
  province?: string;
  type?: string;
  sort?: 'behind' | 'name';
  page?: number;
  pageSize?: number;
}

export function useScopeProgress(year: number | null, filters: ProgressFilters) {
  return useQuery({
    queryKey: ['progress', 'scope', year, filters],
    queryFn: () => api.get<ProgressList>(`/progress/${year}`, { ...filters }),
    enabled: year !== null,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useAgencyCalendar(agencyId: string, year: number | null) {
  return useQuery({
    queryKey: ['calendar', agencyId, year],
    queryFn: () => api.get<AgencyCalendar>(`/agencies/${agencyId}/calendar/${year}`),
    enabled: year !== null,
  });
}

export function useExtension(agencyId: string, year: number) {
  const qc = useQueryClient();
  const url = (stage: string) => `/agencies/${agencyId}/calendar/${year}/extensions/${stage}`;
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['calendar', agencyId, year] });
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
