// Taking signed checkpoints of the audit chain: daily (one per Bangkok day across every instance), after
// the events that matter (checkpointAudit) and on an admin's request. A checkpoint is signed only for a
// trail that verifies (chain and earlier checkpoints): signing a tampered head would bless it. Each one is
// stored (for convenience) and e-mailed to every active NACC admin (where the trust lies).
import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../app/context.ts';
import { type AuditTrailVerification, signCheckpoint } from '../../core/audit/index.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { bangkokToday } from '../../core/calendar.ts';
import { conflict } from '../../core/errors.ts';
import { lastSeqOfEntity } from './audit.repo.ts';
import { auditKeys } from './checkpoint.keys.ts';
import { checkpointMail, trailAlarmMail } from './checkpoint.mail.ts';
import { describeAuditTrail, type PresentedCheckpoint, presentCheckpoint } from './checkpoint.present.ts';
import { latestCheckpoints } from './checkpoint.queries.ts';
import {
  checkpointBySigned,
  dailyCheckpointExists,
  firstCheckpointCovering,
  insertCheckpoint,
} from './checkpoint.repo.ts';
import { verifyAuditTrail, verifySinceLatestCheckpoint } from './checkpoint.verify.ts';

type Deps = Pick<AppDeps, 'db' | 'config' | 'mailer' | 'now' | 'adminEmails'>;
type Log = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

export type CheckpointOutcome =
  | { taken: true; checkpoint: PresentedCheckpoint; mailedTo: number }
  /** The day's checkpoint exists already (taken by this or another instance). */
  | { taken: false; why: 'already_taken' }
  /** The trail fails verification: nothing was signed and the admins were alerted. */
  | { taken: false; why: 'trail_not_intact'; verification: AuditTrailVerification };

/**
 * Verifies the trail, signs its head, stores the checkpoint and e-mails it. `day` makes it the daily
 * checkpoint of that Bangkok day (reason 'daily', after a full verification); a second one for the same
 * day is not taken.
 */
export async function takeCheckpoint(
  deps: Deps,
  reason: string,
  opts: { day?: string; alarm?: boolean } = {},
): Promise<CheckpointOutcome> {
  if ((reason === 'daily') !== (opts.day !== undefined)) throw new Error('a daily checkpoint needs its day');
  const keys = auditKeys(deps.config);
  if (opts.day && (await dailyCheckpointExists(deps.db, opts.day)))
    return { taken: false, why: 'already_taken' };
  // The daily checkpoint (in the background) recomputes the whole log; one after an event, in a request,
  // checks what was added since the last checkpoint (verifySinceLatestCheckpoint says why that suffices).
  const verification = opts.day
    ? await verifyAuditTrail(deps.db, { keys: keys.trusted })
    : await verifySinceLatestCheckpoint(deps.db, { keys: keys.trusted });
  if (verification.status !== 'intact' || !verification.chain.ok) {
    if (opts.alarm ?? true)
      await mailAll(deps, (to) => trailAlarmMail(to, verification, deps.config.publicUrl));
    return { taken: false, why: 'trail_not_intact', verification };
  }
  const seq = verification.chain.headSeq ?? 0;
  const headHash = verification.chain.headHash;
  const takenAt = deps.now();
  const signed = signCheckpoint(keys.signing, { seq, headHash, takenAt, reason });
  const row = await insertCheckpoint(deps.db, {
    seq,
    headHash,
    takenAt,
    reason,
    keyId: keys.signing.keyId,
    day: opts.day ?? null,
    signed,
  });
  if (!row && opts.day) return { taken: false, why: 'already_taken' };
  // Otherwise the identical line is stored already (and was e-mailed): it is this checkpoint.
  const stored = row ?? (await checkpointBySigned(deps.db, signed));
  if (!stored) throw new Error('checkpoint neither stored nor found');
  if (!row) return { taken: true, checkpoint: presentCheckpoint(stored), mailedTo: 0 };
  const checkpoint = presentCheckpoint(row);
  const mailedTo = await mailAll(deps, (to) =>
    checkpointMail(to, checkpoint, keys.signing, deps.config.publicUrl),
  );
  return { taken: true, checkpoint, mailedTo };
}

/** Sends to every active NACC admin; one failed address does not stop the others. Returns how many went. */
async function mailAll(deps: Deps, message: (to: string) => Parameters<Deps['mailer']['send']>[0]) {
  const to = await deps.adminEmails();
  const sent = await Promise.allSettled(to.map((address) => deps.mailer.send(message(address))));
  return sent.filter((s) => s.status === 'fulfilled').length;
}

/**
 * For other modules: call after an event that matters has committed (a framework import, an OIT result
 * confirmed or reopened, and — when they exist — processing and publication of results). `reason` names
 * the event (`oit.confirm`, `results.publish`…). Never throws: the event has happened whether or not its
 * checkpoint could be taken; a failure is logged (and an untrustworthy trail e-mailed to the admins).
 */
export async function checkpointAudit(
  deps: Deps,
  reason: string,
  log?: Log,
): Promise<CheckpointOutcome | null> {
  try {
    const outcome = await takeCheckpoint(deps, reason);
    if (!outcome.taken && outcome.why === 'trail_not_intact')
      log?.error(
        { status: outcome.verification.status },
        'audit trail failed verification: no checkpoint signed',
      );
    return outcome;
  } catch (e) {
    log?.error({ err: e, reason }, 'audit checkpoint failed');
    return null;
  }
}

/** An admin's checkpoint on demand; refused (409, with the findings) when the trail does not verify. */
export async function requestCheckpoint(deps: Deps, actor: Actor | null): Promise<PresentedCheckpoint> {
  authorize(actor, 'audit.checkpoint', null);
  const outcome = await takeCheckpoint(deps, 'admin');
  if (outcome.taken) return outcome.checkpoint;
  if (outcome.why === 'already_taken') throw new Error('an admin checkpoint is never a daily one');
  throw conflict(
    'audit_trail_not_intact',
    'บันทึกการเปลี่ยนแปลงไม่ผ่านการตรวจสอบ จึงไม่ลงนามจุดตรวจสอบ',
    'The audit log fails verification, so no checkpoint was signed',
    { messages: describeAuditTrail(outcome.verification) },
  );
}

/** The verification of the whole trail, for an admin (GET /api/audit/verify). */
export async function verifyTrailFor(deps: Pick<Deps, 'db' | 'config'>, actor: Actor | null) {
  authorize(actor, 'audit.verify', null);
  return verifyAuditTrail(deps.db, { keys: auditKeys(deps.config).trusted });
}

/** Stored checkpoints, newest first, and the public keys that verify them (GET /api/audit/checkpoints). */
export async function listCheckpoints(deps: Pick<Deps, 'db' | 'config'>, actor: Actor | null, limit: number) {
  authorize(actor, 'audit.verify', null);
  const keys = auditKeys(deps.config);
  return { items: (await latestCheckpoints(deps.db, limit)).map(presentCheckpoint), keys: keys.trusted };
}

/**
 * The checkpoint to show beside something published at entry `seq` (the public results pages, to come):
 * the first checkpoint whose head covers it, or null until one is taken.
 */
export async function checkpointCovering(
  deps: Pick<Deps, 'db'>,
  seq: number,
): Promise<PresentedCheckpoint | null> {
  const row = await firstCheckpointCovering(deps.db, seq);
  return row ? presentCheckpoint(row) : null;
}

/**
 * The checkpoint covering every entry of an entity so far (a publication: its publish/supersede entry and its
 * notice), or null while the entity has no entry or no checkpoint covers the newest one yet.
 */
export async function checkpointOfEntity(
  deps: Pick<Deps, 'db'>,
  entityType: string,
  entityId: string,
): Promise<PresentedCheckpoint | null> {
  const seq = await lastSeqOfEntity(deps.db, entityType, entityId);
  return seq === null ? null : checkpointCovering(deps, seq);
}

/** Today's daily checkpoint (Bangkok), unless some instance has taken it; run at start and periodically. */
export async function ensureDailyCheckpoint(deps: Deps, alarm: boolean): Promise<CheckpointOutcome> {
  return takeCheckpoint(deps, 'daily', { day: bangkokToday(deps.now()), alarm });
}
