// คุณภาพคำตอบ: an assessor's review of one agency's responses in a fiscal year — agency-level flags with
// their explanations, the flagged responses with keep/exclude decisions, and the history of decisions.
// Supervisors reach the same page and see the agency-level part only (the server decides).
import { Alert, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useAgency } from '../../api/agencies.ts';
import { useUser } from '../../api/auth.ts';
import { type QualityReport, useQualityReport } from '../../api/quality.ts';
import { AgencyPicker } from '../../components/AgencyPicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { WaitingAgencies } from '../../components/WaitingAgencies.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatFiscalYear } from '../../lib/format.ts';
import { DecisionHistory } from './DecisionHistory.tsx';
import { FlaggedResponsesTable } from './FlaggedResponsesTable.tsx';

/** The roles that open this page for many agencies (the server decides what each sees). */
const FOLLOWERS: readonly string[] = ['admin', 'assessor', 'supervisor'];

export default function QualityPage() {
  const { lang, t } = useLang();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agency');
  const agency = useAgency(agencyId ?? undefined);
  const years = (agency.data?.participations ?? []).map((p) => p.year).sort((a, b) => b - a);
  const chosenYear = Number(params.get('year')) || years[0] || null;
  const report = useQualityReport(agencyId, chosenYear);

  const choose = (next: { agency?: string | null; year?: string | null }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    if (next.agency !== undefined) p.delete('year');
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('quality.title')} description={t('quality.description')} />
      <Stack gap="lg">
        <Group align="flex-end" gap="md" wrap="wrap">
          <div style={{ flex: '1 1 320px' }}>
            <AgencyPicker
              label={t('quality.agency')}
              value={agencyId}
              onChange={(id) => choose({ agency: id })}
            />
          </div>
          <Select
            label={t('quality.year')}
            data={years.map((y) => ({ value: String(y), label: formatFiscalYear(y, lang) }))}
            value={chosenYear ? String(chosenYear) : null}
            onChange={(y) => choose({ year: y })}
            disabled={years.length === 0}
            w={220}
          />
        </Group>
        {!agencyId && <Text c="dimmed">{t('quality.chooseAgency')}</Text>}
        <WaitingAgencies page="quality" enabled={!agencyId && FOLLOWERS.includes(user.role)} />
        {agencyId && agency.data && years.length === 0 && (
          <Text c="dimmed">{t('quality.noParticipation')}</Text>
        )}
        <QueryState query={report}>{(data) => <ReportView report={data} />}</QueryState>
      </Stack>
    </>
  );
}

function ReportView({ report }: { report: QualityReport }) {
  const { lang, t } = useLang();
  const intake = report.iitIntake;
  return (
    <Stack gap="lg">
      {intake.state !== 'open' && (
        <Alert
          color={intake.state === 'full' ? 'blue' : 'gray'}
          variant="light"
          title={t('quality.iitIntakeTitle')}
        >
          {intake.state === 'full'
            ? t('quality.iitFull', {
                received: formatCount(intake.received, lang),
                population: formatCount(intake.approvedPopulation ?? 0, lang),
              })
            : t('quality.iitAwaiting')}
        </Alert>
      )}
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('quality.agencyFlags')}
        </Title>
        {report.agencyFlags.length === 0 ? (
          <Text c="dimmed">{t('quality.noAgencyFlags')}</Text>
        ) : (
          report.agencyFlags.map((f) => (
            <Alert
              key={`${f.instrument}-${f.code}`}
              color="orange"
              variant="light"
              title={`${t(`quality.flag.${f.code}`, { defaultValue: f.code })}${f.instrument ? ` · ${f.instrument}` : ''}`}
            >
              {lang === 'th' ? f.th : f.en}
            </Alert>
          ))
        )}
      </Stack>

      <Paper withBorder p="md">
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label={t('quality.summary')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('quality.instrument')}</Table.Th>
                <Table.Th scope="col">{t('quality.responses')}</Table.Th>
                <Table.Th scope="col" title={t('quality.heldHelp')}>
                  {t('quality.held')}
                </Table.Th>
                <Table.Th scope="col">{t('quality.flagged')}</Table.Th>
                <Table.Th scope="col">{t('quality.excluded')}</Table.Th>
                <Table.Th scope="col">{t('quality.byFlag')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.instruments.map((i) => (
                <Table.Tr key={i.instrument}>
                  <Table.Td>{i.instrument}</Table.Td>
                  <Table.Td>{formatCount(i.responses, lang)}</Table.Td>
                  <Table.Td>{formatCount(i.held, lang)}</Table.Td>
                  <Table.Td>{formatCount(i.flaggedResponses, lang)}</Table.Td>
                  <Table.Td>{formatCount(i.excluded, lang)}</Table.Td>
                  <Table.Td>
                    {Object.entries(i.flagCounts)
                      .map(([code, n]) => `${t(`quality.flag.${code}`, { defaultValue: code })} ${n}`)
                      .join(' · ') || '–'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {report.responses === null ? (
        <Text c="dimmed">{t('quality.summaryOnly')}</Text>
      ) : (
        <>
          <FlaggedResponsesTable responses={report.responses} agencyId={report.agencyId} year={report.year} />
          <DecisionHistory agencyId={report.agencyId} />
        </>
      )}
    </Stack>
  );
}
