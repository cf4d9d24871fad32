import type { MinistryKind, ministries, provinces, Region } from '../../db/schema/index.ts';
import { REGION_LABELS } from './reference.data.ts';
import type { Ministry, Province } from './reference.schema.ts';

export function presentProvince(row: typeof provinces.$inferSelect): Province {
  const region = row.region as Region;
  return {
    code: row.code,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    region,
    regionName: REGION_LABELS[region],
  };
}

export function presentMinistry(row: typeof ministries.$inferSelect): Ministry {
  return { code: row.code, nameTh: row.nameTh, nameEn: row.nameEn, kind: row.kind as MinistryKind };
}
