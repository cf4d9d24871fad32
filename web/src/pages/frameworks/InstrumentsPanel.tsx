import { Badge, Group, Table, Text } from '@mantine/core';
import type { Framework } from '@server/core/framework/schema.ts';
import { useLang } from '../../i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import { describeSampleRule } from './describe.ts';

export function InstrumentsPanel({ framework }: { framework: Framework }) {
  const { lang, t } = useLang();
  const indicatorName = new Map(framework.indicators.map((i) => [i.code, pick(i.name, lang)]));
  const total = framework.instruments.reduce((s, i) => s + i.weight, 0);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder verticalSpacing="sm" aria-label={t('frameworks.instruments.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('frameworks.instruments.instrument')}</Table.Th>
            <Table.Th scope="col">{t('frameworks.instruments.collection')}</Table.Th>
            <Table.Th scope="col" ta="right" miw={96} style={{ whiteSpace: 'nowrap' }}>
              {t('frameworks.instruments.weight')}
            </Table.Th>
            <Table.Th scope="col">{t('frameworks.instruments.indicators')}</Table.Th>
            <Table.Th scope="col">{t('frameworks.instruments.sample')}</Table.Th>
            <Table.Th scope="col">{t('frameworks.instruments.processing')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {framework.instruments.map((inst) => (
            <Table.Tr key={inst.code}>
              <Table.Td>
                <Badge variant="light" mb={4}>
                  {inst.code}
                </Badge>
                <Text size="sm">{pick(inst.name, lang)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`frameworks.collection.${inst.collection}`)}</Text>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text fw={600}>{inst.weight}%</Text>
              </Table.Td>
              <Table.Td>
                {inst.indicators.map((code) => (
                  <Text size="sm" key={code}>
                    {code}. {indicatorName.get(code)}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{describeSampleRule(inst.sample, t, lang)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {inst.processing.map((p) => (
                    <Badge key={p} size="xs" variant="outline" color="gray">
                      {t(`frameworks.processing.${p}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              {t('frameworks.instruments.total')}
            </Table.Th>
            <Table.Th ta="right">{total}%</Table.Th>
            <Table.Th colSpan={3} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
