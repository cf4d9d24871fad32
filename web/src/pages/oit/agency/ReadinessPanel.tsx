// How ready the agency's OIT is before the assessors look: items answered, approved and with reachable
// evidence, per sub-indicator, and the OIT score it would get if every "has" item with reachable evidence
// passed (computed by the server with the scoring engine).
import { Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useReadiness } from '../../../api/oit.ts';
import { queryFallback } from '../../../components/QueryState.tsx';
import { StatCard } from '../../../components/StatCard.tsx';
import { useLang } from '../../../i18n/index.ts';
import { formatCount, formatScore } from '../../../lib/format.ts';
import { type LocalizedText, pick } from '../../../lib/localized.ts';

export function ReadinessPanel({
  agencyId,
  year,
  titles,
}: {
  agencyId: string;
  year: number;
  /** Item titles by code (from the checklist), to name the items to fix. */
  titles: ReadonlyMap<string, LocalizedText>;
}) {
  const { lang, t } = useLang();
  const readiness = useReadiness(agencyId, year);
  if (!readiness.data) return queryFallback(readiness);
  const r = readiness.data;
  const toFix = r.items.filter((i) => i.has === true && i.evidence === 'broken');
  const checking = r.items.filter((i) => i.evidence === 'checking').length;

  return (
    <Stack gap="lg" component="section" aria-labelledby="oit-readiness-title">
      <Title order={2} size="h4" id="oit-readiness-title">
        {t('oit.readiness.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <StatCard label={t('oit.readiness.answered')} value={r.answered} hint={ofTotal(r.total)} />
        <StatCard label={t('oit.readiness.approved')} value={r.approved} hint={ofTotal(r.total)} />
        <StatCard label={t('oit.readiness.reachable')} value={r.evidenceReachable} hint={ofTotal(r.total)} />
        <Paper withBorder p="md" radius="md" data-testid="oit-would-be">
          <Text size="sm" c="dimmed">
            {t('oit.readiness.wouldBe')}
          </Text>
          <Text fz={28} fw={600} lh={1.2}>
            {formatScore(r.wouldBe?.score)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('oit.readiness.wouldBeHint')}
          </Text>
        </Paper>
      </SimpleGrid>
      {checking > 0 && (
        <Text size="sm" c="dimmed" role="status">
          {t('oit.readiness.checking', { n: checking })}
        </Text>
      )}
      {toFix.length > 0 && (
        <Paper withBorder p="md">
          <Text size="sm" fw={600}>
            {t('oit.readiness.toFix')}
          </Text>
          <List size="sm" mt="xs">
            {toFix.map((i) => (
              <List.Item key={i.code}>
                {i.code} · {pick(titles.get(i.code), lang)}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder striped aria-label={t('oit.readiness.perSub')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('oit.readiness.sub')}</Table.Th>
              <Table.Th scope="col">{t('oit.readiness.answered')}</Table.Th>
              <Table.Th scope="col">{t('oit.readiness.approved')}</Table.Th>
              <Table.Th scope="col">{t('oit.readiness.reachable')}</Table.Th>
              <Table.Th scope="col">{t('oit.readiness.subScore')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.subIndicators.map((s) => (
              <Table.Tr key={s.code}>
                <Table.Th scope="row" fw={400}>
                  {s.code} · {pick(s.name, lang)}
                </Table.Th>
                <Table.Td>{`${formatCount(s.answered, lang)} / ${formatCount(s.total, lang)}`}</Table.Td>
                <Table.Td>{`${formatCount(s.approved, lang)} / ${formatCount(s.total, lang)}`}</Table.Td>
                <Table.Td>{`${formatCount(s.evidenceReachable, lang)} / ${formatCount(s.total, lang)}`}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {formatScore(s.wouldBeScore)}
                    {s.wouldBeScore === 100 && (
                      <Badge size="xs" color="green" variant="light">
                        {t('oit.readiness.full')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );

  function ofTotal(total: number) {
    return t('oit.readiness.ofTotal', { n: formatCount(total, lang) });
  }
}
