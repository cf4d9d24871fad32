// "/oit": the signed-in agency user's own OIT page for the newest year their agency takes part in.
import { Button } from '@mantine/core';
import { Navigate, Link as RouterLink } from 'react-router';
import { useAgency } from '../../../api/agencies.ts';
import { useUser } from '../../../api/auth.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { queryFallback } from '../../../components/QueryState.tsx';
import { useLang } from '../../../i18n/index.ts';
import { newestYear } from './oit-view.ts';

export default function OitRedirectPage() {
  const { t } = useLang();
  const user = useUser();
  const agency = useAgency(user.agencyId ?? undefined);

  if (!user.agencyId)
    return (
      <>
        <PageHeader title={t('oit.title')} />
        <EmptyState
          title={t('oit.noAgency')}
          hint={t('oit.noAgencyHint')}
          action={
            <Button component={RouterLink} to="/agencies" variant="light">
              {t('oit.toAgencies')}
            </Button>
          }
        />
      </>
    );
  if (!agency.data) return queryFallback(agency);
  const year = newestYear(agency.data.participations);
  if (year === null)
    return (
      <>
        <PageHeader title={t('oit.title')} />
        <EmptyState title={t('oit.noYear')} hint={t('oit.noYearHint')} />
      </>
    );
  return <Navigate to={`/agencies/${agency.data.id}/oit/${year}`} replace />;
}
