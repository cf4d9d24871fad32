// แบบวัด IIT: the agency admin's page for the staff survey — the access code (copy, rotate), the link and
// its QR code, the printable poster, and single-use tokens. NACC admins reach it for any agency.
import { Alert, Select, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useAgency } from '../../api/agencies.ts';
import { useUser } from '../../api/auth.ts';
import { useIitAccess } from '../../api/iit-access.ts';
import { AgencyPicker } from '../../components/AgencyPicker.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { WaitingAgencies } from '../../components/WaitingAgencies.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime, formatFiscalYear } from '../../lib/format.ts';
import { AccessCodeCard, LinkAndPosterCard } from './AccessCards.tsx';
import { TokensCard } from './TokensCard.tsx';

export default function IitAccessPage() {
  const { lang, t } = useLang();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const agencyId = user.role === 'admin' ? params.get('agency') : user.agencyId;
  const agency = useAgency(agencyId ?? undefined);
  const years = (agency.data?.participations ?? []).map((p) => p.year).sort((a, b) => b - a);
  const year = Number(params.get('year')) || years[0] || null;
  const access = useIitAccess(agencyId, year);

  const choose = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('iitAccess.title')} description={t('iitAccess.description')} />
      <Stack gap="lg">
        {user.role === 'admin' && (
          <AgencyPicker
            label={t('iitAccess.agency')}
            value={agencyId}
            onChange={(id) => choose({ agency: id, year: null })}
          />
        )}
        {years.length > 1 && (
          <Select
            label={t('iitAccess.year')}
            data={years.map((y) => ({ value: String(y), label: formatFiscalYear(y, lang) }))}
            value={year ? String(year) : null}
            onChange={(y) => choose({ year: y })}
            w={220}
          />
        )}
        {!agencyId && <Text c="dimmed">{t('iitAccess.chooseAgency')}</Text>}
        <WaitingAgencies page="iit" enabled={user.role === 'admin' && !agencyId} />
        {agencyId && agency.data && years.length === 0 && (
          <EmptyState title={t('iitAccess.noCycleTitle')} hint={t('iitAccess.noCycleHint')} />
        )}
        {access.isPending && agencyId && year && <Loading />}
        <ErrorAlert error={access.error ?? agency.error} />
        {access.data?.guessing && (
          <Alert color="orange" title={t('iitAccess.guessingTitle')}>
            <Text size="sm">
              {t('iitAccess.guessingBody', { when: formatDateTime(access.data.guessing.seenAt, lang) })}
            </Text>
            {access.data.guessing.alertedAt && (
              <Text size="sm" c="dimmed">
                {t('iitAccess.guessingAlerted', {
                  when: formatDateTime(access.data.guessing.alertedAt, lang),
                })}
              </Text>
            )}
          </Alert>
        )}
        {access.data && year && agencyId && (
          <>
            <AccessCodeCard access={access.data} agencyId={agencyId} year={year} />
            <LinkAndPosterCard access={access.data} agencyId={agencyId} year={year} />
            <TokensCard access={access.data} agencyId={agencyId} year={year} />
          </>
        )}
      </Stack>
    </>
  );
}
