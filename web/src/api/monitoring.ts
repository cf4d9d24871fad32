// Monitoring the cycle: the progress matrix over the actor's scope, the roll-up, their XLSX downloads (a
// link to the streamed server file) and the to-do list of the home page.
import type { WaitingPage } from '@server/core/monitoring/waiting.ts';
import type {
  Matrix,
  Rollup,
  RollupBy,
  Todo,
  Waiting,
} from '@server/modules/monitoring/monitoring.schema.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../lib/api.ts';

export type { Matrix, Rollup, RollupBy, Todo, Waiting, WaitingPage };
export type MatrixRow = Matrix['items'][number];
export type StageCell = MatrixRow['stages'][number];
export type TodoItem = Todo['items'][number];

/** The matrix's filters and sort as the address keeps them (strings; empty means not set). */
export interface MatrixParams {
  province?: string;
  ministry?: string;
  type?: string;
  stage?: string;
  state?: string;
  behind?: string;
  q?: string;
  sort?: string;
  dir?: string;
  page?: number;
  pageSize?: number;
}

/** Progress moves while the cycle runs: the views refresh now and then while open. */
const REFRESH_MS = 60_000;

export const monitoringKeys = {
  all: ['monitoring'] as const,
  matrix: (year: number, p: MatrixParams) => [...monitoringKeys.all, 'matrix', year, p] as const,
  rollup: (year: number, by: RollupBy, p: MatrixParams) =>
    [...monitoringKeys.all, 'rollup', year, by, p] as const,
  todo: (year: number | null) => [...monitoringKeys.all, 'todo', year] as const,
  waiting: (page: WaitingPage) => [...monitoringKeys.all, 'waiting', page] as const,
};

const query = (p: MatrixParams) => ({ ...p }) as Record<string, string | number | undefined>;

export function useMatrix(year: number, p: MatrixParams) {
  return useQuery({
    queryKey: monitoringKeys.matrix(year, p),
    queryFn: ({ signal }) => api.get<Matrix>(`/monitoring/${year}/agencies`, query(p), signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

export function useRollup(year: number, by: RollupBy, p: MatrixParams) {
  return useQuery({
    queryKey: monitoringKeys.rollup(year, by, p),
    queryFn: ({ signal }) => api.get<Rollup>(`/monitoring/${year}/rollup`, { ...query(p), by }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

export function useTodo(year: number | null) {
  return useQuery({
    queryKey: monitoringKeys.todo(year),
    queryFn: ({ signal }) => api.get<Todo>('/monitoring/todo', year === null ? {} : { year }, signal),
    refetchInterval: REFRESH_MS,
  });
}

/** The agencies in the viewer's scope with work waiting on a page (the latest framework year). */
export function useWaiting(page: WaitingPage, enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.waiting(page),
    queryFn: ({ signal }) => api.get<Waiting>(`/monitoring/waiting/${page}`, {}, signal),
    enabled,
    refetchInterval: REFRESH_MS,
  });
}

/** The address of the streamed XLSX of the matrix (all pages, same filters and sort). */
export function matrixXlsxUrl(year: number, p: MatrixParams): string {
  const { page: _page, pageSize: _size, ...rest } = p;
  return apiUrl(`/monitoring/${year}/agencies.xlsx`, query(rest));
}

export function rollupXlsxUrl(year: number, by: RollupBy, p: MatrixParams): string {
  return apiUrl(`/monitoring/${year}/rollup.xlsx`, { ...query(p), by });
}
