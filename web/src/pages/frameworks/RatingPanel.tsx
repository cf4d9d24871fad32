import { Badge, List, Stack, Table, Text } from '@mantine/core';
import type { Framework } from '@server/core/framework/schema.ts';
import { useLang } from '../../i18n/index.ts';
import { formatPercent } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { describeRatingRule } from './describe.ts';

export function RatingPanel({ framework }: { framework: Framework }) {
  const { lang, t } = useLang();
  const { rating, policy } = framework;
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={480}>
        <Table withTableBorder striped aria-label={t('frameworks.rating.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('frameworks.rating.label')}</Table.Th>
              <Table.Th scope="col">{t('frameworks.rating.condition')}</Table.Th>
              <Table.Th scope="col">{t('frameworks.rating.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rating.rules.map((r) => (
              <Table.Tr key={r.code}>
                <Table.Td fw={600}>{pick(r.label, lang)}</Table.Td>
                <Table.Td>{describeRatingRule(r, t)}</Table.Td>
                <Table.Td>
                  <Badge color={r.passes ? 'green' : 'red'} variant="light">
                    {r.passes ? t('frameworks.rating.passes') : t('frameworks.rating.fails')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <List size="sm">
        <List.Item>{t('frameworks.rating.passThreshold', { n: rating.passThreshold })}</List.Item>
        {rating.nationalTargetShare !== undefined && (
          <List.Item>
            {t('frameworks.rating.nationalTarget', { share: formatPercent(rating.nationalTargetShare, 0) })}
          </List.Item>
        )}
        <List.Item>{t('frameworks.rating.decimals', { n: policy.decimals })}</List.Item>
        <List.Item>{t('frameworks.rating.unprocessed')}</List.Item>
      </List>
      <Text size="xs" c="dimmed">
        {t('frameworks.rating.firstMatch')}
      </Text>
    </Stack>
  );
}
