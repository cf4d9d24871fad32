// Processing runs and their publication (NACC admins): start a run or a preview, follow it while it runs,
// its agency results, the changes against another run, the year's publications, publish and cancel.
import type {
  Publication,
  PublishBody,
  Run,
  RunAgencyResult,
  RunBody,
  RunChanges,
  RunResults,
} from '@server/modules/results/results.schema.ts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

export type { Publication, PublishBody, Run, RunAgencyResult, RunBody, RunChanges, RunResults };

/** How often a queued or running run is asked for its progress. */
export const RUN_POLL_MS = 1_000;
/** The largest page the run-results endpoint gives (PAGE_SIZE_MAX): used to download every row. */
const ALL_PAGE_SIZE = 200;

export const isActiveRun = (r: Pick<Run, 'status'>) => r.status === 'queued' || r.status === 'running';

export const resultKeys = {
  all: ['results'] as const,
  year: (year: number) => [...resultKeys.all, year] as const,
  runs: (year: number) => [...resultKeys.year(year), 'runs'] as const,
  run: (year: number, id: string) => [...resultKeys.runs(year), id] as const,
  changes: (year: number, id: string, against: string) =>
    [...resultKeys.run(year, id), 'changes', against] as const,
  runResults: (year: number, id: string, page: number, pageSize: number) =>
    [...resultKeys.run(year, id), 'agencies', page, pageSize] as const,
  publications: (year: number) => [...resultKeys.year(year), 'publications'] as const,
};

export const resultQueries = {
  /** The year's runs; polled while one of them is queued or running (the list shows its progress). */
  runs: (year: number) =>
    queryOptions({
      queryKey: resultKeys.runs(year),
      queryFn: ({ signal }) => api.get<{ items: Run[] }>(`/results/${year}/runs`, undefined, signal),
      refetchInterval: (q) => (q.state.data?.items.some(isActiveRun) ? RUN_POLL_MS : false),
    }),
  /** One run, polled until it is done or failed. */
  run: (year: number, id: string) =>
    queryOptions({
      queryKey: resultKeys.run(year, id),
      queryFn: ({ signal }) => api.get<Run>(`/results/${year}/runs/${id}`, undefined, signal),
      refetchInterval: (q) => (q.state.data && !isActiveRun(q.state.data) ? false : RUN_POLL_MS),
    }),
  changes: (year: number, id: string, against: string | null) =>
    queryOptions({
      queryKey: resultKeys.changes(year, id, against ?? ''),
      queryFn: ({ signal }) =>
        api.get<RunChanges>(`/results/${year}/runs/${id}/changes`, { against }, signal),
      enabled: against !== null,
    }),
  runResults: (year: number, id: string, page: number, pageSize: number) =>
    queryOptions({
      queryKey: resultKeys.runResults(year, id, page, pageSize),
      queryFn: ({ signal }) =>
        api.get<RunResults>(`/results/${year}/runs/${id}/agencies`, { page, pageSize }, signal),
      placeholderData: keepPreviousData,
    }),
  publications: (year: number) =>
    queryOptions({
      queryKey: resultKeys.publications(year),
      queryFn: ({ signal }) =>
        api.get<{ items: Publication[] }>(`/results/${year}/publications`, undefined, signal),
    }),
};

export const useRuns = (year: number) => useQuery(resultQueries.runs(year));
export const useRun = (year: number, id: string) => useQuery(resultQueries.run(year, id));
export const useRunChanges = (year: number, id: string, against: string | null) =>
  useQuery(resultQueries.changes(year, id, against));
export const useRunResults = (year: number, id: string, page: number, pageSize: number) =>
  useQuery(resultQueries.runResults(year, id, page, pageSize));
export const usePublications = (year: number) => useQuery(resultQueries.publications(year));

/** Every agency result of a run, page after page (for the download of the whole table). */
export async function allRunResults(year: number, id: string): Promise<RunAgencyResult[]> {
  const out: RunAgencyResult[] = [];
  for (let page = 1; ; page++) {
    const res = await api.get<RunResults>(`/results/${year}/runs/${id}/agencies`, {
      page,
      pageSize: ALL_PAGE_SIZE,
    });
    out.push(...res.items);
    if (res.items.length === 0 || out.length >= res.total) return out;
  }
}

/** Queues a run or a preview (202); the runs list starts polling at once. */
export function useStartRun(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RunBody) => api.post<Run>(`/results/${year}/runs`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: resultKeys.runs(year) }),
  });
}

export function usePublish(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishBody) => api.post<Publication>(`/results/${year}/publications`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: resultKeys.publications(year) }),
  });
}

export function useCancelPublication(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<Publication>(`/results/${year}/publications/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: resultKeys.publications(year) }),
  });
}
