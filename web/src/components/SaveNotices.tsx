// Under an editor whose save carries the version it started from (a plan, an assessor's advice): once a save
// was tried, how many entries to fix; then either the notice that someone saved a newer version meanwhile
// (the save's 409), with a button to load it, or the save's error.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { ApiError } from '../lib/api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export function SaveNotices({
  fix,
  changedCode,
  error,
  onReload,
  words,
}: {
  /** The sentence saying how many entries to fix; null when there is nothing to say. */
  fix: string | null;
  /** The error code of a save over a newer version. */
  changedCode: string;
  error: unknown;
  onReload(): void;
  words: { staleTitle: string; stale: string; reload: string };
}) {
  const stale = error instanceof ApiError && error.code === changedCode;
  return (
    <>
      {fix && (
        <Alert color="red" variant="light" role="alert">
          {fix}
        </Alert>
      )}
      {stale ? (
        <Alert color="yellow" variant="light" title={words.staleTitle} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{words.stale}</Text>
            <Button size="xs" variant="light" onClick={onReload}>
              {words.reload}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
    </>
  );
}
