// What a page behind an agency picker opens with (quality, EIT part 2, IIT access): the agencies in the
// viewer's scope with work waiting there, most first, each with what waits in words and a link that opens
// the agency on the page; when nothing waits, what to do next. The server decides who sees which agencies.
import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { useWaiting, type Waiting, type WaitingPage } from '../api/monitoring.ts';
import { useLang } from '../i18n/index.ts';
import { formatCount, formatFiscalYear } from '../lib/format.ts';
import { pickName } from '../lib/localized.ts';
import { EmptyState } from './EmptyState.tsx';
import { QueryState } from './QueryState.tsx';

type WaitingAgency = Waiting['agencies'][number];

export function WaitingAgencies({ page, enabled }: { page: WaitingPage; enabled: boolean }) {
  const { lang, t } = useLang();
  const waiting = useWaiting(page, enabled);
  if (!enabled) return null;
  const titleId = `waiting-${page}-title`;
  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="waiting-agencies">
      <Title order={2} size="h4" id={titleId} mb="xs">
        {waiting.data?.year
          ? t('monitoring.waiting.titleYear', { year: formatFiscalYear(waiting.data.year, lang) })
          : t('monitoring.waiting.title')}
      </Title>
      <QueryState
        query={waiting}
        isEmpty={(d) => d.agencies.length === 0}
        empty={
          <EmptyState
            title={t(`monitoring.waiting.empty.${page}.title`)}
            hint={t(`monitoring.waiting.empty.${page}.hint`)}
          />
        }
      >
        {(data) => (
          <Stack gap="xs">
            <List spacing="xs" listStyleType="none" p={0}>
              {data.agencies.map((a) => (
                <List.Item key={a.agency.id}>
                  <WaitingLine row={a} year={data.year} />
                </List.Item>
              ))}
            </List>
            {data.more > 0 && (
              <Text size="sm" c="dimmed">
                {t('monitoring.waiting.more', { n: formatCount(data.more, lang) })}
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

function WaitingLine({ row, year }: { row: WaitingAgency; year: number | null }) {
  const { lang, t } = useLang();
  const search = new URLSearchParams({ agency: row.agency.id, ...(year ? { year: String(year) } : {}) });
  return (
    <Group gap="xs" wrap="wrap" align="baseline">
      <Anchor component={RouterLink} to={{ search: `?${search}` }} fw={600}>
        {pickName(row.agency, lang)}
      </Anchor>
      <Text size="sm" c="dimmed">
        {row.items
          .map((i) => t(`monitoring.waiting.kind.${i.kind}`, { n: formatCount(i.count, lang) }))
          .join(' · ')}
      </Text>
    </Group>
  );
}
