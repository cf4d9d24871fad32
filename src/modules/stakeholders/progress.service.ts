// Collection progress: responses counted against each survey instrument's minimum sample, for one agency
// and for every agency in the actor's scope. Never scores: during collection they are not shown at all.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import {
  agencyScopeCondition,
  agencyYear,
  allow,
  participantIdsIn,
  participantsIn,
} from '../agencies/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { countedResponses, countedResponsesIn } from '../responses/index.ts';
import { iitIntake } from './intake.ts';
import { lowestPercent, progressOf, surveyInstruments } from './minimums.ts';
import { type StakeholderNumbers, selectScopeStakeholders } from './progress.repo.ts';
import { stakeholderStatus } from './stakeholders.present.ts';
import { selectStakeholder } from './stakeholders.repo.ts';
import type { AgencyProgress, ProgressList, ProgressListQuery } from './stakeholders.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** An agency without stakeholder data yet: nothing entered, nothing approved. */
const NO_STAKEHOLDER_DATA: StakeholderNumbers = {
  iitPopulation: null,
  eitPopulation: null,
  revision: 0,
  approvedRevision: null,
};

export async function agencyProgress(
  deps: Deps,
  actor: Actor | null,
  agencyId: string,
  year: number,
): Promise<AgencyProgress> {
  const { agency, framework } = await agencyYear(deps.db, actor, agencyId, year, allow('progress.read'));
  const [row, counted, intake] = await Promise.all([
    selectStakeholder(deps.db, agencyId, year),
    countedResponses(deps.db, agencyId, year),
    iitIntake(deps.db, agencyId, year),
  ]);
  const populations = {
    iitPopulation: row?.iitPopulation ?? null,
    eitPopulation: row?.eitPopulation ?? null,
  };
  return {
    agencyId,
    year,
    instruments: progressOf(framework, agency, populations, counted),
    stakeholder: stakeholderStatus(row),
    iitIntake: intake,
  };
}

export async function scopeProgress(
  deps: Deps,
  actor: Actor | null,
  year: number,
  query: ProgressListQuery,
): Promise<ProgressList> {
  authorize(actor, 'progress.list', null);
  const { framework } = await frameworkForYear(deps.db, year);
  const filter = { scope: agencyScopeCondition(actor), provinceCode: query.province, agencyType: query.type };
  const ids = participantIdsIn(year, filter);
  const [agencies, numbers, counts] = await Promise.all([
    participantsIn(deps.db, year, filter),
    selectScopeStakeholders(deps.db, year, ids),
    countedResponsesIn(deps.db, year, ids),
  ]);
  const all = agencies.map((agency) => {
    const r = { ...agency, ...(numbers.get(agency.id) ?? NO_STAKEHOLDER_DATA) };
    const instruments = progressOf(framework, r, r, counts.get(r.id) ?? {});
    return {
      agency: {
        id: r.id,
        code: r.code,
        nameTh: r.nameTh,
        nameEn: r.nameEn,
        type: r.type,
        provinceCode: r.provinceCode,
      },
      instruments,
      stakeholder: stakeholderStatus(r),
      lowestPercent: lowestPercent(instruments),
    };
  });
  // Rows come sorted by name; a stable sort keeps that order among agencies equally far behind.
  if (query.sort === 'behind') all.sort((a, b) => a.lowestPercent - b.lowestPercent);
  const start = (query.page - 1) * query.pageSize;
  return {
    year,
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
    instruments: surveyInstruments(framework).map((i) => ({ code: i.code, name: i.name })),
    items: all.slice(start, start + query.pageSize),
  };
}
