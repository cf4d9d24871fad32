// When a publication takes effect (at once, or when its embargo ends), the admins and executives of every
// agency in its run get one e-mail with a link to their report, and the audit trail gets a signed
// checkpoint. A background loop on every instance looks for due publications.
//
// Once per publication, also with several instances: the notifier claims the publication's row
// (FOR UPDATE SKIP LOCKED), sends, and sets notified_at in that same transaction. Another instance skips the
// locked row and, once the first commits, no longer finds it due. A crash before the commit leaves the row
// due: the notice is sent again after the restart (never lost; repeated only for a crash mid-send).

import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../app/context.ts';
import { type Loop, startLoop } from '../../app/loop.ts';
import { agencyNamesByIds } from '../agencies/index.ts';
import { appendAudit, checkpointAudit } from '../audit/index.ts';
import { agencyContactEmails } from '../users/index.ts';
import { agenciesOfRun, claimDueNotice, markNotified, type PublicationRow } from './publications.repo.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config' | 'mailer' | 'adminEmails'>;
type Log = Pick<FastifyBaseLogger, 'error' | 'warn' | 'info'>;

/** Notifies every due publication; returns how many were notified by this call. */
export async function notifyDuePublications(deps: Deps, log?: Log): Promise<number> {
  let notified = 0;
  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const now = deps.now();
      const p = await claimDueNotice(tx, now);
      if (!p) return null;
      const agencyIds = await agenciesOfRun(tx, p.runId);
      const contacts = await agencyContactEmails(tx, agencyIds);
      const names = await agencyNamesByIds(tx, [...new Set(contacts.map((c) => c.agencyId))]);
      const sent = await Promise.allSettled(
        contacts.map((c) => deps.mailer.send(noticeMail(deps, p, c, names.get(c.agencyId)))),
      );
      const failed = sent.filter((s) => s.status === 'rejected').length;
      if (failed > 0) log?.warn({ publication: p.id, failed }, 'some publication notices could not be sent');
      await markNotified(tx, p.id, now);
      await appendAudit(
        tx,
        {
          actor: null,
          agencyId: null,
          entityType: 'publication',
          entityId: p.id,
          action: 'notify',
          after: {
            year: p.year,
            runId: p.runId,
            agencies: agencyIds.length,
            notices: contacts.length,
            failed,
          },
        },
        now,
      );
      return p;
    });
    if (!done) return notified;
    notified += 1;
    // After the commit: the checkpoint covers the publication's entries (and its notice).
    await checkpointAudit(deps, 'publication', log as FastifyBaseLogger | undefined);
  }
}

function noticeMail(
  deps: Pick<AppDeps, 'config'>,
  p: PublicationRow,
  to: { agencyId: string; email: string },
  name: { nameTh: string; nameEn: string | null } | undefined,
) {
  const link = `${deps.config.publicUrl.replace(/\/+$/, '')}/agencies/${to.agencyId}/results/${p.year}`;
  const th = name?.nameTh ?? '';
  const en = name?.nameEn ?? th;
  const corrected = p.supersedes !== null;
  const subject = corrected
    ? `ผลการประเมิน ITA ปี ${p.year} ฉบับแก้ไขเผยแพร่แล้ว / Corrected ITA ${p.year} results published`
    : `ผลการประเมิน ITA ปี ${p.year} เผยแพร่แล้ว / ITA ${p.year} results published`;
  const text = [
    `ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ ${p.year} ของ ${th} เผยแพร่แล้ว${corrected ? ' (ฉบับแก้ไข)' : ''}`,
    ...(corrected && p.reason ? [`เหตุผลของการแก้ไข: ${p.reason}`] : []),
    `ดูรายงานผลของหน่วยงาน: ${link}`,
    '',
    `The ITA results of fiscal year ${p.year} for ${en} are published${corrected ? ' (corrected)' : ''}.`,
    ...(corrected && p.reason ? [`Reason for the correction: ${p.reason}`] : []),
    `Your agency's report: ${link}`,
  ].join('\n');
  return { to: to.email, subject, text };
}

let wakeCurrent: (() => void) | null = null;

/** Asks this process's notifier to look now (after a publication that takes effect at once). */
export function wakePublicationNotifier(): void {
  wakeCurrent?.();
}

/** The background loop: looks for due publications every `intervalMs` and on wake, until stopped. */
export function startPublicationNotifier(deps: Deps, log: Log, intervalMs = 30_000): Loop {
  const loop = startLoop({
    intervalMs,
    run: async () => {
      await notifyDuePublications(deps, log);
    },
    onError: (err) => log.warn({ err }, 'publication notifier failed; trying again later'),
  });
  const wake = loop.wake;
  wakeCurrent = wake;
  return {
    wake,
    async stop() {
      await loop.stop();
      if (wakeCurrent === wake) wakeCurrent = null;
    },
  };
}
