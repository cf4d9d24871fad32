// Open data (`/public/open-data`): the files of a published year, the data dictionary (every column in Thai
// and English), the licence (CC BY 4.0) with how to credit it, and the API.
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import { useDictionary, usePublishedYears } from './api.ts';
import { OpenDataLinks } from './OpenDataLinks.tsx';
import { PublicSection } from './PublicSection.tsx';
import { yearToShow } from './view.ts';
import { YearPicker } from './YearPicker.tsx';

export default function OpenDataPage() {
  const { lang, t } = useLang();
  const [params, setParams] = useSearchParams();
  const years = usePublishedYears();
  const dictionary = useDictionary();
  const published = years.data?.items.map((i) => i.year) ?? [];
  const year = years.data ? yearToShow(params.get('year') ?? undefined, published) : null;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('publicSite.openData.title')}
        description={t('publicSite.openData.description')}
        actions={
          year !== null && published.length > 0 ? (
            <YearPicker years={published} value={year} onChange={(y) => setParams({ year: String(y) })} />
          ) : undefined
        }
      />
      {years.isPending ? (
        <Loading />
      ) : years.isError ? (
        <ErrorAlert error={years.error} />
      ) : year === null ? (
        <EmptyState title={t('publicSite.empty.title')} hint={t('publicSite.empty.hint')} />
      ) : (
        <OpenDataLinks year={year} />
      )}
      {dictionary.isPending ? (
        <Loading />
      ) : dictionary.isError ? (
        <ErrorAlert error={dictionary.error} />
      ) : (
        <>
          <PublicSection id="public-licence" title={t('publicSite.openData.licence')}>
            <Text size="sm">
              <Anchor href={dictionary.data.licence.url} target="_blank" rel="noreferrer">
                {dictionary.data.licence.name}
              </Anchor>
            </Text>
            <Text size="sm" mt="xs">
              {t('publicSite.openData.attribution')} {pick(dictionary.data.licence.attribution, lang)}
            </Text>
            <Text size="sm" mt="xs" c="dimmed">
              {pick(dictionary.data.format, lang)}
            </Text>
          </PublicSection>
          <PublicSection id="public-dictionary" title={t('publicSite.openData.dictionaryHeading')}>
            <Stack gap="lg">
              {dictionary.data.datasets.map((d) => (
                <Stack key={d.name} gap={4}>
                  <Text fw={600} id={`dict-${d.name}`}>
                    {t(`publicSite.openData.datasets.${d.name}`, { defaultValue: d.name })} (
                    {pick(d.rows, lang)})
                  </Text>
                  <Table.ScrollContainer minWidth={420}>
                    <Table withTableBorder striped aria-labelledby={`dict-${d.name}`}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('publicSite.openData.column')}</Table.Th>
                          <Table.Th scope="col">{t('publicSite.openData.meaning')}</Table.Th>
                          <Table.Th scope="col">{t('publicSite.openData.type')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {d.columns.map((c) => (
                          <Table.Tr key={c.name}>
                            <Table.Th scope="row" fw={400}>
                              <code>{c.name}</code>
                            </Table.Th>
                            <Table.Td>{lang === 'th' ? c.th : c.en}</Table.Td>
                            <Table.Td>
                              {t(`publicSite.openData.types.${c.type}`)}
                              {c.nullable ? ` · ${t('publicSite.openData.nullable')}` : ''}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Stack>
              ))}
            </Stack>
          </PublicSection>
        </>
      )}
    </Stack>
  );
}
