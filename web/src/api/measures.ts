// Measures to promote integrity (issue 12): the agency-year's document (made from last year's published
// result), its approval chain, progress, divisions; NACC's library; the supervisors' overview.
import type { MeasuresContent } from '@server/core/measures/content.ts';
import type { MeasuresView } from '@server/modules/measures/measures.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl, request } from '../lib/api.ts';

export type { MeasuresContent, MeasuresView };
export type MeasuresStep = 'prepare' | 'review' | 'approve' | 'return';

export interface LibraryEntry {
  id: string;
  indicator: string;
  title: string;
  steps: string[];
  monitoring: string;
  active: boolean;
}

export interface OverviewRow {
  agency: { id: string; code: string; nameTh: string };
  status: MeasuresView['versions'][number]['status'] | null;
  version: number | null;
  measures: number;
  done: number;
  sourceTotal: number | null;
  total: number | null;
  change: number | null;
}

export const measuresKeys = {
  all: ['measures'] as const,
  agencyYear: (agencyId: string, year: number) => [...measuresKeys.all, agencyId, year] as const,
  library: () => [...measuresKeys.all, 'library'] as const,
  overview: (year: number) => [...measuresKeys.all, 'overview', year] as const,
};

export const measuresQueries = {
  agencyYear: (agencyId: string, year: number) =>
    queryOptions({
      queryKey: measuresKeys.agencyYear(agencyId, year),
      queryFn: ({ signal }) =>
        api.get<MeasuresView>(`/agencies/${agencyId}/measures/${year}`, undefined, signal),
    }),
  library: () =>
    queryOptions({
      queryKey: measuresKeys.library(),
      queryFn: ({ signal }) => api.get<LibraryEntry[]>('/measures/library', undefined, signal),
    }),
  overview: (year: number) =>
    queryOptions({
      queryKey: measuresKeys.overview(year),
      queryFn: ({ signal }) =>
        api.get<{ year: number; rows: OverviewRow[] }>(`/measures/overview/${year}`, undefined, signal),
    }),
};

export const useMeasures = (agencyId: string, year: number) =>
  useQuery(measuresQueries.agencyYear(agencyId, year));
export const useMeasureLibrary = (enabled = true) => useQuery({ ...measuresQueries.library(), enabled });
export const useMeasuresOverview = (year: number) => useQuery(measuresQueries.overview(year));

/** Where a download of the document lives (the browser follows the link: the session cookie goes along). */
export const measuresDocumentUrl = (
  agencyId: string,
  year: number,
  format: 'docx' | 'pdf',
  version?: number,
) => apiUrl(`/agencies/${agencyId}/measures/${year}/document.${format}`, version ? { version } : undefined);

/** The progress report (signed by the executive once signed). */
export const measuresProgressUrl = (agencyId: string, year: number, format: 'docx' | 'pdf') =>
  apiUrl(`/agencies/${agencyId}/measures/${year}/progress.${format}`);

function useMeasuresMutation<B>(
  agencyId: string,
  year: number,
  send: (base: string, body: B) => Promise<MeasuresView>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => send(`/agencies/${agencyId}/measures/${year}`, body),
    onSuccess: (view) => qc.setQueryData(measuresKeys.agencyYear(agencyId, year), view),
  });
}

export const useCreateMeasures = (agencyId: string, year: number) =>
  useMeasuresMutation<void>(agencyId, year, (base) => api.post<MeasuresView>(base));
export const useSaveMeasures = (agencyId: string, year: number) =>
  useMeasuresMutation<{ content: MeasuresContent; updatedAt?: string }>(agencyId, year, (base, body) =>
    api.put<MeasuresView>(base, body),
  );
export const useMeasuresStep = (agencyId: string, year: number) =>
  useMeasuresMutation<MeasuresStep>(agencyId, year, (base, step) =>
    api.post<MeasuresView>(`${base}/steps`, { step }),
  );
export const useReviseMeasures = (agencyId: string, year: number) =>
  useMeasuresMutation<void>(agencyId, year, (base) => api.post<MeasuresView>(`${base}/revise`));
export const usePublishMeasures = (agencyId: string, year: number) =>
  useMeasuresMutation<void>(agencyId, year, (base) => api.post<MeasuresView>(`${base}/publish`));
/** A progress entry; with evidence files it goes as a browser form (the fields, then each file in `files`). */
export const useAddProgress = (agencyId: string, year: number) =>
  useMeasuresMutation<{
    measureId: string;
    day: string;
    status: string;
    note: string;
    evidenceUrl: string | null;
    files: File[];
  }>(agencyId, year, (base, { files, ...fields }) => {
    if (files.length === 0) return api.post<MeasuresView>(`${base}/progress`, fields);
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v !== null) form.append(k, v);
    for (const f of files) form.append('files', f, f.name);
    return request<MeasuresView>('POST', `${base}/progress`, { body: form });
  });
export const useSignProgress = (agencyId: string, year: number) =>
  useMeasuresMutation<void>(agencyId, year, (base) => api.post<MeasuresView>(`${base}/progress/sign`));

export function useAddDivision(agencyId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api.post<{ id: string; name: string }>(`/agencies/${agencyId}/divisions`, { name }),
    onSuccess: () => qc.invalidateQueries({ queryKey: measuresKeys.agencyYear(agencyId, year) }),
  });
}
