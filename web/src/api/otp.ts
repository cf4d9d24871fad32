// NACC's SMS usage view: codes sent per agency on a day against the daily cap.
import type { SmsUsage } from '@server/modules/otp/otp.schema.ts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

export type { SmsUsage };

export const otpKeys = {
  all: ['otp'] as const,
  usage: (day: string) => [...otpKeys.all, 'usage', day] as const,
};

export const otpQueries = {
  usage: (day: string) =>
    queryOptions({
      queryKey: otpKeys.usage(day),
      queryFn: ({ signal }) => api.get<SmsUsage>('/otp/usage', { day }, signal),
    }),
};

export function useSmsUsage(day: string) {
  return useQuery(otpQueries.usage(day));
}
