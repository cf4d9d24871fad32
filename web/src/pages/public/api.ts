// The public results API (no login; src/modules/public-results): years, the national overview, the agency
// search and one agency's page. The server answers with ETags and caches for 5 minutes; so does this.
import type {
  AgencyPage,
  Checkpoint,
  Dictionary,
  Group,
  Overview,
  SearchItem,
  SearchResult,
} from '@server/modules/public-results/public-results.schema.ts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type { AgencyPage, Checkpoint, Dictionary, Group, Overview, SearchItem, SearchResult };

export interface PublishedYears {
  items: { year: number; agencies: number; publication: Overview['publication'] }[];
  licence: Overview['licence'];
}

export interface SearchParams {
  q?: string;
  province?: string;
  region?: string;
  ministry?: string;
  type?: string;
  page: number;
}

const STALE = 5 * 60_000;

export const publicKeys = {
  all: ['public-results'] as const,
  years: () => [...publicKeys.all, 'years'] as const,
  overview: (year: number) => [...publicKeys.all, 'overview', year] as const,
  search: (year: number, p: SearchParams) => [...publicKeys.all, 'search', year, p] as const,
  agency: (year: number, code: string) => [...publicKeys.all, 'agency', year, code] as const,
  dictionary: () => [...publicKeys.all, 'dictionary'] as const,
};

export const publicQueries = {
  years: () =>
    queryOptions({
      queryKey: publicKeys.years(),
      queryFn: ({ signal }) => api.get<PublishedYears>('/public/results', undefined, signal),
      staleTime: STALE,
    }),
  overview: (year: number) =>
    queryOptions({
      queryKey: publicKeys.overview(year),
      queryFn: ({ signal }) => api.get<Overview>(`/public/results/${year}`, undefined, signal),
      staleTime: STALE,
    }),
  search: (year: number, p: SearchParams) =>
    queryOptions({
      queryKey: publicKeys.search(year, p),
      queryFn: ({ signal }) => api.get<SearchResult>(`/public/results/${year}/agencies`, { ...p }, signal),
      staleTime: STALE,
      placeholderData: keepPreviousData,
    }),
  agency: (year: number, code: string) =>
    queryOptions({
      queryKey: publicKeys.agency(year, code),
      queryFn: ({ signal }) =>
        api.get<AgencyPage>(
          `/public/results/${year}/agencies/${encodeURIComponent(code)}`,
          undefined,
          signal,
        ),
      staleTime: STALE,
    }),
  dictionary: () =>
    queryOptions({
      queryKey: publicKeys.dictionary(),
      queryFn: ({ signal }) => api.get<Dictionary>('/public/open-data/dictionary', undefined, signal),
      staleTime: STALE,
    }),
};

export const usePublishedYears = () => useQuery(publicQueries.years());
export const useOverview = (year: number) => useQuery(publicQueries.overview(year));
export const useAgencySearch = (year: number, p: SearchParams, enabled = true) =>
  useQuery({ ...publicQueries.search(year, p), enabled });
export const usePublicAgency = (year: number, code: string) => useQuery(publicQueries.agency(year, code));
export const useDictionary = () => useQuery(publicQueries.dictionary());

/** The address of an open-data file (the server sends it as a download). */
export const openDataUrl = (year: number, dataset: string, format: 'csv' | 'json') =>
  `/api/public/open-data/${year}/${dataset}.${format}`;

/** Site addresses, in one place. */
export const publicPaths = {
  home: '/public',
  year: (year: number) => `/public/${year}`,
  search: (year: number, q?: string) => `/public/${year}/search${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  agency: (year: number, code: string) => `/public/${year}/agencies/${encodeURIComponent(code)}`,
  province: (year: number, code: string) => `/public/${year}/provinces/${encodeURIComponent(code)}`,
  openData: (year?: number) => (year ? `/public/open-data?year=${year}` : '/public/open-data'),
};
