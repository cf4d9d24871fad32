// "/lessons/:year/print?scope=…": lessons learned as a Thai A4 report for the governor's meeting (seed 000,
// activity 16), outside the app's frame (no navigation): headings, the figures, the heatmap and every table,
// styled for paper (lessons.css: `@page A4`, Sarabun). The browser prints it or saves it as PDF.
import { Anchor, Button, Group, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useLessons } from '../../api/lessons.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDateTime, formatFiscalYear } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { LessonsBody } from './LessonsBody.tsx';
import './lessons.css';

export default function LessonsPrintPage() {
  const { lang, t } = useLang();
  const year = Number(useParams().year);
  const scope = useSearchParams()[0].get('scope');
  const lessons = useLessons(year, scope);
  const title = t('lessons.printTitle', { year: formatFiscalYear(year, lang) });
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <main className="lessons-print" data-testid="lessons-print">
      <Group justify="space-between" className="no-print" mb="md">
        <Anchor
          component={RouterLink}
          to={`/lessons/${year}${scope ? `?scope=${encodeURIComponent(scope)}` : ''}`}
        >
          {t('lessons.backToPage')}
        </Anchor>
        {lessons.data && <Button onClick={() => window.print()}>{t('lessons.print')}</Button>}
      </Group>
      <header>
        <Title order={1} size="h2">
          {title}
        </Title>
        {lessons.data && (
          <>
            <Text fw={600}>{pick(lessons.data.scope.name, lang)}</Text>
            <Text size="sm">
              {t('lessons.publishedAt', { date: formatDateTime(lessons.data.publication.publishAt, lang) })}
            </Text>
            <Text size="sm">{t('lessons.printedAt', { date: formatDateTime(new Date(), lang) })}</Text>
          </>
        )}
      </header>
      {scope === null && <Text c="dimmed">{t('lessons.noScope')}</Text>}
      {lessons.isPending && scope !== null && <Loading label={t('lessons.loading')} />}
      {lessons.error && <ErrorAlert error={lessons.error} />}
      {lessons.data && <LessonsBody lessons={lessons.data} editable={false} />}
    </main>
  );
}
