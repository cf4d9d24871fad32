// Rows → API JSON. Every field an API response carries is listed here, so a new column never leaks by accident.
import type { MinistryRow, ProvinceRow } from '../reference/index.ts';
import type { AgencyRow, ParticipationRow } from './agencies.repo.ts';
import type { AgencyDetail, AgencySummary, Participation } from './agencies.schema.ts';

export function presentParticipation(row: ParticipationRow): Participation {
  return {
    year: row.year,
    registered: row.registered,
    registeredAt: row.registeredAt?.toISOString() ?? null,
    openedAt: row.openedAt.toISOString(),
  };
}

function agencyFields(a: AgencyRow) {
  return {
    id: a.id,
    code: a.code,
    nameTh: a.nameTh,
    nameEn: a.nameEn,
    type: a.type,
    peerGroup: a.peerGroup,
    sizeClass: a.sizeClass,
    ministryCode: a.ministryCode,
    provinceCode: a.provinceCode,
    active: a.active,
  };
}

export function presentAgencySummary(row: {
  agency: AgencyRow;
  province: ProvinceRow | null;
  participation: ParticipationRow | null;
}): AgencySummary {
  const p = row.province;
  return {
    ...agencyFields(row.agency),
    province: p ? { code: p.code, nameTh: p.nameTh, nameEn: p.nameEn } : null,
    participation: row.participation ? presentParticipation(row.participation) : null,
  };
}

export function presentAgencyDetail(
  row: {
    agency: AgencyRow;
    province: ProvinceRow | null;
    ministry: MinistryRow | null;
    parent: { id: string; code: string; nameTh: string; nameEn: string | null } | null;
  },
  participationRows: ParticipationRow[],
  codeLocked: boolean,
): AgencyDetail {
  const { agency: a, province: p, ministry: m } = row;
  return {
    ...agencyFields(a),
    website: a.website,
    parent: row.parent,
    ministry: m ? { code: m.code, nameTh: m.nameTh, nameEn: m.nameEn, kind: m.kind } : null,
    province: p ? { code: p.code, nameTh: p.nameTh, nameEn: p.nameEn, region: p.region } : null,
    participations: participationRows.map(presentParticipation),
    codeLocked,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
