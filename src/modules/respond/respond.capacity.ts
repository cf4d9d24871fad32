// One code, not unlimited responses: an agency's IIT takes at most its approved population (the staff
// numbers its executive approved). Checked under a lock per agency-year so that concurrent submits can never
// overshoot; when the survey fills, the agency admin and the agency's assessors are told once by e-mail
// (and the progress and quality views show it).
import type { AppDeps } from '../../app/context.ts';
import { conflict } from '../../core/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { iitCapNotices } from '../../db/schema/index.ts';
import { agencyNamesByIds } from '../agencies/index.ts';
import { appendAudit } from '../audit/index.ts';
import { lockIntake, receivedCount } from '../responses/index.ts';
import { approvedPopulation } from '../stakeholders/index.ts';
import { agencyYearContactEmails } from '../users/index.ts';

export const populationNotApproved = () =>
  conflict(
    'iit_population_not_approved',
    'แบบสำรวจนี้ยังไม่เปิดรับคำตอบ เพราะผู้บริหารของหน่วยงานยังไม่ได้อนุมัติจำนวนบุคลากร กรุณาสอบถามผู้ดูแลระบบของหน่วยงาน',
    'This survey is not open yet: the agency’s executive has not approved its number of staff. Please ask the agency’s administrator.',
  );

export const surveyFull = (population: number) =>
  conflict(
    'survey_full',
    `ขอบคุณที่ตั้งใจตอบแบบสำรวจ แบบสำรวจนี้ได้รับคำตอบครบตามจำนวนบุคลากรของหน่วยงาน (${population} คน) แล้ว จึงไม่สามารถรับคำตอบเพิ่มได้`,
    `Thank you for wanting to answer. This survey has already received as many responses as the agency has staff (${population}), so it cannot take more.`,
    { population },
  );

/**
 * Inside the submit's transaction, before the answers are held: waits for the agency-year's intake lock,
 * then refuses when the approved population is missing or reached. Returns whether this response fills it.
 */
export async function claimIitPlace(tx: DbOrTx, agencyId: string, year: number): Promise<{ fills: boolean }> {
  await lockIntake(tx, agencyId, year, 'IIT');
  const population = await approvedPopulation(tx, agencyId, year);
  if (population === null) throw populationNotApproved();
  const received = await receivedCount(tx, agencyId, year, 'IIT');
  if (received >= population) throw surveyFull(population);
  return { fills: received + 1 >= population };
}

/**
 * Tells the agency admin(s) and the assessors assigned to the agency-year, once, that the IIT is full.
 * The notice row, the audit entry and the mails share one transaction: a failed send is tried again by the
 * next refused submit, and two instances never both send.
 */
export async function notifyIitFull(
  deps: Pick<AppDeps, 'db' | 'mailer' | 'config' | 'now'>,
  agencyId: string,
  year: number,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.now();
    const inserted = await tx
      .insert(iitCapNotices)
      .values({ agencyId, year, notifiedAt: now })
      .onConflictDoNothing()
      .returning({ agencyId: iitCapNotices.agencyId });
    if (inserted.length === 0) return;
    const population = (await approvedPopulation(tx, agencyId, year)) ?? 0;
    const agency = (await agencyNamesByIds(tx, [agencyId])).get(agencyId);
    const to = await agencyYearContactEmails(tx, agencyId, year);
    await appendAudit(
      tx,
      {
        actor: null,
        agencyId,
        entityType: 'iit_collection',
        entityId: `${agencyId}:${year}`,
        action: 'population_reached',
        after: { population, notified: to.length },
      },
      now,
    );
    const progress = `${deps.config.publicUrl}/agencies/${agencyId}/progress?year=${year}`;
    const name = agency?.nameTh ?? agencyId;
    const subject = `แบบสำรวจ IIT ครบจำนวนบุคลากรแล้ว: ${name} / IIT survey full`;
    const text = [
      `แบบสำรวจ IIT ปี ${year} ของ ${name} ได้รับคำตอบครบ ${population} ชุด ตามจำนวนบุคลากรที่ผู้บริหารอนุมัติแล้ว`,
      'ระบบจะไม่รับคำตอบเพิ่ม หากจำนวนบุคลากรไม่ถูกต้อง ให้ผู้ดูแลของหน่วยงานแก้ไขและให้ผู้บริหารอนุมัติใหม่',
      'หากคำตอบมาเร็วหรือมากผิดปกติ รหัสเข้าตอบอาจรั่วไหล ควรเปลี่ยนรหัสเข้าตอบและตรวจสอบคุณภาพคำตอบ',
      `ดูความคืบหน้า: ${progress}`,
      '',
      `The ${year} IIT survey of ${agency?.nameEn ?? name} has received ${population} responses, its approved number of staff.`,
      'It takes no more. If the number of staff is wrong, the agency admin corrects it and the executive approves it again.',
      'If responses came unusually fast, the access code may have leaked: rotate it and review the quality view.',
      `Progress: ${progress}`,
    ].join('\n');
    for (const address of to) await deps.mailer.send({ to: address, subject, text });
  });
}
