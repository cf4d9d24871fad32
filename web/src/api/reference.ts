// Reference lists (provinces, ministries, agency types); they change rarely, so they are cached long.
import type { Ministry, Province, ZAgencyTypeInfo } from '@server/modules/reference/reference.schema.ts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../lib/api.ts';

export type { Ministry, Province };
export type AgencyTypeInfo = z.infer<typeof ZAgencyTypeInfo>;

const HOUR = 60 * 60_000;

export const referenceKeys = {
  all: ['reference'] as const,
  list: (name: 'provinces' | 'ministries' | 'agency-types') => [...referenceKeys.all, name] as const,
};

const list = <T>(name: 'provinces' | 'ministries' | 'agency-types') =>
  queryOptions({
    queryKey: referenceKeys.list(name),
    queryFn: async () => (await api.get<{ items: T[] }>(`/reference/${name}`)).items,
    staleTime: HOUR,
  });

export const referenceQueries = {
  provinces: () => list<Province>('provinces'),
  ministries: () => list<Ministry>('ministries'),
  agencyTypes: () => list<AgencyTypeInfo>('agency-types'),
};

export function useProvinces() {
  return useQuery(referenceQueries.provinces());
}

export function useMinistries() {
  return useQuery(referenceQueries.ministries());
}

export function useAgencyTypes() {
  return useQuery(referenceQueries.agencyTypes());
}
