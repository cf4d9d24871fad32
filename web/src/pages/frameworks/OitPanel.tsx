import { Accordion, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Framework } from '@server/core/framework/schema.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { useLang } from '../../i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import { isOpenDataIndicator } from './describe.ts';

type OitItem = Framework['oitItems'][number];

function OitItemCard({ item }: { item: OitItem }) {
  const { lang, t } = useLang();
  const c = item.conditions;
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap={6}>
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {item.code}
          </Badge>
          <Text fw={600} size="sm">
            {pick(item.title, lang)}
          </Text>
          {item.paraphrased && (
            <Badge color="gray" variant="outline" size="sm">
              {t('frameworks.questions.paraphrased')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('frameworks.oit.components')}
        </Text>
        <List size="sm">
          {item.components.map((comp) => (
            <List.Item key={comp.th}>{pick(comp, lang)}</List.Item>
          ))}
        </List>
        {c.period && <Text size="xs">{t('frameworks.oit.period', { period: pick(c.period, lang) })}</Text>}
        {c.mainWebsite && <Text size="xs">{t('frameworks.oit.mainWebsite')}</Text>}
        {c.note && <Text size="xs">{pick(c.note, lang)}</Text>}
      </Stack>
    </Paper>
  );
}

export function OitPanel({ framework }: { framework: Framework }) {
  const { lang, t } = useLang();
  if (framework.oitItems.length === 0) {
    return <EmptyState title={t('frameworks.oit.none')} hint={t('frameworks.questions.noneHint')} />;
  }
  const indicators = framework.indicators.filter((i) => isOpenDataIndicator(framework, i.code));
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('frameworks.oit.scoring')}
      </Text>
      {indicators.map((ind) => (
        <Stack key={ind.code} gap="xs">
          <Title order={3} size="h4">
            {t('frameworks.indicator', { code: ind.code })} {pick(ind.name, lang)}
          </Title>
          <Accordion multiple variant="separated">
            {ind.subIndicators.map((sub) => {
              const items = framework.oitItems.filter((o) => o.subIndicator === sub.code);
              return (
                <Accordion.Item key={sub.code} value={sub.code}>
                  <Accordion.Control>
                    <Text fw={600} size="sm">
                      {sub.code} {pick(sub.name, lang)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('frameworks.oit.count', { n: items.length })}
                    </Text>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="sm">
                      {items.map((item) => (
                        <OitItemCard key={item.code} item={item} />
                      ))}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        </Stack>
      ))}
    </Stack>
  );
}
