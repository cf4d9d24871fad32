import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bangkokDayEnd,
  bangkokDayStart,
  bangkokToday,
  calendarState,
  extensionProblem,
  stageState,
  stageWindow,
} from './calendar.ts';

const stage = { code: 'iit_collection', start: '2025-01-01', end: '2025-06-30' };

describe('bangkok days', () => {
  it('starts a day at 00:00 in Bangkok, which is 17:00 UTC the day before', () => {
    expect(bangkokDayStart('2025-01-01').toISOString()).toBe('2024-12-31T17:00:00.000Z');
  });

  it('ends a day at the next Bangkok midnight', () => {
    expect(bangkokDayEnd('2025-06-30').toISOString()).toBe('2025-06-30T17:00:00.000Z');
  });

  it('knows the Bangkok date when UTC is still on the day before', () => {
    expect(bangkokToday(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(bangkokToday(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
  });

  it('rejects dates that do not exist', () => {
    expect(() => bangkokDayStart('2025-02-30')).toThrow();
  });
});

describe('stageWindow', () => {
  it('is closed one second before midnight of the first day in Bangkok', () => {
    const sut = stageWindow(stage, null, new Date('2024-12-31T16:59:59Z'));
    expect(sut.open).toBe(false);
  });

  it('opens at midnight of the first day in Bangkok', () => {
    expect(stageWindow(stage, null, new Date('2024-12-31T17:00:00Z')).open).toBe(true);
  });

  it('is still open at 23:59:59 of the last day in Bangkok', () => {
    expect(stageWindow(stage, null, new Date('2025-06-30T16:59:59Z')).open).toBe(true);
  });

  it('closes at midnight after the last day in Bangkok', () => {
    const sut = stageWindow(stage, null, new Date('2025-06-30T17:00:00Z'));
    expect(sut).toEqual({
      open: false,
      opensOn: '2025-01-01',
      closesOn: '2025-06-30',
      extended: false,
      closed: false,
    });
  });

  it('stays open until the end of an extension', () => {
    const sut = stageWindow(stage, '2025-07-15', new Date('2025-07-15T16:59:59Z'));
    expect(sut).toEqual({
      open: true,
      opensOn: '2025-01-01',
      closesOn: '2025-07-15',
      extended: true,
      closed: false,
    });
    expect(stageWindow(stage, '2025-07-15', new Date('2025-07-15T17:00:00Z')).open).toBe(false);
  });

  it('does not open earlier because of an extension', () => {
    expect(stageWindow(stage, '2025-07-15', new Date('2024-12-31T12:00:00Z')).open).toBe(false);
  });
});

describe('extensionProblem', () => {
  it('accepts a later last day', () => {
    expect(extensionProblem(stage, '2025-07-01')).toBeNull();
  });

  it('refuses a last day that would not lengthen the stage', () => {
    expect(extensionProblem(stage, '2025-06-30')).toBe('not_later');
    expect(extensionProblem(stage, '2025-05-01')).toBe('not_later');
  });
});

describe('stageState: the one rule for open, phase and days left', () => {
  it('is upcoming before the first day, open through the last, ended after it', () => {
    expect(stageState(stage, null, new Date('2024-12-31T16:59:59Z'))).toMatchObject({
      phase: 'upcoming',
      daysLeft: null,
    });
    expect(stageState(stage, null, new Date('2025-06-29T03:00:00Z'))).toMatchObject({
      phase: 'open',
      daysLeft: 1,
    });
    expect(stageState(stage, null, new Date('2025-06-30T16:59:59Z'))).toMatchObject({
      phase: 'open',
      daysLeft: 0,
    });
    expect(stageState(stage, null, new Date('2025-06-30T17:00:00Z'))).toMatchObject({
      phase: 'ended',
      daysLeft: null,
    });
  });

  it("counts an agency's extension: open until its last day", () => {
    const now = new Date('2026-12-06T03:00:00Z');
    expect(stageState(stage, null, now).phase).toBe('ended');
    expect(stageState(stage, '2027-06-04', now)).toMatchObject({
      phase: 'open',
      open: true,
      closesOn: '2027-06-04',
      extended: true,
      daysLeft: 180,
    });
  });

  it('agrees with stageWindow at every instant, and open is exactly phase open', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2024, 10, 1) + d * 86_400_000));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 86_399 }),
        fc.option(fc.integer({ min: 1, max: 300 })),
        (d, s, ext) => {
          const now = new Date(d.getTime() + s * 1000);
          const endsOn =
            ext === null
              ? null
              : bangkokToday(new Date(bangkokDayStart(stage.end).getTime() + ext * 86_400_000));
          const state = stageState(stage, endsOn, now);
          expect(state.open).toBe(stageWindow(stage, endsOn, now).open);
          expect(state.phase === 'open').toBe(state.open);
          if (state.daysLeft !== null) expect(state.daysLeft).toBeGreaterThanOrEqual(0);
          if (state.phase === 'upcoming') expect(bangkokToday(now) < state.opensOn).toBe(true);
          if (state.phase === 'ended') expect(bangkokToday(now) > state.closesOn).toBe(true);
        },
      ),
    );
  });
});

describe('calendarState', () => {
  const calendar = [
    { code: 'register', start: '2025-01-01', end: '2025-01-31' },
    { code: 'oit_answering', start: '2025-01-01', end: '2025-04-30' },
    { code: 'publication', start: '2025-08-18', end: '2025-09-05' },
  ];
  const later = new Date('2026-12-06T03:00:00Z');

  it('says every stage ended when the agency has no extension', () => {
    expect(calendarState(calendar, new Map(), later)).toMatchObject({
      current: [],
      next: null,
      allEnded: true,
    });
  });

  it('never says "all ended" beside an open extended stage (the home and the OIT page agree)', () => {
    const state = calendarState(calendar, new Map([['oit_answering', '2027-06-04']]), later);
    expect(state).toMatchObject({ today: '2026-12-06', current: ['oit_answering'], allEnded: false });
    expect(state.stages.find((s) => s.code === 'oit_answering')).toMatchObject({
      closesOn: '2027-06-04',
      phase: 'open',
    });
  });

  it('names the next stage to open', () => {
    const state = calendarState(calendar, new Map(), new Date('2025-05-10T03:00:00Z'));
    expect(state).toMatchObject({ current: [], next: 'publication', allEnded: false });
  });
});

describe('a closed year', () => {
  const calendar = [
    { code: 'register', start: '2025-01-01', end: '2025-01-31' },
    { code: 'oit_answering', start: '2025-01-01', end: '2025-04-30' },
    { code: 'publication', start: '2025-08-18', end: '2025-09-05' },
  ];
  const closedAt = new Date('2025-05-01T05:00:00Z');

  it('shuts every stage from the instant NACC closed it, extensions included; not before', () => {
    const before = calendarState(
      calendar,
      new Map([['oit_answering', '2027-06-04']]),
      new Date('2025-05-01T04:59:59Z'),
      closedAt,
    );
    expect(before.closed).toBe(false);
    expect(before.current).toContain('oit_answering');
    const after = calendarState(
      calendar,
      new Map([['oit_answering', '2027-06-04']]),
      new Date('2025-05-01T05:00:00Z'),
      closedAt,
    );
    expect(after).toMatchObject({ closed: true, current: [], next: null, allEnded: true });
  });

  it('is never open, and every stage has ended, at any instant after the closure', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2027-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2027-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.option(fc.constantFrom('2025-07-15', '2026-01-31', '2027-06-04'), { nil: null }),
        (closed, now, ext) => {
          const s = stageState(stage, ext, now, closed);
          const plain = stageState(stage, ext, now);
          if (closed.getTime() <= now.getTime()) {
            expect(s).toMatchObject({ open: false, phase: 'ended', daysLeft: null, closed: true });
          } else {
            expect(s).toEqual(plain);
          }
        },
      ),
    );
  });
});
