// Agencies, their yearly participation, and the role-aware dashboard.
import type {
  AgencyCreate,
  AgencyDetail,
  AgencyPatch,
  AgencySummary,
  Participation,
  ZAgencyList,
  ZImportResult,
} from '@server/modules/agencies/agencies.schema.ts';
import type { Dashboard } from '@server/modules/agencies/dashboard.schema.ts';
import type { OpenCycleFilter, ZOpenCycleResult } from '@server/modules/agencies/participations.schema.ts';
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../lib/api.ts';

export type { AgencyCreate, AgencyDetail, AgencyPatch, AgencySummary, Dashboard, Participation };
export type AgencyList = z.infer<typeof ZAgencyList>;

export interface AgencyFilters {
  q?: string;
  province?: string;
  type?: string;
  ministry?: string;
  year?: number;
  registered?: 'true' | 'false';
  active?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

export const agencyKeys = {
  all: ['agencies'] as const,
  lists: () => [...agencyKeys.all, 'list'] as const,
  list: (filters: AgencyFilters) => [...agencyKeys.lists(), filters] as const,
  detail: (id: string | undefined) => [...agencyKeys.all, 'detail', id] as const,
  participatingCount: (year: number | null, filter: unknown) =>
    [...agencyKeys.all, 'participating-count', year, filter] as const,
  dashboards: ['dashboard'] as const,
  dashboard: (year: number | undefined) => [...agencyKeys.dashboards, year ?? null] as const,
};

export const agencyQueries = {
  list: (filters: AgencyFilters) =>
    queryOptions({
      queryKey: agencyKeys.list(filters),
      queryFn: ({ signal }) => api.get<AgencyList>('/agencies', { ...filters }, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string | undefined) =>
    queryOptions({
      queryKey: agencyKeys.detail(id),
      queryFn: () => api.get<AgencyDetail>(`/agencies/${id}`),
      enabled: Boolean(id),
    }),
  dashboard: (year?: number) =>
    queryOptions({
      queryKey: agencyKeys.dashboard(year),
      queryFn: () => api.get<Dashboard>('/dashboard', { year }),
    }),
};

export function useAgencies(filters: AgencyFilters, enabled = true) {
  return useQuery({ ...agencyQueries.list(filters), enabled });
}

export function useAgency(id: string | undefined) {
  return useQuery(agencyQueries.detail(id));
}

/** Several agencies at once (labels of chosen agencies); they rarely change while a form is open. */
export function useAgencyDetails(ids: readonly string[]) {
  return useQueries({ queries: ids.map((id) => ({ ...agencyQueries.detail(id), staleTime: 5 * 60_000 })) });
}

export function useDashboard(year?: number) {
  return useQuery(agencyQueries.dashboard(year));
}

export function useCreateAgency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AgencyCreate) => api.post<AgencyDetail>('/agencies', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: agencyKeys.all }),
  });
}

export function useUpdateAgency(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AgencyPatch) => api.patch<AgencyDetail>(`/agencies/${id}`, body),
    onSuccess: (data) => {
      qc.setQueryData(agencyKeys.detail(id), data);
      return qc.invalidateQueries({ queryKey: agencyKeys.lists() });
    },
  });
}

/** Registration and cycles change the agency lists and every dashboard. */
function useRefreshParticipation() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: agencyKeys.all }),
      qc.invalidateQueries({ queryKey: agencyKeys.dashboards }),
    ]);
}

export function useSetRegistration(id: string) {
  const onSuccess = useRefreshParticipation();
  return useMutation({
    mutationFn: ({ year, registered }: { year: number; registered: boolean }) =>
      api.put<Participation>(`/agencies/${id}/participations/${year}`, { registered }),
    onSuccess,
  });
}

export function useOpenCycle() {
  const onSuccess = useRefreshParticipation();
  return useMutation({
    mutationFn: ({ year, filter }: { year: number; filter?: OpenCycleFilter }) =>
      api.post<z.infer<typeof ZOpenCycleResult>>(`/cycles/${year}/open`, filter ? { filter } : {}),
    onSuccess,
  });
}

export function useImportAgencies() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) =>
      api.postText<z.infer<typeof ZImportResult>>('/agencies/import', csv, 'text/csv'),
    onSuccess: () => qc.invalidateQueries({ queryKey: agencyKeys.all }),
  });
}

export const AGENCY_TEMPLATE_URL = '/api/agencies/import/template';
