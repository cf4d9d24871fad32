// OIT, assessor side: bulk assignments, the assessor's queue, an agency's assessment (answers, original and
// latest evidence, scores, clarifications, the OIT score computed by the server), and the writes on it.

import type { OitReviewStatus } from '@server/core/oit/states.ts';
import type {
  Assessment,
  AssessmentItem,
  BulkAssignBody,
  BulkAssignResult,
  Clarification,
  DecisionBody,
  ItemResult,
  ItemScore,
  Queue,
  QueueRow,
  ReviewResult,
  ScoreBody,
  StageInfo,
} from '@server/modules/oit/assessment.schema.ts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { type AgencyList, agencyKeys, agencyQueries } from './agencies.ts';
import { oitKeys } from './oit.ts';
import { userKeys } from './users.ts';

export type {
  Assessment,
  AssessmentItem,
  BulkAssignBody,
  BulkAssignResult,
  Clarification,
  DecisionBody,
  ItemResult,
  ItemScore,
  OitReviewStatus,
  Queue,
  QueueRow,
  ReviewResult,
  ScoreBody,
  StageInfo,
};
export type UrlEvidence = AssessmentItem['evidence'][number];

export interface QueueFilters {
  province?: string;
  status?: OitReviewStatus;
  /** Admins: the agencies of one assessor. */
  assessorId?: string;
  page?: number;
  pageSize?: number;
}

const base = (agencyId: string, year: number) => `/agencies/${agencyId}/oit/${year}`;

/** How often the assessment reloads while an evidence check is waiting or running. */
const EVIDENCE_POLL_MS = 5000;

export const oitAssessmentQueries = {
  queue: (year: number | null, filters: QueueFilters) =>
    queryOptions({
      queryKey: oitKeys.queue(year, filters),
      queryFn: ({ signal }) => api.get<Queue>(`/oit/queue/${year}`, { ...filters }, signal),
      enabled: year !== null,
      placeholderData: keepPreviousData,
    }),
  assessment: (agencyId: string, year: number, pending: (a: Assessment) => boolean) =>
    queryOptions({
      queryKey: oitKeys.assessment(agencyId, year),
      queryFn: ({ signal }) => api.get<Assessment>(`${base(agencyId, year)}/assessment`, undefined, signal),
      refetchInterval: (q) => (q.state.data && pending(q.state.data) ? EVIDENCE_POLL_MS : false),
    }),
};

export function useOitQueue(year: number | null, filters: QueueFilters) {
  return useQuery(oitAssessmentQueries.queue(year, filters));
}

export function useAssessment(agencyId: string, year: number, pending: (a: Assessment) => boolean) {
  return useQuery(oitAssessmentQueries.assessment(agencyId, year, pending));
}

/** After any write: the assessment (counts, states, the OIT score) and the queues are read again. */
function useRefresh(agencyId: string, year: number) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: oitKeys.assessment(agencyId, year) }),
      qc.invalidateQueries({ queryKey: oitKeys.queues() }),
      // The agency-side views of the same year (checklist, item history) in api/oit.ts.
      qc.invalidateQueries({ queryKey: oitKeys.agencyYear(agencyId, year) }),
    ]);
}

export function useScoreItem(agencyId: string, year: number) {
  const refresh = useRefresh(agencyId, year);
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: ScoreBody }) =>
      api.put<ItemResult>(`${base(agencyId, year)}/items/${encodeURIComponent(code)}/score`, body),
    onSuccess: refresh,
  });
}

export function useDecideClarification(agencyId: string, year: number) {
  const refresh = useRefresh(agencyId, year);
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: DecisionBody }) =>
      api.post<ItemResult>(
        `${base(agencyId, year)}/items/${encodeURIComponent(code)}/clarification/decision`,
        body,
      ),
    onSuccess: refresh,
  });
}

export function useSubmitAssessment(agencyId: string, year: number) {
  const refresh = useRefresh(agencyId, year);
  return useMutation({
    mutationFn: () => api.post<ReviewResult>(`${base(agencyId, year)}/assessment/submit`),
    onSuccess: refresh,
  });
}

export function useConfirmResult(agencyId: string, year: number) {
  const refresh = useRefresh(agencyId, year);
  return useMutation({
    mutationFn: () => api.post<ReviewResult>(`${base(agencyId, year)}/confirm`),
    onSuccess: refresh,
  });
}

export function useReopenResult(agencyId: string, year: number) {
  const refresh = useRefresh(agencyId, year);
  return useMutation({
    mutationFn: (reason: string) => api.post<ReviewResult>(`${base(agencyId, year)}/reopen`, { reason }),
    onSuccess: refresh,
  });
}

// ── Bulk assignment ────────────────────────────────────────────────────────────────────────────────────

/** Conditions over the agencies taking part in the year (combined with AND). */
export type AgencyFilter = NonNullable<BulkAssignBody['filter']>;

/**
 * How many active agencies taking part in the year match the filter — the same set the bulk assignment
 * takes. The agency list counts those whose cycle is open and registered, and those open but not registered.
 */
export function useParticipatingCount(year: number | null, filter: AgencyFilter | null) {
  return useQuery({
    queryKey: agencyKeys.participatingCount(year, filter),
    queryFn: async ({ signal }) => {
      const query = {
        year: year ?? undefined,
        province: filter?.provinceCode,
        type: filter?.agencyType,
        ministry: filter?.ministryCode,
        active: 'true',
        pageSize: 1,
      };
      const [registered, notRegistered] = await Promise.all([
        api.get<AgencyList>('/agencies', { ...query, registered: 'true' }, signal),
        api.get<AgencyList>('/agencies', { ...query, registered: 'false' }, signal),
      ]);
      return registered.total + notRegistered.total;
    },
    enabled: year !== null && filter !== null,
    placeholderData: keepPreviousData,
  });
}

/** Agencies matching a search, with their participation in the year (for choosing agencies one by one). */
export function useAgencySearch(year: number | null, q: string) {
  return useQuery({
    ...agencyQueries.list({ q: q || undefined, year: year ?? undefined, active: 'true', pageSize: 30 }),
    enabled: year !== null,
  });
}

export function useBulkAssign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: BulkAssignBody }) =>
      api.put<BulkAssignResult>(`/assignments/${year}/bulk`, body),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: oitKeys.queues() }),
        qc.invalidateQueries({ queryKey: userKeys.all }),
      ]),
  });
}
