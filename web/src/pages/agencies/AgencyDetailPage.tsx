import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useAgency, useSetRegistration } from '../../api/agencies.ts';
import { useCan } from '../../auth/permissions.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ParticipationBadge } from '../../components/ParticipationBadge.tsx';
import { queryFallback } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { agencyTypeWords, peerGroupWords } from '../../lib/agency-words.ts';
import { formatDateTime, formatFiscalYear } from '../../lib/format.ts';
import { pickName } from '../../lib/localized.ts';
import { PastResultsPanel } from '../past-results/PastResultsPanel.tsx';
import { ReportLinks } from '../results/report/ReportLinks.tsx';
import { AgencyCalendarPanel } from '../stakeholders/AgencyCalendarPanel.tsx';

const AgencyFormModal = lazy(() => import('./AgencyFormModal.tsx'));

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export default function AgencyDetailPage() {
  const { lang, t } = useLang();
  const { id } = useParams();
  const agency = useAgency(id);
  const can = useCan();
  const register = useSetRegistration(id ?? '');
  const [editing, setEditing] = useState(false);

  if (!agency.data) return queryFallback(agency);
  const a = agency.data;
  const ref = { id: a.id, provinceCode: a.provinceCode, ministryCode: a.ministryCode };
  const mayEdit = can('agency.update', ref);
  const registry = can('agency.updateRegistry', ref);
  const mayRegister = can('participation.register', ref);
  const mayWithdraw = can('participation.withdraw', ref);

  return (
    <>
      <PageHeader
        title={pickName(a, lang)}
        description={`${a.code} · ${agencyTypeWords(a.type, lang)}`}
        actions={
          <>
            {mayEdit && <Button onClick={() => setEditing(true)}>{t('agencies.edit')}</Button>}
            {can('user.manageAgencyStaff', ref) && (
              <Button component={RouterLink} to={`/users?agencyId=${a.id}`} variant="light">
                {t('agencies.staff')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Field label={t('agencies.nameTh')}>{a.nameTh}</Field>
            <Field label={t('agencies.nameEn')}>{a.nameEn ?? '–'}</Field>
            <Field label={t('agencies.type')}>{agencyTypeWords(a.type, lang)}</Field>
            <Field label={t('agencies.province')}>{a.province ? pickName(a.province, lang) : '–'}</Field>
            <Field label={t('agencies.ministry')}>{a.ministry ? pickName(a.ministry, lang) : '–'}</Field>
            <Field label={t('agencies.parent')}>
              {a.parent ? (
                <Anchor component={RouterLink} to={`/agencies/${a.parent.id}`}>
                  {pickName(a.parent, lang)}
                </Anchor>
              ) : (
                '–'
              )}
            </Field>
            <Field label={t('agencies.website')}>
              {a.website ? (
                <Anchor href={a.website} target="_blank" rel="noreferrer noopener">
                  {a.website}
                </Anchor>
              ) : (
                '–'
              )}
            </Field>
            <Field label={t('agencies.peerGroup')}>{peerGroupWords(a.peerGroup, a.sizeClass, lang)}</Field>
            <Field label={t('agencies.status')}>
              <Badge color={a.active ? 'green' : 'gray'} variant="light">
                {a.active ? t('agencies.active') : t('agencies.inactive')}
              </Badge>
            </Field>
          </SimpleGrid>
        </Paper>

        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('agencies.participations')}
          </Title>
          <ErrorAlert error={register.error} />
          {a.participations.length === 0 ? (
            <Text c="dimmed">{t('agencies.noParticipations')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={520}>
              <Table withTableBorder aria-label={t('agencies.participations')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('frameworks.year')}</Table.Th>
                    <Table.Th scope="col">{t('agencies.participation')}</Table.Th>
                    <Table.Th scope="col">{t('agencies.registeredAt')}</Table.Th>
                    <Table.Th scope="col" />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.participations.map((p) => (
                    <Table.Tr key={p.year}>
                      <Table.Td>{formatFiscalYear(p.year, lang)}</Table.Td>
                      <Table.Td>
                        <ParticipationBadge participation={p} />
                      </Table.Td>
                      <Table.Td>{p.registeredAt ? formatDateTime(p.registeredAt, lang) : '–'}</Table.Td>
                      <Table.Td>
                        {!p.registered && mayRegister && (
                          <Button
                            size="xs"
                            loading={register.isPending}
                            onClick={() => register.mutate({ year: p.year, registered: true })}
                          >
                            {t('agencies.register')}
                          </Button>
                        )}
                        {p.registered && mayWithdraw && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            loading={register.isPending}
                            onClick={() => register.mutate({ year: p.year, registered: false })}
                          >
                            {t('agencies.withdraw')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
        {a.participations.length > 0 && (
          <>
            <Group>
              <Button component={RouterLink} to={`/agencies/${a.id}/stakeholders`} variant="light">
                {t('stakeholders.open')}
              </Button>
              <Button
                component={RouterLink}
                to={`/agencies/${a.id}/oit/${Math.max(...a.participations.map((p) => p.year))}`}
                variant="light"
              >
                {t('oit.open')}
              </Button>
            </Group>
            <AgencyCalendarPanel
              agencyId={a.id}
              year={Math.max(...a.participations.map((p) => p.year))}
              mayExtend={can('calendar.extend', ref)}
            />
          </>
        )}
        {a.participations.length > 0 && can('results.agencyRead', ref) && (
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('report.results')}
            </Title>
            <ReportLinks agencyId={a.id} years={a.participations.map((p) => p.year)} />
          </Stack>
        )}
        {can('pastResults.read', ref) && <PastResultsPanel agencyId={a.id} />}
        <Group>
          <Anchor component={RouterLink} to="/agencies" size="sm">
            {t('agencies.backToList')}
          </Anchor>
        </Group>
      </Stack>
      <Suspense fallback={null}>
        {editing && <AgencyFormModal agency={a} selfService={!registry} onClose={() => setEditing(false)} />}
      </Suspense>
    </>
  );
}
