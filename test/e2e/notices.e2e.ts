// In-app notices on a 360-px phone: the demo's supervisor reminds the agency admin's agency of a stage whose
// work is not done (previewed first); the sender delivers it (quiet hours are off in the e2e server); the
// agency admin sees the bell's unread count, opens the notices page, opens the notice and reads why they
// got it; the same reminder was e-mailed (the log mail transport writes it to the server's output). The demo
// accounts have no e-mail address, so the test gives the agency admin one for its run (NACC edits the account)
// and puts the old one back at the end: the mail is always checked, whichever files ran before.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REMINDER_STAGES } from '../../src/core/notices/reminders.ts';
import { openPage, screenshot, signIn } from './browser.ts';
import { mailsTo } from './server-output.ts';
import { type StaffApi, signInApi } from './staff-api.ts';

let page: Page;
openPage(
  (opened) => {
    page = opened;
  },
  { viewport: { width: 360, height: 740 }, clientAddress: '10.77.0.1' },
);

const YEAR = 2568;

describe('notices', () => {
  it('an agency admin sees a reminder from their supervisor in the app and opens it', async () => {
    const admin = await signInApi('agency-admin', { clientAddress: '10.77.0.2' });
    const supervisor = await signInApi('supervisor', { clientAddress: '10.77.0.3' });
    const nacc = await signInApi('admin', { clientAddress: '10.77.0.4' });
    const agencyId = admin.agencyId as string;
    const address = 'e2e-notices-agency-admin@demo.prongsai.invalid';
    const before = await setEmail(nacc, admin.userId, address);
    try {
      await remindAndRead({ admin, supervisor, agencyId, address });
    } finally {
      await setEmail(nacc, admin.userId, before);
      for (const s of [admin, supervisor, nacc]) await s.api.dispose();
    }
  });
});

/** Sets a user's e-mail address (NACC), answering the one it had. */
async function setEmail(nacc: StaffApi, userId: string, email: string | null): Promise<string | null> {
  const current = await nacc.api.get(`/api/users/${userId}`);
  expect(current.status()).toBe(200);
  const patched = await nacc.api.patch(`/api/users/${userId}`, {
    data: { email },
    headers: { 'x-csrf-token': nacc.csrf },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  return (await current.json()).email as string | null;
}

async function remindAndRead({
  admin,
  supervisor,
  agencyId,
  address,
}: {
  admin: StaffApi;
  supervisor: StaffApi;
  agencyId: string;
  address: string;
}) {
  const mailsBefore = (await mailsTo(address)).length;
  const send = (stage: string, dryRun: boolean) =>
    supervisor.api.post('/api/notices/reminders', {
      headers: { 'x-csrf-token': supervisor.csrf },
      data: { year: YEAR, stage, agencyIds: [agencyId], dryRun, message: 'กรุณาดำเนินการให้ทันกำหนด' },
    });
  // The first stage whose work the agency has not done (the preview says so, and who would get it).
  let stage: string | undefined;
  for (const s of REMINDER_STAGES) {
    const res = await send(s, true);
    expect(res.status()).toBe(200);
    const body = await res.json();
    const recipients = body.agencies[0].recipients as { name: string; status: string }[];
    if (recipients.some((r) => r.name === admin.displayName && r.status === 'would_queue')) {
      stage = s;
      break;
    }
  }
  expect(stage, 'a stage with work outstanding for the demo agency').toBeDefined();
  const sent = await send(stage as string, false);
  expect(sent.status()).toBe(200);
  expect((await sent.json()).queued).toBeGreaterThan(0);

  // Delivered by the background sender (woken by the request): this reminder, not an older notice.
  const ours = async () => {
    const list = await (await admin.api.get('/api/notices')).json();
    return (list.items as { stage: string | null; reason: { rule: string }; mailed: boolean }[]).find(
      (n) => n.stage === stage && n.reason.rule === 'sent_by_supervisor',
    );
  };
  await expect.poll(async () => (await ours()) !== undefined, { timeout: 30_000 }).toBe(true);

  await signIn(page, 'agency-admin');
  const bell = page.getByTestId('notice-bell');
  await expect
    .poll(async () => (await bell.getAttribute('aria-label')) ?? '')
    .toMatch(/ยังไม่ได้อ่าน \d+ รายการ/);
  await bell.click();
  await page.waitForURL((url) => url.pathname === '/notices');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('การแจ้งเตือน');
  const notice = page.getByRole('article').filter({ hasText: 'แจ้งเตือนจากผู้กำกับติดตาม' }).first();
  await expect.poll(() => notice.isVisible()).toBe(true);
  expect(await notice.textContent()).toContain('ยังไม่ได้อ่าน');
  await notice.getByRole('button', { name: 'ดูรายละเอียด' }).click();
  await expect.poll(() => notice.getByText('ทำไมคุณได้รับการแจ้งเตือนนี้').isVisible()).toBe(true);
  expect(await notice.textContent()).toContain('กรุณาดำเนินการให้ทันกำหนด');
  expect(await notice.textContent()).toContain(supervisor.displayName);
  // Words and Buddhist-Era dates, not codes.
  expect(await notice.textContent()).not.toMatch(/oit_answering|iit_collection|stakeholder_data|_/);
  // Opening it marked it read.
  await expect
    .poll(async () => (await notice.textContent()) ?? '', { timeout: 10_000 })
    .not.toContain('ยังไม่ได้อ่าน');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'notices-agency-admin-360');

  // The same reminder went by e-mail (log transport) to the address the account has for this run.
  expect((await ours())?.mailed).toBe(true);
  await expect
    .poll(async () => (await mailsTo(address)).length, { timeout: 10_000 })
    .toBeGreaterThan(mailsBefore);
  expect((await mailsTo(address)).at(-1)).toMatch(/^แจ้งเตือน ITA 2568: /);
}
