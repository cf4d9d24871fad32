// One OIT item, on the agency's checklist and on the assessor's page: "code · title" as its heading with the
// side's badges, and the side's content. On the checklist the items fold (an accordion row, optionally with a
// selection box before it); on the assessor's page each is an article that links and focus can reach.
import { Accordion, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLang } from '../../../i18n/index.ts';
import { type LocalizedText, pick } from '../../../lib/localized.ts';

export function ItemCard({
  code,
  title,
  anchor,
  layout,
  badges,
  leading,
  actions,
  children,
}: {
  code: string;
  title: LocalizedText;
  /** The element id (links to the item, and the test id on the checklist). */
  anchor: string;
  layout: 'accordion' | 'article';
  badges: ReactNode;
  /** Before the heading (the checklist's selection box). */
  leading?: ReactNode;
  /** Beside the badges (the assessor's history button). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { lang } = useLang();
  const heading = `${code} · ${pick(title, lang)}`;
  if (layout === 'accordion')
    return (
      <Accordion.Item value={code} id={anchor} data-testid={anchor}>
        <Group gap={0} wrap="nowrap" align="center">
          {leading}
          <Accordion.Control style={{ flex: 1, minWidth: 0 }}>
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {heading}
              </Text>
              <Group gap={6} wrap="wrap">
                {badges}
              </Group>
            </Stack>
          </Accordion.Control>
        </Group>
        <Accordion.Panel>{children}</Accordion.Panel>
      </Accordion.Item>
    );
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      id={anchor}
      aria-labelledby={`${anchor}-title`}
      tabIndex={-1}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Title order={5} size="h5" id={`${anchor}-title`} style={{ flex: '1 1 240px' }}>
            {heading}
          </Title>
          <Group gap={4} align="center">
            {actions}
            {badges}
          </Group>
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
