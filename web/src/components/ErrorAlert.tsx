import { Alert, List } from '@mantine/core';
import { useLang } from '../i18n/index.ts';
import { ApiError } from '../lib/api.ts';

/** An error from the API (or anything thrown), in the UI language, announced to screen readers. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { lang, t } = useLang();
  if (!error) return null;
  const message = error instanceof ApiError ? error.messageIn(lang) : t('common.unexpectedError');
  const details = error instanceof ApiError ? error.detailLines(lang) : [];
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t('common.errorTitle')}
      role="alert"
      aria-live="assertive"
    >
      {message}
      {details.length > 0 && (
        <List size="sm" mt="xs" spacing={2}>
          {details.slice(0, 50).map((d) => (
            <List.Item key={d}>{d}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
