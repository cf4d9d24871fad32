// Codes are sent only while the agency's EIT collection is open (framework calendar, with extensions).
import type { AppDeps } from '../../app/context.ts';
import { conflict } from '../../core/errors.ts';
import { collectionWindow } from '../calendar/index.ts';

export const EIT_COLLECTION_STAGE = 'eit_collection';

export const collectionClosed = (details: { opensOn: string | null; closesOn: string | null }) =>
  conflict(
    'collection_closed',
    details.opensOn && details.closesOn
      ? `ขณะนี้ไม่อยู่ในช่วงเก็บข้อมูลแบบสำรวจ EIT ของหน่วยงานนี้ (เปิดรับ ${details.opensOn} ถึง ${details.closesOn})`
      : 'ขณะนี้ไม่อยู่ในช่วงเก็บข้อมูลแบบสำรวจ EIT ของหน่วยงานนี้',
    details.opensOn && details.closesOn
      ? `This agency’s EIT survey is not collecting responses now (open ${details.opensOn} to ${details.closesOn})`
      : 'This agency’s EIT survey is not collecting responses now',
    details,
  );

/** The collection year when the EIT window is open now; throws `collection_closed` otherwise. */
export async function assertCollectionOpen(
  deps: Pick<AppDeps, 'db'>,
  agencyId: string,
  year: number | null,
  now: Date,
): Promise<number> {
  if (year === null) throw collectionClosed({ opensOn: null, closesOn: null });
  const window = await collectionWindow(deps.db, { agencyId, year, stage: EIT_COLLECTION_STAGE }, now);
  if (!window.open) throw collectionClosed({ opensOn: window.opensOn, closesOn: window.closesOn });
  return year;
}
