// Checkpoints and the verification of the trail → API JSON and sentences (Thai, then English). The signed
// line is what anyone may keep or show (a public results page shows the checkpoint of its run).
import type {
  AuditTrailVerification,
  CheckpointFinding,
  CheckpointRef,
  CheckpointSource,
  CheckpointWarning,
  TrustedKey,
} from '../../core/audit/index.ts';
import { describeVerification } from './audit.present.ts';
import type { CheckpointRow } from './checkpoint.repo.ts';

export interface PresentedCheckpoint {
  seq: number;
  headHash: string;
  takenAt: string;
  reason: string;
  keyId: string;
  /** The signed checkpoint, one line: keep it, or give it to `prongsai audit verify --checkpoints`. */
  signed: string;
}

export function presentCheckpoint(row: CheckpointRow): PresentedCheckpoint {
  return {
    seq: row.seq,
    headHash: row.headHash,
    takenAt: row.takenAt.toISOString(),
    reason: row.reason,
    keyId: row.keyId,
    signed: row.signed,
  };
}

export const presentKey = (k: TrustedKey) => ({ keyId: k.keyId, fingerprint: k.fingerprint });

/** "2026-12-05 17:00" in Bangkok time (+07:00), as NACC reads dates. */
export function bangkokMinute(iso: string): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  return new Date(t + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export interface Sentence {
  th: string;
  en: string;
}

const sourceText = (s: CheckpointSource): Sentence =>
  s.kind === 'database'
    ? { th: 'ในตารางจุดตรวจสอบ', en: 'in the checkpoints table' }
    : { th: `ในไฟล์ ${s.file} บรรทัด ${s.line}`, en: `in ${s.file}, line ${s.line}` };

const of = (c: CheckpointRef): Sentence => ({
  th: `จุดตรวจสอบวันที่ ${bangkokMinute(c.takenAt)} (${c.reason})`,
  en: `the checkpoint of ${bangkokMinute(c.takenAt)} (${c.reason})`,
});

export function describeFinding(f: CheckpointFinding): Sentence {
  switch (f.kind) {
    case 'entries_missing': {
      const c = of(f.checkpoint);
      const ends =
        f.chainEndsAt === 0
          ? { th: 'บันทึกว่างเปล่า', en: 'the log is empty' }
          : {
              th: `บันทึกสิ้นสุดที่รายการ #${f.chainEndsAt}`,
              en: `the chain ends at #${f.chainEndsAt}`,
            };
      return {
        th: `รายการ #${f.fromSeq}–#${f.toSeq} ถูกลบ (${c.th} ครอบคลุมถึงรายการ #${f.toSeq} แต่${ends.th})`,
        en: `Entries #${f.fromSeq}–#${f.toSeq} deleted (${c.en} covers up to #${f.toSeq}, ${ends.en})`,
      };
    }
    case 'rewritten': {
      const c = of(f.checkpoint);
      const range = f.fromSeq === f.toSeq ? `#${f.toSeq}` : `#${f.fromSeq}–#${f.toSeq}`;
      const later = f.laterMismatches
        ? {
            th: ` และไม่ตรงกับจุดตรวจสอบหลังจากนั้นอีก ${f.laterMismatches} จุด`,
            en: ` (and ${f.laterMismatches} later checkpoints)`,
          }
        : { th: '', en: '' };
      return {
        th: `มีรายการในช่วง ${range} ถูกแก้ไข: บันทึก ณ รายการ #${f.toSeq} ไม่ตรงกับ${c.th}${later.th}`,
        en: `An entry in ${range} was rewritten: the chain at #${f.toSeq} no longer matches ${c.en}${later.en}`,
      };
    }
    case 'checkpoint_invalid': {
      const where = sourceText(f.source);
      const claim = f.claimed.seq === null ? '' : ` #${f.claimed.seq}`;
      const when = f.claimed.takenAt ? ` ${bangkokMinute(f.claimed.takenAt)}` : '';
      const why: Record<typeof f.problem, Sentence> = {
        bad_signature: {
          th: 'ลายมือชื่อไม่ถูกต้อง เนื้อหาไม่ใช่สิ่งที่ถูกลงนาม',
          en: 'signature invalid: its content is not what was signed',
        },
        unknown_key: {
          th: `ลงนามด้วยกุญแจที่ไม่รู้จัก (${f.claimed.keyId}) อาจถูกปลอม หรือยังไม่ได้ให้กุญแจสาธารณะเดิม`,
          en: `signed by an unknown key (${f.claimed.keyId}): forged, or an earlier public key was not given`,
        },
        malformed: { th: 'อ่านไม่ได้หรือไม่ครบ', en: 'unreadable or incomplete' },
      };
      return {
        th: `จุดตรวจสอบ${claim}${when} ${where.th}: ${why[f.problem].th}`,
        en: `Checkpoint${claim}${when} ${where.en}: ${why[f.problem].en}`,
      };
    }
  }
}

export function describeWarning(w: CheckpointWarning): Sentence {
  switch (w.kind) {
    case 'no_checkpoint':
      return {
        th: 'ยังไม่มีจุดตรวจสอบที่ลงนาม: ยังไม่มีสิ่งใดนอกฐานข้อมูลยืนยันบันทึกนี้',
        en: 'No signed checkpoint: nothing outside the database vouches for this log yet',
      };
    case 'not_in_database': {
      const c = of(w.checkpoint);
      const where = sourceText(w.checkpoint.source);
      return {
        th: `${c.th} (#${w.checkpoint.seq}) ${where.th} ไม่มีอยู่ในตารางจุดตรวจสอบแล้ว`,
        en: `${c.en} (#${w.checkpoint.seq}) ${where.en} is no longer in the checkpoints table`,
      };
    }
  }
}

/** The verdict first, then each finding and warning: one sentence per line in each language. */
export function describeAuditTrail(v: AuditTrailVerification): Sentence[] {
  const lines: Sentence[] = [];
  if (!v.chain.ok) {
    const [th, en] = describeVerification(v.chain).split(' / ');
    lines.push({ th: th ?? '', en: en ?? '' });
  }
  lines.push(...v.findings.map(describeFinding));
  if (v.status === 'intact') {
    const latest = v.checkpoints.latest;
    const head = v.chain.ok && v.chain.headSeq !== null ? ` #${v.chain.headSeq}` : '';
    const count = v.chain.entries;
    lines.unshift(
      latest
        ? {
            th: `บันทึกการเปลี่ยนแปลงครบถ้วน ${count} รายการ (ถึง${head || 'ว่าง'}) ตรงกับจุดตรวจสอบที่ลงนาม ${v.checkpoints.valid} จุด (ล่าสุด #${latest.seq} วันที่ ${bangkokMinute(latest.takenAt)})`,
            en: `Audit log intact: ${count} entries (up to${head || ' none'}), matching ${v.checkpoints.valid} signed checkpoint${v.checkpoints.valid === 1 ? '' : 's'} (latest #${latest.seq} of ${bangkokMinute(latest.takenAt)})`,
          }
        : {
            th: `บันทึกการเปลี่ยนแปลงครบถ้วน ${count} รายการ`,
            en: `Audit log intact: ${count} entries`,
          },
    );
  }
  lines.push(...v.warnings.map(describeWarning));
  return lines;
}

/** The verification for the API: the verdict, the details and the sentences. */
export function presentAuditTrail(v: AuditTrailVerification) {
  return { ok: v.status === 'intact', ...v, messages: describeAuditTrail(v) };
}
