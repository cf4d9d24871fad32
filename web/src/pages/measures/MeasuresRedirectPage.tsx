// "/measures": the signed-in agency user's measures, for the year after the newest year whose results are
// out (the measures of year N+1 are drawn up from the published result of N).
import { Navigate } from 'react-router';
import { useAgency } from '../../api/agencies.ts';
import { useUser } from '../../api/auth.ts';
import { usePublicationStates } from '../../api/report.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { queryFallback } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { reportYear } from '../results/report/report-view.ts';

export default function MeasuresRedirectPage() {
  const { t } = useLang();
  const user = useUser();
  const agency = useAgency(user.agencyId ?? undefined);
  const years = (agency.data?.participations ?? []).map((p) => p.year);
  const { states, pending } = usePublicationStates(years);
  if (!user.agencyId)
    return (
      <>
        <PageHeader title={t('measures.open')} />
        <EmptyState title={t('oit.noAgency')} hint={t('oit.noAgencyHint')} />
      </>
    );
  if (!agency.data) return queryFallback(agency);
  if (pending) return <Loading label={t('report.loading')} />;
  const year = reportYear(years, states);
  if (year === null)
    return (
      <>
        <PageHeader title={t('measures.open')} />
        <EmptyState title={t('oit.noYear')} hint={t('oit.noYearHint')} />
      </>
    );
  return <Navigate to={`/agencies/${agency.data.id}/measures/${year + 1}`} replace />;
}
