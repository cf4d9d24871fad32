// The hash key (HASH_SECRET, by default SESSION_SECRET) keys values the database keeps and can only match
// again under the same key: hashes of printed IIT token slips, of the phones and e-mail addresses that have
// answered EIT part 1, the ids of approved interviews' responses. Changing it must never happen silently,
// so its fingerprint is kept in the database: the server records it on first start, refuses to start on a
// different key, and `prongsai secrets rotate hash --accept` records a new one (audited) once the operator
// has read what stops matching (README "Secrets").
import { count, eq, sql } from 'drizzle-orm';
import { keyedHash } from '../app/secrets.ts';
import type { Config } from '../config.ts';
import type { DbOrTx } from '../db/client.ts';
import {
  eit2Interviews,
  eitRespondents,
  keyFingerprints,
  otpChallenges,
  rateBuckets,
  surveyTokens,
  usedSurveyTokens,
} from '../db/schema/index.ts';
import { appendAudit } from '../modules/audit/index.ts';

type KeyConfig = Pick<Config, 'sessionSecret' | 'hashSecret'>;
const PURPOSE = 'hash';

export const hashKeyFingerprint = (config: KeyConfig) =>
  keyedHash(config, 'key-check', 'prongsai key check v1');

export type HashKeyState = { state: 'new' } | { state: 'same' } | { state: 'changed'; recordedAt: Date };

export async function hashKeyState(db: DbOrTx, config: KeyConfig): Promise<HashKeyState> {
  const [row] = await db.select().from(keyFingerprints).where(eq(keyFingerprints.purpose, PURPOSE));
  if (!row) return { state: 'new' };
  return row.fingerprint === hashKeyFingerprint(config)
    ? { state: 'same' }
    : { state: 'changed', recordedAt: row.recordedAt };
}

/** The configured hash key is not the database's: the message says what to do. */
export class HashKeyChanged extends Error {}

/** At start: records the key of a new database; throws (with what to do) when the key is not the recorded one. */
export async function checkHashKey(db: DbOrTx, config: KeyConfig, now: Date): Promise<void> {
  const current = await hashKeyState(db, config);
  if (current.state === 'same') return;
  if (current.state === 'new') {
    await recordFingerprint(db, config, now);
    return;
  }
  throw new HashKeyChanged(
    [
      `The hash key is not the one this database was keyed with (recorded ${current.recordedAt.toISOString()}).`,
      'HASH_SECRET (or SESSION_SECRET, when HASH_SECRET is not set) changed: stored hashes of token slips,',
      'EIT respondents and interviews would stop matching. Either give the server its previous value again',
      '(to rotate only the session secret, set HASH_SECRET to the old SESSION_SECRET), or read what changes',
      'with `prongsai secrets rotate hash` and accept it with `prongsai secrets rotate hash --accept`.',
      'คีย์สำหรับค่าแฮชไม่ตรงกับที่ฐานข้อมูลนี้ใช้ (HASH_SECRET หรือ SESSION_SECRET เปลี่ยนไป) เซิร์ฟเวอร์จึงไม่เริ่มทำงาน',
      'ให้ใช้ค่าเดิม หรืออ่านผลกระทบด้วย `prongsai secrets rotate hash` แล้วยืนยันด้วย --accept',
    ].join('\n'),
  );
}

/** Records the configured key as the database's key, with an audit entry (never the key or its fingerprint). */
export async function acceptHashKey(db: DbOrTx, config: KeyConfig, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await recordFingerprint(tx, config, now);
    await appendAudit(
      tx,
      {
        actor: null,
        entityType: 'secret',
        entityId: PURPOSE,
        action: 'rotate',
        after: { via: 'command line' },
      },
      now,
    );
  });
}

async function recordFingerprint(db: DbOrTx, config: KeyConfig, now: Date) {
  const values = { purpose: PURPOSE, fingerprint: hashKeyFingerprint(config), recordedAt: now };
  await db
    .insert(keyFingerprints)
    .values(values)
    .onConflictDoUpdate({ target: keyFingerprints.purpose, set: values });
}

export interface KeyDependent {
  count: number;
  en: string;
  th: string;
}

/** What stops matching under a new hash key, with how many stored rows each concerns. */
export async function hashKeyDependents(db: DbOrTx): Promise<KeyDependent[]> {
  const n = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
  const issued = await n(db.select({ n: count() }).from(surveyTokens));
  const used = await n(db.select({ n: count() }).from(usedSurveyTokens));
  return [
    {
      count: Math.max(issued - used, 0),
      en: 'printed IIT token slips not used yet: refused; the agency prints new slips',
      th: 'สลิปรหัสใช้ครั้งเดียว (IIT) ที่ยังไม่ได้ใช้: ใช้ไม่ได้ หน่วยงานต้องพิมพ์ชุดใหม่',
    },
    {
      count: await n(db.select({ n: count() }).from(eitRespondents)),
      en: 'EIT part-1 respondents (phone/e-mail hashes): the same phone or address could answer again this year',
      th: 'ผู้ตอบ EIT ส่วนที่ 1 (ค่าแฮชของเบอร์/อีเมล): เบอร์หรืออีเมลเดิมตอบซ้ำได้ในปีนี้',
    },
    {
      count: await n(
        db.select({ n: count() }).from(eit2Interviews).where(sql`${eit2Interviews.status} = 'entered'`),
      ),
      en: 'EIT part-2 interviews awaiting approval: approve them once only (the retry guard starts over)',
      th: 'การสัมภาษณ์ EIT ส่วนที่ 2 ที่รออนุมัติ: อนุมัติเพียงครั้งเดียว',
    },
    {
      count: await n(db.select({ n: count() }).from(otpChallenges)),
      en: 'one-time codes in flight: the respondent asks for a new code',
      th: 'รหัส OTP ที่กำลังใช้งาน: ผู้ตอบต้องขอรหัสใหม่',
    },
    {
      count: await n(db.select({ n: count() }).from(rateBuckets)),
      en: 'rate-limit and burst counters: start again from zero for the current window',
      th: 'ตัวนับการจำกัดอัตราและการตอบถี่: เริ่มนับใหม่',
    },
  ];
}
