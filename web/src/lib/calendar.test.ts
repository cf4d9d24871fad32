import { calendarState } from '@server/core/calendar.ts';
import { describe, expect, it } from 'vitest';
import type { AgencyCalendar } from '../api/calendar.ts';
import type { CycleCalendar } from '../api/cycles.ts';
import { agencyStagesView, cycleStagesView, stagesLine } from './calendar.ts';

const name = (th: string) => ({ th, en: th });
const calendar = [
  { code: 'register', name: name('ลงทะเบียน'), start: '2025-01-01', end: '2025-01-31' },
  { code: 'oit_answering', name: name('ตอบ OIT'), start: '2025-01-01', end: '2025-04-30' },
  { code: 'publication', name: name('เผยแพร่'), start: '2025-08-18', end: '2025-09-05' },
];
const later = new Date('2026-12-06T03:00:00Z');

/** What GET /cycles/:year/calendar answers at `now` (the server runs the one rule; the page only shows it). */
function cycleAt(now: Date): CycleCalendar {
  const state = calendarState(calendar, new Map(), now);
  return {
    year: 2568,
    frameworkLoaded: true,
    today: state.today,
    stages: state.stages.map((s) => ({
      code: s.code,
      name: s.name,
      start: s.start,
      end: s.end,
      open: s.open,
      phase: s.phase,
      daysLeft: s.daysLeft,
    })),
    current: state.current,
    next: state.next,
    allEnded: state.allEnded,
    closure: null,
    extensions: [],
    extensionsTotal: 0,
  };
}

/** What GET /agencies/:id/calendar/:year answers for an agency whose OIT answering is extended. */
const extended: AgencyCalendar = {
  agencyId: '00000000-0000-4000-8000-000000000001',
  year: 2568,
  today: '2026-12-06',
  stages: calendar.map((s) => {
    const ext = s.code === 'oit_answering';
    return {
      ...s,
      effectiveEnd: ext ? '2027-06-04' : s.end,
      open: ext,
      phase: ext ? ('open' as const) : ('ended' as const),
      daysLeft: ext ? 180 : null,
      extended: ext,
      extension: null,
    };
  }),
  current: ['oit_answering'],
  next: null,
  allEnded: false,
  closed: false,
};

describe('the home line of the year', () => {
  it('says every stage ended on the framework dates long after the year', () => {
    expect(stagesLine(cycleStagesView(cycleAt(later)))).toEqual({ kind: 'ended' });
  });

  it("follows the agency's calendar: an extended OIT stage runs now, as the OIT page says", () => {
    const line = stagesLine(agencyStagesView(extended));
    expect(line).toMatchObject({ kind: 'now', stages: [{ code: 'oit_answering', closesOn: '2027-06-04' }] });
  });

  it('names the next stage between stages', () => {
    const line = stagesLine(cycleStagesView(cycleAt(new Date('2025-05-10T03:00:00Z'))));
    expect(line).toMatchObject({ kind: 'next', stage: { code: 'publication' } });
  });

  it('counts both ends of a stage as inside it (Bangkok days)', () => {
    const first = cycleStagesView(cycleAt(new Date('2024-12-31T17:00:00Z')));
    expect(first.current).toEqual(['register', 'oit_answering']);
    const last = cycleStagesView(cycleAt(new Date('2025-01-31T16:59:59Z')));
    expect(last.current).toEqual(['register', 'oit_answering']);
  });
});
