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
import type { ZOpenCycleResult } from '@server/modules/agencies/participations.schema.ts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
  page?: number;
  pageSize?: number;
}

export function useAgencies(filters: AgencyFilters, enabled = true) {
  return useQuery({
    queryKey: ['agencies', 'list', filters],
    queryFn: ({ signal }) => api.get<AgencyList>('/agencies', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAgency(id: string | undefined) {
  return useQuery({
    queryKey: ['agencies', 'detail', id],
    queryFn: () => api.get<AgencyDetail>(`/agencies/${id}`),
    enabled: Boolean(id),
  });
}

export function useCreateAgency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AgencyCreate) => api.post<AgencyDetail>('/agencies', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['agencies'] }),
  });
}

export function useUpdateAgency(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AgencyPatch) => api.patch<AgencyDetail>(`/agencies/${id}`, body),
    onSuccess: (data) => {
      qc.setQueryData(['agencies', 'detail', id], data);
      return qc.invalidateQueries({ queryKey: ['agencies', 'list'] });
    },
  });
}

export function useSetRegistration(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, registered }: { year: number; registered: boolean }) =>
      api.put<Participation>(`/agencies/${id}/participations/${year}`, { registered }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['agencies'] }),
        qc.invalidateQueries({ queryKey: ['dashboard'] }),
      ]),
  });
}

export function useOpenCycle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, filter }: { year: number; filter?: Record<string, string> }) =>
      api.post<z.infer<typeof ZOpenCycleResult>>(`/cycles/${year}/open`, filter ? { filter } : {}),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['agencies'] }),
        qc.invalidateQueries({ queryKey: ['dashboard'] }),
      ]),
  });
}

export function useImportAgencies() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) =>
      api.postText<z.infer<typeof ZImportResult>>('/agencies/import', csv, 'text/csv'),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['agencies'] }),
  });
}

export const AGENCY_TEMPLATE_URL = '/api/agencies/import/template';

export function useDashboard(year?: number) {
  return useQuery({
    queryKey: ['dashboard', year ?? null],
    queryFn: () => api.get<Dashboard>('/dashboard', { year }),
  });
}
