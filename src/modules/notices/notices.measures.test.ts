// Due-date reminders of improvement measures (issue 12 §2): planned once per step and person (not twice),
// to the agency admins before the end and to admins and executives when overdue, and cancelled just before
// sending when the measure's latest progress is done or the document was revised.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeAgency, makeUser } from '../../../test/helpers/factories.ts';
import type { MeasuresSource } from '../../core/measures/content.ts';
import { measureDocuments, measureProgress, notices } from '../../db/schema/index.ts';
import { planMeasureReminders } from './notices.measures.ts';
import { sendDueNotices } from './notices.send.ts';

const bkk = (local: string) => new Date(`${local}+07:00`);

describe('measure due-date reminders', () => {
  let t: TestApp;
  // Approved documents are never deleted: each test has its own agency, and its measure ends a year later
  // than the one before (earlier tests' notices are all sent or cancelled when the next one starts).
  const A = { id: '', admin: '', executive: '' };
  let measureId = '';
  let documentId = '';
  let to = '2025-06';
  let now = new Date();
  const deps = () => ({ ...t.deps, now: () => now, quietHours: true });
  const send = () =>
    sendDueNotices(
      { ...t.deps, now: () => now, publicUrl: 'https://ita.example', quietHours: true },
      async () => [],
    );

  const addDocument = async (version: number) => {
    const [row] = await t.deps.db
      .insert(measureDocuments)
      .values({
        agencyId: A.id,
        year: Number(to.slice(0, 4)) + 543,
        sourceYear: Number(to.slice(0, 4)) + 542,
        version,
        status: 'approved',
        source: {} as MeasuresSource,
        content: {
          foreword: null,
          preparedBy: null,
          thaiDigits: false,
          weakPoints: [],
          measures: [
            {
              id: measureId,
              title: 'เผยแพร่ข้อมูลให้ครบ',
              weakPointIds: [],
              indicators: ['o1'],
              steps: ['ทำ'],
              divisionIds: [randomUUID()],
              from: `${to.slice(0, 4)}-01`,
              to,
              monitoring: 'รายงานทุกเดือน',
            },
          ],
        },
      })
      .returning({ id: measureDocuments.id });
    return row?.id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    const db = t.deps.db;
    A.id = (await makeAgency(db)).id;
    A.admin = (await makeUser(db, { role: 'agency_admin', agencyId: A.id })).id;
    A.executive = (await makeUser(db, { role: 'executive', agencyId: A.id })).id;
    await makeUser(db, { role: 'agency_staff', agencyId: A.id });
    to = `${Number(to.slice(0, 4)) + 1}-06`;
    measureId = randomUUID();
    documentId = await addDocument(1);
    now = bkk(`${to}-20T10:00:00`); // 10 days before the end of June: the 14-day step
  });
  const mine = () => t.deps.db.select().from(notices).where(eq(notices.agencyId, A.id));

  it('plans the step once per admin, never twice, and delivers it with its reason', async () => {
    expect(await planMeasureReminders(deps())).toBe(1);
    expect(await planMeasureReminders(deps())).toBe(0);
    const [n] = await mine();
    expect(n).toMatchObject({ userId: A.admin, kind: 'measure_reminder', status: 'pending' });
    expect(n?.dedupeKey).toBe(`measure:${documentId}:${measureId}:14:${A.admin}`);
    expect(n?.reason).toMatchObject({ rule: 'measure_due', step: 14, end: `${to}-30`, daysLeft: 10 });
    expect((await send()).delivered).toBe(1);
    // Overdue: admins and the executive, once.
    now = bkk(`${to.slice(0, 4)}-07-02T10:00:00`);
    expect(await planMeasureReminders(deps())).toBe(2);
    expect(await planMeasureReminders(deps())).toBe(0);
    expect((await send()).delivered).toBe(2);
    const users = (await mine()).filter((r) => r.status === 'delivered').map((r) => r.userId);
    expect(users.sort()).toEqual([A.admin, A.admin, A.executive].sort());
  });

  it('cancels a planned reminder when the measure is done, and plans none after', async () => {
    expect(await planMeasureReminders(deps())).toBe(1);
    await t.deps.db
      .insert(measureProgress)
      .values({ documentId, measureId, day: `${to}-20`, status: 'done', note: 'เสร็จแล้ว' });
    const report = await send();
    expect(report).toMatchObject({ delivered: 0, cancelled: 1 });
    const [n] = await mine();
    expect(n).toMatchObject({ status: 'cancelled', cancelledReason: 'work_done' });
    now = bkk(`${to.slice(0, 4)}-07-02T10:00:00`);
    expect(await planMeasureReminders(deps())).toBe(0);
  });

  it('cancels a reminder of a version that was revised', async () => {
    expect(await planMeasureReminders(deps())).toBe(1);
    await addDocument(2);
    expect(await send()).toMatchObject({ delivered: 0, cancelled: 1 });
    const rows = await mine();
    expect(rows.map((r) => [r.status, r.cancelledReason])).toEqual([['cancelled', 'document_revised']]);
  });
});
