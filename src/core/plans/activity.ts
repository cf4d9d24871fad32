// A provincial plan's activity as stored (issue 12 §3): what is done (กิจกรรม/การดำเนินงาน), when, by which
// offices, how far it got, and which calendar stages it chases agencies through. The kinds are those of the
// plans provinces write (seeds 000 and 001): meetings on results, notices, committee orders, briefings,
// coaching in the field, chasing each stage, visits to the agencies behind, measure-progress meetings.
import type { PlanPeriod } from './period.ts';
import type { ChaseStage } from './template.ts';

export const ACTIVITY_KINDS = [
  'results_meeting',
  'calendar_notice',
  'contact_persons',
  'committee_order',
  'briefing',
  'field_coaching',
  'chase_registration',
  'admin_workshop',
  'eit_briefing',
  'status_meeting',
  'chase_oit',
  'visit_oit_laggards',
  'chase_surveys',
  'measures_meeting',
  'visit_survey_laggards',
  'year_results_meeting',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export interface PlanActivity {
  kind: ActivityKind;
  title: string;
  period: PlanPeriod;
  /** The responsible offices, in the order the plan names them (at least one). */
  offices: string[];
  status: ActivityStatus;
  notes: string | null;
  /** The calendar stages whose laggards this activity chases (empty for the others). */
  chases: ChaseStage[];
}
