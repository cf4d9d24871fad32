// What the reading side of the audit log needs from the modules that own the other tables: the agencies in an
// actor's scope, the agency-years an assessor is assigned to, the status of OIT assessments. The audit module
// sits below them all (every module appends entries), so it cannot import them: the caller passes them in
// (src/modules/audit-trail builds them).
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { AuditEntityType } from '../../core/audit/visibility.ts';
import type { Actor, AgencyRef } from '../../core/authz.ts';
import type { OitReviewStatus } from '../../core/oit/states.ts';
import type { DbOrTx } from '../../db/client.ts';

export interface AuditReaders {
  /** The agency's reference for authorization; null when there is no such agency (e.g. deleted). */
  agencyRef(db: DbOrTx, agencyId: string): Promise<AgencyRef | null>;
  /** Code and names of the given agencies, by id (unknown ids are absent): for the list's readers. */
  agencyNames(
    db: DbOrTx,
    ids: readonly (string | null)[],
  ): Promise<Map<string, { id: string; code: string; nameTh: string; nameEn: string | null }>>;
  /** A subquery of the ids of the agencies in the actor's scope. */
  agencyIdsInScope(actor: Actor): SQL;
  /**
   * For a year-bound kind of entry (core/audit/visibility.ts): a condition on the entry's entity id and agency
   * columns, true when the entity belongs to an agency-year the actor is assigned to; undefined when the kind
   * has no way to find its year (then only admins read it).
   */
  assignedEntry(
    actor: Actor,
    entityType: AuditEntityType,
    entry: { entityId: AnyColumn; agencyId: AnyColumn },
  ): SQL | undefined;
  /** The status of the OIT assessments of these agency-years, by "agencyId:year" (absent: still answering). */
  oitStatuses(
    db: DbOrTx,
    keys: readonly { agencyId: string; year: number }[],
  ): Promise<Map<string, OitReviewStatus>>;
}
