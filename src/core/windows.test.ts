import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { windowStartOf } from './windows.ts';

describe('windowStartOf', () => {
  it('floors to the start of the window in UTC', () => {
    const now = new Date('2026-11-22T07:18:41.123Z');
    expect(windowStartOf(now, 60 * 60).toISOString()).toBe('2026-11-22T07:00:00.000Z');
    expect(windowStartOf(now, 15 * 60).toISOString()).toBe('2026-11-22T07:15:00.000Z');
    expect(windowStartOf(now, 10 * 60).toISOString()).toBe('2026-11-22T07:10:00.000Z');
  });

  it('keeps an instant that starts a window in that window', () => {
    const start = new Date('2026-11-22T07:10:00.000Z');
    expect(windowStartOf(start, 10 * 60)).toEqual(start);
    expect(windowStartOf(new Date(start.getTime() - 1), 10 * 60).toISOString()).toBe(
      '2026-11-22T07:00:00.000Z',
    );
  });

  it('does not follow the Bangkok day: an hour window just after Bangkok midnight starts on the UTC hour', () => {
    // 00:30 on 23 November in Asia/Bangkok is 17:30 UTC on the 22nd.
    const now = new Date('2026-11-23T00:30:00+07:00');
    expect(windowStartOf(now, 60 * 60).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    // A day-long window is a UTC day, not a Bangkok one.
    expect(windowStartOf(now, 24 * 60 * 60).toISOString()).toBe('2026-11-22T00:00:00.000Z');
  });

  it('contains the instant, is aligned, and is shared by every instant of the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.constantFrom(60, 10 * 60, 15 * 60, 60 * 60, 24 * 60 * 60),
        (ms, seconds) => {
          const start = windowStartOf(new Date(ms), seconds).getTime();
          expect(start).toBeLessThanOrEqual(ms);
          expect(ms - start).toBeLessThan(seconds * 1000);
          expect(start % (seconds * 1000)).toBe(0);
          expect(windowStartOf(new Date(start + seconds * 1000 - 1), seconds).getTime()).toBe(start);
        },
      ),
    );
  });

  it('refuses a window that is not a positive whole number of seconds', () => {
    expect(() => windowStartOf(new Date(), 0)).toThrow();
    expect(() => windowStartOf(new Date(), -60)).toThrow();
    expect(() => windowStartOf(new Date(), 1.5)).toThrow();
  });
});
