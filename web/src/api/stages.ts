// A year's stages as the server states them, for any page that shows where they stand: for an agency's
// people their agency's own calendar (GET /agencies/:id/calendar/:year, extensions applied), for NACC,
// supervisors and assessors the year's own dates (GET /cycles/:year/calendar, its closure applied). Both are
// the server's clock and the one rule of src/core/calendar.ts: the browser's clock decides nothing.
import { agencyStagesView, cycleStagesView, type StagesView } from '../lib/calendar.ts';
import { useAgencyCalendar } from './calendar.ts';
import { useCycleCalendar } from './cycles.ts';

export function useYearStages(
  year: number | null,
  agencyId: string | null | undefined,
): { view: StagesView | null; isLoading: boolean; error: unknown } {
  const agency = useAgencyCalendar(agencyId ?? '', agencyId ? year : null);
  const cycle = useCycleCalendar(agencyId ? null : year);
  const view = agency.data ? agencyStagesView(agency.data) : cycle.data ? cycleStagesView(cycle.data) : null;
  const query = agencyId ? agency : cycle;
  return { view, isLoading: query.isLoading, error: query.error };
}
