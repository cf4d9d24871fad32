// Progress rows → API JSON: the agency with its province and ministry by name, each stage's cell (state,
// deadline, days left, the agency's own outstanding work) and the framework's stage names.
import type { Framework } from '../../core/framework/schema.ts';
import { MONITORED_STAGES } from '../../core/monitoring/progress.ts';
import type { MinistryRow, ProvinceRow } from '../reference/index.ts';
import type { AgencyProgressRow } from './monitoring.facts.ts';
import type { MatrixRow } from './monitoring.schema.ts';

export interface Names {
  provinces: Map<string, ProvinceRow>;
  ministries: Map<string, MinistryRow>;
}

const named = (code: string | null, row: { nameTh: string; nameEn: string } | undefined) =>
  code === null ? null : { code, name: row ? { th: row.nameTh, en: row.nameEn } : { th: code } };

export function presentRow(r: AgencyProgressRow, names: Names): MatrixRow {
  const a = r.agency;
  return {
    agency: {
      id: a.id,
      code: a.code,
      nameTh: a.nameTh,
      nameEn: a.nameEn,
      type: a.type,
      province: named(
        a.provinceCode,
        a.provinceCode === null ? undefined : names.provinces.get(a.provinceCode),
      ),
      ministry: named(
        a.ministryCode,
        a.ministryCode === null ? undefined : names.ministries.get(a.ministryCode),
      ),
    },
    registered: a.registered,
    behind: r.progress.behind,
    overdueStages: r.progress.overdueStages,
    nextTask: r.progress.nextAgencyTask,
    stages: r.progress.stages.map((s) => ({
      code: s.code,
      state: s.state,
      phase: s.phase,
      deadline: s.deadline,
      daysLeft: s.daysLeft,
      extended: s.extended,
      agencyOutstanding: s.agencyOutstanding,
      tasks: s.tasks.map((t) => ({ ...t })),
    })),
  };
}

/** The monitored stages of the year's calendar with their names and the framework's own dates. */
export function stageInfo(framework: Framework) {
  const byCode = new Map(framework.calendar.map((s) => [s.code, s]));
  return MONITORED_STAGES.map((code) => {
    const s = byCode.get(code);
    return {
      code,
      name: s ? { th: s.name.th, ...(s.name.en ? { en: s.name.en } : {}) } : { th: code },
      opensOn: s?.start ?? null,
      closesOn: s?.end ?? null,
    };
  });
}
