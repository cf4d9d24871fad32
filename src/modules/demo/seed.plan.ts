// The demo province's FY2568 plan (issue 12 §3), written by the demo supervisor through the plans module's own
// save (validated, audited): the template's activities with this year's framework dates, the early ones done,
// the chasing ones under way, one note. Only when the province has no plan for the year: what people changed
// is never overwritten.
import type { AppDeps } from '../../app/context.ts';
import type { ActivityStatus } from '../../core/plans/activity.ts';
import { planTemplateFor, savePlan } from '../plans/index.ts';
import { loadActor } from '../users/index.ts';
import { DEMO_PROVINCE, DEMO_YEAR } from './demo.data.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** How far the demo province got: the preparations done, the chasing under way, the rest to come. */
const DONE = new Set([
  'results_meeting',
  'calendar_notice',
  'contact_persons',
  'committee_order',
  'briefing',
  'field_coaching',
  'chase_registration',
  'admin_workshop',
  'eit_briefing',
]);
const UNDER_WAY = new Set(['status_meeting', 'chase_oit', 'chase_surveys']);

const NOTES: Record<string, string> = {
  field_coaching: 'ลงพื้นที่ครบทุกหน่วยงานในจังหวัดแล้ว และจัดคลินิกให้คำปรึกษาออนไลน์เพิ่มสัปดาห์ละครั้ง',
  chase_oit: 'แจ้งเตือนหน่วยงานที่ยังไม่ส่งคำตอบให้ผู้บริหารอนุมัติทุกวันจันทร์ผ่านกลุ่มไลน์ผู้ดูแลระบบ',
};

/** Returns whether the plan was written on this start (false: no supervisor, or a plan already there). */
export async function seedDemoPlan(deps: Deps, supervisorId: string | undefined): Promise<boolean> {
  const actor = supervisorId ? await loadActor(deps.db, supervisorId) : null;
  if (actor?.role !== 'supervisor' || !actor.scope.provinces.includes(DEMO_PROVINCE)) return false;
  const scope = { kind: 'province' as const, code: DEMO_PROVINCE };
  const current = await planTemplateFor(deps, actor, DEMO_YEAR, scope);
  if (current.exists) return false;
  const status = (kind: string): ActivityStatus =>
    DONE.has(kind) ? 'done' : UNDER_WAY.has(kind) ? 'in_progress' : 'planned';
  await savePlan(deps, actor, DEMO_YEAR, scope, {
    activities: current.template.map((t) => ({
      kind: t.kind,
      title: t.title,
      period: t.period,
      offices: t.offices,
      status: status(t.kind),
      notes: NOTES[t.kind] ?? null,
      chases: t.chases,
    })),
    version: 0,
  });
  return true;
}
