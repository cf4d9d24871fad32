// Notices in words: every task and stage the server may send has Thai and English words (no codes), and
// counts and deadlines read as sentences with Buddhist-Era dates.
import { REMINDER_STAGES } from '@server/core/notices/reminders.ts';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../api/notices.ts';
import { en, th } from '../../i18n/catalogues.ts';
import { deadlineWords, headline, measureWords, taskWords, whyWords } from './words.ts';

let t: (key: string, o?: Record<string, unknown>) => string;
let tEn: typeof t;

beforeAll(async () => {
  const i = i18next.createInstance();
  await i.init({ lng: 'th', resources: { th: { translation: th }, en: { translation: en } } });
  t = i.getFixedT('th') as typeof t;
  tEn = i.getFixedT('en') as typeof t;
});

const notice = (reason: Notice['reason']): Notice => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind:
    reason.rule === 'weekly_digest'
      ? 'digest'
      : reason.rule === 'measure_due'
        ? 'measure_reminder'
        : 'stage_reminder',
  year: 2568,
  agency: { id: '00000000-0000-4000-8000-000000000002', code: 'A1', nameTh: 'เทศบาลทดสอบ', nameEn: null },
  stage: reason.rule === 'weekly_digest' || reason.rule === 'measure_due' ? null : reason.stage,
  reason,
  deliveredAt: '2025-04-25T03:00:00.000Z',
  readAt: null,
  mailed: true,
});

describe('notice words', () => {
  it('words a measure reminder: the measure, why, its end and latest progress, no codes', () => {
    const n = notice({
      rule: 'measure_due',
      agencyName: 'เทศบาลทดสอบ',
      documentId: '00000000-0000-4000-8000-000000000003',
      version: 2,
      measureId: '00000000-0000-4000-8000-000000000004',
      measureTitle: 'เผยแพร่ข้อมูลให้ครบ',
      end: '2025-06-30',
      daysLeft: 3,
      step: 3,
      status: 'in_progress',
    });
    for (const tr of [t, tEn]) {
      expect(headline(tr, n)).toContain('เผยแพร่ข้อมูลให้ครบ');
      expect(whyWords(tr, 'th', n)).toContain('14');
      const w = measureWords(tr, 'th', '2025-06-30', 3, 'in_progress');
      expect(w).toContain('2568');
      expect(w).not.toMatch(/in_progress|notices\./);
    }
    expect(measureWords(t, 'th', '2025-06-30', -2, null)).not.toContain('notices.');
  });

  it('words every task of the monitoring rule and every reminder stage, in both languages', () => {
    for (const code of [
      'registration',
      'stakeholder_approval',
      'iit',
      'eit1',
      'oit_answers',
      'oit_clarification',
    ])
      for (const tr of [t, tEn]) expect(taskWords(tr, { code, done: 2, required: 5 })).not.toContain(code);
    for (const stage of REMINDER_STAGES) {
      const h = headline(
        t,
        notice({
          rule: 'before_deadline',
          agencyName: 'x',
          stage,
          deadline: '2025-04-30',
          daysLeft: 5,
          step: 7,
          tasks: [],
        }),
      );
      expect(h).not.toContain(stage);
      expect(h).toContain('เทศบาลทดสอบ');
    }
  });

  it('reads counts, flags and unknown minimums as sentences', () => {
    expect(taskWords(t, { code: 'iit', done: 12, required: 30 })).toBe('แบบวัด IIT ที่ได้รับ 12 จาก 30');
    expect(taskWords(t, { code: 'registration', done: 0, required: 1 })).toBe(
      'ยังไม่ได้ลงทะเบียนเข้าร่วมการประเมิน',
    );
    expect(taskWords(t, { code: 'eit1', done: 4, required: null })).toContain('ยังไม่ทราบจำนวนขั้นต่ำ');
    expect(taskWords(t, { code: 'something_new', done: 1, required: 2 })).not.toContain('something_new');
  });

  it('gives deadlines in the Buddhist Era with the days left', () => {
    expect(deadlineWords(t, 'th', '2025-04-30', 5)).toBe('กำหนดส่ง 30 เมษายน 2568 · เหลืออีก 5 วัน');
    expect(deadlineWords(t, 'th', '2025-04-30', 0)).toContain('วันนี้เป็นวันสุดท้าย');
    expect(deadlineWords(tEn, 'en', '2025-04-30', 5)).toContain('BE 2568');
  });

  it('says why: the rule, the step, who sent it', () => {
    const sent = notice({
      rule: 'sent_by_supervisor',
      agencyName: 'x',
      stage: 'oit_answering',
      deadline: null,
      daysLeft: null,
      tasks: [],
      sentBy: { name: 'ผู้กำกับทดสอบ', role: 'supervisor' },
      message: null,
    });
    expect(whyWords(t, 'th', sent)).toContain('ผู้กำกับทดสอบ (ผู้กำกับติดตาม)');
    const digest = notice({ rule: 'weekly_digest', week: '2025-04-28', lines: [], total: 3 });
    expect(headline(t, digest)).toContain('3');
    expect(whyWords(t, 'th', digest)).toContain('28 เมษายน 2568');
  });
});
