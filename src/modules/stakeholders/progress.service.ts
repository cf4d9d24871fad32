// Collection progress: responses counted against each survey instrument's minimum sample, for one agency
// and for every agency in the actor's scope. Never scores: during collection they are not shown at all.
import type { AppDeps } from '../../app/context.ts';
import { type Actor, authorize } from '../../core/authz.ts';
import { agencyScopeCondition, agencyYear, allow } from '../agencies/index.ts';
import { frameworkForYear } from '../frameworks/index.ts';
import { countedResponses, iitIntake } from '../responses/index.ts';
import { lowestPercent, progressOf, surveyInstruments } from './minimums.ts';
import { selectScopeAgencies, selectScopeCounts } from './progress.repo.ts';
import { stakeholderStatus } from './stakeholders.present.ts';
import { selectStakeholder } from './stakeholders.repo.ts';
import type { AgencyProgress, ProgressList, ProgressListQuery } from './stakeholders.schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

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
  const filter = { year, scope: agencyScopeCondition(actor), province: query.province, type: query.type };
  const [rows, counts] = await Promise.all([
    selectScopeAgencies(deps.db, filter),
    selectScopeCounts(deps.db, filter),
  ]);
  const all = rows.map((r) => {
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
