// The assessor's queue: the agencies assigned to them for the year (admins: every participating agency, with
// filters), each with its OIT status, item counts, the stage of its next step and that stage's deadline
// (framework calendar + the agency's extension).
import { type Actor, authorize } from '../../core/authz.ts';
import { stageState } from '../../core/calendar.ts';
import { forbidden } from '../../core/errors.ts';
import { assertNever } from '../../core/exhaustive.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { applicableOitItems } from '../../core/oit/score.ts';
import { OIT_STAGES, oitStageOf } from '../../core/oit/stage.ts';
import type { AgencyType } from '../../shared/agency-types.ts';
import { agencyScopeCondition, participantPage } from '../agencies/index.ts';
import { stageExtensionsOf, yearClosedAt } from '../calendar/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { assessorsOfAgencies, listAssignments } from '../users/index.ts';
import type { Queue, QueueQuery, QueueRow, StageInfo } from './assessment.schema.ts';
import type { Deps } from './oit.context.ts';
import {
  answerStatesOf,
  clarificationStatesOf,
  reviewStatusesOf,
  reviewStatusIs,
  scoredItemsOf,
} from './queue.repo.ts';

const APPROVED_STATES = new Set(['approved', 'assessed', 'disputed', 'confirmed']);

/** Whose assignments the queue lists: an assessor always their own; admins anyone's (or every agency). */
function queueAssessor(actor: Actor, requested: string | undefined): string | undefined {
  switch (actor.role) {
    case 'admin':
      return requested;
    case 'assessor':
      return actor.userId;
    case 'supervisor':
    case 'agency_admin':
    case 'executive':
    case 'agency_staff':
      throw forbidden();
    default:
      return assertNever(actor.role);
  }
}

export async function oitQueue(deps: Deps, actor: Actor | null, year: number, q: QueueQuery): Promise<Queue> {
  authorize(actor, 'oit.queue', null);
  const { framework } = await frameworkForYear(deps.db, year);
  const assessorId = queueAssessor(actor, q.assessorId);
  const assigned = assessorId
    ? ((await listAssignments(deps.db, assessorId, year))[0]?.agencyIds ?? [])
    : undefined;
  const { rows, total } = await participantPage(deps.db, year, {
    scope: agencyScopeCondition(actor),
    agencyIds: assigned,
    provinceCode: q.province,
    where: q.status ? reviewStatusIs(year, q.status) : undefined,
    page: q.page,
    pageSize: q.pageSize,
  });
  const ids = rows.map((r) => r.id);
  const [statuses, answers, scored, clarifications, assessors, extensions] = [
    await reviewStatusesOf(deps.db, ids, year),
    await answerStatesOf(deps.db, ids, year),
    await scoredItemsOf(deps.db, ids, year),
    await clarificationStatesOf(deps.db, ids, year),
    await assessorsOfAgencies(deps.db, ids, year),
    await stageExtensionsOf(deps.db, ids, year),
  ];
  const closedAt = await yearClosedAt(deps.db, year);
  const now = deps.now();
  const applicableByType = new Map<AgencyType, Set<string>>();
  const applicableOf = (type: AgencyType) => {
    let codes = applicableByType.get(type);
    if (!codes) {
      codes = new Set(applicableOitItems(framework, type).map((i) => i.code));
      applicableByType.set(type, codes);
    }
    return codes;
  };

  const items: QueueRow[] = rows.map((row) => {
    const codes = applicableOf(row.type);
    const mine = <T extends { agencyId: string; itemCode: string }>(list: T[]) =>
      list.filter((x) => x.agencyId === row.id && codes.has(x.itemCode));
    const ownClarifications = mine(clarifications);
    const undecided = ownClarifications.filter((c) => c.decision === null).length;
    const stages = stagesFor(framework, (stage) =>
      extensions.find((e) => e.agencyId === row.id && e.stage === stage),
    )(now, closedAt);
    const status = statuses.get(row.id) ?? 'answering';
    const clarification = stages.find((s) => s.code === 'clarification');
    const code = oitStageOf(status, {
      undecided,
      // Over by the one rule (its extension and the year's closure included), as every page says.
      clarificationOver: !clarification || clarification.phase === 'ended',
    });
    const stage = stages.find((s) => s.code === code) ?? null;
    return {
      agency: {
        id: row.id,
        code: row.code,
        nameTh: row.nameTh,
        nameEn: row.nameEn,
        type: row.type,
        provinceCode: row.provinceCode,
      },
      status,
      counts: {
        applicable: codes.size,
        approved: mine(answers).filter((a) => APPROVED_STATES.has(a.state)).length,
        scored: mine(scored).length,
        disputed: ownClarifications.length,
        undecided,
      },
      assessors: assessors
        .filter((a) => a.agencyId === row.id)
        .map((a) => ({ id: a.id, displayName: a.displayName })),
      stage,
      deadline: stage?.closesOn ?? null,
      overdue: stage !== null && stage.phase === 'ended',
    };
  });
  return { year, items, total };
}

/** The OIT stages of the framework with one agency's extensions applied (read in bulk by the caller). */
function stagesFor(framework: Framework, extension: (stage: string) => { endsOn: string } | undefined) {
  return (now: Date, closedAt: Date | null): StageInfo[] =>
    OIT_STAGES.flatMap((code) => {
      const stage = framework.calendar.find((s) => s.code === code);
      if (!stage) return [];
      const w = stageState(stage, extension(code)?.endsOn ?? null, now, closedAt);
      return [{ code, name: stage.name, ...w }];
    });
}
