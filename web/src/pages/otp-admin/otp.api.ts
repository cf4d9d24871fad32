// NACC's SMS usage view: codes sent per agency on a day against the daily cap.

import type { SmsUsage } from '@server/modules/otp/otp.schema.ts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type { SmsUsage };

export function useSmsUsage(day: string) {
  return useQuery({
    queryKey: ['otp', 'usage', day],
    queryFn: ({ signal }) => api.get<SmsUsage>('/otp/usage', { day }, signal),
  });
}
