// OIT of one agency and year, as the agency works on it: the stage and its deadline, the checklist (answers,
// delegation, submission, the executive's approval or return), readiness, and — once the assessor has
// submitted — the results with clarifications. Supervisors, assessors and NACC admins see it read-only.
// What the viewer may do comes from the server (`can`); the page only offers it.
import { Anchor, Badge, Group, Select, Stack, Tabs } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAgency } from '../../../api/agencies.ts';
import { useAgencyEvidence } from '../../../api/evidence.ts';
import { type EvidenceCheck, oitKeys, useAssessment, useOitChecklist } from '../../../api/oit.ts';
import { useCan } from '../../../auth/permissions.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatFiscalYear } from '../../../lib/format.ts';
import { pick, pickName } from '../../../lib/localized.ts';
import { StageBanner } from '../shared/StageBanner.tsx';
import { ChecklistPanel } from './ChecklistPanel.tsx';
import { HistoryDrawer } from './HistoryDrawer.tsx';
import { allItems, badgeWrap, hasPendingEvidence, stageSummary } from './oit-view.ts';
import { ReadinessPanel } from './ReadinessPanel.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';

const TABS = ['answers', 'readiness', 'results'] as const;
type Tab = (typeof TABS)[number];

export default function AgencyOitPage() {
  const { lang, t } = useLang();
  const { id = '', year: yearParam = '' } = useParams();
  const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : null;
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'answers';
  const agency = useAgency(id);
  const checklist = useOitChecklist(id, year ?? 0, { poll: hasPendingEvidence });
  const assessment = useAssessment(id, year ?? 0);
  const evidence = useAgencyEvidence(id, year);
  const byItem = useMemo(() => groupByItem(evidence.data?.items), [evidence.data]);
  useRefreshAfterChecks(id, year, evidence.data?.items);
  const can = useCan();
  const [historyOf, setHistoryOf] = useState<string | null>(null);

  if (year === null) return <EmptyState title={t('oit.badYear')} hint={t('oit.badYearHint')} />;
  const name = agency.data ? pickName(agency.data, lang) : (checklist.data?.agency.nameTh ?? '');
  const years = (agency.data?.participations ?? []).map((p) => p.year);
  const ref = agency.data
    ? { id: agency.data.id, provinceCode: agency.data.provinceCode, ministryCode: agency.data.ministryCode }
    : null;
  const mayRefetch = ref !== null && can('evidence.refetch', ref);

  return (
    <>
      <PageHeader
        title={t('oit.title')}
        description={[name, formatFiscalYear(year, lang)].filter(Boolean).join(' · ')}
        actions={
          years.length > 1 ? (
            <Select
              label={t('oit.year')}
              data={years.map((y) => ({ value: String(y), label: formatFiscalYear(y, lang) }))}
              value={String(year)}
              onChange={(y) => y && navigate(`/agencies/${id}/oit/${y}`)}
              allowDeselect={false}
              w={220}
            />
          ) : undefined
        }
      />
      <QueryState query={checklist}>
        {(list) => (
          <Stack gap="lg">
            <StageBanner
              stage={stageSummary(list, assessment.data)}
              status={
                <Badge variant="light" size="lg" data-testid="oit-review-status" styles={badgeWrap}>
                  {pick(list.review.statusName, lang)}
                </Badge>
              }
            />
            <Tabs
              value={tab}
              onChange={(v) => {
                const p = new URLSearchParams(params);
                if (v && v !== 'answers') p.set('tab', v);
                else p.delete('tab');
                setParams(p, { replace: true });
              }}
            >
              <Tabs.List>
                <Tabs.Tab value="answers">{t('oit.tabs.answers')}</Tabs.Tab>
                <Tabs.Tab value="readiness">{t('oit.tabs.readiness')}</Tabs.Tab>
                <Tabs.Tab value="results">{t('oit.tabs.results')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="answers" pt="md">
                <ChecklistPanel
                  checklist={list}
                  evidence={byItem}
                  mayRefetch={mayRefetch}
                  onHistory={setHistoryOf}
                />
              </Tabs.Panel>
              <Tabs.Panel value="readiness" pt="md">
                {tab === 'readiness' && (
                  <ReadinessPanel
                    agencyId={id}
                    year={year}
                    titles={new Map(allItems(list).map((i) => [i.code, i.title]))}
                  />
                )}
              </Tabs.Panel>
              <Tabs.Panel value="results" pt="md">
                {tab === 'results' && (
                  <ResultsPanel
                    assessment={assessment.data}
                    error={assessment.error}
                    loading={assessment.isPending}
                    onHistory={setHistoryOf}
                  />
                )}
              </Tabs.Panel>
            </Tabs>
            <Group>
              <Anchor component={RouterLink} to={`/agencies/${id}`} size="sm">
                {t('oit.backToAgency')}
              </Anchor>
            </Group>
          </Stack>
        )}
      </QueryState>
      <HistoryDrawer agencyId={id} year={year} code={historyOf} onClose={() => setHistoryOf(null)} />
    </>
  );
}

function groupByItem(items: readonly EvidenceCheck[] | undefined): Map<string, EvidenceCheck[]> | undefined {
  if (!items) return undefined;
  const out = new Map<string, EvidenceCheck[]>();
  for (const s of items) out.set(s.itemCode, [...(out.get(s.itemCode) ?? []), s]);
  return out;
}

/** When the last running check ends, the checklist and readiness (which count reachable evidence) reload. */
function useRefreshAfterChecks(
  agencyId: string,
  year: number | null,
  items: readonly EvidenceCheck[] | undefined,
) {
  const qc = useQueryClient();
  const pending = (items ?? []).filter((s) => s.verdict === 'pending').length;
  const before = useRef(pending);
  useEffect(() => {
    if (before.current > 0 && pending < before.current && year !== null)
      void qc.invalidateQueries({ queryKey: oitKeys.agencyYear(agencyId, year) });
    before.current = pending;
  }, [pending, agencyId, year, qc]);
}
