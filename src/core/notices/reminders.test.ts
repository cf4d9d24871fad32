import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bangkokWeekOf,
  isQuietTime,
  noticeKey,
  REMINDER_STEPS,
  reminderStep,
  sendableAt,
} from './reminders.ts';

/** An instant given as Bangkok wall-clock time. */
const bkk = (local: string) => new Date(`${local}+07:00`);

describe('reminderStep', () => {
  it('takes the smallest step at or above the days left', () => {
    expect([10, 8, 7, 5, 4, 3, 2, 1, 0].map(reminderStep)).toEqual([null, null, 7, 7, 7, 3, 3, 1, 1]);
  });

  it('is null when the stage is not open', () => {
    expect(reminderStep(null)).toBeNull();
    expect(reminderStep(-1)).toBeNull();
  });

  it('never skips ahead: the step covers the days left and no smaller step does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), (d) => {
        const s = reminderStep(d);
        if (s === null) return d > Math.max(...REMINDER_STEPS);
        return s >= d && REMINDER_STEPS.every((x) => x < d || x >= s);
      }),
    );
  });
});

describe('quiet hours (Asia/Bangkok, whatever the server zone)', () => {
  it('are quiet from 20:00 until 08:00 Bangkok', () => {
    expect(isQuietTime(bkk('2025-03-03T19:59:59'))).toBe(false);
    expect(isQuietTime(bkk('2025-03-03T20:00:00'))).toBe(true);
    expect(isQuietTime(bkk('2025-03-04T03:00:00'))).toBe(true);
    expect(isQuietTime(bkk('2025-03-04T07:59:59'))).toBe(true);
    expect(isQuietTime(bkk('2025-03-04T08:00:00'))).toBe(false);
  });

  it('a notice due at night waits for 08:00 Bangkok the next morning', () => {
    expect(sendableAt(bkk('2025-03-03T22:15:00'))).toEqual(bkk('2025-03-04T08:00:00'));
    expect(sendableAt(bkk('2025-03-04T02:00:00'))).toEqual(bkk('2025-03-04T08:00:00'));
    // Across a month and a year end.
    expect(sendableAt(bkk('2025-12-31T23:00:00'))).toEqual(bkk('2026-01-01T08:00:00'));
  });

  it('the time to send is never quiet, never earlier, and at most 12 hours later', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        (t) => {
          const at = sendableAt(t);
          return (
            !isQuietTime(at) &&
            at.getTime() >= t.getTime() &&
            at.getTime() - t.getTime() <= 12 * 3_600_000 &&
            (isQuietTime(t) || at.getTime() === t.getTime())
          );
        },
      ),
    );
  });
});

describe('bangkokWeekOf', () => {
  it('is the Monday of the Bangkok week', () => {
    expect(bangkokWeekOf(bkk('2025-03-03T00:00:00'))).toBe('2025-03-03'); // a Monday
    expect(bangkokWeekOf(bkk('2025-03-09T23:59:00'))).toBe('2025-03-03'); // the Sunday after
    // Sunday 18:00 UTC is already Monday 01:00 in Bangkok.
    expect(bangkokWeekOf(new Date('2025-03-09T18:00:00Z'))).toBe('2025-03-10');
  });
});

describe('noticeKey', () => {
  it('differs per person, deadline, step, day and week, and is stable', () => {
    const stage = {
      kind: 'stage_reminder',
      agencyId: 'a',
      year: 2568,
      stage: 'oit_answering',
      deadline: '2025-04-30',
      step: 7,
    } as const;
    const keys = [
      noticeKey(stage, 'u1'),
      noticeKey(stage, 'u2'),
      noticeKey({ ...stage, step: 3 }, 'u1'),
      noticeKey({ ...stage, deadline: '2025-05-15' }, 'u1'),
      noticeKey(
        { kind: 'manual_reminder', agencyId: 'a', year: 2568, stage: 'oit_answering', day: '2025-04-01' },
        'u1',
      ),
      noticeKey(
        { kind: 'manual_reminder', agencyId: 'a', year: 2568, stage: 'oit_answering', day: '2025-04-02' },
        'u1',
      ),
      noticeKey({ kind: 'digest', year: 2568, week: '2025-03-03' }, 'u1'),
      noticeKey({ kind: 'digest', year: 2568, week: '2025-03-10' }, 'u1'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(noticeKey(stage, 'u1')).toBe(keys[0]);
  });
});
