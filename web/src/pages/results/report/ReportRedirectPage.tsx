// "/results": the signed-in agency user's own results report, for the newest year whose results are out
// (else the newest year, whose page says when they come).
import { Navigate } from 'react-router';
import { useAgency } from '../../../api/agencies.ts';
import { useUser } from '../../../api/auth.ts';
import { usePublicationStates } from '../../../api/report.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { queryFallback } from '../../../components/QueryState.tsx';
import { useLang } from '../../../i18n/index.ts';
import { reportYear } from './report-view.ts';

export default function ReportRedirectPage() {
  const { t } = useLang();
  const user = useUser();
  const agency = useAgency(user.agencyId ?? undefined);
  const years = (agency.data?.participations ?? []).map((p) => p.year);
  const { states, pending } = usePublicationStates(years);

  if (!user.agencyId)
    return (
      <>
        <PageHeader title={t('report.open')} />
        <EmptyState title={t('oit.noAgency')} hint={t('oit.noAgencyHint')} />
      </>
    );
  if (!agency.data) return queryFallback(agency);
  if (pending) return <Loading label={t('report.loading')} />;
  const year = reportYear(years, states);
  if (year === null)
    return (
      <>
        <PageHeader title={t('report.open')} />
        <EmptyState title={t('oit.noYear')} hint={t('oit.noYearHint')} />
      </>
    );
  return <Navigate to={`/agencies/${agency.data.id}/results/${year}`} replace />;
}
