// An agency's OIT assessment (/agencies/:id/oit/:year/assess): the stage and its deadline, the OIT score so
// far, the agency-level steps, and the items worked one at a time (ItemWork: the list with each item's state
// beside the open item with its approved answer, evidence, clarification and score form). The server decides what the viewer
// may do (`can`); the page only offers it.
import { Anchor, Group, SegmentedControl, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useAssessment } from '../../../api/oit-assessment.ts';
import { useCan } from '../../../auth/permissions.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatFiscalYear } from '../../../lib/format.ts';
import { HistoryDrawer } from '../agency/HistoryDrawer.tsx';
import { StageBanner } from '../shared/StageBanner.tsx';
import { AssessmentReview } from './AssessmentReview.tsx';
import {
  defaultFilter,
  evidencePending,
  filterIndicators,
  flatItems,
  ITEM_FILTERS,
  type ItemFilter,
  nextUnscored,
} from './assess-view.ts';
import { ItemWork } from './ItemWork.tsx';
import { ReviewStatusBadge } from './ReviewStatusBadge.tsx';
import { ScoreSummary } from './ScoreSummary.tsx';

export default function AssessmentPage() {
  const { lang, t } = useLang();
  const can = useCan();
  const params = useParams();
  const agencyId = params.id ?? '';
  const year = Number(params.year);
  const query = useAssessment(agencyId, year, evidencePending);
  const a = query.data;
  const [filter, setFilter] = useState<ItemFilter | null>(null);
  const [search, setSearch] = useSearchParams();
  const openCode = search.get('item');
  const openItem = (code: string) =>
    setSearch(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('item', code);
        return next;
      },
      { replace: true },
    );
  const [history, setHistory] = useState<string | null>(null);
  const narrow = useMediaQuery('(max-width: 36em)');

  // The first view decides which items open (clarifications in the confirmation stage); later changes in
  // the data (a clarification decided) do not switch the view under the assessor's hands.
  useEffect(() => {
    if (filter === null && a) setFilter(defaultFilter(a));
  }, [filter, a]);

  if (query.isPending) return <Loading />;
  if (!a)
    return (
      <>
        <PageHeader title={t('oitAssess.page.title')} />
        <ErrorAlert error={query.error} />
      </>
    );

  const shown = filter ?? defaultFilter(a);
  const indicators = filterIndicators(a.indicators, shown);
  const canRefetch = can('evidence.refetch', { id: a.agency.id, provinceCode: null, ministryCode: null });
  const items = flatItems(indicators);
  const showItem = (code: string) => {
    setFilter('all');
    openItem(code);
  };

  return (
    <>
      <PageHeader
        title={t('oitAssess.page.titleOf', { agency: a.agency.nameTh })}
        description={`${a.agency.code} · ${formatFiscalYear(a.year, lang)}`}
        actions={
          <>
            <Anchor component={RouterLink} to={`/agencies/${a.agency.id}/advice/${a.year}`} size="sm">
              {t('advice.open')}
            </Anchor>
            <Anchor component={RouterLink} to={`/oit/queue?year=${a.year}`} size="sm">
              {t('oitAssess.page.backToQueue')}
            </Anchor>
          </>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={query.error} />
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <StageBanner
            stage={a.current}
            status={<ReviewStatusBadge status={a.review.status} />}
            stages={a.stages}
          />
          <ScoreSummary assessment={a} />
        </SimpleGrid>
        <AssessmentReview assessment={a} onShowItem={showItem} />

        <Stack gap="md" component="section" aria-labelledby="oit-items-title">
          <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
            <Title order={2} size="h3" id="oit-items-title">
              {t('oitAssess.page.items')}
            </Title>
            <SegmentedControl
              value={shown}
              onChange={(v) => setFilter(v as ItemFilter)}
              aria-label={t('oitAssess.filter.label')}
              data={ITEM_FILTERS.map((f) => ({ value: f, label: t(`oitAssess.filter.${f}`) }))}
              orientation={narrow ? 'vertical' : 'horizontal'}
              fullWidth={narrow}
            />
          </Group>
          {indicators.length === 0 && (
            <EmptyState
              title={t('oitAssess.filter.emptyTitle')}
              hint={t(`oitAssess.filter.empty.${shown}`)}
            />
          )}
          {items.length > 0 && (
            <ItemWork
              assessment={a}
              items={items}
              open={
                openCode && items.some((i) => i.code === openCode)
                  ? openCode
                  : (nextUnscored(items, null) ?? items[0]?.code ?? null)
              }
              onOpen={openItem}
              canRefetch={canRefetch}
              onShowHistory={setHistory}
            />
          )}
        </Stack>
      </Stack>
      <HistoryDrawer agencyId={a.agency.id} year={a.year} code={history} onClose={() => setHistory(null)} />
    </>
  );
}
