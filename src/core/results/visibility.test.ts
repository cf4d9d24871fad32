import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../authz.ts';
import { effectivePublication, type PublicationFact, type ResultsReader, visibleRun } from './visibility.ts';

const T0 = Date.UTC(2025, 9, 1);
const HOUR = 3_600_000;
const publication = fc.record({
  id: fc.uuid(),
  runId: fc.constantFrom('run-1', 'run-2', 'run-3'),
  publishAt: fc.integer({ min: 0, max: 200 }).map((h) => new Date(T0 + h * HOUR)),
  createdAt: fc.integer({ min: 0, max: 200 }).map((h) => new Date(T0 + h * HOUR)),
  cancelled: fc.boolean(),
});
const publications = fc.array(publication, { maxLength: 6 });
const now = fc.integer({ min: -10, max: 210 }).map((h) => new Date(T0 + h * HOUR));
const reader: fc.Arbitrary<ResultsReader> = fc.oneof(
  fc.constant({ kind: 'public' as const }),
  fc.record({
    kind: fc.constant('staff' as const),
    role: fc.constantFrom(...ROLES),
    reachesAgency: fc.boolean(),
  }),
);
const isAdmin = (r: ResultsReader) => r.kind === 'staff' && r.role === 'admin';

describe('visibleRun', () => {
  it('shows nobody but NACC admins anything before a publication takes effect (flag off)', () => {
    fc.assert(
      fc.property(reader, publications, now, fc.option(fc.constant('run-9')), (r, ps, at, latest) => {
        const seen = visibleRun({
          reader: r,
          showScoresDuringCollection: false,
          publications: ps,
          latestDoneRunId: latest,
          now: at,
        });
        if (isAdmin(r)) return;
        if (seen === null) return;
        // Whatever a non-admin sees is the run of a publication, not cancelled, whose time has come.
        const through = ps.find((p) => p.id === seen.publicationId);
        expect(through).toBeDefined();
        expect(through?.cancelled).toBe(false);
        expect(through?.publishAt.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(seen.basis).toBe('published');
        expect(seen.runId).toBe(through?.runId);
      }),
    );
  });

  it('shows the effective publication to the public and to every role that reaches the agency', () => {
    fc.assert(
      fc.property(reader, publications, now, fc.boolean(), (r, ps, at, flag) => {
        const seen = visibleRun({
          reader: r,
          showScoresDuringCollection: flag,
          publications: ps,
          latestDoneRunId: null,
          now: at,
        });
        const effective = effectivePublication(ps, at);
        if (r.kind === 'staff' && !r.reachesAgency && r.role !== 'admin') expect(seen).toBeNull();
        else if (!isAdmin(r)) expect(seen?.publicationId ?? null).toBe(effective?.id ?? null);
        else if (effective) expect(seen).not.toBeNull();
      }),
    );
  });

  it('never shows a cancelled publication, and a later publication supersedes an earlier one', () => {
    const early: PublicationFact = {
      id: 'p1',
      runId: 'run-1',
      publishAt: new Date(T0),
      createdAt: new Date(T0),
      cancelled: false,
    };
    const correction: PublicationFact = {
      ...early,
      id: 'p2',
      runId: 'run-2',
      publishAt: new Date(T0 + 5 * HOUR),
    };
    const cancelled: PublicationFact = {
      ...early,
      id: 'p3',
      runId: 'run-3',
      publishAt: new Date(T0 + 9 * HOUR),
      cancelled: true,
    };
    const ps = [early, correction, cancelled];
    const at = (h: number, r: ResultsReader = { kind: 'public' }) =>
      visibleRun({
        reader: r,
        showScoresDuringCollection: false,
        publications: ps,
        latestDoneRunId: null,
        now: new Date(T0 + h * HOUR),
      });
    expect(at(-1)).toBeNull();
    expect(at(0)?.runId).toBe('run-1');
    expect(at(5 - 1 / 3600)?.runId).toBe('run-1'); // a second before the correction's embargo ends
    expect(at(5)?.runId).toBe('run-2');
    expect(at(10)?.runId).toBe('run-2');
    const admin: ResultsReader = { kind: 'staff', role: 'admin', reachesAgency: true };
    expect(at(3, admin)).toEqual({ runId: 'run-2', publicationId: 'p2', basis: 'embargoed' });
  });

  it('honours showScoresDuringCollection: provisional figures for those who reach the agency, never the public', () => {
    const input = (r: ResultsReader, flag: boolean) =>
      visibleRun({
        reader: r,
        showScoresDuringCollection: flag,
        publications: [],
        latestDoneRunId: 'run-1',
        now: new Date(T0),
      });
    for (const role of ROLES) {
      if (role === 'admin') continue;
      expect(input({ kind: 'staff', role, reachesAgency: true }, false)).toBeNull();
      expect(input({ kind: 'staff', role, reachesAgency: true }, true)).toEqual({
        runId: 'run-1',
        publicationId: null,
        basis: 'provisional',
      });
      expect(input({ kind: 'staff', role, reachesAgency: false }, true)).toBeNull();
    }
    expect(input({ kind: 'public' }, true)).toBeNull();
  });

  it('is monotonic for the public: once visible, visible at every later moment', () => {
    fc.assert(
      fc.property(publications, now, fc.integer({ min: 0, max: 300 }), (ps, at, later) => {
        const v = (t: Date) =>
          visibleRun({
            reader: { kind: 'public' },
            showScoresDuringCollection: false,
            publications: ps,
            latestDoneRunId: null,
            now: t,
          });
        if (v(at) !== null) expect(v(new Date(at.getTime() + later * HOUR))).not.toBeNull();
      }),
    );
  });
});
