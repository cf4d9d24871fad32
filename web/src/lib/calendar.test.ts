import { describe, expect, it } from 'vitest';
import { currentStages, nextStage, stageStatus } from './calendar.ts';

const register = { code: 'register', start: '2025-01-01', end: '2025-01-31' };
const stages = [
  register,
  { code: 'iit', start: '2025-01-01', end: '2025-06-30' },
  { code: 'scoring', start: '2025-05-01', end: '2025-06-06' },
];

describe('stageStatus', () => {
  it('counts both ends of a stage as inside it', () => {
    expect(stageStatus(register, '2025-01-01')).toBe('current');
    expect(stageStatus(register, '2025-01-31')).toBe('current');
    expect(stageStatus(register, '2024-12-31')).toBe('upcoming');
    expect(stageStatus(register, '2025-02-01')).toBe('past');
  });
});

describe('currentStages', () => {
  it('returns every overlapping stage running today', () => {
    expect(currentStages(stages, '2025-01-15').map((s) => s.code)).toEqual(['register', 'iit']);
    expect(currentStages(stages, '2025-07-01')).toEqual([]);
  });
});

describe('nextStage', () => {
  it('finds the next stage to start, or none after the last', () => {
    expect(nextStage(stages, '2025-02-01')?.code).toBe('scoring');
    expect(nextStage(stages, '2025-07-01')).toBeUndefined();
  });
});
