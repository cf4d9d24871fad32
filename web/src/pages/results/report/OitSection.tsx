// OIT item by item: the score, each component with whether the assessor found it (✓/✗ and words), and the
// assessor's comment and advice, grouped by sub-indicator as the framework lists them.

import { List, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Fragment } from 'react';
import type { AgencyReport, ReportOitItem } from '../../../api/report.ts';
import { useLang } from '../../../i18n/index.ts';
import { formatScore } from '../../../lib/format.ts';
import { pick } from '../../../lib/localized.ts';
import { groupInOrder } from './report-view.ts';

function Components({ item }: { item: ReportOitItem }) {
  const { lang, t } = useLang();
  const known = item.components.filter((c) => c.found !== null);
  return (
    <Stack gap={2}>
      {known.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('report.oit.foundCount', {
            found: known.filter((c) => c.found).length,
            count: item.components.length,
          })}
        </Text>
      )}
      <List size="sm" spacing={2} listStyleType="none" p={0}>
        {item.components.map((c) => (
          <List.Item key={c.index}>
            <Text span size="sm" c={c.found === true ? 'green.8' : c.found === false ? 'red.8' : 'dimmed'}>
              <span aria-hidden>{c.found === true ? '✓ ' : c.found === false ? '✗ ' : '· '}</span>
              <VisuallyHidden>
                {c.found === true
                  ? t('report.oit.found')
                  : c.found === false
                    ? t('report.oit.missing')
                    : t('report.oit.unknown')}
                :{' '}
              </VisuallyHidden>
            </Text>
            <Text span size="sm">
              {pick(c.text, lang)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** One OIT item: its code, title, score, the components found, the assessor's comment and advice. */
function ItemRow({ item }: { item: ReportOitItem }) {
  const { lang, t } = useLang();
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Th scope="row" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {item.displayCode}
      </Table.Th>
      <Table.Td>
        <Text size="sm">{pick(item.title, lang)}</Text>
      </Table.Td>
      <Table.Td ta="right" fw={600} c={item.score === 0 ? 'red.8' : undefined}>
        {formatScore(item.score, 0)}
      </Table.Td>
      <Table.Td>
        <Components item={item} />
      </Table.Td>
      <Table.Td>
        {item.comment && (
          <Text size="sm">
            <Text span fw={600}>
              {t('report.oit.comment')}:
            </Text>{' '}
            {item.comment}
          </Text>
        )}
        {item.advice && (
          <Text size="sm">
            <Text span fw={600}>
              {t('report.oit.advice')}:
            </Text>{' '}
            {item.advice}
          </Text>
        )}
        {!item.comment && !item.advice && '–'}
      </Table.Td>
    </Table.Tr>
  );
}

export function OitSection({ report }: { report: AgencyReport }) {
  const { lang, t } = useLang();
  const items = report.oitItems;
  return (
    <Paper
      withBorder
      p={{ base: 'xs', sm: 'md' }}
      component="section"
      aria-labelledby="report-oit"
      className="report-section report-break"
    >
      <Title order={2} size="h3" id="report-oit" mb="sm">
        {t('report.oit.heading')}
      </Title>
      {items.length === 0 || items.every((i) => i.score === null) ? (
        <Text c="dimmed">{t('report.oit.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table
            withTableBorder
            striped
            aria-labelledby="report-oit"
            data-testid="report-oit-table"
            verticalSpacing="xs"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('report.oit.code')}</Table.Th>
                <Table.Th scope="col">{t('report.oit.item')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('report.oit.score')}
                </Table.Th>
                <Table.Th scope="col">{t('report.oit.components')}</Table.Th>
                <Table.Th scope="col">
                  {t('report.oit.comment')} / {t('report.oit.advice')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groupInOrder(items, (i) => i.subIndicator).map((group) => {
                const sub = report.subIndicators.find((x) => x.code === group.key);
                return (
                  <Fragment key={group.key}>
                    <Table.Tr>
                      <Table.Th scope="rowgroup" colSpan={5} bg="gray.1">
                        {t('report.oit.subIndicatorRow', {
                          code: group.key,
                          name: sub ? pick(sub.name, lang) : '',
                          score: formatScore(sub?.score),
                        })}
                      </Table.Th>
                    </Table.Tr>
                    {group.items.map((item) => (
                      <ItemRow key={item.code} item={item} />
                    ))}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
