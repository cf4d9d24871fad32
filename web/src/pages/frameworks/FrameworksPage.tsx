// Framework browser: one fiscal year's instruments, questions, OIT items, rating scheme and calendar.
import { Alert, Anchor, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { Navigate, Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { useUser } from '../../api/auth.ts';
import { frameworkExportUrl, latestYear, useFramework, useFrameworks } from '../../api/frameworks.ts';
import { useYearStages } from '../../api/stages.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FrameworkCalendar } from '../../components/FrameworkCalendar.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { queryFallback } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYear } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { StartDraft } from './authoring/StartDraft.tsx';
import { InstrumentsPanel } from './InstrumentsPanel.tsx';
import { OitPanel } from './OitPanel.tsx';
import { QuestionsPanel } from './QuestionsPanel.tsx';
import { RatingPanel } from './RatingPanel.tsx';
import { YearSelect } from './YearSelect.tsx';

const TABS = ['instruments', 'questions', 'oit', 'rating', 'calendar'] as const;

export default function FrameworksPage() {
  const { lang, t } = useLang();
  const user = useUser();
  const params = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const list = useFrameworks();
  const year = params.year ? Number(params.year) : null;
  const detail = useFramework(year);

  if (!params.year) {
    if (!list.data) return queryFallback(list);
    const latest = latestYear(list.data);
    if (latest === null) {
      return (
        <>
          <PageHeader title={t('frameworks.title')} />
          <EmptyState
            title={t('frameworks.noneLoaded')}
            hint={user.role === 'admin' ? t('frameworks.noneLoadedAdmin') : t('frameworks.noneLoadedHint')}
          />
        </>
      );
    }
    return <Navigate to={`/frameworks/${latest}`} replace />;
  }

  const tab = TABS.find((x) => x === search.get('tab')) ?? 'instruments';
  const framework = detail.data?.framework;
  return (
    <>
      <PageHeader
        title={t('frameworks.titleYear', { year: formatFiscalYear(year ?? 0, lang) })}
        description={framework ? pick(framework.name, lang) : undefined}
        actions={
          <YearSelect
            value={year}
            onChange={(y) => navigate(`/frameworks/${y}${tab !== 'instruments' ? `?tab=${tab}` : ''}`)}
          />
        }
      />
      {detail.isPending && <Loading />}
      <ErrorAlert error={detail.error} />
      {framework && detail.data && (
        <Stack gap="md">
          <Group gap="xs">
            <Badge variant="light" color="gray">
              {t('frameworks.version', { version: detail.data.version })}
            </Badge>
            <Button component={RouterLink} to={`/frameworks/${year}/compare`} variant="light" size="xs">
              {t('frameworks.compare.link')}
            </Button>
            <Button component={RouterLink} to={`/frameworks/score?year=${year}`} variant="light" size="xs">
              {t('frameworks.scoreLink')}
            </Button>
            <Anchor href={frameworkExportUrl(year ?? 0)} download size="sm">
              {t('frameworks.export')}
            </Anchor>
          </Group>
          {user.role === 'admin' && year !== null && <StartDraft year={year} />}
          {search.get('published') && (
            <Alert color="teal" role="status">
              {t('authoring.publishedAlert', {
                year: formatFiscalYear(year ?? 0, lang),
                version: search.get('published'),
              })}
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            {t('frameworks.source', { source: pick(framework.source, lang) })}
          </Text>
          <Tabs
            value={tab}
            onChange={(v) => setSearch(v && v !== 'instruments' ? { tab: v } : {}, { replace: true })}
            keepMounted={false}
          >
            <Tabs.List>
              {TABS.map((x) => (
                <Tabs.Tab key={x} value={x}>
                  {t(`frameworks.tabs.${x}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="instruments" pt="md">
              <InstrumentsPanel framework={framework} />
            </Tabs.Panel>
            <Tabs.Panel value="questions" pt="md">
              <QuestionsPanel framework={framework} />
            </Tabs.Panel>
            <Tabs.Panel value="oit" pt="md">
              <OitPanel framework={framework} />
            </Tabs.Panel>
            <Tabs.Panel value="rating" pt="md">
              <RatingPanel framework={framework} />
            </Tabs.Panel>
            <Tabs.Panel value="calendar" pt="md">
              <StagesTab year={framework.year} agencyId={user.agencyId} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </>
  );
}

/**
 * The calendar tab: the year's stages as the server states them (its clock; for an agency's people their own
 * extensions, for the others the year's closure), so this page says what the home page and the OIT page say.
 */
function StagesTab({ year, agencyId }: { year: number; agencyId: string | null }) {
  const { view, isLoading, error } = useYearStages(year, agencyId);
  if (error) return <ErrorAlert error={error} />;
  if (isLoading || !view) return <Loading />;
  return <FrameworkCalendar stages={view.stages} />;
}
