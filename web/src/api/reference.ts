// Reference lists (provinces, ministries, agency types); they change rarely, so they are cached long.

import type { Ministry, Province, ZAgencyTypeInfo } from '@server/modules/reference/reference.schema.ts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../lib/api.ts';

export type { Ministry, Province };
export type AgencyTypeInfo = z.infer<typeof ZAgencyTypeInfo>;

const HOUR = 60 * 60_000;

export function useProvinces() {
  return useQuery({
    queryKey: ['reference', 'provinces'],
    queryFn: async () => (await api.get<{ items: Province[] }>('/reference/provinces')).items,
    staleTime: HOUR,
  });
}

export function useMinistries() {
  return useQuery({
    queryKey: ['reference', 'ministries'],
    queryFn: async () => (await api.get<{ items: Ministry[] }>('/reference/ministries')).items,
    staleTime: HOUR,
  });
}

export function useAgencyTypes() {
  return useQuery({
    queryKey: ['reference', 'agency-types'],
    queryFn: async () => (await api.get<{ items: AgencyTypeInfo[] }>('/reference/agency-types')).items,
    staleTime: HOUR,
  });
}
