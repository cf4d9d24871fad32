// The agency's results report of a year (issue 10 §3): what seed 004 builds by hand, from the stored results
// the reader may see. For the agency's people, its supervisors and assessors, and NACC. Prints as a Thai A4
// document (report-print.css); the XLSX of every table comes from the API.
import { Alert, Anchor, Button, Group, Select, Stack, Text } from '@mantine/core';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useAgency } from '../../../api/agencies.ts';
import { type AgencyReport, reportXlsxUrl, useAgencyReport } from '../../../api/report.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatDateTime, formatFiscalYear } from '../../../lib/format.ts';
import { pickName } from '../../../lib/localized.ts';
import { AdviceSection } from './AdviceSection.tsx';
import { HistorySection } from './HistorySection.tsx';
import { IndicatorSection } from './IndicatorSection.tsx';
import { InstrumentSection } from './InstrumentSection.tsx';
import { NotPublished } from './NotPublished.tsx';
import { OitSection } from './OitSection.tsx';
import { QuestionsSection } from './QuestionsSection.tsx';
import { ReportSummary } from './ReportSummary.tsx';
import { absenceOf } from './report-view.ts';
import './report.css';

/** Embargo, provisional figures, a correction, a run without details: said before any figure. */
function Banners({ report }: { report: AgencyReport }) {
  const { lang, t } = useLang();
  const pub = report.publication;
  return (
    <>
      {report.basis === 'embargoed' && (
        <Alert
          color="yellow"
          variant="light"
          title={t('report.banner.embargoedTitle')}
          data-testid="report-embargo"
        >
          {pub
            ? t('report.banner.embargoed', { date: formatDateTime(pub.publishAt, lang) })
            : t('report.banner.embargoedNoDate')}
        </Alert>
      )}
      {report.basis === 'provisional' && (
        <Alert color="yellow" variant="light" title={t('report.banner.provisionalTitle')}>
          {t('report.banner.provisional')}
        </Alert>
      )}
      {pub?.reason && (
        <Alert
          color="blue"
          variant="light"
          title={t('report.banner.correctedTitle')}
          data-testid="report-correction"
        >
          {t('report.banner.corrected', { reason: pub.reason })}
        </Alert>
      )}
      {!report.detailsAvailable && (
        <Alert color="gray" variant="light">
          {t('report.banner.noDetails')}
        </Alert>
      )}
    </>
  );
}

function Report({ report }: { report: AgencyReport }) {
  const { lang, t } = useLang();
  const pub = report.publication;
  return (
    <Stack gap="lg" className="report a4-doc">
      <Banners report={report} />
      <Text size="sm" c="dimmed">
        {[
          pub && report.basis === 'published'
            ? t('report.publishedAt', { date: formatDateTime(pub.publishAt, lang) })
            : null,
          report.framework.version === null
            ? null
            : t('report.framework', { year: report.framework.year, version: report.framework.version }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Text size="sm" c="dimmed" className="print-only">
        {t('report.printedAt', { date: formatDateTime(new Date(), lang) })}
      </Text>
      <ReportSummary report={report} />
      <IndicatorSection report={report} />
      <InstrumentSection report={report} />
      <HistorySection report={report} />
      <QuestionsSection report={report} />
      <OitSection report={report} />
      <AdviceSection report={report} />
    </Stack>
  );
}

export default function AgencyReportPage() {
  const { lang, t } = useLang();
  const navigate = useNavigate();
  const { id = '', year: yearParam = '' } = useParams();
  const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : null;
  const agency = useAgency(id);
  const report = useAgencyReport(id, year ?? 0);

  if (year === null) return <EmptyState title={t('oit.badYear')} hint={t('oit.badYearHint')} />;
  const name = report.data
    ? pickName(report.data.agency, lang)
    : agency.data
      ? pickName(agency.data, lang)
      : '';
  const years = [...new Set((agency.data?.participations ?? []).map((p) => p.year).concat(year))].sort(
    (a, b) => b - a,
  );
  const absence = report.error ? absenceOf(report.error) : null;

  return (
    <>
      <PageHeader
        title={t('report.title', { year: formatFiscalYear(year, lang) })}
        description={[name, report.data?.agency.code].filter(Boolean).join(' · ')}
        actions={
          <Group gap="xs" className="no-print" align="flex-end">
            {years.length > 1 && (
              <Select
                label={t('oit.year')}
                data={years.map((y) => ({ value: String(y), label: formatFiscalYear(y, lang) }))}
                value={String(year)}
                onChange={(y) => y && navigate(`/agencies/${id}/results/${y}`)}
                allowDeselect={false}
                w={220}
              />
            )}
            {report.data && (
              <>
                <Button component="a" href={reportXlsxUrl(id, year)} download variant="light">
                  {t('report.downloadXlsx')}
                </Button>
                <Button onClick={() => window.print()}>{t('report.print')}</Button>
              </>
            )}
          </Group>
        }
      />
      {report.isPending && <Loading label={t('report.loading')} />}
      {absence === 'not_published' && <NotPublished agencyId={id} year={year} />}
      {absence === 'error' && <ErrorAlert error={report.error} />}
      {report.data && <Report report={report.data} />}
      <Group mt="lg" className="no-print">
        <Anchor component={RouterLink} to={`/agencies/${id}`} size="sm">
          {t('report.backToAgency')}
        </Anchor>
      </Group>
    </>
  );
}
