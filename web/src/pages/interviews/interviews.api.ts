// EIT part 2 API: the sample, the questionnaire, interview entry and the review queue.

import type { Questionnaire } from '@server/core/surveys/index.ts';
import type {
  EnterInterviewBody,
  Interview,
  InterviewStatus,
  Outcome,
  SampleContact,
  SampleVerification,
  SampleView,
} from '@server/modules/interviews/interviews.schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export type {
  EnterInterviewBody,
  Interview,
  InterviewStatus,
  Outcome,
  Questionnaire,
  SampleContact,
  SampleVerification,
  SampleView,
};

const key = (agencyId: string | null, year: number | null) => ['eit2', agencyId, year] as const;
const base = (agencyId: string | null, year: number | null) => `/agencies/${agencyId}/eit2/${year}`;

export function useSample(agencyId: string | null, year: number | null) {
  return useQuery({
    queryKey: [...key(agencyId, year), 'sample'],
    queryFn: ({ signal }) => api.get<SampleView>(`${base(agencyId, year)}/sample`, undefined, signal),
    enabled: Boolean(agencyId && year),
  });
}

export function useVerifySample(agencyId: string | null, year: number | null) {
  return useMutation({
    mutationFn: () => api.get<SampleVerification>(`${base(agencyId, year)}/sample/verify`),
  });
}

export function useDrawSample(agencyId: string | null, year: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SampleView>(`${base(agencyId, year)}/sample`, {}),
    onSuccess: (data) => qc.setQueryData([...key(agencyId, year), 'sample'], data),
  });
}

export function useQuestionnaire(agencyId: string | null, year: number | null, enabled: boolean) {
  return useQuery({
    queryKey: [...key(agencyId, year), 'questionnaire'],
    queryFn: ({ signal }) =>
      api.get<Questionnaire>(`/interviews/${agencyId}/${year}/questionnaire`, undefined, signal),
    enabled: Boolean(agencyId && year) && enabled,
    staleTime: 10 * 60_000,
  });
}

export function useInterviews(agencyId: string | null, year: number | null, status?: InterviewStatus) {
  return useQuery({
    queryKey: [...key(agencyId, year), 'interviews', status ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<{ items: Interview[] }>(`${base(agencyId, year)}/interviews`, { status }, signal),
    enabled: Boolean(agencyId && year),
  });
}

export function useEnterInterview(agencyId: string | null, year: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterInterviewBody) => api.post<Interview>(`${base(agencyId, year)}/interviews`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(agencyId, year) }),
  });
}

export function useReview(agencyId: string | null, year: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      v: { id: string; decision: 'approve' } | { id: string; decision: 'reject'; reason: string },
    ) =>
      v.decision === 'approve'
        ? api.post<Interview>(`/interviews/${v.id}/approve`)
        : api.post<Interview>(`/interviews/${v.id}/reject`, { reason: v.reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(agencyId, year) }),
  });
}
