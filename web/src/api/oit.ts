// OIT for the agency: the checklist (answers, delegation, submission, the executive's approval or return),
// readiness, an item's history, and the assessment as the agency sees it (scores once submitted,
// clarifications). Evidence lists and re-checks are in ./evidence.ts. The shapes are the server's zod schemas.

import type { SnapshotSummary } from '@server/modules/evidence/evidence.schema.ts';
import type {
  AnswerView,
  Checklist,
  ChecklistItem,
  ItemHistory,
  ReadinessView,
  ReturnBody,
  SaveAnswerBody,
} from '@server/modules/oit/oit.schema.ts';
import type {
  Assessment,
  AssessmentItem,
  Clarification,
  ClarificationBody,
  ItemResult,
  ItemScore,
  StageInfo,
} from '@server/modules/oit-assessment/oit-assessment.schema.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';

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

const oitKey = (agencyId: string, year: number) => ['oit', agencyId, year] as const;
const checklistKey = (agencyId: string, year: number) => [...oitKey(agencyId, year), 'checklist'] as const;
const base = (agencyId: string, year: number) => `/agencies/${agencyId}/oit/${year}`;
const item = (agencyId: string, year: number, code: string) =>
  `${base(agencyId, year)}/items/${encodeURIComponent(code)}`;

export function useOitChecklist(
  agencyId: string,
  year: number,
  opts: { poll: (data: Checklist | undefined) => boolean },
) {
  return useQuery({
    queryKey: checklistKey(agencyId, year),
    queryFn: ({ signal }) => api.get<Checklist>(base(agencyId, year), undefined, signal),
    refetchInterval: (q) => (opts.poll(q.state.data) ? EVIDENCE_POLL_MS : false),
    enabled: Boolean(agencyId && year),
  });
}

/** After any write: the checklist the server answered with (if it did), and everything else reloaded. */
function useRefresh(agencyId: string, year: number) {
  const qc = useQueryClient();
  return async (checklist?: Checklist | null) => {
    const fresh = Boolean(checklist && typeof checklist === 'object' && 'indicators' in checklist);
    if (fresh) qc.setQueryData(checklistKey(agencyId, year), checklist);
    await Promise.all([
      qc.invalidateQueries({
        queryKey: oitKey(agencyId, year),
        predicate: (q) => !(fresh && q.queryKey[3] === 'checklist'),
      }),
      // Saved URLs are queued for a check: the evidence list (src/api/evidence.ts) shows it coming.
      qc.invalidateQueries({ queryKey: ['evidence', agencyId, year] }),
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
  return useQuery({
    queryKey: [...oitKey(agencyId, year), 'readiness'],
    queryFn: ({ signal }) => api.get<ReadinessView>(`${base(agencyId, year)}/readiness`, undefined, signal),
    refetchInterval: (q) =>
      q.state.data?.items.some((i) => i.evidence === 'checking') ? EVIDENCE_POLL_MS : false,
    enabled: enabled && Boolean(agencyId && year),
  });
}

export function useItemHistory(agencyId: string, year: number, code: string | null) {
  return useQuery({
    queryKey: [...oitKey(agencyId, year), 'history', code],
    queryFn: ({ signal }) =>
      api.get<ItemHistory>(`${item(agencyId, year, code ?? '')}/history`, undefined, signal),
    enabled: code !== null,
  });
}

export function useAssessment(agencyId: string, year: number) {
  return useQuery({
    queryKey: [...oitKey(agencyId, year), 'assessment'],
    queryFn: ({ signal }) => api.get<Assessment>(`${base(agencyId, year)}/assessment`, undefined, signal),
    // The agency may not be allowed to read it in every deployment: the page then falls back quietly.
    retry: false,
    enabled: Boolean(agencyId && year),
  });
}

export function useFileClarification(agencyId: string, year: number) {
  const refresh = useRefresh(agencyId, year);
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: ClarificationBody }) =>
      api.post<ItemResult>(`${item(agencyId, year, code)}/clarification`, body),
    onSuccess: () => refresh(),
  });
}
