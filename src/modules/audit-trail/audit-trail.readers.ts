// The AuditReaders of the audit log's visibility rule, from the owners of the tables it reads.
import { adviceEntityIn } from '../advice/index.ts';
import { agencyBriefsByIds, agencyIdsInScope, agencyRefById } from '../agencies/index.ts';
import type { AuditReaders } from '../audit/index.ts';
import { eit2EntityIn } from '../interviews/index.ts';
import { assignedAgencyYears } from '../users/index.ts';

/** The audit log's readers; `oitStatuses` is the OIT module's (passed in: OIT itself uses this module). */
export function auditReaders(oitStatuses: AuditReaders['oitStatuses']): AuditReaders {
  return {
    agencyRef: agencyRefById,
    agencyIdsInScope,
    agencyNames: agencyBriefsByIds,
    assignedEntry: (actor, entityType, entry) => {
      switch (entityType) {
        case 'eit2_sample':
          return eit2EntityIn('sample', entry, assignedAgencyYears(actor.userId));
        case 'eit2_interview':
          return eit2EntityIn('interview', entry, assignedAgencyYears(actor.userId));
        case 'assessor_advice':
          return adviceEntityIn(entry, assignedAgencyYears(actor.userId));
        default:
          return undefined;
      }
    },
    oitStatuses,
  };
}
