// The domain errors of the evidence checker, in Thai and English.
import { conflict, notFound } from '../../core/errors.ts';

export const snapshotNotFound = () =>
  notFound('snapshot_not_found', 'ไม่พบผลการตรวจหลักฐานที่ระบุ', 'That evidence snapshot does not exist');

export const bodyNotKept = () =>
  notFound(
    'snapshot_body_not_kept',
    'ไม่ได้เก็บสำเนาหน้านี้ไว้ (ยังไม่ได้ตรวจ ตรวจไม่สำเร็จ หรือเป็นไฟล์ประเภทที่ไม่เก็บสำเนา)',
    'No copy of this page was kept (not checked yet, the check failed, or the file type is not kept)',
  );

export const noUrlsToCheck = (itemCode: string) =>
  conflict('no_evidence_urls', `ข้อ ${itemCode} ยังไม่มี URL ให้ตรวจ`, `Item ${itemCode} has no URL to check`);
