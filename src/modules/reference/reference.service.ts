// Reference data is public (the sign-in page and public results need it): no authorization check, no actor.
import type { Db } from '../../db/client.ts';
import { AGENCY_TYPE_LABELS } from '../../shared/agency-type-labels.ts';
import { AGENCY_TYPES, LOCAL_GOVERNMENT_TYPES } from '../../shared/agency-types.ts';
import { presentMinistry, presentProvince } from './reference.present.ts';
import { selectMinistries, selectProvinces } from './reference.repo.ts';

const thai = new Intl.Collator('th');

/** Provinces in Thai alphabetical order (what a Thai dropdown expects). */
export async function listProvinces(db: Db) {
  const rows = await selectProvinces(db);
  return rows.map(presentProvince).sort((a, b) => thai.compare(a.nameTh, b.nameTh));
}

/** Ministries first, then the codes for agencies outside them; each group in Thai order. */
export async function listMinistries(db: Db) {
  const rows = await selectMinistries(db);
  return rows
    .map(presentMinistry)
    .sort((a, b) => (a.kind === b.kind ? thai.compare(a.nameTh, b.nameTh) : a.kind === 'ministry' ? -1 : 1));
}

export function listAgencyTypes() {
  return AGENCY_TYPES.map((code) => ({
    code,
    ...AGENCY_TYPE_LABELS[code],
    localGovernment: LOCAL_GOVERNMENT_TYPES.includes(code),
  }));
}
