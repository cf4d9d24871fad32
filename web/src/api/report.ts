// An agency's results report of a year (the page `/agencies/:id/results/:year`) and its XLSX download. A
// report that is not published yet answers 404 `results_not_published` (see report-view.ts `absenceOf`).
import type {
  AgencyReport,
  PreviousYear,
  ReportAdviceEntry,
  ReportIndicator,
  ReportInstrument,
  ReportOitItem,
  ReportQuestion,
} from '@server/modules/results/report.schema.ts';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { resultQueries } from './results.ts';

export type {
  AgencyReport,
  PreviousYear,
  ReportAdviceEntry,
  ReportIndicator,
  ReportInstrument,
  ReportOitItem,
  ReportQuestion,
};

export const reportKeys = {
  all: ['report'] as const,
  agencyYear: (agencyId: string, year: number) => [...reportKeys.all, agencyId, year] as const,
};

export const reportQueries = {
  agencyYear: (agencyId: string, year: number) =>
    queryOptions({
      queryKey: reportKeys.agencyYear(agencyId, year),
      queryFn: ({ signal }) =>
        api.get<AgencyReport>(`/agencies/${agencyId}/results/${year}/report`, undefined, signal),
    }),
};

export function useAgencyReport(agencyId: string, year: number) {
  return useQuery(reportQueries.agencyYear(agencyId, year));
}

/** The report's tables as one workbook (built by the server from the same report). */
export const reportXlsxUrl = (agencyId: string, year: number) =>
  `/api/agencies/${agencyId}/results/${year}/report.xlsx`;

/** The publication states of each of the years (publications of a year are public to every signed-in user). */
export function usePublicationStates(years: readonly number[]): {
  states: Map<number, string[]>;
  pending: boolean;
} {
  return useQueries({
    queries: years.map((y) => resultQueries.publications(y)),
    combine: (results) => ({
      states: new Map(
        results.flatMap((r, i) => {
          const year = years[i];
          return year !== undefined && r.data ? [[year, r.data.items.map((p) => p.state)] as const] : [];
        }),
      ),
      pending: results.some((r) => r.isPending),
    }),
  });
}
