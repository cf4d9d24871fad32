import { describe, expect, it } from 'vitest';
import type { Run } from '../../api/results.ts';
import { ApiError } from '../../lib/api.ts';
import {
  activeRunOf,
  type ChangeRow,
  defaultAgainst,
  elapsedMs,
  formatDuration,
  isRunInProgress,
  progressPercent,
  shortHash,
  signedScore,
  sortChanges,
} from './run-view.ts';

let n = 0;
function run(o: Partial<Run>): Run {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    year: 2568,
    frameworkVersion: 1,
    kind: 'run',
    scope: 'all',
    scopeValue: null,
    status: 'done',
    progress: { done: 10, total: 10 },
    inputsHash: 'a'.repeat(64),
    createdBy: null,
    createdByName: null,
    createdAt: '2025-07-01T03:00:00.000Z',
    startedAt: '2025-07-01T03:00:01.000Z',
    finishedAt: '2025-07-01T03:00:09.000Z',
    error: null,
    ...o,
  };
}

describe('progress', () => {
  it('is the share done, 0 before the worker counted the agencies', () => {
    expect(progressPercent({ progress: { done: 1, total: 3 } })).toBe(33);
    expect(progressPercent({ progress: { done: 0, total: 0 } })).toBe(0);
    expect(progressPercent({ progress: { done: 5, total: 5 } })).toBe(100);
  });

  it('counts the time from the start to the end, or to now while running, and nothing while queued', () => {
    const now = new Date('2025-07-01T03:02:01.000Z');
    expect(elapsedMs(run({}), now)).toBe(8_000);
    expect(elapsedMs(run({ finishedAt: null }), now)).toBe(120_000);
    expect(elapsedMs(run({ startedAt: null, finishedAt: null }), now)).toBeNull();
  });

  it('says durations in words of the language', () => {
    expect(formatDuration(8_400, 'th')).toBe('8 วินาที');
    expect(formatDuration(125_000, 'th')).toBe('2 นาที 05 วินาที');
    expect(formatDuration(125_000, 'en')).toBe('2 min 05 s');
  });

  it('recognises the answer to a second start while a run is in progress', () => {
    expect(isRunInProgress(new ApiError(409, 'run_in_progress', 'มีการประมวลผล', 'queued'))).toBe(true);
    expect(isRunInProgress(new ApiError(409, 'publication_pending', 'x', 'y'))).toBe(false);
    expect(isRunInProgress(new Error('run_in_progress'))).toBe(false);
  });

  it('shortens hashes and finds the active run', () => {
    expect(shortHash('0123456789abcdef')).toBe('0123456789ab');
    expect(shortHash(null)).toBe('—');
    const active = run({ status: 'running' });
    expect(activeRunOf([run({}), active])).toBe(active);
    expect(activeRunOf([run({ status: 'failed' })])).toBeUndefined();
  });
});

describe('defaultAgainst', () => {
  const first = run({ createdAt: '2025-07-01T03:00:00.000Z' });
  const second = run({ createdAt: '2025-07-02T03:00:00.000Z' });
  const preview = run({ kind: 'preview', createdAt: '2025-07-03T03:00:00.000Z' });
  const failed = run({ status: 'failed', createdAt: '2025-07-04T03:00:00.000Z' });
  const third = run({ createdAt: '2025-07-05T03:00:00.000Z' });
  const runs = [third, failed, preview, second, first];

  it('compares with the run of the publication in effect', () => {
    expect(defaultAgainst(third, runs, [{ runId: first.id, state: 'in_effect' }])).toBe(first.id);
  });

  it('else with the previous finished run, never a preview or a failed one', () => {
    expect(defaultAgainst(third, runs, [{ runId: first.id, state: 'superseded' }])).toBe(second.id);
    expect(defaultAgainst(preview, runs, [])).toBe(second.id);
  });

  it('has nothing for the first run, nor against itself', () => {
    expect(defaultAgainst(first, runs, [])).toBeNull();
    expect(defaultAgainst(first, runs, [{ runId: first.id, state: 'in_effect' }])).toBeNull();
  });
});

describe('sortChanges', () => {
  const row = (name: string, before: number | null, after: number | null): ChangeRow => ({
    agencyId: name,
    code: name,
    nameTh: name,
    before: before === null ? null : { total: before, ratingCode: 'A' },
    after: after === null ? null : { total: after, ratingCode: 'A' },
    difference: before !== null && after !== null ? after - before : null,
    ratingChanged: false,
  });
  const items = [row('ข', 80, 82), row('ก', 90, 85), row('ค', null, 70), row('ง', 60, 60.5)];

  it('puts the largest moves first, up or down, and agencies missing from a run last', () => {
    expect(sortChanges(items, 'difference', 'desc').map((r) => r.nameTh)).toEqual(['ก', 'ข', 'ง', 'ค']);
    expect(sortChanges(items, 'difference', 'asc').map((r) => r.nameTh)).toEqual(['ง', 'ข', 'ก', 'ค']);
  });

  it('sorts by the totals before or after and by Thai name', () => {
    expect(sortChanges(items, 'after', 'desc').map((r) => r.nameTh)).toEqual(['ก', 'ข', 'ค', 'ง']);
    expect(sortChanges(items, 'before', 'asc').map((r) => r.nameTh)).toEqual(['ง', 'ข', 'ก', 'ค']);
    expect(sortChanges(items, 'agency', 'asc').map((r) => r.nameTh)).toEqual(['ก', 'ข', 'ค', 'ง']);
  });

  it('shows the sign of every difference', () => {
    expect(signedScore(1.25)).toBe('+1.25');
    expect(signedScore(-0.5)).toBe('−0.50');
    expect(signedScore(0)).toBe('0.00');
  });
});
