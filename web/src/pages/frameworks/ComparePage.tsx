// A year's framework beside the previous one: weights, indicators, and questions/OIT items matched by the
// year's crosswalk (or equal codes).
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { type Compare, useFrameworkCompare } from '../../api/frameworks.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatFiscalYear, formatFiscalYearShort } from '../../lib/format.ts';
import { pick } from '../../lib/localized.ts';
import { YearSelect } from './YearSelect.tsx';

type Side = Compare['current'];
type Pair = Compare['questions'][number];

function WeightsTable({ current, previous }: { current: Side; previous: Side }) {
  const { lang, t } = useLang();
  const codes = [
    ...new Set([...previous.instruments.map((i) => i.code), ...current.instruments.map((i) => i.code)]),
  ];
  const find = (side: Side, code: string) => side.instruments.find((i) => i.code === code);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder withColumnBorders aria-label={t('frameworks.compare.weights')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{formatFiscalYearShort(previous.year, lang)}</Table.Th>
            <Table.Th scope="col">{formatFiscalYearShort(current.year, lang)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {codes.map((code) => {
            const a = find(previous, code);
            const b = find(current, code);
            const changed = a?.weight !== b?.weight;
            return (
              <Table.Tr key={code}>
                {[a, b].map((inst, i) => (
                  <Table.Td key={i === 0 ? 'prev' : 'cur'} bg={changed ? 'yellow.0' : undefined}>
                    {inst ? (
                      <Group gap="xs" wrap="nowrap" justify="space-between">
                        <Text size="sm">
                          <b>{inst.code}</b> {pick(inst.name, lang)}
                        </Text>
                        <Text fw={600}>{inst.weight}%</Text>
                      </Group>
                    ) : (
                      <Text c="dimmed" size="sm">
                        {t('frameworks.compare.absent')}
                      </Text>
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function IndicatorsTable({ current, previous }: { current: Side; previous: Side }) {
  const { lang, t } = useLang();
  const codes = [
    ...new Set([...previous.indicators.map((i) => i.code), ...current.indicators.map((i) => i.code)]),
  ];
  const name = (side: Side, code: string) => side.indicators.find((i) => i.code === code);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder withColumnBorders aria-label={t('frameworks.compare.indicators')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{formatFiscalYearShort(previous.year, lang)}</Table.Th>
            <Table.Th scope="col">{formatFiscalYearShort(current.year, lang)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {codes.map((code) => (
            <Table.Tr key={code}>
              {[name(previous, code), name(current, code)].map((ind, i) => (
                <Table.Td key={i === 0 ? 'prev' : 'cur'}>
                  {ind ? (
                    <Text size="sm">
                      {ind.code}. {pick(ind.name, lang)}
                      {ind.subIndicators.length > 0 &&
                        ` (${ind.subIndicators.map((s) => s.code).join(', ')})`}
                    </Text>
                  ) : (
                    <Text c="dimmed" size="sm">
                      {t('frameworks.compare.absent')}
                    </Text>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PairsTable({
  pairs,
  label,
  previous,
  current,
}: {
  pairs: Pair[];
  label: string;
  previous: Side;
  current: Side;
}) {
  const { lang, t } = useLang();
  if (pairs.length === 0) return <Text c="dimmed">{t('frameworks.compare.noItems')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder withColumnBorders striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="50%">
              {formatFiscalYearShort(previous.year, lang)}
            </Table.Th>
            <Table.Th scope="col">{formatFiscalYearShort(current.year, lang)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pairs.map((p) => (
            <Table.Tr key={`${p.current?.code ?? ''}|${p.previous.map((x) => x.code).join(',')}`}>
              <Table.Td>
                {p.previous.length === 0 ? (
                  <Badge color="green" variant="light" size="sm">
                    {t('frameworks.compare.new')}
                  </Badge>
                ) : (
                  p.previous.map((x) => (
                    <Text size="sm" key={x.code}>
                      <b>{x.code}</b> {pick(x.text, lang)}
                    </Text>
                  ))
                )}
              </Table.Td>
              <Table.Td>
                {p.current ? (
                  <Text size="sm">
                    <b>{p.current.code}</b> {pick(p.current.text, lang)}
                  </Text>
                ) : (
                  <Badge color="red" variant="light" size="sm">
                    {t('frameworks.compare.removed')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export default function ComparePage() {
  const { lang, t } = useLang();
  const year = Number(useParams().year);
  const navigate = useNavigate();
  const compare = useFrameworkCompare(year);

  return (
    <>
      <PageHeader
        title={t('frameworks.compare.title', { year: formatFiscalYear(year, lang) })}
        actions={
          <>
            <YearSelect value={year} onChange={(y) => navigate(`/frameworks/${y}/compare`)} />
            <Button component={RouterLink} to={`/frameworks/${year}`} variant="default" mt="lg">
              {t('frameworks.compare.back')}
            </Button>
          </>
        }
      />
      <QueryState
        query={compare}
        isEmpty={(data) => !data.previous}
        empty={
          <EmptyState
            title={t('frameworks.compare.noPrevious')}
            hint={t('frameworks.compare.noPreviousHint')}
          />
        }
      >
        {({ previous, ...data }) =>
          previous && (
            <Stack gap="xl">
              <Text size="sm" c="dimmed">
                {t(`frameworks.compare.matchedBy.${data.matchedBy}`)}
              </Text>
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('frameworks.compare.weights')}
                </Title>
                <WeightsTable current={data.current} previous={previous} />
              </Stack>
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('frameworks.compare.indicators')}
                </Title>
                <IndicatorsTable current={data.current} previous={previous} />
              </Stack>
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('frameworks.compare.questions')}
                </Title>
                <PairsTable
                  pairs={data.questions}
                  label={t('frameworks.compare.questions')}
                  previous={previous}
                  current={data.current}
                />
              </Stack>
              <Stack gap="xs">
                <Title order={2} size="h4">
                  {t('frameworks.compare.oitItems')}
                </Title>
                <PairsTable
                  pairs={data.oitItems}
                  label={t('frameworks.compare.oitItems')}
                  previous={previous}
                  current={data.current}
                />
              </Stack>
            </Stack>
          )
        }
      </QueryState>
    </>
  );
}
