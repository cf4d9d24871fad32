import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENCY_TYPES, type AgencyType } from '../../shared/agency-types.ts';
import {
  agenciesThatFell,
  failedOitItems,
  groupHeatmap,
  indicatorHeatmap,
  type LastYear,
  type LessonsAgency,
  ratingDistribution,
  scopeSummary,
  topPerformers,
  weakestQuestions,
} from './aggregate.ts';

const framework = {
  instruments: [
    { code: 'IIT', indicators: ['1', '2'] },
    { code: 'EIT1', indicators: ['3'] },
    { code: 'EIT2', indicators: ['3'] },
    { code: 'OIT', indicators: ['4'] },
  ],
} as never;
const INDICATORS = ['1', '2', '3', '4'];

let seq = 0;
function agency(o: Partial<LessonsAgency> & { iitN?: number } = {}): LessonsAgency {
  const total = o.total ?? 90;
  return {
    id: o.id ?? `a${String(seq++).padStart(4, '0')}`,
    type: o.type ?? 'sao',
    total,
    ratingCode: o.ratingCode ?? (total >= 85 ? 'pass' : 'improve'),
    passes: o.passes ?? total >= 85,
    instruments: o.instruments ?? {
      IIT: { n: o.iitN ?? 20 },
      EIT1: { n: 30 },
      EIT2: { n: 10 },
      OIT: { n: null },
    },
    indicators: o.indicators ?? { '1': total, '2': total, '3': total, '4': total },
    questions: o.questions ?? { IIT: { i1: total, i2: 100 }, EIT1: { e1: total }, OIT: { o1: 0, o2: 100 } },
  };
}

const arbAgency = fc
  .record({
    total: fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
    iitN: fc.integer({ min: 0, max: 12 }),
    type: fc.constantFrom<AgencyType>('sao', 'subdistrict_municipality', 'province'),
    q: fc.integer({ min: 0, max: 100 }),
    o1: fc.constantFrom(0, 100),
  })
  .map((r) =>
    agency({
      total: r.total,
      iitN: r.iitN,
      type: r.type,
      questions: { IIT: { i1: r.q, i2: 100 - r.q }, EIT1: { e1: r.q }, OIT: { o1: r.o1 } },
    }),
  );
const arbAgencies = fc.array(arbAgency, { maxLength: 25 });

describe('indicatorHeatmap', () => {
  it('withholds every survey indicator of an agency with an instrument under 5 responses, never OIT', () => {
    const small = agency({ iitN: 3, total: 70 });
    const [row] = indicatorHeatmap(framework, INDICATORS, [small]);
    expect(row?.cells).toEqual([null, null, null, 70]);
  });

  it('shows no score of an agency with a small group, and orders the rows by total', () => {
    fc.assert(
      fc.property(arbAgencies, (list) => {
        const sut = indicatorHeatmap(framework, INDICATORS, list);
        expect(sut).toHaveLength(list.length);
        for (let i = 1; i < sut.length; i++)
          expect((sut[i - 1]?.total ?? 0) >= (sut[i]?.total ?? 0)).toBe(true);
        for (const row of sut) {
          const a = list.find((x) => x.id === row.agencyId) as LessonsAgency;
          const n = a.instruments.IIT?.n ?? 0;
          if (n > 0 && n < 5) expect(row.cells.slice(0, 3)).toEqual([null, null, null]);
          else expect(row.cells).toEqual(INDICATORS.map((c) => a.indicators[c]));
        }
      }),
    );
  });
});

describe('weakestQuestions', () => {
  it('counts the agencies below the pass mark per question, most failures first', () => {
    const list = [agency({ total: 80 }), agency({ total: 70 }), agency({ total: 95 })];
    const sut = weakestQuestions(list, ['IIT', 'EIT1'], 85, 10);
    expect(sut).toEqual([
      { instrument: 'IIT', code: 'i1', assessed: 3, failed: 2, mean: 81.67 },
      { instrument: 'EIT1', code: 'e1', assessed: 3, failed: 2, mean: 81.67 },
    ]);
  });

  it('is unchanged by agencies whose survey figures are withheld', () => {
    fc.assert(
      fc.property(arbAgencies, arbAgencies, (list, extra) => {
        const withheld = extra.map((a) => ({ ...a, instruments: { ...a.instruments, IIT: { n: 2 } } }));
        const sut = weakestQuestions([...list, ...withheld], ['IIT', 'EIT1'], 85, 50);
        expect(sut).toEqual(weakestQuestions(list, ['IIT', 'EIT1'], 85, 50));
        for (const q of sut) expect(q.failed).toBeGreaterThan(0);
        for (const q of sut) expect(q.failed).toBeLessThanOrEqual(q.assessed);
      }),
    );
  });
});

describe('failedOitItems', () => {
  it('counts the agencies whose item scored below 100, most first, never an item nobody failed', () => {
    const list = [
      agency({ questions: { OIT: { o1: 0, o2: 0, o3: 100 } } }),
      agency({ questions: { OIT: { o1: 0, o2: 100, o3: 100 } } }),
    ];
    expect(failedOitItems(list, 'OIT', 10).map((i) => [i.code, i.failed, i.assessed])).toEqual([
      ['o1', 2, 2],
      ['o2', 1, 2],
    ]);
    expect(failedOitItems(list, 'OIT', 1)).toHaveLength(1);
  });
});

describe('ratingDistribution', () => {
  it('counts every agency once this year and once last year when it had figures', () => {
    fc.assert(
      fc.property(arbAgencies, fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), (list, had) => {
        const last = new Map<string, LastYear>();
        list.forEach((a, i) => {
          if (had[i]) last.set(a.id, { total: 80, ratingCode: 'improve', passes: false, source: 'run' });
        });
        const sut = ratingDistribution(['pass', 'improve'], list, last);
        expect(sut.map((r) => r.code).slice(0, 2)).toEqual(['pass', 'improve']);
        expect(sut.reduce((s, r) => s + r.count, 0)).toBe(list.length);
        expect(sut.reduce((s, r) => s + r.lastYear, 0)).toBe(last.size);
        for (const r of sut) expect(r.change).toBe(r.count - r.lastYear);
      }),
    );
  });
});

describe('topPerformers', () => {
  it('names the best passing agencies of each type, ties at the cut included', () => {
    const list = [
      agency({ id: 'x1', total: 99 }),
      agency({ id: 'x2', total: 97 }),
      agency({ id: 'x3', total: 97 }),
      agency({ id: 'x4', total: 90 }),
      agency({ id: 'y1', total: 60, type: 'subdistrict_municipality' }),
    ];
    expect(topPerformers(list, AGENCY_TYPES, 2)).toEqual([{ type: 'sao', agencyIds: ['x1', 'x2', 'x3'] }]);
  });

  it('only ever names passing agencies, each with the best total of its type first', () => {
    fc.assert(
      fc.property(arbAgencies, (list) => {
        for (const group of topPerformers(list, AGENCY_TYPES, 3)) {
          const members = group.agencyIds.map((id) => list.find((a) => a.id === id) as LessonsAgency);
          expect(members.every((a) => a.passes && a.type === group.type)).toBe(true);
          const best = Math.max(...list.filter((a) => a.type === group.type && a.passes).map((a) => a.total));
          expect(members[0]?.total).toBe(best);
          expect(group.agencyIds.length).toBeGreaterThanOrEqual(Math.min(3, members.length));
        }
      }),
    );
  });
});

describe('agenciesThatFell', () => {
  it('lists only agencies below last year, largest fall first, and marks a lost pass', () => {
    const a = agency({ id: 'f1', total: 80 });
    const b = agency({ id: 'f2', total: 90 });
    const c = agency({ id: 'f3', total: 88 });
    const last = new Map<string, LastYear>([
      ['f1', { total: 90, ratingCode: 'pass', passes: true, source: 'run' }],
      ['f2', { total: 85, ratingCode: 'pass', passes: true, source: 'imported' }],
      ['f3', { total: 88.5, ratingCode: 'pass', passes: true, source: 'imported' }],
    ]);
    expect(agenciesThatFell([a, b, c], last).map((f) => [f.agencyId, f.change, f.lostPass])).toEqual([
      ['f1', -10, true],
      ['f3', -0.5, false],
    ]);
  });

  it('never lists an agency that rose or held, and is sorted', () => {
    fc.assert(
      fc.property(arbAgencies, fc.integer({ min: 0, max: 100 }), (list, before) => {
        const last = new Map(
          list.map((a) => [
            a.id,
            { total: before, ratingCode: 'pass', passes: null, source: 'run' as const },
          ]),
        );
        const sut = agenciesThatFell(list, last);
        expect(sut.map((f) => f.agencyId).sort()).toEqual(
          list
            .filter((a) => a.total < before)
            .map((a) => a.id)
            .sort(),
        );
        for (let i = 1; i < sut.length; i++)
          expect((sut[i - 1]?.change ?? 0) <= (sut[i]?.change ?? 0)).toBe(true);
      }),
    );
  });
});

describe('scopeSummary', () => {
  it('compares with last year over the agencies that had figures, passing only when every pass is known', () => {
    const list = [agency({ id: 's1', total: 90 }), agency({ id: 's2', total: 70 })];
    const known = new Map<string, LastYear>([
      ['s1', { total: 80, ratingCode: 'improve', passes: false, source: 'run' }],
    ]);
    expect(scopeSummary(list, known)).toEqual({
      agencies: 2,
      mean: 80,
      passing: 1,
      share: 0.5,
      lastYear: { agencies: 1, mean: 80, passing: 0, share: 0 },
    });
    const unknown = new Map<string, LastYear>([
      ['s1', { total: 80, ratingCode: 'x', passes: null, source: 'imported' }],
    ]);
    expect(scopeSummary(list, unknown).lastYear).toEqual({
      agencies: 1,
      mean: 80,
      passing: null,
      share: null,
    });
    expect(scopeSummary([], new Map()).share).toBeNull();
  });
});

describe('groupHeatmap', () => {
  it('averages the shown cells of each group, leaving withheld ones out, best mean first', () => {
    const rows = [
      { agencyId: 'a', total: 90, cells: [80, null] },
      { agencyId: 'b', total: 70, cells: [60, 50] },
      { agencyId: 'c', total: 99, cells: [99, 99] },
      { agencyId: 'x', total: 10, cells: [10, 10] },
    ];
    const groupOf = (id: string) => ({ a: 'P1', b: 'P1', c: 'P2' })[id] ?? null;
    expect(groupHeatmap(rows, groupOf)).toEqual([
      { group: 'P2', agencies: 1, total: 99, cells: [99, 99], counted: [1, 1] },
      { group: 'P1', agencies: 2, total: 80, cells: [70, 50], counted: [2, 1] },
    ]);
  });

  it('counts every grouped agency once and never averages a withheld cell', () => {
    fc.assert(
      fc.property(arbAgencies, (list) => {
        const rows = indicatorHeatmap(framework, INDICATORS, list);
        const sut = groupHeatmap(rows, (id) => (id.charCodeAt(id.length - 1) % 2 ? 'odd' : 'even'));
        expect(sut.reduce((s, g) => s + g.agencies, 0)).toBe(list.length);
        for (const g of sut)
          g.counted.forEach((n, i) => {
            expect(n).toBeLessThanOrEqual(g.agencies);
            expect(g.cells[i] === null).toBe(n === 0);
          });
      }),
    );
  });
});
