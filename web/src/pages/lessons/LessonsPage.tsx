// "/lessons/:year?scope=…": lessons learned from the year's published results over a supervisor's province
// or ministry, or (NACC) the nation or any of them — with the scope's target, the XLSX of every table and a
// Thai A4 report for the governor's meeting (`/lessons/:year/print`).
import { Button, Group, Select } from '@mantine/core';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { lessonsXlsxUrl, useLessons, useLessonsScopes } from '../../api/lessons.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYear } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { LessonsBody } from './LessonsBody.tsx';
import { chooseScope } from './lessons-view.ts';
import './lessons.css';

export default function LessonsPage() {
  const { lang, t } = useLang();
  const year = Number(useParams().year);
  const [params, setParams] = useSearchParams();
  const scopes = useLessonsScopes();
  const options = scopes.data?.items ?? [];
  const scope = chooseScope(options, params.get('scope'));
  const lessons = useLessons(year, scope);
  const title = t('lessons.title', { year: formatFiscalYear(year, lang) });

  if (scopes.isPending) return <Loading label={t('lessons.loading')} />;
  if (scopes.error) return <ErrorAlert error={scopes.error} />;
  if (scope === null)
    return (
      <>
        <PageHeader title={title} />
        <EmptyState title={t('lessons.noScope')} hint={t('lessons.noScopeHint')} />
      </>
    );
  const printUrl = `/lessons/${year}/print?scope=${encodeURIComponent(scope)}`;
  return (
    <>
      <PageHeader
        title={title}
        description={lessons.data ? pick(lessons.data.scope.name, lang) : undefined}
        actions={
          <Group gap="xs" align="flex-end" className="no-print">
            {options.length > 1 && (
              <Select
                label={t('lessons.scope')}
                data={options.map((o) => ({ value: o.key, label: pick(o.name, lang) }))}
                value={scope}
                onChange={(v) => v && setParams({ scope: v })}
                allowDeselect={false}
                searchable
                w={260}
              />
            )}
            {lessons.data && (
              <>
                <Button component="a" href={lessonsXlsxUrl(year, scope)} download variant="light">
                  {t('lessons.downloadXlsx')}
                </Button>
                <Button component={RouterLink} to={printUrl}>
                  {t('lessons.printReport')}
                </Button>
              </>
            )}
          </Group>
        }
      />
      {lessons.isPending && <Loading label={t('lessons.loading')} />}
      {lessons.error && <ErrorAlert error={lessons.error} />}
      {lessons.data && <LessonsBody lessons={lessons.data} editable />}
    </>
  );
}
