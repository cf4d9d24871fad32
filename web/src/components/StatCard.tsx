import { Paper, Text } from '@mantine/core';
import { useLang } from '../i18n/index.ts';
import { formatCount } from '../lib/format.ts';

export function StatCard({ label, value, hint }: { label: string; value: number; hint?: string }) {
  const { lang } = useLang();
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={600} lh={1.2}>
        {formatCount(value, lang)}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}
