// What an OIT item requires, on the agency's checklist card and on the assessor's card: its components (all
// of them for 100), the period the data must cover, where it must be published, and the framework's note.
import { List, Paper, Stack, Text } from '@mantine/core';
import type { ChecklistItem } from '../../../api/oit.ts';
import { useLang } from '../../../i18n/index.ts';
import { pick } from '../../../lib/localized.ts';

type Requirements = Pick<ChecklistItem, 'components' | 'conditions'> & { paraphrased?: boolean };

export function ItemRequirements({
  item,
  showComponents = true,
}: {
  item: Requirements;
  /** False where the components are listed elsewhere (the assessor's score form ticks them). */
  showComponents?: boolean;
}) {
  const { lang, t } = useLang();
  const { period, mainWebsite, note } = item.conditions;
  return (
    <Paper withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)">
      <Stack gap="xs">
        {showComponents && (
          <>
            <Text fw={600} size="sm">
              {t('oit.req.components')}
            </Text>
            {item.components.length > 0 ? (
              <List size="sm" spacing={2} type="ordered">
                {item.components.map((comp, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: components have no ids; their order is fixed
                  <List.Item key={n}>{pick(comp, lang)}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                {t('oit.req.noComponents')}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('oit.req.allComponents')}
            </Text>
          </>
        )}
        {period && (
          <Text size="sm">
            <Text span fw={600}>
              {t('oit.req.period')}
            </Text>{' '}
            {pick(period, lang)}
          </Text>
        )}
        <Text size="sm">
          <Text span fw={600}>
            {t('oit.req.where')}
          </Text>{' '}
          {mainWebsite ? t('oit.req.mainWebsite') : t('oit.req.anyWebsite')}
        </Text>
        {note && (
          <Text size="sm">
            <Text span fw={600}>
              {t('oit.req.note')}
            </Text>{' '}
            {pick(note, lang)}
          </Text>
        )}
        {item.paraphrased && (
          <Text size="xs" c="dimmed">
            {t('oit.req.paraphrased')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
