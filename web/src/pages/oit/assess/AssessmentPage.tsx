// An agency's OIT assessment (/agencies/:id/oit/:year/assess): the stage and its deadline, the OIT score so
// far, the agency-level steps, and every item grouped by indicator → sub-indicator with the approved answer,
// the original evidence beside the live page, clarifications and scores. The server decides what the viewer
// may do (`can`); the page only offers it.
import { Anchor, Group, SegmentedControl, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useAssessment } from '../../../api/oit-assessment.ts';
import { useCan } from '../../../auth/permissions.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatFiscalYear } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { HistoryDrawer } from '../agency/HistoryDrawer.tsx';
import { StageBanner } from '../shared/StageBanner.tsx';
import { AssessmentItemCard } from './AssessmentItemCard.tsx';
import { AssessmentReview } from './AssessmentReview.tsx';
import {
  defaultFilter,
  evidencePending,
  filterIndicators,
  ITEM_FILTERS,
  type ItemFilter,
  itemAnchor,
} from './assess-view.ts';
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
  const [focus, setFocus] = useState<string | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const narrow = useMediaQuery('(max-width: 36em)');

  // The first view decides which items open (clarifications in the confirmation stage); later changes in
  // the data (a clarification decided) do not switch the view under the assessor's hands.
  useEffect(() => {
    if (filter === null && a) setFilter(defaultFilter(a));
  }, [filter, a]);

  // After "go to item": show every item, then move to the card once it is on the page.
  useEffect(() => {
    if (!focus) return;
    const el = document.getElementById(itemAnchor(focus));
    el?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
    setFocus(null);
  }, [focus]);

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
  const showItem = (code: string) => {
    setFilter('all');
    setFocus(code);
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
          {indicators.map((indicator) => (
            <Stack
              key={indicator.code}
              gap="sm"
              component="section"
              aria-labelledby={`ind-${indicator.code}`}
            >
              <Title order={3} size="h4" id={`ind-${indicator.code}`}>
                {indicator.code} {pick(indicator.name, lang)}
              </Title>
              {indicator.subIndicators.map((sub) => (
                <Stack key={sub.code} gap="sm">
                  <Title order={4} size="h6" c="dimmed">
                    {sub.code} {pick(sub.name, lang)}
                  </Title>
                  {sub.items.map((item) => (
                    <AssessmentItemCard
                      key={item.code}
                      item={item}
                      agencyId={a.agency.id}
                      year={a.year}
                      canRefetch={canRefetch}
                      onShowHistory={setHistory}
                    />
                  ))}
                </Stack>
              ))}
            </Stack>
          ))}
        </Stack>
      </Stack>
      <HistoryDrawer agencyId={a.agency.id} year={a.year} code={history} onClose={() => setHistory(null)} />
    </>
  );
}
