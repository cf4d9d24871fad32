// Last resort when a page fails to load (e.g. a new deployment removed an old chunk) or throws.
import { Alert, Button, Container, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useLang } from '../i18n/index.ts';

export function RouteError() {
  const { t } = useLang();
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Alert color="red" role="alert" title={t('common.errorTitle')}>
          {t('common.pageFailed')}
        </Alert>
        <Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>
      </Stack>
    </Container>
  );
}
