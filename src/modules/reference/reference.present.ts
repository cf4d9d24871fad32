import type { ministries, provinces } from '../../db/schema/index.ts';
import { REGION_LABELS } from './reference.data.ts';
import type { Ministry, Province } from './reference.schema.ts';

export function presentProvince(row: typeof provinces.$inferSelect): Province {
  return {
    code: row.code,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    region: row.region,
    regionName: REGION_LABELS[row.region],
  };
}

export function presentMinistry(row: typeof ministries.$inferSelect): Ministry {
  return { code: row.code, nameTh: row.nameTh, nameEn: row.nameEn, kind: row.kind };
}
