// EIT part 2: the sample, the questionnaire, interview entry and the review queue.
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
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

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

export const interviewKeys = {
  all: ['eit2'] as const,
  agencyYear: (agencyId: string | null, year: number | null) =>
    [...interviewKeys.all, agencyId, year] as const,
  sample: (agencyId: string | null, year: number | null) =>
    [...interviewKeys.agencyYear(agencyId, year), 'sample'] as const,
  questionnaire: (agencyId: string | null, year: number | null) =>
    [...interviewKeys.agencyYear(agencyId, year), 'questionnaire'] as const,
  interviews: (agencyId: string | null, year: number | null, status?: InterviewStatus) =>
    [...interviewKeys.agencyYear(agencyId, year), 'interviews', status ?? 'all'] as const,
};

const base = (agencyId: string | null, year: number | null) => `/agencies/${agencyId}/eit2/${year}`;

export const interviewQueries = {
  sample: (agencyId: string | null, year: number | null) =>
    queryOptions({
      queryKey: interviewKeys.sample(agencyId, year),
      queryFn: ({ signal }) => api.get<SampleView>(`${base(agencyId, year)}/sample`, undefined, signal),
      enabled: Boolean(agencyId && year),
    }),
  questionnaire: (agencyId: string | null, year: number | null) =>
    queryOptions({
      queryKey: interviewKeys.questionnaire(agencyId, year),
      queryFn: ({ signal }) =>
        api.get<Questionnaire>(`/interviews/${agencyId}/${year}/questionnaire`, undefined, signal),
      enabled: Boolean(agencyId && year),
      staleTime: 10 * 60_000,
    }),
  interviews: (agencyId: string | null, year: number | null, status?: InterviewStatus) =>
    queryOptions({
      queryKey: interviewKeys.interviews(agencyId, year, status),
      queryFn: ({ signal }) =>
        api.get<{ items: Interview[] }>(`${base(agencyId, year)}/interviews`, { status }, signal),
      enabled: Boolean(agencyId && year),
    }),
};

export function useSample(agencyId: string | null, year: number | null) {
  return useQuery(interviewQueries.sample(agencyId, year));
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
    onSuccess: (data) => qc.setQueryData(interviewKeys.sample(agencyId, year), data),
  });
}

export function useQuestionnaire(agencyId: string | null, year: number | null, enabled: boolean) {
  const options = interviewQueries.questionnaire(agencyId, year);
  return useQuery({ ...options, enabled: options.enabled && enabled });
}

export function useInterviews(agencyId: string | null, year: number | null, status?: InterviewStatus) {
  return useQuery(interviewQueries.interviews(agencyId, year, status));
}

export function useEnterInterview(agencyId: string | null, year: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterInterviewBody) => api.post<Interview>(`${base(agencyId, year)}/interviews`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: interviewKeys.agencyYear(agencyId, year) }),
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
    onSuccess: () => qc.invalidateQueries({ queryKey: interviewKeys.agencyYear(agencyId, year) }),
  });
}
