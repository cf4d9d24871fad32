// /plans/:year — the provincial (or ministry) plan to drive agencies through the year's assessment (issue 12
// §3). Supervisors edit the plan of each province or ministry of their scope; NACC reads every saved plan,
// one scope at a time. `/plans` opens the current fiscal year. The scope shown is in the address
// (`?scope=province:TH-47`).
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { type Plan, type PlanSummary, usePlan, usePlanList } from '../../api/plans.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { fiscalYearOf, formatDateTime, formatFiscalYear, todayInBangkok } from '../../lib/format.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { ChasingSummary, PlanReadOnly } from './PlanTable.tsx';

const keyOf = (p: Pick<PlanSummary, 'scope'>) => `${p.scope.kind}:${p.scope.code}`;

function PlanSection({ summary, year }: { summary: PlanSummary; year: number }) {
  const { lang, t } = useLang();
  const plan = usePlan(year, summary.scope.kind, summary.scope.code);
  return (
    <QueryState query={plan}>
      {(data: Plan) => (
        <Stack gap="md">
          {data.updatedAt && (
            <Text size="sm" c="dimmed">
              {t('plans.lastSaved', {
                date: formatDateTime(data.updatedAt, lang),
                name: data.updatedBy?.name ?? '–',
              })}
            </Text>
          )}
          <ChasingSummary plan={data} />
          {data.canEdit ? (
            // A new version from the server (saved here or reloaded) starts a fresh draft.
            <PlanEditor
              key={`${data.version}:${data.updatedAt ?? ''}`}
              plan={data}
              onReload={() => void plan.refetch()}
            />
          ) : (
            <PlanReadOnly plan={data} />
          )}
        </Stack>
      )}
    </QueryState>
  );
}

export default function PlansPage() {
  const { lang, t } = useLang();
  const { year: yearParam } = useParams();
  const year = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : fiscalYearOf(todayInBangkok());
  const [params, setParams] = useSearchParams();
  const list = usePlanList(year);
  const scopeName = (p: PlanSummary) => (lang === 'th' ? p.scope.name.th : p.scope.name.en);
  return (
    <>
      <PageHeader
        title={t('plans.title')}
        description={formatFiscalYear(year, lang)}
        actions={
          <Group gap="xs">
            <Button component={Link} to={`/plans/${year - 1}`} variant="default" size="xs">
              {t('plans.previousYear', { year: year - 1 })}
            </Button>
            <Button component={Link} to={`/plans/${year + 1}`} variant="default" size="xs">
              {t('plans.nextYear', { year: year + 1 })}
            </Button>
          </Group>
        }
      />
      <QueryState query={list}>
        {(data) => {
          if (data.plans.length === 0)
            return <EmptyState title={t('plans.noneTitle')} hint={t('plans.noneHint')} />;
          const wanted = params.get('scope');
          const current = data.plans.find((p) => keyOf(p) === wanted) ?? data.plans[0];
          if (!current) return null;
          return (
            <Stack gap="md">
              <Text size="sm">{t('plans.intro')}</Text>
              {data.plans.length > 1 && (
                <Select
                  label={t('plans.scope')}
                  data={data.plans.map((p) => ({
                    value: keyOf(p),
                    label: `${scopeName(p)} · ${
                      p.exists ? t('plans.summary', { done: p.done, count: p.activities }) : t('plans.notYet')
                    }`,
                  }))}
                  value={keyOf(current)}
                  onChange={(v) => v && setParams({ scope: v }, { replace: true })}
                  allowDeselect={false}
                  searchable
                  maw={520}
                />
              )}
              <Text fw={600} component="h2" size="lg" m={0}>
                {t(`plans.scopeTitle.${current.scope.kind}`, { name: scopeName(current) })}
              </Text>
              <PlanSection key={keyOf(current)} summary={current} year={year} />
            </Stack>
          );
        }}
      </QueryState>
    </>
  );
}
