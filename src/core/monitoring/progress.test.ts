import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StageDates } from '../calendar.ts';
import { type AgencyFacts, behindKey, cycleProgress, DUE_SOON_DAYS, MONITORED_STAGES } from './progress.ts';

const CALENDAR: StageDates[] = [
  { code: 'register', start: '2025-01-01', end: '2025-01-31' },
  { code: 'stakeholder_data', start: '2025-01-01', end: '2025-02-28' },
  { code: 'iit_collection', start: '2025-01-01', end: '2025-06-30' },
  { code: 'eit_collection', start: '2025-01-01', end: '2025-06-30' },
  { code: 'oit_answering', start: '2025-01-01', end: '2025-04-30' },
  { code: 'oit_scoring', start: '2025-05-01', end: '2025-06-06' },
  { code: 'clarification', start: '2025-06-09', end: '2025-06-20' },
  { code: 'confirmation', start: '2025-06-23', end: '2025-07-04' },
];

const NOTHING: AgencyFacts = {
  registered: false,
  stakeholder: { entered: false, approved: false },
  iit: { counted: 0, minimum: null },
  eit1: { counted: 0, minimum: null },
  eit2: { counted: 0, minimum: null },
  oit: { items: 28, answered: 0, approved: 0, scored: 0, scoredZero: 0, clarified: 0, confirmed: 0 },
};

const EVERYTHING: AgencyFacts = {
  registered: true,
  stakeholder: { entered: true, approved: true },
  iit: { counted: 40, minimum: 30 },
  eit1: { counted: 30, minimum: 30 },
  eit2: { counted: 20, minimum: 20 },
  oit: { items: 28, answered: 28, approved: 28, scored: 28, scoredZero: 2, clarified: 2, confirmed: 28 },
};

const none = new Map<string, string>();
const stage = (p: ReturnType<typeof cycleProgress>, code: string) => {
  const s = p.stages.find((x) => x.code === code);
  if (!s) throw new Error(`no stage ${code}`);
  return s;
};

describe('cycleProgress', () => {
  it('marks every stage done when all the work is done, and the agency not behind', () => {
    const sut = cycleProgress(EVERYTHING, CALENDAR, none, new Date('2025-03-15T05:00:00Z'));
    expect(sut.stages.map((s) => s.state)).toEqual(MONITORED_STAGES.map(() => 'done'));
    expect(sut.behind).toBe(0);
    expect(sut.nextAgencyTask).toBeNull();
  });

  it('is overdue on registration after its last day in Bangkok, not before', () => {
    const lastEvening = cycleProgress(NOTHING, CALENDAR, none, new Date('2025-01-31T16:59:59Z'));
    expect(stage(lastEvening, 'register').state).toBe('due_soon');
    expect(stage(lastEvening, 'register').daysLeft).toBe(0);
    const midnight = cycleProgress(NOTHING, CALENDAR, none, new Date('2025-01-31T17:00:00Z'));
    expect(stage(midnight, 'register').state).toBe('overdue');
    expect(stage(midnight, 'register').daysLeft).toBeNull();
    expect(midnight.overdueStages).toBe(1);
  });

  it('gives the deadline and days left of the agency extension', () => {
    const ext = new Map([['register', '2025-02-10']]);
    const sut = stage(cycleProgress(NOTHING, CALENDAR, ext, new Date('2025-02-01T03:00:00Z')), 'register');
    expect(sut).toMatchObject({ state: 'open', deadline: '2025-02-10', daysLeft: 9, extended: true });
  });

  it('says due soon at most DUE_SOON_DAYS before the deadline', () => {
    const at = (iso: string) =>
      stage(cycleProgress(NOTHING, CALENDAR, none, new Date(iso)), 'stakeholder_data');
    expect(at('2025-02-20T03:00:00Z').daysLeft).toBe(8);
    expect(at('2025-02-20T03:00:00Z').state).toBe('open');
    expect(at('2025-02-21T03:00:00Z').daysLeft).toBe(DUE_SOON_DAYS);
    expect(at('2025-02-21T03:00:00Z').state).toBe('due_soon');
  });

  it('never counts the assessors’ EIT part 2 against the agency', () => {
    const facts: AgencyFacts = { ...EVERYTHING, eit2: { counted: 3, minimum: 20 } };
    const sut = cycleProgress(facts, CALENDAR, none, new Date('2025-07-10T03:00:00Z'));
    const eit = stage(sut, 'eit_collection');
    expect(eit.state).toBe('overdue');
    expect(eit.agencyOutstanding).toBe(false);
    expect(sut.behind).toBe(0);
  });

  it('counts the agency’s EIT part 1 below its minimum against the agency', () => {
    const facts: AgencyFacts = { ...EVERYTHING, eit1: { counted: 3, minimum: 30 } };
    const sut = cycleProgress(facts, CALENDAR, none, new Date('2025-06-25T03:00:00Z'));
    expect(stage(sut, 'eit_collection')).toMatchObject({ state: 'due_soon', agencyOutstanding: true });
    expect(sut.nextAgencyTask).toBe('eit1');
    expect(sut.behind).toBeGreaterThan(0);
  });

  it('treats an unknown minimum as not reached', () => {
    const sut = cycleProgress(
      { ...EVERYTHING, iit: { counted: 99, minimum: null } },
      CALENDAR,
      none,
      new Date('2025-03-01T00:00:00Z'),
    );
    expect(stage(sut, 'iit_collection').state).toBe('open');
  });

  it('does not hold the clarification stage back once it is over, nor call the agency late for it', () => {
    const facts: AgencyFacts = { ...EVERYTHING, oit: { ...EVERYTHING.oit, clarified: 0 } };
    const during = cycleProgress(facts, CALENDAR, none, new Date('2025-06-10T03:00:00Z'));
    expect(stage(during, 'clarification')).toMatchObject({ state: 'open', agencyOutstanding: true });
    expect(during.behind).toBe(0);
    const after = cycleProgress(facts, CALENDAR, none, new Date('2025-06-22T03:00:00Z'));
    expect(stage(after, 'clarification')).toMatchObject({ state: 'done', agencyOutstanding: false });
  });

  it('does not call a stage outstanding before it opens', () => {
    const sut = cycleProgress(NOTHING, CALENDAR, none, new Date('2024-12-01T00:00:00Z'));
    expect(sut.stages.every((s) => s.state === 'upcoming' && !s.agencyOutstanding)).toBe(true);
    expect(sut.behind).toBe(0);
  });

  it('says unscheduled for a stage missing from the calendar', () => {
    const cal = CALENDAR.filter((s) => s.code !== 'register');
    const sut = stage(cycleProgress(NOTHING, cal, none, new Date('2025-02-01T00:00:00Z')), 'register');
    expect(sut).toMatchObject({ state: 'unscheduled', deadline: null, agencyOutstanding: false });
  });

  it('leaves out survey instruments and OIT when the framework has none', () => {
    const sut = cycleProgress(
      { ...NOTHING, eit2: null, oit: { ...NOTHING.oit, items: 0 } },
      CALENDAR,
      none,
      new Date('2025-02-01T00:00:00Z'),
    );
    expect(sut.stages.map((s) => s.code)).toEqual([
      'register',
      'stakeholder_data',
      'iit_collection',
      'eit_collection',
    ]);
    expect(stage(sut, 'eit_collection').tasks.map((t) => t.code)).toEqual(['eit1']);
  });

  it('puts an agency with a missed stage behind one that is only late in an open stage', () => {
    const missed = cycleProgress(
      { ...EVERYTHING, registered: false },
      CALENDAR,
      none,
      new Date('2025-03-01T00:00:00Z'),
    );
    const open = cycleProgress(
      { ...EVERYTHING, oit: { ...EVERYTHING.oit, approved: 0 } },
      CALENDAR,
      none,
      new Date('2025-03-01T00:00:00Z'),
    );
    expect(missed.behind).toBeGreaterThan(open.behind);
    expect(open.behind).toBeGreaterThan(0);
  });
});

const count = fc.integer({ min: 0, max: 500 });
const sampleArb = fc.option(
  fc.record({ counted: count, minimum: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }) }),
  { nil: null },
);
const factsArb: fc.Arbitrary<AgencyFacts> = fc.record({
  registered: fc.boolean(),
  stakeholder: fc.record({ entered: fc.boolean(), approved: fc.boolean() }),
  iit: sampleArb,
  eit1: sampleArb,
  eit2: sampleArb,
  oit: fc.record({
    items: fc.integer({ min: 0, max: 43 }),
    answered: count,
    approved: count,
    scored: count,
    scoredZero: count,
    clarified: count,
    confirmed: count,
  }),
});
const nowArb = fc.date({
  min: new Date('2024-11-01T00:00:00Z'),
  max: new Date('2025-08-01T00:00:00Z'),
  noInvalidDate: true,
});

describe('cycleProgress (properties)', () => {
  it('never gets further behind when the agency does more', () => {
    fc.assert(
      fc.property(factsArb, nowArb, fc.integer({ min: 1, max: 100 }), (facts, now, more) => {
        const before = cycleProgress(facts, CALENDAR, none, now).behind;
        const after = cycleProgress(
          {
            ...facts,
            registered: true,
            iit: facts.iit && { ...facts.iit, counted: facts.iit.counted + more },
            eit1: facts.eit1 && { ...facts.eit1, counted: facts.eit1.counted + more },
            oit: { ...facts.oit, answered: facts.oit.answered + more, approved: facts.oit.approved + more },
          },
          CALENDAR,
          none,
          now,
        ).behind;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('is behind exactly when some required agency work is outstanding, and a stage state agrees', () => {
    fc.assert(
      fc.property(factsArb, nowArb, (facts, now) => {
        const sut = cycleProgress(facts, CALENDAR, none, now);
        const required = sut.stages.some((s) =>
          s.tasks.some((t) => t.by === 'agency' && !t.optional && !t.complete && s.phase !== 'upcoming'),
        );
        expect(sut.behind > 0).toBe(required);
        for (const s of sut.stages) {
          if (s.state === 'done') expect(s.agencyOutstanding).toBe(false);
          if (s.agencyOutstanding) expect(['open', 'due_soon', 'overdue']).toContain(s.state);
          if (s.state === 'overdue') expect(s.daysLeft).toBeNull();
        }
      }),
    );
  });

  it('orders by missed stages first', () => {
    fc.assert(
      fc.property(factsArb, factsArb, nowArb, (a, b, now) => {
        const pa = cycleProgress(a, CALENDAR, none, now);
        const pb = cycleProgress(b, CALENDAR, none, now);
        if (pa.overdueStages > pb.overdueStages) expect(pa.behind).toBeGreaterThan(pb.behind);
      }),
    );
  });

  it('gives 0 for no stages', () => {
    expect(behindKey([])).toBe(0);
  });
});

describe('cycleProgress in a closed year', () => {
  it('shows no open stage and no outstanding agency work once NACC has closed the year', () => {
    const now = new Date('2025-03-01T03:00:00Z');
    const open = cycleProgress(NOTHING, CALENDAR, none, now);
    expect(open.stages.some((s) => s.phase === 'open')).toBe(true);
    const closed = cycleProgress(NOTHING, CALENDAR, none, now, new Date('2025-02-15T03:00:00Z'));
    expect(
      closed.stages.some((s) => s.phase === 'open' || s.state === 'open' || s.state === 'due_soon'),
    ).toBe(false);
    expect(closed).toMatchObject({ closed: true, nextAgencyTask: null, behind: 0, overdueStages: 0 });
    expect(closed.stages.some((s) => s.agencyOutstanding)).toBe(false);
    // What was left undone is still on record.
    expect(closed.stages.some((s) => s.state === 'overdue')).toBe(true);
  });

  it('leaves nothing outstanding whatever the facts and the instant, and a closure still ahead changes nothing', () => {
    fc.assert(
      fc.property(factsArb, nowArb, fc.integer({ min: 1, max: 400 * 86_400_000 }), (facts, now, gap) => {
        const closed = cycleProgress(facts, CALENDAR, none, now, new Date(now.getTime() - gap));
        expect(closed.closed).toBe(true);
        expect(closed.stages.every((s) => !s.agencyOutstanding && s.phase !== 'open')).toBe(true);
        expect([closed.nextAgencyTask, closed.behind]).toEqual([null, 0]);
        const ahead = cycleProgress(facts, CALENDAR, none, now, new Date(now.getTime() + gap));
        expect(ahead).toEqual(cycleProgress(facts, CALENDAR, none, now));
        expect(ahead.closed).toBe(false);
      }),
    );
  });
});
