// NACC admin: one place for the year's results — start a run or a preview, watch its progress, open a run
// to check its agency results and compare it with another run, then publish it (`/processing/:year?run=<id>`).
import { Alert, Anchor, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { latestYear, useFrameworks } from '../../api/frameworks.ts';
import { type Publication, type Run, usePublications, useRun, useRuns } from '../../api/results.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState, queryFallback } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { YearSelect } from '../frameworks/YearSelect.tsx';
import { PublicationsPanel } from './PublicationsPanel.tsx';
import { RunChangesTable } from './RunChangesTable.tsx';
import { RunProgress } from './RunProgress.tsx';
import { RunResultsTable } from './RunResultsTable.tsx';
import { RunsTable, useScopeLabel } from './RunsTable.tsx';
import { activeRunOf } from './run-view.ts';
import { StartRunPanel } from './StartRunPanel.tsx';

export default function ProcessingPage() {
  const params = useParams();
  const frameworks = useFrameworks();
  const year = Number(params.year);
  if (!params.year || !Number.isInteger(year)) {
    const latest = latestYear(frameworks.data);
    if (latest !== null) return <Navigate to={`/processing/${latest}`} replace />;
    return queryFallback(frameworks);
  }
  return <YearProcessing year={year} />;
}

function YearProcessing({ year }: { year: number }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const runs = useRuns(year);
  const publications = usePublications(year);
  const items = runs.data?.items ?? [];
  const active = activeRunOf(items);
  // The run opened below the list: the one in the address, else the running one, else the newest.
  const openId = search.get('run') ?? active?.id ?? items[0]?.id ?? null;
  const open = (id: string) => setSearch({ run: id }, { replace: true });

  return (
    <>
      <PageHeader title={t('processing.title')} description={t('processing.intro')} />
      <Stack gap="lg">
        <Group align="flex-end" gap="md" wrap="wrap">
          <YearSelect value={year} onChange={(y) => navigate(`/processing/${y}`)} />
          <Text size="sm" c="dimmed">
            {t('processing.steps')}
          </Text>
        </Group>
        <StartRunPanel year={year} active={active} onStarted={(r) => open(r.id)} onOpen={open} />
        <section aria-labelledby="runs-title">
          <Title order={2} size="h4" id="runs-title" mb="sm">
            {t('processing.runs.title')}
          </Title>
          <QueryState
            query={runs}
            isEmpty={(d) => d.items.length === 0}
            empty={<EmptyState title={t('processing.runs.none')} hint={t('processing.runs.noneHint')} />}
          >
            {(data) => <RunsTable year={year} runs={data.items} openId={openId} onOpen={open} />}
          </QueryState>
        </section>
        {openId && (
          <RunDetail
            key={openId}
            year={year}
            id={openId}
            runs={items}
            publications={publications.data?.items ?? []}
            onClose={() => setSearch({}, { replace: true })}
          />
        )}
        <section aria-labelledby="publish-title">
          <Title order={2} size="h4" id="publish-title" mb="sm">
            {t('publications.title')}
          </Title>
          <PublicationsPanel
            year={year}
            runs={items}
            runId={openId}
            onRunChange={(id) => (id ? open(id) : setSearch({}, { replace: true }))}
          />
        </section>
      </Stack>
    </>
  );
}

/** One run: its progress while it runs (polled), its error if it failed, its results and changes when done. */
function RunDetail({
  year,
  id,
  runs,
  publications,
  onClose,
}: {
  year: number;
  id: string;
  runs: readonly Run[];
  publications: readonly Publication[];
  onClose: () => void;
}) {
  const { lang, t } = useLang();
  const query = useRun(year, id);
  const scopeLabel = useScopeLabel(query.data ? [query.data] : []);
  if (!query.data) return queryFallback(query);
  const run = query.data;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="run-detail-title"
      data-testid="run-detail"
      data-run={run.id}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Title order={2} size="h4" id="run-detail-title">
              {t('processing.detail.title', {
                kind: t(`processing.kinds.${run.kind}`),
                when: formatDateTime(run.createdAt, lang),
              })}
            </Title>
            <Text size="sm" c="dimmed">
              {scopeLabel(run)}
              {run.createdByName ? ` · ${run.createdByName}` : ''}
            </Text>
          </div>
          <Button variant="subtle" size="xs" onClick={onClose}>
            {t('processing.detail.close')}
          </Button>
        </Group>
        <RunProgress run={run} />
        {run.status === 'failed' && (
          <Alert color="red" variant="light" role="alert" title={t('processing.detail.failed')}>
            {run.error}
          </Alert>
        )}
        {run.kind === 'preview' && (
          <Text size="sm" c="dimmed">
            {t('processing.detail.previewNotPublishable')}
          </Text>
        )}
        {run.status === 'done' && (
          <Tabs defaultValue="results" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="results">{t('processing.detail.results')}</Tabs.Tab>
              <Tabs.Tab value="changes">{t('processing.detail.changes')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="results" pt="sm">
              <RunResultsTable year={year} runId={run.id} />
            </Tabs.Panel>
            <Tabs.Panel value="changes" pt="sm">
              <RunChangesTable year={year} run={run} runs={runs} publications={publications} />
            </Tabs.Panel>
          </Tabs>
        )}
        {run.status === 'done' && run.kind === 'run' && (
          <Anchor href="#publish-title" size="sm">
            {t('processing.detail.publish')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
