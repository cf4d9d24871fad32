// A page of agencies with their published total and rating, each linking to its public page; at phone width
// the agency's type and province go under its name, so the total and the rating fit beside it.
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import { PaginationFooter } from '../../components/PaginationFooter.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatCount, formatScore } from '../../lib/format.ts';
import { pick, pickName } from '../../lib/localized.ts';
import { publicPaths, type SearchResult } from './api.ts';

export function AgencyResultsList({
  year,
  result,
  onPage,
  label,
}: {
  year: number;
  result: SearchResult;
  onPage: (page: number) => void;
  label: string;
}) {
  const { lang, t } = useLang();
  return (
    <Stack gap="xs">
      <Text size="sm" role="status" data-testid="public-search-count">
        {t('publicSite.search.found', { count: result.total, shown: formatCount(result.total, lang) })}
      </Text>
      {result.items.length > 0 && (
        <Table withTableBorder striped aria-label={label} data-testid="public-search-results">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('publicSite.search.agency')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('publicSite.search.total')}
              </Table.Th>
              <Table.Th scope="col">{t('publicSite.search.rating')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.items.map((a) => (
              <Table.Tr key={a.code}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={RouterLink} to={publicPaths.agency(year, a.code)}>
                    {pickName(a, lang)}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {[a.code, pick(a.typeName, lang), a.province ? pick(a.province, lang) : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Table.Th>
                <Table.Td ta="right">{formatScore(a.total)}</Table.Td>
                <Table.Td>
                  <Text span size="sm" c={a.passes ? 'green.8' : 'red.8'}>
                    <span aria-hidden>{a.passes ? '✓ ' : '✗ '}</span>
                    {pick(a.rating, lang)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PaginationFooter
        page={result.page}
        total={result.total}
        pageSize={result.pageSize}
        onChange={onPage}
      />
    </Stack>
  );
}
