import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byMostWaiting, type WaitingItem, waitingTotal, waitingWork } from './waiting.ts';

const open = { phase: 'open' as const };
const upcoming = { phase: 'upcoming' as const };
const ended = { phase: 'ended' as const };

describe('waitingWork', () => {
  it('counts the undecided flagged responses on the quality page, nothing when none', () => {
    expect(waitingWork('quality', { undecidedResponses: 12 })).toEqual([
      { kind: 'responses_to_decide', count: 12 },
    ]);
    expect(waitingWork('quality', { undecidedResponses: 0 })).toEqual([]);
    expect(waitingWork('quality', {})).toEqual([]);
  });

  it('lists interviews to review, a sample to draw and interviews still needed once the stage has begun', () => {
    const eit2 = {
      sample: { counted: 3, minimum: 10 },
      stage: open,
      awaitingReview: 2,
      sampleDrawn: false,
    };
    expect(waitingWork('eit2', { eit2 })).toEqual([
      { kind: 'interviews_to_review', count: 2 },
      { kind: 'sample_to_draw', count: 1 },
      { kind: 'interviews_to_collect', count: 7 },
    ]);
    // Before the stage: only what was entered waits; once drawn and complete, nothing.
    expect(waitingWork('eit2', { eit2: { ...eit2, stage: upcoming } })).toEqual([
      { kind: 'interviews_to_review', count: 2 },
    ]);
    expect(
      waitingWork('eit2', {
        eit2: {
          ...eit2,
          stage: ended,
          sampleDrawn: true,
          awaitingReview: 0,
          sample: { counted: 10, minimum: 10 },
        },
      }),
    ).toEqual([]);
    // Without the population there is no minimum: nothing to draw or collect yet.
    expect(
      waitingWork('eit2', { eit2: { ...eit2, awaitingReview: 0, sample: { counted: 0, minimum: null } } }),
    ).toEqual([]);
  });

  it('lists a missing IIT access code before and during collection, and responses short of the minimum while open', () => {
    const iit = { sample: { counted: 5, minimum: 20 }, stage: open, accessCreated: false };
    expect(waitingWork('iit', { iit })).toEqual([
      { kind: 'iit_access_missing', count: 1 },
      { kind: 'iit_below_minimum', count: 15 },
    ]);
    expect(waitingWork('iit', { iit: { ...iit, stage: upcoming } })).toEqual([
      { kind: 'iit_access_missing', count: 1 },
    ]);
    expect(waitingWork('iit', { iit: { ...iit, stage: ended } })).toEqual([]);
    expect(
      waitingWork('iit', { iit: { ...iit, accessCreated: true, sample: { counted: 25, minimum: 20 } } }),
    ).toEqual([]);
  });

  it('never lists an item with nothing in it', () => {
    fc.assert(
      fc.property(
        fc.record({
          counted: fc.nat(50),
          minimum: fc.option(fc.nat(50)),
          waiting: fc.nat(5),
          undecided: fc.nat(5),
          drawn: fc.boolean(),
          access: fc.boolean(),
          phase: fc.constantFrom('upcoming' as const, 'open' as const, 'ended' as const),
        }),
        (x) => {
          const sample = { counted: x.counted, minimum: x.minimum };
          const stage = { phase: x.phase };
          for (const page of ['quality', 'eit2', 'iit'] as const) {
            const items = waitingWork(page, {
              undecidedResponses: x.undecided,
              eit2: { sample, stage, awaitingReview: x.waiting, sampleDrawn: x.drawn },
              iit: { sample, stage, accessCreated: x.access },
            });
            for (const i of items) expect(i.count).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});

describe('byMostWaiting', () => {
  const row = (id: string, nameTh: string, items: WaitingItem[]) => ({ id, nameTh, items });

  it('puts the most waiting first, equal totals in Thai order, and leaves out agencies with nothing', () => {
    const sut = byMostWaiting([
      row('a', 'เทศบาลตำบลข', [{ kind: 'responses_to_decide', count: 3 }]),
      row('b', 'องค์การบริหารส่วนตำบลก', []),
      row('c', 'เทศบาลตำบลก', [{ kind: 'responses_to_decide', count: 3 }]),
      row('d', 'สำนักงานจังหวัด', [{ kind: 'responses_to_decide', count: 12 }]),
    ]);
    expect(sut.map((r) => r.id)).toEqual(['d', 'c', 'a']);
  });

  it('orders by the total of every item (a property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.uuid(), nameTh: fc.string(), n: fc.nat(30) })), (xs) => {
        const rows = xs.map((x) =>
          row(x.id, x.nameTh, x.n ? [{ kind: 'responses_to_decide', count: x.n }] : []),
        );
        const totals = byMostWaiting(rows).map((r) => waitingTotal(r.items));
        expect(totals).toEqual([...totals].sort((a, b) => b - a));
        expect(totals.every((t) => t > 0)).toBe(true);
      }),
    );
  });
});
