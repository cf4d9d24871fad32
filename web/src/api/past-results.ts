// Results published before this system: the import (dry run, then confirm) and each agency's line.
import type {
  ImportReport,
  ImportReportRow,
  PastResultsLine,
  PastYear,
  YearComparisonView,
} from '@server/modules/past-results/past-results.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../lib/api.ts';

export type { ImportReport, ImportReportRow, PastResultsLine, PastYear, YearComparisonView };

export const pastResultKeys = {
  all: ['past-results'] as const,
  line: (agencyId: string) => [...pastResultKeys.all, 'line', agencyId] as const,
  compare: (agencyId: string, year: number, previous?: number) =>
    [...pastResultKeys.all, 'compare', agencyId, year, previous ?? null] as const,
};

export const pastResultQueries = {
  line: (agencyId: string) =>
    queryOptions({
      queryKey: pastResultKeys.line(agencyId),
      queryFn: ({ signal }) =>
        api.get<PastResultsLine>(`/agencies/${agencyId}/past-results`, undefined, signal),
    }),
  compare: (agencyId: string, year: number, previous?: number) =>
    queryOptions({
      queryKey: pastResultKeys.compare(agencyId, year, previous),
      queryFn: ({ signal }) =>
        api.get<YearComparisonView>(`/agencies/${agencyId}/past-results/compare`, { year, previous }, signal),
    }),
};

export function usePastResults(agencyId: string) {
  return useQuery(pastResultQueries.line(agencyId));
}

/** Checks (dryRun) or stores a file; the server reads .csv and .xlsx alike from the one `file` field. */
export function useImportPastResults() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun, replace }: { file: File; dryRun: boolean; replace: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return request<ImportReport>('POST', '/past-results/import', {
        body: form,
        query: { dryRun, replace },
      });
    },
    onSuccess: (report) => {
      if (report.stored) return qc.invalidateQueries({ queryKey: pastResultKeys.all });
    },
  });
}
