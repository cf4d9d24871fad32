// Bulk assignment of agencies to an assessor for a fiscal year (NACC admins): every agency taking part that
// year in a province / of a type / under a ministry, or an explicit list. Adds to the assessor's existing
// assignments (PUT /api/users/:id/assignments replaces them); one audit entry with the lists.
import { type Actor, authorize } from '../../core/authz.ts';
import { existingAgencyIds, participatingAgencyIds } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { listAssignments, peopleByIds, replaceAssessorAssignments } from '../users/index.ts';
import type { BulkAssignBody, BulkAssignResult } from './assessment.schema.ts';
import type { Deps } from './oit.context.ts';
import * as errors from './oit.errors.ts';

export async function bulkAssign(
  deps: Deps,
  actor: Actor | null,
  year: number,
  body: BulkAssignBody,
): Promise<BulkAssignResult> {
  authorize(actor, 'assignment.manage', null);
  const [assessor] = await peopleByIds(deps.db, [body.assessorId]);
  if (assessor?.role !== 'assessor' || !assessor.active) throw errors.notAnAssessor();

  let matched: string[];
  if (body.agencyIds) {
    const ids = [...new Set(body.agencyIds)];
    const known = await existingAgencyIds(deps.db, ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw errors.unknownAgencies(unknown);
    matched = await participatingAgencyIds(deps.db, year, { agencyIds: ids });
    const taking = new Set(matched);
    const outside = ids.filter((id) => !taking.has(id));
    if (outside.length) throw errors.notParticipating(year, outside);
  } else {
    matched = await participatingAgencyIds(deps.db, year, body.filter ?? {});
  }

  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [current] = await listAssignments(tx, body.assessorId, year);
    const before = current?.agencyIds ?? [];
    const had = new Set(before);
    const added = matched.filter((id) => !had.has(id));
    if (added.length > 0) {
      await replaceAssessorAssignments(tx, body.assessorId, year, [...before, ...added], now);
      await appendAudit(
        tx,
        {
          actor,
          entityType: 'assessor_assignment',
          entityId: `${body.assessorId}:${year}`,
          action: 'bulk_assign',
          before,
          after: [...before, ...added],
        },
        now,
      );
    }
    return {
      year,
      assessorId: body.assessorId,
      matched: matched.length,
      added: added.length,
      alreadyAssigned: matched.length - added.length,
      assigned: before.length + added.length,
    };
  });
}
