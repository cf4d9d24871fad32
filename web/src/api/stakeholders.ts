// Stakeholder data (numbers and the executive's approval), EIT part-2 contact lists, and collection progress
// per agency and over a scope.
import type {
  AgencyProgress,
  ProgressList,
  StakeholderBody,
  StakeholderData,
} from '@server/modules/stakeholders/stakeholders.schema.ts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../lib/api.ts';

export type { AgencyProgress, ProgressList, StakeholderData };

export interface ProgressFilters {
  province?: string;
  type?: string;
  sort?: 'behind' | 'name';
  page?: number;
  pageSize?: number;
}

export interface ContactPage {
  items: { id: string; name: string; phone: string | null; email: string | null; relation: string }[];
  total: number;
  page: number;
  pageSize: number;
}

export const stakeholderKeys = {
  all: ['stakeholders'] as const,
  agencyYear: (agencyId: string, year: number | null) => [...stakeholderKeys.all, agencyId, year] as const,
  contacts: (agencyId: string, year: number, page: number) =>
    [...stakeholderKeys.agencyYear(agencyId, year), 'contacts', page] as const,
  progress: ['progress'] as const,
  agencyProgress: (agencyId: string | undefined, year: number | null) =>
    [...stakeholderKeys.progress, 'agency', agencyId, year] as const,
  scopeProgress: (year: number | null, filters: ProgressFilters) =>
    [...stakeholderKeys.progress, 'scope', year, filters] as const,
};

const base = (agencyId: string, year: number) => `/agencies/${agencyId}/stakeholders/${year}`;
/** Counters move while collection runs: progress views refresh now and then while they are open. */
const PROGRESS_REFRESH_MS = 60_000;

export const stakeholderQueries = {
  agencyYear: (agencyId: string, year: number | null) =>
    queryOptions({
      queryKey: stakeholderKeys.agencyYear(agencyId, year),
      queryFn: () => api.get<StakeholderData>(base(agencyId, year as number)),
      enabled: year !== null,
    }),
  contacts: (agencyId: string, year: number, page: number) =>
    queryOptions({
      queryKey: stakeholderKeys.contacts(agencyId, year, page),
      queryFn: () => api.get<ContactPage>(`${base(agencyId, year)}/contacts`, { page, pageSize: 20 }),
      placeholderData: keepPreviousData,
    }),
  agencyProgress: (agencyId: string | undefined, year: number | null) =>
    queryOptions({
      queryKey: stakeholderKeys.agencyProgress(agencyId, year),
      queryFn: () => api.get<AgencyProgress>(`/agencies/${agencyId}/progress/${year}`),
      enabled: Boolean(agencyId) && year !== null,
      refetchInterval: PROGRESS_REFRESH_MS,
    }),
  scopeProgress: (year: number | null, filters: ProgressFilters) =>
    queryOptions({
      queryKey: stakeholderKeys.scopeProgress(year, filters),
      queryFn: () => api.get<ProgressList>(`/progress/${year}`, { ...filters }),
      enabled: year !== null,
      placeholderData: keepPreviousData,
      refetchInterval: PROGRESS_REFRESH_MS,
    }),
};

export function useStakeholders(agencyId: string, year: number | null) {
  return useQuery(stakeholderQueries.agencyYear(agencyId, year));
}

export function useContacts(agencyId: string, year: number, page: number, enabled: boolean) {
  return useQuery({ ...stakeholderQueries.contacts(agencyId, year, page), enabled });
}

export function useAgencyProgress(agencyId: string | undefined, year: number | null) {
  return useQuery(stakeholderQueries.agencyProgress(agencyId, year));
}

export function useScopeProgress(year: number | null, filters: ProgressFilters) {
  return useQuery(stakeholderQueries.scopeProgress(year, filters));
}

/** Everything that shows stakeholder state or progress is refreshed after a change. */
function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: stakeholderKeys.all }),
      qc.invalidateQueries({ queryKey: stakeholderKeys.progress }),
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
