// Pure helpers of the bulk-assignment page: the request the form makes and what is still missing. The server
// decides which agencies take part in the year and refuses the rest.
import type { AgencyType } from '@server/shared/agency-types.ts';
import type { AgencyFilter, BulkAssignBody } from '../../../api/oit-assessment.ts';

export type AssignMode = 'filter' | 'agencies';

export interface AssignForm {
  year: number | null;
  assessorId: string | null;
  mode: AssignMode;
  provinceCode: string | null;
  agencyType: AgencyType | null;
  ministryCode: string | null;
  agencyIds: string[];
}

export const emptyAssignForm = (year: number | null): AssignForm => ({
  year,
  assessorId: null,
  mode: 'filter',
  provinceCode: null,
  agencyType: null,
  ministryCode: null,
  agencyIds: [],
});

/** The conditions chosen (combined with AND by the server), or null when none is. */
export function assignFilterOf(form: AssignForm): AgencyFilter | null {
  const filter: AgencyFilter = {};
  if (form.provinceCode) filter.provinceCode = form.provinceCode;
  if (form.agencyType) filter.agencyType = form.agencyType;
  if (form.ministryCode) filter.ministryCode = form.ministryCode;
  return Object.keys(filter).length > 0 ? filter : null;
}

export type AssignProblem = 'year' | 'assessor' | 'filter' | 'agencies';

/** What the form still needs, in the order the fields appear. */
export function assignFormProblems(form: AssignForm): AssignProblem[] {
  const problems: AssignProblem[] = [];
  if (form.year === null) problems.push('year');
  if (!form.assessorId) problems.push('assessor');
  if (form.mode === 'filter' && assignFilterOf(form) === null) problems.push('filter');
  if (form.mode === 'agencies' && form.agencyIds.length === 0) problems.push('agencies');
  return problems;
}

/** The PUT /api/assignments/:year/bulk body, or null while the form is incomplete. */
export function bulkAssignBody(form: AssignForm): BulkAssignBody | null {
  if (assignFormProblems(form).length > 0 || !form.assessorId) return null;
  if (form.mode === 'agencies')
    return { assessorId: form.assessorId, agencyIds: [...new Set(form.agencyIds)] };
  const filter = assignFilterOf(form);
  return filter ? { assessorId: form.assessorId, filter } : null;
}

/** How many agencies the action names: the matching count for a filter, the chosen ones for a list. */
export function agenciesNamed(form: AssignForm, matching: number | undefined): number | undefined {
  if (form.mode === 'agencies') return new Set(form.agencyIds).size;
  return assignFilterOf(form) === null ? undefined : matching;
}
