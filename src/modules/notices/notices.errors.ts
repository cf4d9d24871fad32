// Domain errors of the notices API, in Thai and English.
import { notFound } from '../../core/errors.ts';

export const noticeNotFound = () => notFound('notice_not_found', 'ไม่พบการแจ้งเตือนนี้', 'Notice not found');

/** Some of the agencies named do not exist (their ids in no order; none of them is reminded). */
export const agenciesNotFound = () =>
  notFound('agency_not_found', 'ไม่พบหน่วยงานบางแห่งที่เลือก', 'Some of the chosen agencies do not exist');
