// The agencies with work waiting behind a page's agency picker (issue 13 §4): the quality page (flagged
// responses awaiting a decision), EIT part 2 (interviews to review and collect, samples to draw) and IIT
// access for NACC (access never set up, responses short of the minimum). Over the actor's scope, from the same
// progress facts as the matrix and the to-do lists plus one set-based query per owner for what the page
// adds; what waits is decided by core/monitoring/waiting.ts.
import type { AppDeps } from '../../app/context.ts';
import { type Action, type Actor, authorize } from '../../core/authz.ts';
import { taskRule } from '../../core/monitoring/progress.ts';
import {
  byMostWaiting,
  type WaitingFacts,
  type WaitingItem,
  type WaitingPage,
  waitingTotal,
  waitingWork,
} from '../../core/monitoring/waiting.ts';
import { agencyScopeCondition, monitoredIdsIn } from '../agencies/index.ts';
import { latestFrameworkYear } from '../frameworks/index.ts';
import { accessCreatedIn } from '../iit-access/index.ts';
import { interviewsAwaitingReviewIn, samplesDrawnIn } from '../interviews/index.ts';
import { undecidedFlagsIn } from '../quality/index.ts';
import { agenciesAssignedTo } from '../users/index.ts';
import { type AgencyProgressRow, agencyProgress } from './monitoring.facts.ts';
import type { Waiting } from './monitoring.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'>;

/** The most agencies a list names; `more` says how many others have work waiting. */
export const WAITING_MAX = 100;

const ACTION: Record<WaitingPage, Action> = {
  quality: 'waiting.quality',
  eit2: 'waiting.eit2',
  iit: 'waiting.iit',
};

const stageOf = (r: AgencyProgressRow, task: 'eit2' | 'iit') =>
  r.progress.stages.find((s) => s.code === taskRule(task).stage);

/** Per agency of `rows`, what the page's owners count beside the progress facts. */
async function factsOf(
  deps: Deps,
  page: WaitingPage,
  year: number,
  actor: Actor,
  rows: readonly AgencyProgressRow[],
): Promise<(r: AgencyProgressRow) => WaitingFacts> {
  const ids = monitoredIdsIn(year, { scope: agencyScopeCondition(actor) });
  switch (page) {
    case 'quality': {
      const undecided = await undecidedFlagsIn(
        deps.db,
        year,
        rows.map((r) => ({ id: r.agency.id, type: r.agency.type })),
      );
      return (r) => ({ undecidedResponses: undecided.get(r.agency.id) ?? 0 });
    }
    case 'eit2': {
      const [awaiting, drawn] = await Promise.all([
        interviewsAwaitingReviewIn(deps.db, year, ids),
        samplesDrawnIn(deps.db, year, ids),
      ]);
      return (r) => ({
        eit2: {
          sample: r.facts.eit2,
          stage: stageOf(r, 'eit2'),
          awaitingReview: awaiting.get(r.agency.id) ?? 0,
          sampleDrawn: drawn.has(r.agency.id),
        },
      });
    }
    case 'iit': {
      const created = await accessCreatedIn(deps.db, year, ids);
      return (r) => ({
        iit: { sample: r.facts.iit, stage: stageOf(r, 'iit'), accessCreated: created.has(r.agency.id) },
      });
    }
  }
}

export async function workWaiting(
  deps: Deps,
  actor: Actor | null,
  page: WaitingPage,
  requestedYear?: number,
): Promise<Waiting> {
  authorize(actor, ACTION[page], null);
  const year = requestedYear ?? (await latestFrameworkYear(deps.db));
  if (year === null) return { page, year: null, agencies: [], more: 0 };
  const progress = await agencyProgress(deps.db, {
    year,
    now: deps.now(),
    select: { actor },
    maxAgeMs: deps.config.monitoring.cacheMs,
  });
  let rows = progress.rows;
  // EIT part 2 is the work of the assessors assigned for this year (not of every year they were assigned).
  if (page === 'eit2' && actor.role === 'assessor') {
    const mine = await agenciesAssignedTo(deps.db, actor.userId, year);
    rows = rows.filter((r) => mine.has(r.agency.id));
  }
  const factsFor = await factsOf(deps, page, year, actor, rows);
  const waiting = byMostWaiting(
    rows.map((r) => ({
      id: r.agency.id,
      nameTh: r.agency.nameTh,
      agency: r.agency,
      items: waitingWork(page, factsFor(r)) as WaitingItem[],
    })),
  );
  return {
    page,
    year,
    agencies: waiting.slice(0, WAITING_MAX).map((w) => ({
      agency: { id: w.agency.id, code: w.agency.code, nameTh: w.agency.nameTh, nameEn: w.agency.nameEn },
      total: waitingTotal(w.items),
      items: w.items,
    })),
    more: Math.max(0, waiting.length - WAITING_MAX),
  };
}
