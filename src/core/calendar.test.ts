import { describe, expect, it } from 'vitest';
import { bangkokDayEnd, bangkokDayStart, bangkokToday, extensionProblem, stageWindow } from './calendar.ts';

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
    expect(sut).toEqual({ open: false, opensOn: '2025-01-01', closesOn: '2025-06-30', extended: false });
  });

  it('stays open until the end of an extension', () => {
    const sut = stageWindow(stage, '2025-07-15', new Date('2025-07-15T16:59:59Z'));
    expect(sut).toEqual({ open: true, opensOn: '2025-01-01', closesOn: '2025-07-15', extended: true });
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
