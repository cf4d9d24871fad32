// "/lessons": the newest year whose results are published (else a page that says there is none yet).
import { Navigate } from 'react-router';
import { usePublishedYears } from '../../api/lessons.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { queryFallback } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { newestYear } from './lessons-view.ts';

export default function LessonsRedirectPage() {
  const { t } = useLang();
  const years = usePublishedYears();
  if (!years.data) return queryFallback(years);
  const year = newestYear(years.data.items);
  if (year === null)
    return (
      <>
        <PageHeader title={t('lessons.nav')} />
        <EmptyState title={t('lessons.noYear')} hint={t('lessons.noYearHint')} />
      </>
    );
  return <Navigate to={`/lessons/${year}`} replace />;
}
