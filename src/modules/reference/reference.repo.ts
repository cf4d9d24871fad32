import type { DbOrTx } from '../../db/client.ts';
import { ministries, provinces } from '../../db/schema/index.ts';

export const selectProvinces = (db: DbOrTx) => db.select().from(provinces);
export const selectMinistries = (db: DbOrTx) => db.select().from(ministries);
