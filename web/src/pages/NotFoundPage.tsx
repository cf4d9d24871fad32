import { Button } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useLang } from '../i18n/index.ts';

export default function NotFoundPage() {
  const { t } = useLang();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyState
        title={t('notFound.title')}
        hint={t('notFound.hint')}
        action={
          <Button component={RouterLink} to="/">
            {t('nav.home')}
          </Button>
        }
      />
    </>
  );
}
