// "ข้อมูลผู้มีส่วนได้ส่วนเสีย": the agency admin enters the numbers and uploads the contact list; the
// executive approves (again after any change). Everyone with the agency in scope sees the minimums.
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberFormatter,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { EIT_POPULATION_MAX, IIT_POPULATION_MAX } from '@server/shared/limits.ts';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useAgency } from '../../api/agencies.ts';
import {
  type StakeholderData,
  useApproveStakeholders,
  useSaveStakeholders,
  useStakeholders,
} from '../../api/stakeholders.ts';
import { useCan } from '../../auth/permissions.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState, queryFallback } from '../../components/QueryState.tsx';
import { SummaryTable } from '../../components/SummaryTable.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime, formatFiscalYear } from '../../lib/format.ts';
import { pick, pickName } from '../../lib/localized.ts';
import { ContactsPanel } from './ContactsPanel.tsx';
import { ProgressWidget } from './ProgressWidget.tsx';
import { parsePopulation, statusColor } from './progress-view.ts';

export default function StakeholdersPage() {
  const { lang, t } = useLang();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const agency = useAgency(id);
  const newest = agency.data?.participations.reduce<number | null>(
    (m, p) => (m === null || p.year > m ? p.year : m),
    null,
  );
  const year = params.get('year') ? Number(params.get('year')) : (newest ?? null);
  const data = useStakeholders(id, year);
  const can = useCan();

  if (!agency.data) return queryFallback(agency);
  const a = agency.data;
  const ref = { id: a.id, provinceCode: a.provinceCode, ministryCode: a.ministryCode };

  return (
    <>
      <PageHeader
        title={t('stakeholders.title')}
        description={`${pickName(a, lang)}${year ? ` · ${formatFiscalYear(year, lang)}` : ''}`}
      />
      {year === null && <Alert color="yellow">{t('stakeholders.noCycle')}</Alert>}
      {year !== null && (
        <QueryState query={data}>
          {(numbers) => (
            <Stack gap="lg">
              <NumbersPanel
                data={numbers}
                mayEdit={can('stakeholder.update', ref)}
                mayApprove={can('stakeholder.approve', ref)}
              />
              <MinimumsPanel data={numbers} />
              <ContactsPanel
                data={numbers}
                mayUpload={can('stakeholder.update', ref)}
                mayRead={can('contacts.read', ref)}
              />
              <ProgressWidget agencyId={a.id} year={year} />
            </Stack>
          )}
        </QueryState>
      )}
    </>
  );
}

function NumbersPanel({
  data,
  mayEdit,
  mayApprove,
}: {
  data: StakeholderData;
  mayEdit: boolean;
  mayApprove: boolean;
}) {
  const { lang, t } = useLang();
  const [iit, setIit] = useState('');
  const [eit, setEit] = useState('');
  const save = useSaveStakeholders(data.agencyId, data.year);
  const approve = useApproveStakeholders(data.agencyId, data.year);
  useEffect(() => {
    setIit(data.iitPopulation === null ? '' : String(data.iitPopulation));
    setEit(data.eitPopulation === null ? '' : String(data.eitPopulation));
  }, [data.iitPopulation, data.eitPopulation]);
  const iitValue = parsePopulation(iit, IIT_POPULATION_MAX);
  const eitValue = parsePopulation(eit, EIT_POPULATION_MAX);
  const valid = iitValue !== 'invalid' && eitValue !== 'invalid';
  const { status } = data.stakeholder;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('stakeholders.numbers')}
          </Title>
          <Badge color={statusColor(status)} variant="light" data-testid="stakeholder-status">
            {t(`stakeholders.status.${status}`)}
          </Badge>
        </Group>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) save.mutate({ iitPopulation: iitValue, eitPopulation: eitValue });
          }}
        >
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('stakeholders.iitPopulation')}
                description={t('stakeholders.iitHint')}
                inputMode="numeric"
                value={iit}
                onChange={(e) => setIit(e.currentTarget.value)}
                error={iitValue === 'invalid' ? t('stakeholders.invalidNumber') : undefined}
                readOnly={!mayEdit}
              />
              <TextInput
                label={t('stakeholders.eitPopulation')}
                description={t('stakeholders.eitHint')}
                inputMode="numeric"
                value={eit}
                onChange={(e) => setEit(e.currentTarget.value)}
                error={eitValue === 'invalid' ? t('stakeholders.invalidNumber') : undefined}
                readOnly={!mayEdit}
              />
            </SimpleGrid>
            <ErrorAlert error={save.error} />
            {save.isSuccess && (
              <Text size="sm" c="green" role="status">
                {t('stakeholders.saved')}
              </Text>
            )}
            {mayEdit && (
              <Group>
                <Button type="submit" disabled={!valid} loading={save.isPending}>
                  {t('stakeholders.save')}
                </Button>
              </Group>
            )}
          </Stack>
        </form>
        {data.revision > 0 && (
          <Text size="xs" c="dimmed">
            {t('stakeholders.revision', { n: data.revision })}
            {data.updatedAt &&
              ` · ${t('stakeholders.updated', { date: formatDateTime(data.updatedAt, lang), name: data.updatedBy?.displayName ?? '–' })}`}
          </Text>
        )}
        {data.approval && (
          <Text size="xs" c="dimmed">
            {t('stakeholders.approvedBy', {
              n: data.approval.revision,
              date: formatDateTime(data.approval.at, lang),
              name: data.approval.by?.displayName ?? '–',
            })}
          </Text>
        )}
        {mayApprove && !data.stakeholder.approved && data.stakeholder.entered && (
          <Stack gap="xs">
            <Text size="sm">{t('stakeholders.approveHint')}</Text>
            <ErrorAlert error={approve.error} />
            <Group>
              <Button color="green" onClick={() => approve.mutate()} loading={approve.isPending}>
                {t('stakeholders.approve')}
              </Button>
            </Group>
          </Stack>
        )}
        {approve.isSuccess && (
          <Text size="sm" c="green" role="status">
            {t('stakeholders.approvedNow')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function MinimumsPanel({ data }: { data: StakeholderData }) {
  const { lang, t } = useLang();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('stakeholders.minimums')}
        </Title>
        <SummaryTable
          label={t('stakeholders.minimums')}
          head={[t('stakeholders.instrument'), t('stakeholders.minimum')]}
          rows={data.minimums.map((m) => ({
            key: m.instrument,
            label: `${m.instrument} · ${pick(m.name, lang)}`,
            value:
              m.minimum === null ? (
                <Text size="sm" c="dimmed">
                  {t('stakeholders.minimumUnknown')}
                </Text>
              ) : (
                <NumberFormatter value={m.minimum} thousandSeparator />
              ),
          }))}
        />
      </Stack>
    </Paper>
  );
}
