// Stakeholder rows → API JSON. Approval holds only for the revision it was given to.
import type { Framework } from '../../core/framework/schema.ts';
import { type AgencyClass, minimumsFor, surveyInstruments } from './minimums.ts';
import type { StakeholderRow } from './stakeholders.repo.ts';
import type { StakeholderData, StakeholderStatus } from './stakeholders.schema.ts';

type StatusInput = Pick<StakeholderRow, 'iitPopulation' | 'eitPopulation' | 'revision' | 'approvedRevision'>;

export function stakeholderStatus(row: StatusInput | undefined): StakeholderStatus {
  const entered = !!row && row.iitPopulation !== null && row.eitPopulation !== null;
  const approved = !!row && row.revision > 0 && row.approvedRevision === row.revision;
  const needsReapproval = !!row && row.approvedRevision !== null && row.approvedRevision < row.revision;
  const status = approved
    ? 'approved'
    : needsReapproval
      ? 'needs_reapproval'
      : entered
        ? 'awaiting_approval'
        : 'not_entered';
  return { status, entered, approved, needsReapproval };
}

export function presentStakeholder(
  key: { agencyId: string; year: number },
  row: StakeholderRow | undefined,
  extra: { framework: Framework | null; agency: AgencyClass; contactCount: number; sampleDrawn: boolean },
): StakeholderData {
  const populations = {
    iitPopulation: row?.iitPopulation ?? null,
    eitPopulation: row?.eitPopulation ?? null,
  };
  const minimums = extra.framework ? minimumsFor(extra.framework, extra.agency, populations) : {};
  return {
    ...key,
    ...populations,
    revision: row?.revision ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ? { id: row.updatedBy, displayName: row.updatedByName ?? '' } : null,
    approval:
      row?.approvedRevision != null && row.approvedAt
        ? {
            revision: row.approvedRevision,
            at: row.approvedAt.toISOString(),
            by: row.approvedBy ? { id: row.approvedBy, displayName: row.approvedByName ?? '' } : null,
          }
        : null,
    stakeholder: stakeholderStatus(row),
    contacts: { count: extra.contactCount, sampleDrawn: extra.sampleDrawn },
    minimums: extra.framework
      ? surveyInstruments(extra.framework).map((i) => ({
          instrument: i.code,
          name: i.name,
          minimum: minimums[i.code] ?? null,
        }))
      : [],
  };
}
