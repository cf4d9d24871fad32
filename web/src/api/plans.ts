// Provincial plans (issue 12 §3): the year's plans a viewer may read, one plan with its template resolved
// for the year, and the save of the whole plan (a stale version answers 409 `plan_changed`).
import type {
  Plan,
  PlanActivityView,
  PlanBody,
  PlanList,
  PlanSummary,
  TemplateActivityView,
} from '@server/modules/plans/plans.schema.ts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../lib/api.ts';

export type { Plan, PlanActivityView, PlanBody, PlanList, PlanSummary, TemplateActivityView };
export type PlanScopeKind = Plan['scope']['kind'];

export const planKeys = {
  all: ['plans'] as const,
  year: (year: number) => [...planKeys.all, year] as const,
  list: (year: number) => [...planKeys.year(year), 'list'] as const,
  plan: (year: number, kind: PlanScopeKind, code: string) => [...planKeys.year(year), kind, code] as const,
};

const planPath = (year: number, kind: PlanScopeKind, code: string) =>
  `/plans/${year}/${kind}/${encodeURIComponent(code)}`;

export const planQueries = {
  list: (year: number) =>
    queryOptions({
      queryKey: planKeys.list(year),
      queryFn: ({ signal }) => api.get<PlanList>(`/plans/${year}`, undefined, signal),
    }),
  plan: (year: number, kind: PlanScopeKind, code: string) =>
    queryOptions({
      queryKey: planKeys.plan(year, kind, code),
      queryFn: ({ signal }) => api.get<Plan>(planPath(year, kind, code), undefined, signal),
    }),
};

export function usePlanList(year: number) {
  return useQuery(planQueries.list(year));
}

export function usePlan(year: number, kind: PlanScopeKind, code: string, enabled = true) {
  return useQuery({ ...planQueries.plan(year, kind, code), enabled });
}

export function useSavePlan(year: number, kind: PlanScopeKind, code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanBody) => api.put<Plan>(planPath(year, kind, code), body),
    onSuccess: (saved) => {
      qc.setQueryData(planKeys.plan(year, kind, code), saved);
      void qc.invalidateQueries({ queryKey: planKeys.list(year) });
    },
  });
}

/** The saved plan as an official document (a plain link: the browser downloads it with the session cookie). */
export const planExportUrl = (
  year: number,
  kind: PlanScopeKind,
  code: string,
  format: 'docx' | 'pdf',
  digits: 'thai' | 'arabic' = 'thai',
) => apiUrl(`${planPath(year, kind, code)}/export.${format}`, digits === 'thai' ? {} : { digits });
