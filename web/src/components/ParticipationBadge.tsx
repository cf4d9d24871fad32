import { Badge } from '@mantine/core';
import type { Participation } from '../api/agencies.ts';
import { useLang } from '../i18n/index.ts';

/** Registered / cycle open but not registered / cycle not open for the year. */
export function ParticipationBadge({ participation }: { participation: Participation | null | undefined }) {
  const { t } = useLang();
  if (!participation)
    return (
      <Badge color="gray" variant="light">
        {t('participation.notOpen')}
      </Badge>
    );
  return participation.registered ? (
    <Badge color="green" variant="light">
      {t('participation.registered')}
    </Badge>
  ) : (
    <Badge color="orange" variant="light">
      {t('participation.notRegistered')}
    </Badge>
  );
}
