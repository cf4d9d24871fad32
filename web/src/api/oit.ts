// OIT for the agency: the checklist (answers, delegation, submission, the executive's approval or return),
// readiness, an item's history, and the assessment as the agency sees it (scores once submitted,
// clarifications), re-checks of an item's evidence; the key factory of every OIT query. Evidence lists are in
// ./evidence.ts, the assessor side in ./oit-assessment.ts. The shapes are the server's zod schemas.

import type { RefetchResult, SnapshotSummary } from '@server/modules/evidence/evidence.schema.ts';
import type {
  Assessment,
  AssessmentItem,
  Clarification,
  ClarificationBody,
  ItemResult,
  ItemScore,
  StageInfo,
} from '@server/modules/oit/assessment.schema.ts';
import type {
  AnswerView,
  Checklist,
  ChecklistItem,
  ItemHistory,
  ReadinessView,
  ReturnBody,
  SaveAnswerBody,
} from '@server/modules/oit/oit.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { evidenceKeys } from './evidence.ts';

export type {
  AnswerView,
  Assessment,
  AssessmentItem,
  Checklist,
  ChecklistItem,
  Clarification,
  ClarificationBody,
  ItemHistory,
  ItemScore,
  ReadinessView,
  ReturnBody,
  SaveAnswerBody,
  StageInfo,
};
export type AuditEntry = ItemHistory['items'][number];
/** The latest check of one URL of an answer (a snapshot summary of the evidence module). */
export type EvidenceCheck = SnapshotSummary;
export type UrlView = AnswerView['urls'][number];

/** How often the checklist is reloaded while an evidence check is waiting or running. */
export const EVIDENCE_POLL_MS = 3000;

/**
 * Every OIT query of the web app, agency and assessor side: writes on either side reload the agency-year's
 * views of both (`agencyYear`), and the assessor's queues.
 */
export const oitKeys = {
  all: ['oit'] as const,
  agencyYear: (agencyId: string, year: number) => [...oitKeys.all, agencyId, year] as const,
  checklist: (agencyId: string, year: number) =>
    [...oitKeys.agencyYear(agencyId, year), 'checklist'] as const,
  readiness: (agencyId: string, year: number) =>
    [...oitKeys.agencyYear(agencyId, year), 'readiness'] as const,
  history: (agencyId: string, year: number, code: string | null) =>
    [...oitKeys.agencyYear(agencyId, year), 'history', code] as const,
  /** The assessment as the agency reads it (scores once submitted, clarifications). */
  agencyAssessment: (agencyId: string, year: number) =>
    [...oitKeys.agencyYear(agencyId, year), 'assessment'] as const,
  /** The assessment as the assessor reads it (api/oit-assessment.ts). */
  assessment: (agencyId: string, year: number) => [...oitKeys.all, 'assessment', agencyId, year] as const,
  queues: () => [...oitKeys.all, 'queue'] as const,
  queue: (year: number | null, filters: object) => [...oitKeys.queues(), year, filters] as const,
};

const base = (agencyId: string, year: number) => `/agencies/${agencyId}/oit/${year}`;
const item = (agencyId: string, year: number, code: string) =>
  `${base(agencyId, year)}/items/${encodeURIComponent(code)}`;

export const oitQueries = {
  checklist: (agencyId: string, year: number, poll: (data: Checklist | undefined) => boolean) =>
    queryOptions({
      queryKey: oitKeys.checklist(agencyId, year),
      queryFn: ({ signal }) => api.get<Checklist>(base(agencyId, year), undefined, signal),
      refetchInterval: (q) => (poll(q.state.data) ? EVIDENCE_POLL_MS : false),
      enabled: Boolean(agencyId && year),
    }),
  readiness: (agencyId: string, year: number) =>
    queryOptions({
      queryKey: oitKeys.readiness(agencyId, year),
      queryFn: ({ signal }) => api.get<ReadinessView>(`${base(agencyId, year)}/readiness`, undefined, signal),
      refetchInterval: (q) =>
        q.state.data?.items.some((i) => i.evidence === 'checking') ? EVIDENCE_POLL_MS : false,
      enabled: Boolean(agencyId && year),
    }),
  history: (agencyId: string, year: number, code: string | null) =>
    queryOptions({
      queryKey: oitKeys.history(agencyId, year, code),
      queryFn: ({ signal }) =>
        api.get<ItemHistory>(`${item(agencyId, year, code ?? '')}/history`, undefined, signal),
      enabled: code !== null,
    }),
  assessment: (agencyId: string, year: number) =>
    queryOptions({
      queryKey: oitKeys.agencyAssessment(agencyId, year),
      queryFn: ({ signal }) => api.get<Assessment>(`${base(agencyId, year)}/assessment`, undefined, signal),
      // The agency may not be allowed to read it in every deployment: the page then falls back quietly.
      retry: false,
      enabled: Boolean(agencyId && year),
    }),
};

export function useOitChecklist(
  agencyId: string,
  year: number,
  opts: { poll: (data: Checklist | undefined) => boolean },
) {
  return useQuery(oitQueries.checklist(agencyId, year, opts.poll));
}

const sameKey = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((part, n) => part === b[n]);

/** After any write: the checklist the server answered with (if it did), and everything else reloaded. */
function useRefresh(agencyId: string, year: number) {
  const qc = useQueryClient();
  return async (checklist?: Checklist | null) => {
    const fresh = Boolean(checklist && typeof checklist === 'object' && 'indicators' in checklist);
    if (fresh) qc.setQueryData(oitKeys.checklist(agencyId, year), checklist);
    await Promise.all([
      qc.invalidateQueries({
        queryKey: oitKeys.agencyYear(agencyId, year),
        predicate: (q) => !(fresh && sameKey(q.queryKey, oitKeys.checklist(agencyId, year))),
      }),
      // Saved URLs are queued for a check: the evidence list (api/evidence.ts) shows it coming.
      qc.invalidateQueries({ queryKey: evidenceKeys.agencyYear(agencyId, year) }),
    ]);
  };
}

export function useSaveAnswer(agencyId: string, year: number) {
  const refresh = useRefresh(agencyId, year);
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: SaveAnswerBody }) =>
      api.put<Checklist>(item(agencyId, year, code), body),
    onSuccess: (data) => refresh(data),
  });
}

export function useSetAssignee(agencyId: string, year: number) {
  const refresh = useRefresh(agencyId, year);
  return useMutation({
    mutationFn: ({ code, userId }: { code: string; userId: string | null }) =>
      api.put<Checklist>(`${item(agencyId, year, code)}/assignee`, { userId }),
    onSuccess: (data) => refresh(data),
  });
}

export function useSubmitOit(agencyId: string, year: number) {
  const refresh = useRefresh(agencyId, year);
  return useMutation({
    mutationFn: () => api.post<Checklist>(`${base(agencyId, year)}/submit`, {}),
    onSuccess: (data) => refresh(data),
  });
}

export function useApproveOit(agencyId: string, year: number) {
  const refresh = useRefresh(agencyId, year);
  return useMutation({
    mutationFn: () => api.post<Checklist>(`${base(agencyId, year)}/approve`, {}),
    onSuccess: (data) => refresh(data),
  });
}

export function useReturnOit(agencyId: string, year: number) {
  const refresh = useRefresh(agencyId, year);
  return useMutation({
    mutationFn: (body: ReturnBody) => api.post<Checklist>(`${base(agencyId, year)}/return`, body),
    onSuccess: (data) => refresh(data),
  });
}

export function useReadiness(agencyId: string, year: number, enabled = true) {
  const options = oitQueries.readiness(agencyId, year);
  return useQuery({ ...options, enabled: enabled && options.enabled });
}

export function useItemHistory(agencyId: string, year: number, code: string | null) {
  return useQuery(oitQueries.history(agencyId, year, code));
}

export function useAssessment(agencyId: string, year: number) {
  return useQuery(oitQueries.assessment(agencyId, year));
}

export function useFileClarification(agencyId: string, year: number) {
  const refresh = useRefresh(agencyId, year);
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: ClarificationBody }) =>
      api.post<ItemResult>(`${item(agencyId, year, code)}/clarification`, body),
    onSuccess: () => refresh(),
  });
}

/**
 * Queue a fresh check of an item's URLs (the evidence worker fetches them in the background); the evidence
 * lists and both sides' OIT views reload.
 */
export function useRefetchItemEvidence(agencyId: string, year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api.post<RefetchResult>(`${item(agencyId, year, code)}/evidence/refetch`, {}),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: evidenceKeys.all }),
        qc.invalidateQueries({ queryKey: oitKeys.agencyYear(agencyId, year) }),
        qc.invalidateQueries({ queryKey: oitKeys.assessment(agencyId, year) }),
        qc.invalidateQueries({ queryKey: oitKeys.queues() }),
      ]),
  });
}
