// On the home page of those who confirm executives: how many proposals wait for them, with the way there.
import { Alert, Button } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { useExecutivesAwaiting } from '../../api/users.ts';
import { useLang } from '../../i18n/index.ts';

export function ExecutivesAwaitingNotice() {
  const { t } = useLang();
  const list = useExecutivesAwaiting();
  const n = list.data?.items.filter((u) => u.canConfirm).length ?? 0;
  if (n === 0) return null;
  return (
    <Alert color="yellow" variant="light" title={t('executives.noticeTitle', { n })}>
      <Button component={RouterLink} to="/executives/awaiting" size="xs" variant="light" mt="xs">
        {t('executives.noticeAction')}
      </Button>
    </Alert>
  );
}
