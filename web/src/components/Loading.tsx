import { Center, Loader, Stack, Text } from '@mantine/core';
import { useLang } from '../i18n/index.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useLang();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed" size="sm">
          {label ?? t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}
